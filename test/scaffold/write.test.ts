// Writing a plan: never clobbering, never leaving a temporary file, never writing outside the folder on an answers file's say-so.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PoaError } from '../../src/errors.js';
import { resolveOutput, writeFileAtomic } from '../../src/scaffold/write.js';

let dir: string;
let outside: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'poa-write-'));
  outside = mkdtempSync(join(tmpdir(), 'poa-outside-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
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

describe('resolveOutput', () => {
  it('refuses an existing file named on the command line, unless forced', () => {
    writeFileSync(join(dir, 'plan.md'), 'mine');
    expect(message(() => resolveOutput({ cwd: dir, path: 'plan.md', source: 'command-line', force: false }))).toBe(
      'plan.md: file already exists — pass --force to replace it, or choose another name with --out',
    );
    expect(resolveOutput({ cwd: dir, path: 'plan.md', source: 'command-line', force: true })).toBe(join(dir, 'plan.md'));
  });

  it('takes the next free name instead of the default one when it exists', () => {
    writeFileSync(join(dir, 'plan-late-shipment-2026-05-04.md'), 'one');
    writeFileSync(join(dir, 'plan-late-shipment-2026-05-04-2.md'), 'two');
    expect(resolveOutput({ cwd: dir, path: 'plan-late-shipment-2026-05-04.md', source: 'default', force: false })).toBe(join(dir, 'plan-late-shipment-2026-05-04-3.md'));
  });

  it('lets the command line write anywhere, but not an answers file', () => {
    expect(resolveOutput({ cwd: dir, path: join(outside, 'plan.md'), source: 'command-line', force: false })).toBe(join(outside, 'plan.md'));
    expect(message(() => resolveOutput({ cwd: dir, path: join(outside, 'plan.md'), source: 'answers', origin: 'answers.yaml:20:9', force: false }))).toMatch(
      /^answers\.yaml:20:9: output ".*plan\.md" is outside the current folder — .*--out/,
    );
    expect(message(() => resolveOutput({ cwd: dir, path: '../plan.md', source: 'answers', force: false }))).toMatch(/outside the current folder/);
    mkdirSync(join(dir, 'plans'));
    expect(resolveOutput({ cwd: dir, path: 'plans/plan.md', source: 'answers', force: false })).toBe(join(dir, 'plans', 'plan.md'));
  });

  it('sees through a symbolic link that leads outside', () => {
    symlinkSync(outside, join(dir, 'link'));
    expect(message(() => resolveOutput({ cwd: dir, path: 'link/plan.md', source: 'answers', force: false }))).toMatch(/outside the current folder/);
  });

  it('says when the folder does not exist or the path is a folder', () => {
    expect(message(() => resolveOutput({ cwd: dir, path: 'nope/plan.md', source: 'command-line', force: false }))).toMatch(/^nope\/plan\.md: the folder to write the plan in does not exist/);
    mkdirSync(join(dir, 'plan.md'));
    expect(message(() => resolveOutput({ cwd: dir, path: 'plan.md', source: 'command-line', force: true }))).toMatch(/^plan\.md: is a folder/);
  });
});

describe('writeFileAtomic', () => {
  it('writes the file and leaves nothing else behind', () => {
    writeFileAtomic(join(dir, 'plan.md'), '# Plan\n', { force: false });
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('# Plan\n');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('keeps a file that appeared meanwhile byte for byte, and removes its temporary file', () => {
    const original = Buffer.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0xe2, 0x82, 0xac, 0x0d, 0x0a]);
    writeFileSync(join(dir, 'plan.md'), original);
    expect(message(() => writeFileAtomic(join(dir, 'plan.md'), 'new', { force: false }))).toMatch(/file already exists/);
    expect(readFileSync(join(dir, 'plan.md')).equals(original)).toBe(true);
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('replaces the file with force', () => {
    writeFileSync(join(dir, 'plan.md'), 'old');
    writeFileAtomic(join(dir, 'plan.md'), 'new', { force: true });
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('removes its temporary file when the final step fails', () => {
    mkdirSync(join(dir, 'plan.md'));
    writeFileSync(join(dir, 'plan.md', 'inside'), 'x');
    expect(message(() => writeFileAtomic(join(dir, 'plan.md'), 'new', { force: true }))).toMatch(/^.*plan\.md: cannot write the plan: .*\((EISDIR|ENOTEMPTY|EEXIST)\)/);
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder it may not write in', () => {
    chmodSync(dir, 0o555);
    expect(message(() => writeFileAtomic(join(dir, 'plan.md'), 'new', { force: false }))).toMatch(/cannot write the plan: permission denied \(EACCES\) — check you may write in that folder, or choose another place; nothing was written$/);
  });
});
