// Finds the drafts a user named (paths, globs, directories, `-`) and reads each into a Source.

import { lstatSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { describeSystemError, PoaError } from '../errors.js';
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

/** What a path that is neither a file nor a folder is, for messages. */
function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function notRegular(stats: Stats, subject: string): PoaError {
  const kind = kindOf(stats);
  return new PoaError(kind.startsWith('not') ? kind : `not a regular file (${kind})`, {
    subject,
    hint: 'poa reads drafts from files, or from stdin: poa lint - < draft.md',
  });
}

/** The first part of a path (as the user wrote it) that is a symbolic link loop. */
function loopingPart(cwd: string, input: string): string {
  const parts = input.split(/[\\/]/);
  for (let n = 1; n <= parts.length; n++) {
    const prefix = parts.slice(0, n).join('/');
    if (prefix === '') continue;
    try {
      statSync(isAbsolute(prefix) ? prefix : join(cwd, prefix));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') return prefix;
    }
  }
  return input;
}

/** Stats of a path, or null when it does not exist; `subject` is the path as the user wrote it. */
function statOrNull(path: string, subject: string, cwd: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELOOP') {
      const loop = loopingPart(cwd, subject);
      throw new PoaError(loop === subject ? 'symbolic link loop' : `symbolic link loop (in ${subject})`, { subject: loop, hint: 'fix or remove the link' });
    }
    const { what, hint } = describeSystemError(error, 'read');
    throw new PoaError(code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read: ${what}`, { subject, hint });
  }
}

/** "no such file", or, for a symbolic link whose target is gone, what it points to. */
function missing(path: string, subject: string): PoaError {
  try {
    if (lstatSync(path).isSymbolicLink()) {
      return new PoaError(`broken symbolic link (it points to ${readlinkSync(path)}, which does not exist)`, { subject, hint: 'fix or remove the link' });
    }
  } catch {
    // not there at all
  }
  return new PoaError('no such file or directory', { subject, hint: 'check the path' });
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
    const stats = statOrNull(absolute, input, cwd);
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
    if (stats) throw notRegular(stats, input);
    if (isDynamicPattern(input)) {
      const found = globDrafts([input], cwd, ignore);
      if (found.length === 0) {
        throw new PoaError('the pattern matches no draft', { subject: input, hint: 'check the pattern, and quote it so the shell does not expand it' });
      }
      for (const file of found) add(toDisplay(cwd, join(cwd, file)));
      continue;
    }
    throw missing(absolute, input);
  }
  return out;
}

function globDrafts(patterns: string[], cwd: string, ignore: string[]): string[] {
  try {
    return globSync(patterns, { cwd, ignore, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false }).sort();
  } catch (error) {
    const { what, hint } = describeSystemError(error, 'read');
    throw new PoaError(`cannot search for drafts: ${what}`, { subject: patterns.join(' '), hint });
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
  const stats = statOrNull(absolute, path, cwd);
  if (stats === null) throw missing(absolute, path);
  if (stats.isDirectory()) throw new PoaError('is a directory', { subject: path, hint: 'name the drafts inside it, or pass the directory to `poa lint` to search it' });
  if (!stats.isFile()) throw notRegular(stats, path);
  checkSize(stats.size, maxBytes, path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new PoaError('permission denied', { subject: path, hint: 'check the file permissions' });
    const { what, hint } = describeSystemError(error, 'read');
    throw new PoaError(`cannot read: ${what}`, { subject: path, hint });
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
