// Discarding a temporary file: closed and removed, whatever state the run left it in.
import { closeSync, existsSync, fstatSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeQuietly, discardTempFile } from '../src/temp-file.js';

const dir = mkdtempSync(join(tmpdir(), 'poa-temp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = (name: string): { fd: number; path: string } => {
  const path = join(dir, name);
  return { fd: openSync(path, 'wx'), path };
};

describe('discardTempFile', () => {
  it('closes an open file and removes it', () => {
    const file = open('open.tmp');
    discardTempFile(file);
    expect(existsSync(file.path)).toBe(false);
    expect(() => fstatSync(file.fd)).toThrow();
  });

  it('removes a file already closed, and takes one already gone', () => {
    const closed = open('closed.tmp');
    closeSync(closed.fd);
    discardTempFile(closed);
    expect(existsSync(closed.path)).toBe(false);
    expect(() => discardTempFile(closed)).not.toThrow();
  });

  it('closes a descriptor once, quietly the second time', () => {
    const file = open('twice.tmp');
    closeQuietly(file.fd);
    expect(() => fstatSync(file.fd)).toThrow();
    expect(() => closeQuietly(file.fd)).not.toThrow();
  });
});
