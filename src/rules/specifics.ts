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

export class Specifics {
  private readonly compiled = new Map<string, RegExp | null>();
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
    return false;
  }
}

/** Compile every kind in every language now, so a broken pattern in a user's pack is reported when it loads. */
export function validateSpecifics(specifics: Specifics, data: SpecificsData): void {
  const kinds = [...specifics.kinds()];
  for (const language of Object.keys(data.languages ?? {})) specifics.matcher(language, kinds);
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
