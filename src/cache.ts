// `poa lint --cache`: results of drafts that have not changed since the last run, kept in one file (.poacache).
//
// A result is reused only when everything it depends on is the same: the draft's text, its path as reported, the
// settings it was linted with (config, flags, notice), the content of the user's rule packs and stock-text folders,
// and poa itself (its code, rules and templates, by content: CI checkouts and installs change modification times).
//
// The file is a header line, then one line per draft: `<key>\t<path as JSON>\t<result as JSON>`. Only the keys,
// paths and line positions are held in memory; a result is read from the file when its draft is looked up, and
// the new file is written line by line, so an archive of 10,000 drafts does not sit in memory.

import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from './data.js';
import { describeSystemError, PoaError } from './errors.js';
import { closeQuietly, discardTempFile } from './temp-file.js';
import type { FileResult } from './types.js';

/** Bumped when the file's layout changes. */
const FORMAT = 2;

export const DEFAULT_CACHE_FILE = '.poacache';

/** Bytes read at a time while indexing the file. */
const CHUNK = 1 << 20;

/** Files under a folder (recursively, sorted), skipping node_modules, hidden folders, source maps and declarations. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    let names: string[];
    try {
      names = readdirSync(at).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name === 'node_modules' || name.startsWith('.') || name.endsWith('.map') || name.endsWith('.d.ts')) continue;
      const path = join(at, name);
      let isDir: boolean;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** A digest of the contents of files and folders (a missing one counts as missing, not as an error). */
export function contentDigest(paths: string[]): string {
  const hash = createHash('sha1');
  for (const path of paths) {
    hash.update(`\0${path}\0`);
    let files: string[];
    try {
      files = statSync(path).isDirectory() ? filesUnder(path) : [path];
    } catch {
      hash.update('missing');
      continue;
    }
    for (const file of files) {
      hash.update(`${relative(path, file)}\0`);
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update('unreadable');
      }
    }
  }
  return hash.digest('hex');
}

let identity: string | undefined;

/** poa's own identity: its built code (and sources, in a checkout), rules and templates. */
export function poaIdentity(): string {
  if (identity === undefined) {
    const root = packageRoot();
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
    identity = `${version}:${contentDigest(['dist', 'src', 'rules', 'templates'].map((d) => join(root, d)))}`;
  }
  return identity;
}

/** Where a draft's line is in the old file. */
interface Entry {
  key: string;
  /** The whole line, newline included. */
  lineStart: number;
  lineEnd: number;
  /** The result's JSON. */
  resultStart: number;
}

export class LintCache {
  private readonly entries = new Map<string, Entry>();
  /** The old file, open for reading results, or null. */
  private input: number | null = null;
  /** The new file, written as fresh results come: opened at the first one. */
  private output: { path: string; fd: number } | null = null;
  /** Drafts whose result was linted in this run (their old line is dropped). */
  private readonly fresh = new Set<string>();
  private changed = false;
  /** Why the file's entries were not used, for --debug (undefined when they were, or there was no file). */
  readonly discarded: string | undefined;

  /** Indexes the cache file; one that is missing, damaged or from another poa starts empty. */
  constructor(
    readonly file: string,
    private readonly poa: string,
  ) {
    let discarded: string | undefined;
    if (existsSync(file)) {
      try {
        this.input = openSync(file, 'r');
        discarded = this.index();
      } catch {
        discarded = 'unreadable or damaged';
      }
      if (discarded !== undefined) {
        this.entries.clear();
        this.changed = true;
      }
    }
    this.discarded = discarded;
  }

  /** Reads the file line by line, keeping each line's key, path and position. Returns why it cannot be used, if so. */
  private index(): string | undefined {
    const fd = this.input as number;
    let carry = Buffer.alloc(0);
    let carryStart = 0;
    let position = 0;
    let header = true;
    const chunk = Buffer.alloc(CHUNK);
    for (;;) {
      const n = readSync(fd, chunk, 0, CHUNK, position);
      if (n === 0) break;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      const dataStart = carry.length > 0 ? carryStart : position;
      position += n;
      let at = 0;
      for (let newline = data.indexOf(10, at); newline >= 0; newline = data.indexOf(10, at)) {
        if (header) {
          const head = JSON.parse(data.toString('utf8', at, newline)) as { format?: unknown; poa?: unknown };
          if (head.format !== FORMAT) return 'not a poa cache file of this version';
          if (head.poa !== this.poa) return 'made by another version of poa or its rules';
          header = false;
        } else {
          const tab1 = data.indexOf(9, at);
          const tab2 = tab1 < 0 ? -1 : data.indexOf(9, tab1 + 1);
          if (tab1 < 0 || tab2 < 0 || tab2 > newline) return 'unreadable or damaged';
          const path = JSON.parse(data.toString('utf8', tab1 + 1, tab2)) as string;
          this.entries.set(path, { key: data.toString('latin1', at, tab1), lineStart: dataStart + at, lineEnd: dataStart + newline + 1, resultStart: dataStart + tab2 + 1 });
        }
        at = newline + 1;
      }
      // A line longer than what is left of the chunk continues in the next one.
      carry = Buffer.from(data.subarray(at));
      carryStart = dataStart + at;
    }
    if (header || carry.length > 0) return 'unreadable or damaged';
    return undefined;
  }

  /** The digest a result is stored under: the settings' digest and the draft's text. */
  static key(settings: string, text: string): string {
    return createHash('sha1').update(settings).update('\0').update(text).digest('hex');
  }

  private read(start: number, end: number): Buffer {
    const buffer = Buffer.alloc(end - start);
    let done = 0;
    while (done < buffer.length) {
      const n = readSync(this.input as number, buffer, done, buffer.length - done, start + done);
      if (n === 0) throw new Error('the cache file is shorter than its index');
      done += n;
    }
    return buffer;
  }

  /** The stored result of a draft, if its key is the one stored; a line that cannot be read counts as none. */
  get(path: string, key: string): FileResult | undefined {
    const entry = this.entries.get(path);
    if (entry === undefined || entry.key !== key || this.input === null || this.fresh.has(path)) return undefined;
    try {
      return JSON.parse(this.read(entry.resultStart, entry.lineEnd - 1).toString('utf8')) as FileResult;
    } catch {
      this.entries.delete(path);
      this.changed = true;
      return undefined;
    }
  }

  private write(text: string | Buffer): void {
    try {
      if (this.output === null) {
        const path = join(dirname(this.file), `.poacache-${process.pid}-${Date.now().toString(36)}.tmp`);
        this.output = { path, fd: openSync(path, 'wx', 0o644) };
        writeSync(this.output.fd, `${JSON.stringify({ format: FORMAT, poa: this.poa })}\n`);
      }
      writeSync(this.output.fd, typeof text === 'string' ? Buffer.from(text) : text);
    } catch (error) {
      this.dispose();
      throw this.failure(error);
    }
  }

  private failure(error: unknown): PoaError {
    const { what, hint } = describeSystemError(error, 'write');
    return new PoaError(`cannot write the cache: ${what}`, { subject: this.file, hint: `${hint} (--cache-location sets where the cache goes)` });
  }

  /** Store a draft's fresh result (written to the new file at once). */
  set(path: string, key: string, result: FileResult): void {
    this.fresh.add(path);
    this.changed = true;
    this.write(`${key}\t${JSON.stringify(path)}\t${JSON.stringify(result)}\n`);
  }

  /**
   * Finish the new file when anything changed, and put it in place of the old one atomically: the entries of drafts
   * this run did not lint again are copied over while their file is still there. A cache that cannot be written is
   * an error: the user asked for it. `dispose` follows, in every case.
   */
  save(cwd: string): void {
    const kept: Entry[] = [];
    for (const [path, entry] of this.entries) {
      if (this.fresh.has(path)) continue;
      if (existsSync(resolve(cwd, path))) kept.push(entry);
      else this.changed = true;
    }
    if (!this.changed) return;
    for (const entry of kept) this.write(this.read(entry.lineStart, entry.lineEnd));
    if (this.output === null) this.write('');
    const { path, fd } = this.output as { path: string; fd: number };
    try {
      closeSync(fd);
      renameSync(path, this.file);
      this.output = null;
    } catch (error) {
      // dispose removes the unfinished file
      throw this.failure(error);
    }
  }

  /** Close the files and remove an unfinished new one (after save, or when linting failed). */
  dispose(): void {
    if (this.input !== null) {
      closeQuietly(this.input);
      this.input = null;
    }
    if (this.output !== null) {
      discardTempFile(this.output);
      this.output = null;
    }
  }
}
