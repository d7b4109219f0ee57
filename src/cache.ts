// `poa lint --cache`: results of drafts that have not changed since the last run, kept in one file (.poacache).
//
// A result is reused only when everything it depends on is the same: the draft's text, its path as reported, the
// settings it was linted with (config, flags, notice), the content of the user's rule packs and stock-text folders,
// and poa itself (its code, rules and templates, by content: CI checkouts and installs change modification times).

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from './data.js';
import { describeSystemError, PoaError } from './errors.js';
import type { FileResult } from './types.js';

/** Bumped when the file's layout changes. */
const FORMAT = 1;

export const DEFAULT_CACHE_FILE = '.poacache';

interface CacheFile {
  format: number;
  /** poa's own identity: a digest of its code, rules and templates. */
  poa: string;
  /** By draft path as reported: the digest of what the result depends on, and the result. */
  entries: Record<string, { key: string; result: FileResult }>;
}

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

export class LintCache {
  private entries: CacheFile['entries'] = {};
  private changed = false;
  /** Why the file's entries were not used, for --debug (undefined when they were, or there was no file). */
  readonly discarded: string | undefined;

  /** Reads the cache file; one that is missing, damaged or from another poa starts empty. */
  constructor(
    readonly file: string,
    private readonly poa: string,
  ) {
    let discarded: string | undefined;
    if (existsSync(file)) {
      try {
        const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
        if (data.format !== FORMAT || typeof data.entries !== 'object' || data.entries === null) discarded = 'not a poa cache file of this version';
        else if (data.poa !== poa) discarded = 'made by another version of poa or its rules';
        else this.entries = data.entries;
      } catch {
        discarded = 'unreadable or damaged';
      }
      if (discarded !== undefined) this.changed = true;
    }
    this.discarded = discarded;
  }

  /** The digest a result is stored under: the settings' digest and the draft's text. */
  static key(settings: string, text: string): string {
    return createHash('sha1').update(settings).update('\0').update(text).digest('hex');
  }

  get(path: string, key: string): FileResult | undefined {
    const entry = this.entries[path];
    return entry !== undefined && entry.key === key ? entry.result : undefined;
  }

  set(path: string, key: string, result: FileResult): void {
    this.entries[path] = { key, result };
    this.changed = true;
  }

  /**
   * Write the file if anything changed, atomically (a temporary file renamed over it), keeping the entries of drafts
   * this run did not lint while their file is still there. A cache that cannot be written is an error: the user asked for it.
   */
  save(cwd: string): void {
    for (const path of Object.keys(this.entries)) {
      if (!existsSync(resolve(cwd, path))) {
        delete this.entries[path];
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const data: CacheFile = { format: FORMAT, poa: this.poa, entries: this.entries };
    const temporary = join(dirname(this.file), `.poacache-${process.pid}-${Date.now().toString(36)}.tmp`);
    try {
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.file);
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // never written
      }
      const { what, hint } = describeSystemError(error, 'write');
      throw new PoaError(`cannot write the cache: ${what}`, { subject: this.file, hint: `${hint} (--cache-location sets where the cache goes)` });
    }
    this.changed = false;
  }
}
