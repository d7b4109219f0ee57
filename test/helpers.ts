// Shared test helpers: fixture paths and running the built CLI as a user would.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { PoaError } from '../src/errors.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SEEDS = join(ROOT, '..', 'shared', 'seeds');
export const BIN = join(ROOT, 'bin', 'poa.js');

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runPoa(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
    timeout: 60000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The one line a user-caused error prints (PoaError.format()), or a failure when the call does not throw one. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PoaError);
    return (error as PoaError).format();
  }
  throw new Error('expected a PoaError');
}
