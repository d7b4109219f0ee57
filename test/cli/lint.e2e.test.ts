// Runs bin/poa.js as a user would: exit codes, formats, stdin and one-line errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/types.js';
import { FIXTURES, runPoa } from '../helpers.js';

describe('poa lint', () => {
  it('lints the README example and exits 1 on errors', () => {
    const r = runPoa(['lint', 'examples/draft-en.md']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('examples/draft-en.md (en, detected)');
    expect(r.stdout).toContain('parts: other@1, root-cause@7, corrective-actions@9');
    expect(r.stdout).toMatch(/7:4 +error +The part "Root cause" is empty\. +empty-section/);
    expect(r.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?\) in 1 file/);
    expect(r.stderr).toBe('');
  });

  it('exits 0 on a complete plan', () => {
    const r = runPoa(['lint', 'examples/plan-en.md']);
    expect(r.stdout).toContain('✔ no problems in 1 file');
    expect(r.status).toBe(0);
  });

  it('prints the JSON contract', () => {
    const r = runPoa(['lint', '--format', 'json', 'test/fixtures/it/farmacia.txt', 'examples/draft-en.md']);
    const report = JSON.parse(r.stdout) as LintReport;
    expect(Object.keys(report)).toEqual(['version', 'files', 'errorCount', 'warningCount', 'infoCount']);
    expect(report.version).toBe(1);
    expect(report.files.map((f) => [f.path, f.language])).toEqual([
      ['test/fixtures/it/farmacia.txt', 'it'],
      ['examples/draft-en.md', 'en'],
    ]);
    const draft = report.files[1];
    expect(draft?.sections[1]).toEqual({ kinds: ['root-cause'], heading: 'Root cause', line: 7, style: 'atx' });
    expect(draft?.findings.find((f) => f.ruleId === 'empty-section')).toEqual({
      ruleId: 'empty-section',
      severity: 'error',
      message: 'The part "Root cause" is empty.',
      line: 7,
      column: 4,
      endLine: 7,
      endColumn: 14,
      excerpt: 'Root cause',
      section: 'root-cause',
      help: 'Write this part or remove the heading; an empty part reads as an unanswered question.',
    });
    expect(report.errorCount).toBe(report.files.reduce((n, f) => n + f.errorCount, 0));
    expect(r.status).toBe(1);
  });

  it('reads stdin with -', () => {
    const r = runPoa(['lint', '-', '--format', 'json'], { input: '## Oorzaak\n\n## Corrigerende maatregelen\nOp 3 mei hebben we alle bestellingen terugbetaald.\n' });
    const report = JSON.parse(r.stdout) as LintReport;
    expect(report.files[0]).toMatchObject({ path: '<stdin>', language: 'nl' });
    expect(report.files[0]?.findings.map((f) => f.ruleId)).toContain('empty-section');
  });

  it('takes the language from front matter over --lang, and --locale for messages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-lang-'));
    writeFileSync(join(dir, 'plan.md'), '---\nlang: de\n---\n## Ursache\n\n## Korrekturmaßnahmen\nAm 3. Mai haben wir erstattet.\n');
    const r = runPoa(['lint', 'plan.md', '--lang', 'fr', '--locale', 'it', '--format', 'json'], { cwd: dir });
    const file = (JSON.parse(r.stdout) as LintReport).files[0];
    expect(file).toMatchObject({ language: 'de', languageSource: 'front-matter' });
    expect(file?.findings.find((f) => f.ruleId === 'empty-section')?.message).toBe('La parte "Ursache" è vuota.');
  });

  it('honours --quiet, --rule and --max-warnings', () => {
    const complete = join(FIXTURES, 'es', 'preguntas.txt');
    expect(runPoa(['lint', complete]).status).toBe(0);
    expect(runPoa(['lint', complete, '--max-warnings', '0']).status).toBe(1);
    expect(runPoa(['lint', complete, '--quiet']).stdout).toContain('no problems');
    // Switching every rule that reports an error to a warning or off brings the exit code to 0.
    const report = JSON.parse(runPoa(['lint', 'examples/draft-en.md', '-f', 'json']).stdout) as LintReport;
    const errors = [...new Set(report.files[0]?.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId))];
    expect(errors).toContain('empty-section');
    const flags = errors.flatMap((id, i) => ['--rule', `${id}=${i % 2 === 0 ? 'off' : 'warning'}`]);
    expect(runPoa(['lint', 'examples/draft-en.md', ...flags]).status).toBe(0);
  });

  it('writes the report to --output-file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'poa-out-')), 'report.json');
    const r = runPoa(['lint', 'examples/draft-en.md', '-f', 'json', '-o', out]);
    expect(r.stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as LintReport).files).toHaveLength(1);
  });
});

describe('bad input and usage: one line, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'poa-bad-'));
  writeFileSync(join(dir, 'scan.pdf'), Buffer.from('%PDF-1.7\n%\xe2\xe3'));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x75, 0x73, 0x61, 0x3a, 0x20, 0xe8, 0x0a]));
  writeFileSync(join(dir, 'broken.md'), '---\nlang: [it\n---\nCAUSA\n');
  writeFileSync(join(dir, 'big.md'), 'a'.repeat(3000));

  const cases: Array<[string, string[], string]> = [
    ['missing file', ['lint', 'nope.md'], 'poa: nope.md: no such file or directory — check the path'],
    ['directory without drafts', ['lint', '.', '--format', 'json'], ''],
    ['binary file', ['lint', 'scan.pdf'], 'poa: scan.pdf: binary file (a PDF document) — poa reads markdown and plain-text drafts: export or copy the text into a .md or .txt file'],
    ['invalid UTF-8', ['lint', 'latin1.txt'], 'poa: latin1.txt: invalid UTF-8 at byte 7 (line 1) — save the draft as UTF-8 (in most editors: Save with encoding → UTF-8)'],
    ['file too large', ['lint', 'big.md', '--max-file-size', '1KB'], 'poa: big.md: file too large (2.9 KB, the limit is 1 KB)'],
    ['broken front matter', ['lint', 'broken.md'], 'poa: broken.md:2:'],
    ['unknown flag', ['lint', 'x.md', '--fromat', 'json'], "poa: unknown option '--fromat' — did you mean --format?"],
    ['unknown format', ['lint', 'x.md', '--format', 'jsno'], 'poa: unknown format "jsno" — did you mean "json"?'],
    ['unknown command', ['lintt'], 'poa: unknown command "lintt" — did you mean "lint"?'],
    ['unsupported language', ['lint', 'broken.md', '--lang', 'xx'], 'poa: --lang: unsupported language "xx" — use one of'],
    ['no paths', ['lint'], 'poa: no drafts given — name a file, a directory or a glob, or - for stdin'],
    ['bad --rule', ['lint', 'x.md', '--rule', 'empty-section'], 'poa: invalid --rule "empty-section"'],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = runPoa(args, { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
      if (message !== '') expect(r.stderr).toContain(message);
    });
  }

  it('names the directory without drafts', () => {
    const empty = mkdtempSync(join(tmpdir(), 'poa-empty-'));
    const r = runPoa(['lint', empty]);
    expect(r.stderr).toBe(`poa: ${empty}: no drafts in this directory — poa looks for *.md, *.markdown, *.txt files\n`);
    expect(r.status).toBe(2);
  });

  it('prints help with exit 0 and usage with exit 2 when called bare', () => {
    expect(runPoa(['--help']).status).toBe(0);
    expect(runPoa(['lint', '--help']).stdout).toContain('--max-warnings');
    const bare = runPoa([]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('Usage: poa');
  });
});
