// Hostile and broken input, end to end: every bad input is one line on stderr (`poa: <file>: <what> — <what to do>`)
// with exit code 2 and no stack trace; everything else lints. Each case asserts the exact line.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/types.js';
import { BIN, runPoa, type CliResult } from '../helpers.js';

const READS = 'poa reads markdown and plain-text drafts: export or copy the text into a .md or .txt file';
const PLAN = '## Root cause\nOur handling time was one day.\n\n## Corrective actions\nOn 3 May we set it to two days for order 171-1234567-1234567.\n';

function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'poa-hostile-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Exit code 2 and exactly this one line on stderr, no stack trace. */
function expectOneLine(r: CliResult, line: string): void {
  expect(r.stderr).toBe(`${line}\n`);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.status).toBe(2);
}

function json(r: CliResult): LintReport {
  return JSON.parse(r.stdout) as LintReport;
}

describe('inputs', () => {
  const dir = folder({
    'empty/image.png': '',
    'nul.md': Buffer.from('Root cause\0 stock'),
    'scan.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    'plan.pdf': Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3', 'latin1'),
    'plan.docx': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), Buffer.from('[Content_Types].xml'), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]),
    'latin1.txt': Buffer.from('Causa: il corriere \xe8 in ritardo\n', 'latin1'),
    'utf16le.md': Buffer.from(`\ufeff${PLAN}`, 'utf16le'),
    'utf16be.md': Buffer.from(`\ufeff${PLAN}`, 'utf16le').swap16(),
    'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN)]),
    'lf.md': PLAN,
    'crlf.md': PLAN.replace(/\n/g, '\r\n'),
    'cr.md': PLAN.replace(/\n/g, '\r'),
    'void.md': '',
    'blank.md': ' \n\t\n\n',
    'deep-lists.md': `${'- '.repeat(10000)}item\n`,
    'deep-quotes.md': `${'>'.repeat(10000)} quote\n`,
    'front.md': '---\nlang: it\nreason: [late\n---\nCAUSA\n',
    'clients/rossi/piano d’azione 計画.md': PLAN,
    'big/huge.md': '',
  });
  truncateSync(join(dir, 'big', 'huge.md'), 50 * 1024 * 1024);
  symlinkSync('loop', join(dir, 'loop'));
  symlinkSync('.', join(dir, 'clients', 'rossi', 'again'));

  it('a missing path', () => {
    expectOneLine(runPoa(['lint', 'nope.md'], { cwd: dir }), 'poa: nope.md: no such file or directory — check the path');
  });

  it('a directory without drafts', () => {
    expectOneLine(runPoa(['lint', 'empty'], { cwd: dir }), 'poa: empty: no drafts in this directory — poa looks for *.md, *.markdown, *.txt files');
  });

  it('a named pipe is not read (it would wait forever)', () => {
    const made = spawnSync('mkfifo', [join(dir, 'pipe.md')]).status === 0;
    if (!made) return;
    expectOneLine(runPoa(['lint', 'pipe.md'], { cwd: dir }), 'poa: pipe.md: not a regular file (a named pipe) — poa reads drafts from files, or from stdin: poa lint - < draft.md');
  });

  it.skipIf(process.getuid?.() === 0)('a file poa may not read (skipped as root, who reads every file; test/document/permissions.test.ts covers it)', () => {
    const locked = folder({ 'locked.md': PLAN });
    spawnSync('chmod', ['000', join(locked, 'locked.md')]);
    expectOneLine(runPoa(['lint', 'locked.md'], { cwd: locked }), 'poa: locked.md: permission denied — check the file permissions');
  });

  const binaries: Array<[string, string]> = [
    ['nul.md', 'binary file (NUL byte at offset 10)'],
    ['scan.png', 'binary file (a PNG image)'],
    ['plan.pdf', 'binary file (a PDF document)'],
    ['plan.docx', 'binary file (a Word document (.docx))'],
  ];
  for (const [file, what] of binaries) {
    it(`a binary file: ${file}`, () => {
      expectOneLine(runPoa(['lint', file], { cwd: dir }), `poa: ${file}: ${what} — ${READS}`);
    });
  }

  it('invalid UTF-8', () => {
    expectOneLine(
      runPoa(['lint', 'latin1.txt'], { cwd: dir }),
      'poa: latin1.txt: invalid UTF-8 at byte 19 (line 1) — save the draft as UTF-8 (in most editors: Save with encoding → UTF-8)',
    );
  });

  it('UTF-16 LE and BE with a byte order mark, UTF-8 with one, and LF, CRLF and CR all give the same report', () => {
    const reports = ['lf.md', 'utf16le.md', 'utf16be.md', 'bom.md', 'crlf.md', 'cr.md'].map((file) => {
      const r = runPoa(['lint', file, '--lang', 'en', '-f', 'json'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      return json(r).files[0]?.findings.map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn, f.excerpt]);
    });
    expect(reports[0]?.length).toBeGreaterThan(0);
    for (const report of reports) expect(report).toEqual(reports[0]);
  });

  it('an empty draft and a blank one are linted: the parts they lack', () => {
    const r = runPoa(['lint', 'void.md', 'blank.md', '--lang', 'en', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    for (const file of json(r).files) {
      expect(file.sections).toEqual([]);
      expect(file.findings.some((f) => f.ruleId === 'missing-section')).toBe(true);
    }
  });

  it('a 50 MB file is refused by the size limit', () => {
    expectOneLine(
      runPoa(['lint', 'big/huge.md'], { cwd: dir }),
      'poa: big/huge.md: file too large (50 MB, the limit is 10 MB) — a plan of action is one or two pages; raise the limit with --max-file-size if this is really a draft',
    );
  });

  it('10,000 nested lists or quotes are linted, no stack overflow', () => {
    const r = runPoa(['lint', 'deep-lists.md', 'deep-quotes.md', '--lang', 'en', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(json(r).files.map((f) => f.path)).toEqual(['deep-lists.md', 'deep-quotes.md']);
  });

  it('malformed front matter, at file:line:col', () => {
    expectOneLine(
      runPoa(['lint', 'front.md'], { cwd: dir }),
      'poa: front.md:3:14: front matter is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]) — fix the YAML between the --- lines or remove it',
    );
  });

  it('a symbolic link loop, named or crossed by a glob; a glob that meets one deeper walks on', () => {
    expectOneLine(runPoa(['lint', 'loop'], { cwd: dir }), 'poa: loop: symbolic link loop — fix or remove the link');
    expectOneLine(runPoa(['lint', 'loop/**/*.md'], { cwd: dir }), 'poa: loop: symbolic link loop (in loop/**/*.md) — fix or remove the link');
    const r = runPoa(['lint', 'clients/**/*.md', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(json(r).files.map((f) => f.path)).toEqual(['clients/rossi/piano d’azione 計画.md']);
  });

  it('names with spaces and non-Latin letters, found and missing', () => {
    const r = runPoa(['lint', 'clients/rossi/piano d’azione 計画.md', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(json(r).files[0]?.path).toBe('clients/rossi/piano d’azione 計画.md');
    expectOneLine(runPoa(['lint', 'clients/rossi/piano 計画 2.md'], { cwd: dir }), 'poa: clients/rossi/piano 計画 2.md: no such file or directory — check the path');
  });

  it('a report that cannot be written (a full disk) is one line', () => {
    if (!existsSync('/dev/full')) return;
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'lint', 'lf.md'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expectOneLine(
        { status: r.status ?? -1, stdout: '', stderr: r.stderr },
        'poa: <stdout>: cannot write the output: no space left on the device (ENOSPC) — free some space, or choose another disk, or write to a file with -o',
      );
    } finally {
      closeSync(full);
    }
  });

  it('a report file that cannot be written (a full disk, a missing folder) is one line', () => {
    if (existsSync('/dev/full')) {
      for (const format of ['stylish', 'json']) {
        expectOneLine(
          runPoa(['lint', 'lf.md', '-f', format, '-o', '/dev/full'], { cwd: dir }),
          'poa: /dev/full: cannot write the report: no space left on the device (ENOSPC) — free some space, or choose another disk',
        );
      }
    }
    expectOneLine(
      runPoa(['lint', 'lf.md', '-o', 'reports/poa.txt'], { cwd: dir }),
      'poa: reports/poa.txt: cannot write the report: no such file or directory (ENOENT) — create the folder first, or choose another place',
    );
  });

  it('a stack trace only with --debug', () => {
    const r = runPoa(['lint', 'nul.md', '--debug'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')).toContain(`poa: nul.md: binary file (NUL byte at offset 10) — ${READS}`);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('configuration and rule packs', () => {
  const rule = (pattern: string): string => `id: house-rule\nseverity: error\ncheck: phrases\nlanguages:\n  en:\n    message: m\n    families:\n      f:\n        patterns: ['${pattern}']\n`;
  const lint = (config: string, pack: Record<string, string> = {}): { dir: string; r: CliResult } => {
    const files: Record<string, string> = { '.poarc.yaml': config, 'plan.md': PLAN };
    for (const [name, text] of Object.entries(pack)) files[`house/${name}`] = text;
    const dir = folder(files);
    return { dir, r: runPoa(['lint', 'plan.md'], { cwd: dir }) };
  };

  it('broken YAML, at file:line:col', () => {
    expectOneLine(
      lint('root: true\nrules: [\n').r,
      'poa: .poarc.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] — fix the YAML at that line and column',
    );
  });

  it('an unknown key, with the nearest valid one', () => {
    expectOneLine(lint('root: true\nrulez:\n  empty-section: off\n').r, 'poa: .poarc.yaml:2:1: unknown key "rulez" — did you mean "rules"?');
  });

  it('a wrong type, and a wrong severity', () => {
    expectOneLine(lint('root: true\nignore: 5\n').r, 'poa: .poarc.yaml:2:9: ignore: must be array — see schema/config.schema.json (poa-lint/schema/config.schema.json in node_modules)');
    expectOneLine(
      lint('root: true\nrules:\n  vague-promise: fatal\n').r,
      'poa: .poarc.yaml:3:18: rules.vague-promise: must be one of "off", "warn", "warning", "error", "info" — see schema/config.schema.json (poa-lint/schema/config.schema.json in node_modules)',
    );
  });

  it('a rule pack with an invalid regular expression', () => {
    const { dir, r } = lint('root: true\nrulePacks: [./house]\n', { 'house-rule.yaml': rule('re:(unclosed') });
    expectOneLine(
      { ...r, stderr: r.stderr.replace(dir, '<dir>') },
      'poa: <dir>/house/house-rule.yaml: en.families.f: invalid regular expression /(unclosed/: Unterminated group — see docs/rule-packs.md for the pattern syntax',
    );
  });

  it('rule packs with catastrophic backtracking are refused at load', () => {
    const nested = lint('root: true\nrulePacks: [./house]\n', { 'house-rule.yaml': rule('re:(a+)+$') });
    expectOneLine(
      { ...nested.r, stderr: nested.r.stderr.replace(nested.dir, '<dir>') },
      'poa: <dir>/house/house-rule.yaml: en.families.f: regular expression /(a+)+$/ nests quantifiers (like (a+)+) and could hang on long text; rewrite it without a repeated group that itself repeats — see docs/rule-packs.md for the pattern syntax',
    );
    const ambiguous = lint('root: true\nrulePacks: [./house]\n', { 'house-rule.yaml': rule('re:(a|aa)+$') });
    expectOneLine(
      { ...ambiguous.r, stderr: ambiguous.r.stderr.replace(ambiguous.dir, '<dir>') },
      'poa: <dir>/house/house-rule.yaml: en.families.f: regular expression /(a|aa)+$/ repeats a choice whose alternatives can match the same text (like (a|aa)+) and could hang on long text; make the alternatives start differently, or bound the repetition, as in {1,20} — see docs/rule-packs.md for the pattern syntax',
    );
  });
});

describe('writes', () => {
  const init = (args: string[], cwd: string): CliResult => runPoa(['init', '--yes', '--reason', 'late-shipment', '--lang', 'en', ...args], { cwd });

  it('never overwrites without --force, and leaves the file byte for byte', () => {
    const dir = folder({ 'plan.md': 'my own draft\r\n' });
    expectOneLine(init(['--out', 'plan.md'], dir), 'poa: plan.md: file already exists — pass --force to replace it, or choose another name with --out');
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('my own draft\r\n');
    expect(init(['--out', 'plan.md', '--force'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toMatch(/^---\nlang: en\n/);
  });

  it('writes through a temporary file and leaves none behind', () => {
    const dir = folder();
    expect(init(['--out', 'plan.md'], dir).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('a path under a file (as a read-only folder would be, since tests run as root)', () => {
    const dir = folder({ 'file.txt': 'x' });
    expectOneLine(init(['--out', 'file.txt/plan.md'], dir), 'poa: file.txt/plan.md: file.txt is a file, not a folder — choose an output file inside a folder');
  });

  it('a folder even root may not write in', () => {
    if (!existsSync('/sys/kernel')) return;
    expectOneLine(
      init(['--out', '/sys/poa-plan.md'], folder()),
      'poa: /sys/poa-plan.md: cannot write the plan: permission denied (EACCES) — check you may write in that folder, or choose another place; nothing was written',
    );
  });

  it('never replaces a device, even with --force, and a full disk under --stdout is one line', () => {
    if (!existsSync('/dev/full')) return;
    expectOneLine(init(['--out', '/dev/full', '--force'], folder()), 'poa: /dev/full: not a regular file — give a file name for the plan, such as plan.md, or print it with --stdout');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'init', '--yes', '--reason', 'late-shipment', '--lang', 'en', '--stdout'], { cwd: folder(), stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expectOneLine(
        { status: r.status ?? -1, stdout: '', stderr: r.stderr },
        'poa: <stdout>: cannot write the output: no space left on the device (ENOSPC) — free some space, or choose another disk, or write to a file with -o',
      );
    } finally {
      closeSync(full);
    }
  });
});
