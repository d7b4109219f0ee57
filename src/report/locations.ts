// Paths and fingerprints the CI formats (SARIF, GitHub, GitLab) share: paths from the repository root, stable ids per finding.

import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';
import type { FileResult, Finding } from '../types.js';

export interface PathOptions {
  /** Folder the report's relative paths start from (default: the process's working directory). */
  cwd?: string;
  /** Folder the output's paths should start from, e.g. the repository root in CI (default: cwd). */
  root?: string;
}

/**
 * A report path as seen from `root`, with forward slashes. Paths outside root stay absolute;
 * `<stdin>` and other non-file paths are returned as they are.
 */
export function pathFromRoot(path: string, options: PathOptions = {}): string {
  if (path.startsWith('<')) return path;
  const cwd = options.cwd ?? process.cwd();
  const root = options.root ?? cwd;
  const absolute = resolve(cwd, path);
  const rel = relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return absolute.split('\\').join('/');
  return rel.split('\\').join('/');
}

/**
 * Fingerprints that survive edits elsewhere in the draft: rule, file, and what was found
 * (the excerpt, or the message for something missing) — never line numbers. Equal findings
 * in one file are told apart by their order.
 */
export function fingerprints(file: FileResult, path: string): string[] {
  const seen = new Map<string, number>();
  return file.findings.map((f: Finding) => {
    const what = f.excerpt.trim() !== '' ? f.excerpt.replace(/\s+/gu, ' ').trim().toLowerCase() : f.message;
    const key = JSON.stringify([f.ruleId, path, what]);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
  });
}
