// poa init on a full disk or a read-only one: one line, nothing written, no temporary file left. A full
// disk cannot be had on demand, so node:fs is stood in for; /dev/full and /sys cover the real thing end to end.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PoaError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/scaffold/write.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = vi.fn(actual.writeFileSync);
  const openSync = vi.fn(actual.openSync);
  return { ...actual, writeFileSync, openSync, default: { ...actual, writeFileSync, openSync } };
});

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PoaError) return error.format();
    throw error;
  }
  throw new Error('expected a PoaError');
}

const fail = (code: string) => (): never => {
  throw Object.assign(new Error(`${code}: simulated`), { code });
};

afterEach(() => {
  vi.mocked(fs.writeFileSync).mockReset();
  vi.mocked(fs.openSync).mockReset();
});

describe('writeFileAtomic when the disk says no', () => {
  it('a full disk: one line, and the half-written temporary file is removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-full-'));
    vi.mocked(fs.writeFileSync).mockImplementationOnce(fail('ENOSPC'));
    expect(message(() => writeFileAtomic(join(dir, 'plan.md'), 'plan', { force: false }))).toBe(
      `${join(dir, 'plan.md')}: cannot write the plan: no space left on the device (ENOSPC) — free some space, or choose another disk; nothing was written`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a read-only file system and a folder poa may not write in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-ro-'));
    vi.mocked(fs.openSync).mockImplementationOnce(fail('EROFS'));
    expect(message(() => writeFileAtomic(join(dir, 'plan.md'), 'plan', { force: true }))).toBe(
      `${join(dir, 'plan.md')}: cannot write the plan: the file system is read-only (EROFS) — choose a folder on a disk you can write to; nothing was written`,
    );
    vi.mocked(fs.openSync).mockImplementationOnce(fail('EACCES'));
    expect(message(() => writeFileAtomic(join(dir, 'plan.md'), 'plan', { force: false }))).toBe(
      `${join(dir, 'plan.md')}: cannot write the plan: permission denied (EACCES) — check you may write in that folder, or choose another place; nothing was written`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeFileAtomic on Ctrl-C', () => {
  it('finishes the plan, leaves no temporary file, then lets the interrupt through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-sigint-'));
    const actual = await vi.importActual<typeof import('node:fs')>('node:fs');
    const listeners = process.listenerCount('SIGINT');
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    vi.mocked(fs.writeFileSync).mockImplementationOnce((...args: Parameters<typeof fs.writeFileSync>) => {
      process.emit('SIGINT', 'SIGINT');
      actual.writeFileSync(...args);
    });
    try {
      writeFileAtomic(join(dir, 'plan.md'), 'the whole plan', { force: false });
      expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('the whole plan');
      expect(readdirSync(dir)).toEqual(['plan.md']);
      expect(kill).toHaveBeenCalledWith(process.pid, 'SIGINT');
      expect(process.listenerCount('SIGINT')).toBe(listeners);
    } finally {
      kill.mockRestore();
    }
  });
});
