// Classifies heading text into plan parts using the per-language vocabulary in rules/sections.yaml.

import type { PlanPartKind } from '../types.js';
import { PLAN_PART_KINDS } from '../types.js';

export interface SectionVocabularyData {
  weak?: string[];
  order?: string[];
  languages: Record<
    string,
    {
      names?: Partial<Record<PlanPartKind, string>>;
      vocabulary: Partial<Record<PlanPartKind, string[]>>;
      /**
       * Phrases of purpose per kind ("to prevent", "pour éviter"): right after another part's words they make the
       * title about this kind instead ("What steps have you taken | to prevent this…" is about prevention); further
       * on they add this kind to a title that names another part; alone they name nothing.
       */
      purposes?: Partial<Record<PlanPartKind, string[]>>;
    }
  >;
}

export interface KindMatch {
  kind: PlanPartKind;
  start: number;
  end: number;
}

export interface Classification {
  kinds: PlanPartKind[];
  /** Normalised heading text the matches index into. */
  normalised: string;
  /** Start of the earliest match, -1 when none. */
  firstMatch: number;
  /** Characters of the normalised text covered by matches. */
  covered: number;
}

/**
 * Fold text for heading matching: lower case, no accents, ß → ss, typographic apostrophes and
 * hyphens folded, whitespace collapsed. Used for both the vocabulary and the headings.
 */
export function foldHeading(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'")
    .replace(/[-‐‑‒–—_/]+/g, ' ')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class SectionVocabulary {
  private readonly matcher: RegExp;
  private readonly kindOfEntry = new Map<string, PlanPartKind[]>();
  private readonly purposeOfEntry = new Map<string, PlanPartKind>();
  private readonly weak: Set<string>;
  readonly order: PlanPartKind[];
  private readonly names: Map<string, Partial<Record<PlanPartKind, string>>>;

  constructor(data: SectionVocabularyData) {
    this.weak = new Set(data.weak ?? []);
    this.order = (data.order ?? [...PLAN_PART_KINDS]).filter((k): k is PlanPartKind =>
      (PLAN_PART_KINDS as readonly string[]).includes(k),
    );
    this.names = new Map();
    for (const [lang, entry] of Object.entries(data.languages)) {
      this.names.set(lang, entry.names ?? {});
      for (const [kind, phrases] of Object.entries(entry.vocabulary)) {
        for (const phrase of phrases ?? []) {
          const folded = foldHeading(phrase);
          if (folded === '') continue;
          const kinds = this.kindOfEntry.get(folded) ?? [];
          if (!kinds.includes(kind as PlanPartKind)) kinds.push(kind as PlanPartKind);
          this.kindOfEntry.set(folded, kinds);
        }
      }
      for (const [kind, phrases] of Object.entries(entry.purposes ?? {})) {
        for (const phrase of phrases ?? []) {
          const folded = foldHeading(phrase);
          if (folded !== '') this.purposeOfEntry.set(folded, kind as PlanPartKind);
        }
      }
    }
    // A purpose that holds a word of its own part ("om te voorkomen" holds "voorkomen") still names the part alone.
    const vocabularyEntries = [...this.kindOfEntry];
    for (const [purpose, kind] of this.purposeOfEntry) {
      if (this.kindOfEntry.get(purpose)?.includes(kind)) continue;
      const holds = vocabularyEntries.some(([entry, kinds]) => kinds.includes(kind) && ` ${purpose} `.includes(` ${entry} `));
      if (holds) this.kindOfEntry.set(purpose, [...(this.kindOfEntry.get(purpose) ?? []), kind]);
    }
    // Longest entries first so the alternation prefers "summary of the issue" over "summary".
    const entries = [...new Set([...this.kindOfEntry.keys(), ...this.purposeOfEntry.keys()])].sort((a, b) => b.length - a.length);
    // Folded headings hold only lower-case ASCII, digits and letters from U+00C0 up: a cheap word class.
    this.matcher = new RegExp(`(?<![a-z0-9\\u00c0-\\uffff])(?:${entries.map(escapeRegExp).join('|') || '(?!)'})(?![a-z0-9\\u00c0-\\uffff])`, 'gu');
  }

  /** Localised name of a part ("the root cause", "la causa principale"), falling back to English. */
  partName(kind: PlanPartKind, language: string): string {
    return this.names.get(language)?.[kind] ?? this.names.get('en')?.[kind] ?? kind;
  }

  classify(text: string): Classification {
    const normalised = foldHeading(text);
    let found: KindMatch[] = [];
    /** Purposes not right after another part's words: they add their part to a title that names one. */
    let loose: KindMatch[] | null = null;
    /** Whether a purpose moved matches out of their order in the title. */
    let reordered = false;
    // exec rather than matchAll, which copies this large expression on every call (once per line of a draft).
    this.matcher.lastIndex = 0;
    for (let m = this.matcher.exec(normalised); m; m = this.matcher.exec(normalised)) {
      const start = m.index;
      const end = start + m[0].length;
      const purpose = this.purposeOfEntry.get(m[0]);
      if (purpose !== undefined) {
        // Right after another part's words (one space apart in folded text), the purpose names the part instead.
        const before = found.filter((f) => f.end === start - 1 || f.end === start);
        if (before.length > 0) {
          found = found.filter((f) => !before.includes(f));
          found.push({ kind: purpose, start: Math.min(...before.map((f) => f.start)), end });
          reordered = true;
          continue;
        }
        if (!this.kindOfEntry.has(m[0])) {
          (loose ??= []).push({ kind: purpose, start, end });
          continue;
        }
      }
      for (const kind of this.kindOfEntry.get(m[0]) ?? []) found.push({ kind, start, end });
    }
    if (loose !== null && found.length > 0) {
      found.push(...loose);
      reordered = true;
    }
    // Most lines hold no purpose: their matches are already in order.
    if (reordered) found.sort((x, y) => x.start - y.start);
    let covered = 0;
    let lastEnd = -1;
    for (const m of found) {
      if (m.end > lastEnd) {
        covered += m.end - Math.max(m.start, lastEnd);
        lastEnd = m.end;
      }
    }
    let kinds = [...new Set(found.map((m) => m.kind))];
    const strong = kinds.filter((k) => !this.weak.has(k));
    if (strong.length > 0) kinds = strong;
    kinds.sort((a, b) => this.order.indexOf(a) - this.order.indexOf(b));
    return { kinds, normalised, firstMatch: found.length > 0 ? Math.min(...found.map((m) => m.start)) : -1, covered };
  }
}
