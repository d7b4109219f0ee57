// Finds the drafts a user named (paths, globs, directories, `-`) and reads each into a Source.

import { readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { PoaError } from '../errors.js';
import type { Source } from '../types.js';
import { decodeDraft } from './decode.js';

/** File endings poa treats as drafts when it walks a directory. */
export const DRAFT_EXTENSIONS = ['md', 'markdown', 'txt'] as const;
/** Default size limit: far above any real plan (1–2 pages), low enough to refuse a mistaken dump. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**'];

export const STDIN_PATH = '-';

export interface ExpandOptions {
  cwd?: string;
  /** Extra glob patterns to skip (relative to cwd). */
  ignore?: string[];
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELOOP') throw new PoaError('symbolic link loop', { subject: path, hint: 'fix or remove the link' });
    if (code === 'EACCES' || code === 'EPERM') throw new PoaError('permission denied', { subject: path, hint: 'check the file permissions' });
    throw new PoaError(`cannot read (${code ?? 'unknown error'})`, { subject: path });
  }
}

function toDisplay(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' ? '.' : rel.split('\\').join('/');
}

/**
 * Expand the command line's inputs into draft paths, in the order given (each glob or directory sorted).
 * Paths are returned as the user would write them: relative to cwd when inside it.
 */
export function expandInputs(inputs: string[], options: ExpandOptions = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const ignore = [...DEFAULT_IGNORES, ...(options.ignore ?? [])];
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (path: string): void => {
    if (!seen.has(path)) {
      seen.add(path);
      out.push(path);
    }
  };
  for (const input of inputs) {
    if (input === STDIN_PATH) {
      add(STDIN_PATH);
      continue;
    }
    const absolute = isAbsolute(input) ? input : join(cwd, input);
    const stats = statOrNull(absolute);
    if (stats?.isFile()) {
      add(input);
      continue;
    }
    if (stats?.isDirectory()) {
      const found = globDrafts([`**/*.{${DRAFT_EXTENSIONS.join(',')}}`], absolute, ignore);
      if (found.length === 0) {
        throw new PoaError('no drafts in this directory', {
          subject: input,
          hint: `poa looks for ${DRAFT_EXTENSIONS.map((e) => `*.${e}`).join(', ')} files`,
        });
      }
      for (const file of found) add(toDisplay(cwd, join(absolute, file)));
      continue;
    }
    if (isDynamicPattern(input)) {
      const found = globDrafts([input], cwd, ignore);
      if (found.length === 0) {
        throw new PoaError('the pattern matches no draft', { subject: input, hint: 'check the pattern, and quote it so the shell does not expand it' });
      }
      for (const file of found) add(toDisplay(cwd, join(cwd, file)));
      continue;
    }
    throw new PoaError('no such file or directory', { subject: input, hint: 'check the path' });
  }
  return out;
}

function globDrafts(patterns: string[], cwd: string, ignore: string[]): string[] {
  try {
    return globSync(patterns, { cwd, ignore, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false }).sort();
  } catch (error) {
    throw new PoaError(`cannot search for drafts (${(error as Error).message})`, { subject: patterns.join(' ') });
  }
}

export interface ReadOptions {
  cwd?: string;
  maxBytes?: number;
  /** Text to use for `-` (stdin), already read by the caller. */
  stdin?: Uint8Array;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

/** Read and decode one draft. */
export function readDraft(path: string, options: ReadOptions = {}): Source {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (path === STDIN_PATH) {
    const bytes = options.stdin ?? new Uint8Array();
    checkSize(bytes.length, maxBytes, '<stdin>');
    return { ...decodeDraft(bytes, '<stdin>'), path: '<stdin>' };
  }
  const cwd = options.cwd ?? process.cwd();
  const absolute = isAbsolute(path) ? path : join(cwd, path);
  const stats = statOrNull(absolute);
  if (stats === null) throw new PoaError('no such file or directory', { subject: path, hint: 'check the path' });
  if (stats.isDirectory()) throw new PoaError('is a directory', { subject: path, hint: 'name the drafts inside it, or pass the directory to `poa lint` to search it' });
  if (!stats.isFile()) throw new PoaError('not a regular file', { subject: path, hint: 'poa reads drafts from files or from stdin (`-`)' });
  checkSize(stats.size, maxBytes, path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new PoaError('permission denied', { subject: path, hint: 'check the file permissions' });
    throw new PoaError(`cannot read (${code ?? (error as Error).message})`, { subject: path });
  }
  return decodeDraft(bytes, path);
}

function checkSize(size: number, maxBytes: number, path: string): void {
  if (size > maxBytes) {
    throw new PoaError(`file too large (${formatBytes(size)}, the limit is ${formatBytes(maxBytes)})`, {
      subject: path,
      hint: 'a plan of action is one or two pages; raise the limit with --max-file-size if this is really a draft',
    });
  }
}
