// Tells whether a sentence is specific (a date, a number with a unit, a role, a frequency…), from rules/specifics.yaml.

import { PoaError } from '../errors.js';
import { compilePattern, joinPatterns, PatternError } from './patterns.js';

export interface SpecificsData {
  common?: Record<string, string[]>;
  languages?: Record<string, Record<string, string[]>>;
}

/** Built-in kind: a person's name, two capitalised words inside a sentence (needs the original case). */
export const PERSON = 'person';
const NAME = /(?<=\S\s+)\p{Lu}\p{Ll}+(?:[-\s]\p{Lu}\p{Ll}+)+/gu;
/** Capitalised words that are not names (brands, Amazon's own terms), from specifics.yaml `not-a-name`. */
export const NOT_A_NAME = 'not-a-name';
/**
 * Per language, words that must stand before a name for it to count (`name-prefix`): German capitalises
 * every noun, so two capitalised words there are a name only after Herr, Frau…
 */
export const NAME_PREFIX = 'name-prefix';
/**
 * Per language, where a first name alone is a person (`first-name`): regular expressions on the sentence as
 * written, in which NAME stands for one capitalised word ("NAME (checks|reviews)", "by NAME"). A word in
 * `not-a-name` does not count.
 */
export const FIRST_NAME = 'first-name';
const FIRST_NAME_WORD = '(\\p{Lu}\\p{Ll}+)';

export class Specifics {
  private readonly compiled = new Map<string, RegExp | null>();
  private readonly firstNames = new Map<string, RegExp | null>();
  private readonly notNames: Set<string>;

  constructor(
    private readonly data: SpecificsData,
    private readonly file: string,
  ) {
    this.notNames = new Set((data.common?.[NOT_A_NAME] ?? []).map((w) => w.toLowerCase()));
  }

  /** Kinds known in any language (plus `person`). */
  kinds(): Set<string> {
    const out = new Set<string>([PERSON, ...Object.keys(this.data.common ?? {})]);
    for (const lang of Object.values(this.data.languages ?? {})) for (const k of Object.keys(lang)) out.add(k);
    out.delete(NOT_A_NAME);
    out.delete(NAME_PREFIX);
    out.delete(FIRST_NAME);
    return out;
  }

  /** One regex for the given kinds in a language (common patterns included), compiled once. */
  matcher(language: string, kinds: string[]): RegExp | null {
    const key = `${language}\0${kinds.join(',')}`;
    if (this.compiled.has(key)) return this.compiled.get(key) ?? null;
    const sources: string[] = [];
    for (const kind of kinds) {
      if (kind === PERSON) continue;
      for (const pattern of [...(this.data.common?.[kind] ?? []), ...(this.data.languages?.[language]?.[kind] ?? [])]) {
        try {
          sources.push(compilePattern(pattern));
        } catch (error) {
          if (error instanceof PatternError) throw new PoaError(`${kind}: ${error.message}`, { subject: this.file, hint: 'see docs/rule-packs.md for the pattern syntax' });
          throw error;
        }
      }
    }
    let regex: RegExp | null = null;
    try {
      regex = sources.length > 0 ? joinPatterns(sources, 'u') : null;
    } catch (error) {
      if (error instanceof PatternError) throw new PoaError(`${language}: ${error.message}`, { subject: this.file, hint: 'see docs/rule-packs.md for the pattern syntax' });
      throw error;
    }
    this.compiled.set(key, regex);
    return regex;
  }

  /** Whether a sentence carries one of the kinds: `folded` for patterns, `original` for names. */
  test(language: string, kinds: string[], folded: string, original: string): boolean {
    const regex = this.matcher(language, kinds);
    if (regex?.test(folded)) return true;
    return kinds.includes(PERSON) && this.hasName(original, language);
  }

  private hasName(original: string, language: string): boolean {
    const prefixes = this.data.languages?.[language]?.[NAME_PREFIX];
    if (prefixes && prefixes.length > 0) {
      const escaped = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return new RegExp(`(?<![\\p{L}])(?:${escaped.join('|')})\\s+\\p{Lu}\\p{Ll}+`, 'iu').test(original);
    }
    for (const m of original.matchAll(NAME)) {
      if (!m[0].split(/[-\s]+/u).some((w) => this.notNames.has(w.toLowerCase()))) return true;
    }
    const firstName = this.firstNameRegex(language);
    if (firstName) {
      for (const m of original.matchAll(firstName)) {
        const word = m.slice(1).find((g) => g !== undefined);
        if (word !== undefined && !this.notNames.has(word.toLowerCase())) return true;
      }
    }
    return false;
  }

  /** The language's `first-name` contexts as one expression, NAME a capturing group (null when it has none). */
  firstNameRegex(language: string): RegExp | null {
    if (this.firstNames.has(language)) return this.firstNames.get(language) ?? null;
    const sources = this.data.languages?.[language]?.[FIRST_NAME] ?? [];
    let regex: RegExp | null = null;
    if (sources.length > 0) {
      const parts = sources.map((source) => {
        if (!source.includes('NAME')) throw new PoaError(`${language}.${FIRST_NAME}: "${source}" has no NAME`, { subject: this.file, hint: 'write NAME where the first name stands, e.g. "by NAME"' });
        return `(?<![\\p{L}])(?:${source.replace(/NAME/g, FIRST_NAME_WORD)})(?![\\p{L}])`;
      });
      try {
        regex = new RegExp(parts.join('|'), 'gu');
      } catch (error) {
        throw new PoaError(`${language}.${FIRST_NAME}: ${(error as Error).message}`, { subject: this.file, hint: 'first-name entries are regular expressions with NAME for the name' });
      }
    }
    this.firstNames.set(language, regex);
    return regex;
  }
}

/** Compile every kind in every language now, so a broken pattern in a user's pack is reported when it loads. */
export function validateSpecifics(specifics: Specifics, data: SpecificsData): void {
  const kinds = [...specifics.kinds()];
  for (const language of Object.keys(data.languages ?? {})) {
    specifics.matcher(language, kinds);
    specifics.firstNameRegex(language);
  }
}

/** Merge specifics of several packs: lists are appended. */
export function mergeSpecifics(list: SpecificsData[]): SpecificsData {
  const out: Required<SpecificsData> = { common: {}, languages: {} };
  for (const data of list) {
    for (const [kind, patterns] of Object.entries(data.common ?? {})) out.common[kind] = [...(out.common[kind] ?? []), ...patterns];
    for (const [lang, kinds] of Object.entries(data.languages ?? {})) {
      const target = (out.languages[lang] ??= {});
      for (const [kind, patterns] of Object.entries(kinds)) target[kind] = [...(target[kind] ?? []), ...patterns];
    }
  }
  return out;
}
