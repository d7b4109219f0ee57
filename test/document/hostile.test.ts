// Hostile and broken drafts: every one gets a result or one clear PoaError naming the file, and none hangs or overflows the stack.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDraft } from '../../src/document/decode.js';
import { expandInputs, readDraft } from '../../src/document/load.js';
import { flattenDeepNesting, MAX_NESTING_COLUMNS } from '../../src/document/parse.js';
import { lintText } from '../../src/lint.js';
import type { FileResult } from '../../src/types.js';
import { ROOT, errorOf } from '../helpers.js';


const READS = 'poa reads markdown and plain-text drafts: export or copy the text into a .md or .txt file';
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));

/** Every finding lies inside the text and its excerpt is the text at its position. */
function expectFindingsInside(result: FileResult, text: string): void {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  const offset = (line: number, column: number): number => (starts[line - 1] as number) + column - 1;
  for (const f of result.findings) {
    const from = offset(f.line, f.column);
    const to = offset(f.endLine, f.endColumn);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeLessThanOrEqual(text.length);
    expect(text.slice(from, to)).toBe(f.excerpt);
  }
}

describe('binary files say what they are and that poa reads text', () => {
  const cases: Array<[string, string, Uint8Array, string]> = [
    ['NUL bytes', 'notes.md', bytes('Root cause', [0], 'x'), 'binary file (NUL byte at offset 10)'],
    ['a PNG image', 'scan.md', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binary file (a PNG image)'],
    ['a JPEG photo', 'photo.jpg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'binary file (a JPEG image)'],
    ['a PDF', 'plan.pdf', bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3]), 'binary file (a PDF document)'],
    ['a .docx, by what it holds', 'plan.md', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], '[Content_Types].xml', [0x50, 0x4b, 0x03, 0x04], 'word/document.xml'), 'binary file (a Word document (.docx))'],
    ['a .docx, by its name', 'plan.docx', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'binary file (a Word document (.docx))'],
    ['an .odt', 'plan.odt', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0], 'mimetypeapplication/vnd.oasis.opendocument.text'), 'binary file (an OpenDocument text (.odt))'],
    ['another ZIP archive', 'drafts.zip', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0], 'a.md'), 'binary file (a ZIP archive)'],
    ['an old .doc', 'plan.doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'binary file (an old Microsoft Office document (.doc))'],
  ];
  for (const [name, path, data, what] of cases) {
    it(name, () => {
      expect(errorOf(() => decodeDraft(data, path))).toBe(`${path}: ${what} — ${READS}`);
    });
  }
});

describe('encodings', () => {
  it('refuses invalid UTF-8 with its byte offset and line', () => {
    expect(errorOf(() => decodeDraft(bytes('Causa:\nerrore del corriere ', [0xe8], '\n'), 'latin1.txt'))).toBe(
      'latin1.txt: invalid UTF-8 at byte 27 (line 2) — save the draft as UTF-8 (in most editors: Save with encoding → UTF-8)',
    );
    // A sequence cut short at the end of the file, and an over-long encoding of "/".
    expect(errorOf(() => decodeDraft(bytes('ok ', [0xe2, 0x82]), 'cut.txt'))).toMatch(/^cut\.txt: invalid UTF-8 at byte 3 \(line 1\)/);
    expect(errorOf(() => decodeDraft(bytes('a', [0xc0, 0xaf]), 'overlong.txt'))).toMatch(/^overlong\.txt: invalid UTF-8 at byte 1 \(line 1\)/);
  });

  it('decodes UTF-16 LE and BE with a byte order mark', () => {
    const text = 'Root cause: the carrier’s pickup was late.\r\n';
    const le = new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
    const be = new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le').swap16());
    expect(decodeDraft(le, 'le.txt')).toEqual({ path: 'le.txt', text, bom: true, encoding: 'utf-16le' });
    expect(decodeDraft(be, 'be.txt')).toEqual({ path: 'be.txt', text, bom: true, encoding: 'utf-16be' });
  });

  it('refuses UTF-16 cut at an odd byte, UTF-16 without a byte order mark, and UTF-32', () => {
    expect(errorOf(() => decodeDraft(bytes([0xff, 0xfe, 0x41, 0, 0x42]), 'odd.txt'))).toBe('odd.txt: not valid UTF-16LE: odd number of bytes — save the draft as UTF-8');
    expect(errorOf(() => decodeDraft(new Uint8Array(Buffer.from('Root cause: stock', 'utf16le')), 'nobom.txt'))).toBe(
      'nobom.txt: UTF-16LE text without a byte order mark — save the draft as UTF-8 (or as UTF-16 with a byte order mark, which poa also reads)',
    );
    expect(errorOf(() => decodeDraft(new Uint8Array(Buffer.from('Root cause: stock', 'utf16le').swap16()), 'nobom.txt'))).toMatch(/^nobom\.txt: UTF-16BE text without a byte order mark/);
    expect(errorOf(() => decodeDraft(bytes([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'wide.txt'))).toBe('wide.txt: UTF-32 text, which poa does not read — save the draft as UTF-8');
  });

  it('drops a UTF-8 byte order mark, and positions count from the first character after it', () => {
    const source = decodeDraft(bytes([0xef, 0xbb, 0xbf], '## Root cause\n\n## Corrective actions\n'), 'bom.md');
    expect(source).toMatchObject({ text: '## Root cause\n\n## Corrective actions\n', bom: true, encoding: 'utf-8' });
    const empty = lintText(source.text, { language: 'en' }).findings.find((f) => f.ruleId === 'empty-section');
    expect(empty).toMatchObject({ line: 1, column: 4, excerpt: 'Root cause' });
  });
});

describe('line endings, empty and blank drafts', () => {
  const lines = ['## Root cause', '', '## Corrective actions', 'On 3 May we refunded order 171-1234567-1234567. We will improve our processes.', ''];

  it('gives the same findings at the same positions for LF, CRLF and CR', () => {
    const results = ['\n', '\r\n', '\r'].map((eol) => {
      const text = lines.join(eol);
      const result = lintText(text, { language: 'en' });
      expectFindingsInside(result, text);
      return result.findings.map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn, f.excerpt]);
    });
    expect(results[0]?.length).toBeGreaterThan(0);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('lints an empty draft and a draft of whitespace: the parts it lacks, no crash', () => {
    for (const text of ['', '   \n\n\t \n', '\r\n\r\n', '\u00a0\u3000\n']) {
      const result = lintText(text, { language: 'en' });
      expect(result.sections).toEqual([]);
      expect(result.findings.filter((f) => f.ruleId === 'missing-section').length).toBeGreaterThan(0);
      expectFindingsInside(result, text);
    }
  });
});

describe('drafts built to exhaust the parser', () => {
  const shapes: Array<[string, string]> = [
    ['10,000 nested lists on one line', `${'- '.repeat(10000)}item\n`],
    ['10,000 nested ordered lists on one line', `${'1. '.repeat(10000)}item\n`],
    ['10,000 nested quotes on one line', `${'>'.repeat(10000)} quote\n`],
    ['10,000 nested quotes and lists', `${'> - '.repeat(5000)}item\n`],
    ['quotes one level deeper on each of 1,000 lines', Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} q`).join('\n')],
    ['a list nested 600 deep by indentation', Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')],
  ];
  for (const [name, text] of shapes) {
    it(`lints ${name} without overflowing the stack`, () => {
      const result = lintText(text, { language: 'en' });
      expect(result.errorCount).toBeGreaterThan(0);
      expectFindingsInside(result, text);
    }, 60000);
  }

  it('reads list and quote markers past the nesting limit as text, keeping every offset', () => {
    const deep = `${'- '.repeat(80)}item`;
    const flat = flattenDeepNesting(deep);
    expect(flat).toHaveLength(deep.length);
    expect(flat.slice(0, MAX_NESTING_COLUMNS)).toBe(deep.slice(0, MAX_NESTING_COLUMNS));
    expect(flat.slice(MAX_NESTING_COLUMNS)).toBe(`${'\u00a0 '.repeat(30)}item`);
    const ordinary = '# Plan\n\n> quoted\n> > twice\n\n- a\n  - b\n    1. c\n';
    expect(flattenDeepNesting(ordinary)).toBe(ordinary);
    const rule = `${'- '.repeat(70)}\n`;
    expect(flattenDeepNesting(rule)).toBe(rule);
  });

  it('finishes a single 5 MB line of prose', () => {
    const plan = readFileSync(join(ROOT, 'examples', 'plan-en.md'), 'utf8').replace(/\r?\n/g, ' ');
    const text = plan.repeat(Math.ceil((5 * 1024 * 1024) / plan.length)).slice(0, 5 * 1024 * 1024);
    const result = lintText(text, { language: 'en' });
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.line === 1 && f.endLine === 1 && f.endColumn <= text.length + 1)).toBe(true);
  }, 120000);

  it('finishes a single word of 1 MB', () => {
    const result = lintText('a'.repeat(1024 * 1024), { language: 'en' });
    expect(result.errorCount).toBeGreaterThan(0);
  }, 120000);
});

describe('paths that are not drafts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'poa-hostile-'));
  let server: Server | undefined;
  beforeAll(async () => {
    mkdirSync(join(dir, 'clients', 'rossi'), { recursive: true });
    writeFileSync(join(dir, 'clients', 'rossi', 'piano d’azione 計画.md'), '## Causa\nIl corriere era in ritardo.\n');
    symlinkSync('loop', join(dir, 'loop'));
    symlinkSync('.', join(dir, 'clients', 'rossi', 'again'));
    symlinkSync('gone.md', join(dir, 'dangling.md'));
    mkdirSync(join(dir, 'big'));
    writeFileSync(join(dir, 'big', 'sparse.md'), '');
    truncateSync(join(dir, 'big', 'sparse.md'), 50 * 1024 * 1024);
    server = createServer();
    await new Promise<void>((done) => server?.listen(join(dir, 'socket.md'), done));
  });
  afterAll(() => {
    server?.close();
  });

  it('a named pipe, a socket and a device are not drafts', () => {
    const fifo = spawnSync('mkfifo', [join(dir, 'pipe.md')]);
    if (fifo.status === 0) {
      expect(errorOf(() => expandInputs(['pipe.md'], { cwd: dir }))).toBe('pipe.md: not a regular file (a named pipe) — poa reads drafts from files, or from stdin: poa lint - < draft.md');
      expect(errorOf(() => readDraft('pipe.md', { cwd: dir }))).toMatch(/^pipe\.md: not a regular file \(a named pipe\)/);
    }
    expect(errorOf(() => expandInputs(['socket.md'], { cwd: dir }))).toBe('socket.md: not a regular file (a socket) — poa reads drafts from files, or from stdin: poa lint - < draft.md');
    expect(errorOf(() => readDraft('/dev/null'))).toBe('/dev/null: not a regular file (a character device) — poa reads drafts from files, or from stdin: poa lint - < draft.md');
  });

  it('names a symbolic link loop and a broken link as the user wrote them', () => {
    expect(errorOf(() => expandInputs(['loop'], { cwd: dir }))).toBe('loop: symbolic link loop — fix or remove the link');
    expect(errorOf(() => expandInputs(['loop/**/*.md'], { cwd: dir }))).toBe('loop: symbolic link loop (in loop/**/*.md) — fix or remove the link');
    expect(errorOf(() => expandInputs(['dangling.md'], { cwd: dir }))).toBe('dangling.md: broken symbolic link (it points to gone.md, which does not exist) — fix or remove the link');
  });

  it('walks past symbolic links that loop, in directories and globs', () => {
    expect(expandInputs(['clients'], { cwd: dir })).toEqual(['clients/rossi/piano d’azione 計画.md']);
    expect(expandInputs(['clients/**/*.md'], { cwd: dir })).toEqual(['clients/rossi/piano d’azione 計画.md']);
    expect(expandInputs(['**/*.md'], { cwd: dir })).toEqual(['big/sparse.md', 'clients/rossi/piano d’azione 計画.md']);
  });

  it('keeps names with spaces and non-Latin letters as written', () => {
    const source = readDraft('clients/rossi/piano d’azione 計画.md', { cwd: dir });
    expect(source.path).toBe('clients/rossi/piano d’azione 計画.md');
    expect(errorOf(() => expandInputs(['clients/rossi/piano 2 計画.md'], { cwd: dir }))).toBe('clients/rossi/piano 2 計画.md: no such file or directory — check the path');
  });

  it('refuses a 50 MB file by its size, before reading it', () => {
    expect(errorOf(() => readDraft('big/sparse.md', { cwd: dir }))).toBe(
      'big/sparse.md: file too large (50 MB, the limit is 10 MB) — a plan of action is one or two pages; raise the limit with --max-file-size if this is really a draft',
    );
  });
});

describe('front matter', () => {
  it('reports YAML it cannot read at file:line:col', () => {
    expect(errorOf(() => lintText('---\nlang: it\nreason: [late\n---\nCAUSA\n', { path: 'plan.md' }))).toBe(
      'plan.md:3:14: front matter is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]) — fix the YAML between the --- lines or remove it',
    );
    const lf = errorOf(() => lintText('---\nlang: it\n  reason: x\n---\nCAUSA\n', { path: 'plan.md' }));
    expect(lf).toMatch(/^plan\.md:2:7: front matter is not valid YAML/);
    expect(errorOf(() => lintText('---\r\nlang: it\r\n  reason: x\r\n---\r\nCAUSA\r\n', { path: 'plan.md' }))).toBe(lf);
    expect(errorOf(() => lintText('---\rlang: it\r  reason: x\r---\rCAUSA\r', { path: 'plan.md' }))).toBe(lf);
  });

  it('reports front matter that is not a mapping where it starts', () => {
    expect(errorOf(() => lintText('---\n- lang\n- it\n---\nCAUSA\n', { path: 'plan.md' }))).toBe(
      'plan.md:2:1: front matter must be a mapping of keys to values — write one key per line between the --- lines, as in lang: it',
    );
  });
});
