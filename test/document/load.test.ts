import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDraft, firstInvalidUtf8 } from '../../src/document/decode.js';
import { expandInputs, readDraft } from '../../src/document/load.js';
import { errorOf } from '../helpers.js';


const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decoding drafts', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeDraft(utf8('Causa: errore'), 'a.txt')).toMatchObject({ text: 'Causa: errore', bom: false });
    expect(decodeDraft(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('l’account')]), 'a.txt')).toMatchObject({ text: 'l’account', bom: true });
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const le = Buffer.from('\ufeffRoot cause: stock', 'utf16le');
    expect(decodeDraft(new Uint8Array(le), 'w.txt')).toMatchObject({ text: 'Root cause: stock', encoding: 'utf-16le' });
  });

  it('names binary files and what they are', () => {
    expect(errorOf(() => decodeDraft(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), 'plan.pdf'))).toBe(
      'plan.pdf: binary file (a PDF document) — poa reads markdown and plain-text drafts: export or copy the text into a .md or .txt file',
    );
    expect(errorOf(() => decodeDraft(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), 'plan.docx'))).toContain('binary file (a Word document (.docx))');
    expect(errorOf(() => decodeDraft(new Uint8Array([0x41, 0x00, 0x42]), 'x.md'))).toContain('binary file (NUL byte at offset 1)');
  });

  it('reports invalid UTF-8 with its byte offset and line', () => {
    const bytes = new Uint8Array([...utf8('ok\nline two '), 0xc3, 0x28]);
    expect(firstInvalidUtf8(bytes)).toBe(12);
    expect(errorOf(() => decodeDraft(bytes, 'latin1.txt'))).toBe(
      'latin1.txt: invalid UTF-8 at byte 12 (line 2) — save the draft as UTF-8 (in most editors: Save with encoding → UTF-8)',
    );
  });
});

describe('finding drafts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'poa-load-'));
  mkdirSync(join(dir, 'client a', 'old'), { recursive: true });
  mkdirSync(join(dir, 'empty'));
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(join(dir, 'client a', 'piano è.md'), 'PROBLEMA\n');
  writeFileSync(join(dir, 'client a', 'old', 'v1.txt'), 'CAUSA\n');
  writeFileSync(join(dir, 'client a', 'notes.pdf'), '%PDF-');
  writeFileSync(join(dir, 'empty', 'image.png'), '');
  writeFileSync(join(dir, 'node_modules', 'x', 'README.md'), '# x');

  it('walks directories for *.md, *.markdown and *.txt, skipping node_modules', () => {
    expect(expandInputs(['.'], { cwd: dir })).toEqual(['client a/old/v1.txt', 'client a/piano è.md']);
  });

  it('expands globs and keeps the order of the arguments without duplicates', () => {
    expect(expandInputs(['client a/old/v1.txt', '**/*.md', 'client a/old/v1.txt'], { cwd: dir })).toEqual(['client a/old/v1.txt', 'client a/piano è.md']);
  });

  it('fails clearly on a missing path, an empty directory and a glob without matches', () => {
    expect(errorOf(() => expandInputs(['nope.md'], { cwd: dir }))).toBe('nope.md: no such file or directory — check the path');
    expect(errorOf(() => expandInputs(['empty'], { cwd: dir }))).toBe('empty: no drafts in this directory — poa looks for *.md, *.markdown, *.txt files');
    expect(errorOf(() => expandInputs(['**/*.markdown'], { cwd: dir }))).toContain('**/*.markdown: the pattern matches no draft');
  });

  it('refuses files over the size limit', () => {
    writeFileSync(join(dir, 'big.md'), 'x'.repeat(2048));
    expect(errorOf(() => readDraft('big.md', { cwd: dir, maxBytes: 1024 }))).toBe(
      'big.md: file too large (2 KB, the limit is 1 KB) — a plan of action is one or two pages; raise the limit with --max-file-size if this is really a draft',
    );
  });
});
