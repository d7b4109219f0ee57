// What every check kind does with its patterns: compile a list into one expression, per language, once.

import { PoaError } from '../../errors.js';
import type { RuleDefinition } from '../model.js';
import { compilePattern, joinPatterns, PatternError, PhraseMatcher } from '../patterns.js';

/** One expression for a list of patterns (null when empty); a bad pattern is reported as `rule file: where: problem`. */
export function compileList(rule: RuleDefinition, patterns: unknown, where: string, flags = 'gu'): RegExp | null {
  const list = (Array.isArray(patterns) ? patterns : []) as string[];
  if (list.length === 0) return null;
  try {
    return joinPatterns(list.map(compilePattern), flags);
  } catch (error) {
    if (error instanceof PatternError) throw new PoaError(`${where}: ${error.message}`, { subject: rule.file, hint: 'see docs/rule-packs.md for the pattern syntax' });
    throw error;
  }
}

/**
 * A list of patterns as one matcher (null when empty), run as word-anchored programs like the phrase rules.
 * Raw expressions read the text line by line, or whole with `whole` (for checks that test one item at a time). Patterns of a pack not checked at build time are compiled at
 * once, so a broken one is reported when the pack loads.
 */
export function compileSet(rule: RuleDefinition, patterns: unknown, where: string, options: { whole?: boolean } = {}): PhraseMatcher | null {
  const list = (Array.isArray(patterns) ? patterns : []) as string[];
  if (list.length === 0) return null;
  try {
    return new PhraseMatcher([{ id: where, patterns: list }], { eager: !rule.validated, ...options });
  } catch (error) {
    if (error instanceof PatternError) throw new PoaError(`${where}: ${error.message}`, { subject: rule.file, hint: 'see docs/rule-packs.md for the pattern syntax' });
    throw error;
  }
}

/**
 * What a check builds from each language's data, built on first use. Rules compiled at build time
 * (poa's own, unchanged) pay only for the languages they meet; any other rule is built for every
 * language at once, so a broken pattern in a user's pack is reported when the pack loads.
 */
export function perLanguage<T>(rule: RuleDefinition, build: (language: string) => T): (language: string) => T {
  const built = new Map<string, T>();
  const get = (language: string): T => {
    if (!built.has(language)) built.set(language, build(language));
    return built.get(language) as T;
  };
  if (!rule.validated) for (const language of Object.keys(rule.languages)) get(language);
  return get;
}
