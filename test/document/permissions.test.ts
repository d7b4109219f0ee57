// Files poa may not read: the operating system's error becomes one line naming the file. Tests run as
// root here, which reads every file, so the errors are also produced by a stand-in for node:fs.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDraft } from '../../src/document/load.js';
import { errorOf } from '../helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const readFileSync = vi.fn(actual.readFileSync);
  return { ...actual, readFileSync, default: { ...actual, readFileSync } };
});


function failWith(code: string): void {
  vi.mocked(fs.readFileSync).mockImplementationOnce(() => {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'poa-perm-'));
writeFileSync(join(dir, 'plan.md'), '## Root cause\n');
afterEach(() => {
  chmodSync(join(dir, 'plan.md'), 0o644);
  vi.mocked(fs.readFileSync).mockReset();
});

describe('a draft poa may not read', () => {
  it('says permission denied and what to check', () => {
    failWith('EACCES');
    expect(errorOf(() => readDraft('plan.md', { cwd: dir }))).toBe('plan.md: permission denied — check the file permissions');
    failWith('EPERM');
    expect(errorOf(() => readDraft('plan.md', { cwd: dir }))).toBe('plan.md: permission denied — check the file permissions');
  });

  it('names other read errors in words', () => {
    failWith('EIO');
    expect(errorOf(() => readDraft('plan.md', { cwd: dir }))).toBe('plan.md: cannot read: input/output error (EIO) — check the disk or copy the file elsewhere');
    failWith('EMFILE');
    expect(errorOf(() => readDraft('plan.md', { cwd: dir }))).toBe('plan.md: cannot read: too many open files (EMFILE) — close other programs or raise the limit (ulimit -n)');
  });

  const root = process.getuid?.() === 0;
  it.skipIf(root)('reports a file without read permission (skipped as root, who may read every file)', () => {
    chmodSync(join(dir, 'plan.md'), 0o000);
    expect(errorOf(() => readDraft('plan.md', { cwd: dir }))).toBe('plan.md: permission denied — check the file permissions');
  });
});
