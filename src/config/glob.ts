// Glob patterns for `ignore`, `overrides[].files` and `--ignore-pattern`, with gitignore's meaning of slashes.
//
// A pattern is relative to a base folder (the config file's, or the working directory for flags):
// - without a slash (`README.md`, `*.bak.md`, `archive`) it matches a name at any depth;
// - with one (`clients/acme/**`, `/notes.md`) it is anchored to the base folder;
// - a trailing slash (`archive/`) matches folders only; a matched folder matches everything inside it;
// - `*` and `?` stay within one path segment, `**` spans segments, `{a,b}` and `[abc]` work as in shells;
// - in a list, `!pattern` re-includes what an earlier pattern matched (the last match wins).

export type PathMatcher = (relativePath: string) => boolean;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Translate the glob syntax of one pattern body (no leading `!`, no trailing `/`) to a regular expression source. */
function translate(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const slashAfter = glob[i + 2] === '/';
        if (atStart && slashAfter) {
          out += '(?:[^/]*/)*';
          i += 3;
        } else {
          out += '.*';
          i += 2;
        }
      } else {
        out += '[^/]*';
        i += 1;
      }
    } else if (c === '?') {
      out += '[^/]';
      i += 1;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        i += 1;
      } else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close + 1;
      }
    } else if (c === '{') {
      const close = matchingBrace(glob, i);
      if (close === -1) {
        out += '\\{';
        i += 1;
      } else {
        out += `(?:${splitAlternatives(glob.slice(i + 1, close)).map(translate).join('|')})`;
        i = close + 1;
      }
    } else {
      out += escapeRegExp(c);
      i += 1;
    }
  }
  return out;
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

interface CompiledPattern {
  negated: boolean;
  regexp: RegExp;
}

function compilePattern(raw: string): CompiledPattern {
  let pattern = raw.trim();
  const negated = pattern.startsWith('!');
  if (negated) pattern = pattern.slice(1);
  pattern = pattern.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const folderOnly = pattern.endsWith('/');
  pattern = pattern.replace(/\/+$/, '');
  const anchored = pattern.includes('/');
  pattern = pattern.replace(/^\/+/, '');
  const prefix = anchored ? '' : '(?:[^/]*/)*';
  // A folder matches everything inside it; a folder-only pattern matches nothing but folders.
  const suffix = folderOnly ? '/.*' : '(?:/.*)?';
  return { negated, regexp: new RegExp(`^${prefix}${translate(pattern)}${suffix}$`, 'u') };
}

/** Normalise a path relative to the base folder; null when it lies outside it. */
function normalise(relativePath: string): string | null {
  const path = relativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (path === '' || path === '..' || path.startsWith('../') || path.startsWith('/')) return null;
  return path;
}

/** What a pattern list says about a path: true (matched), false (re-included by `!`), undefined (no pattern matched). */
export type GlobDecider = (relativePath: string) => boolean | undefined;

/** Compile a list of patterns; the last pattern that matches decides. */
export function compileGlobDecider(patterns: readonly string[]): GlobDecider {
  const compiled = patterns.filter((p) => p.trim() !== '' && p.trim() !== '!').map(compilePattern);
  if (compiled.length === 0) return () => undefined;
  return (relativePath) => {
    const path = normalise(relativePath);
    if (path === null) return undefined;
    for (let i = compiled.length - 1; i >= 0; i--) {
      const { negated, regexp } = compiled[i] as CompiledPattern;
      if (regexp.test(path)) return !negated;
    }
    return undefined;
  };
}

/** Compile a list of patterns into one yes/no matcher (`!` re-includes). */
export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const decide = compileGlobDecider(patterns);
  return (relativePath) => decide(relativePath) === true;
}
