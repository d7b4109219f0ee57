// Which suspension reason a plan answers: declared (front matter, flag, config) or inferred from its words (rules/reasons.yaml).

import { PoaError } from '../errors.js';
import { nearest } from '../suggest.js';
import { PhraseMatcher } from './patterns.js';
import type { PlanDocument, PlanReason } from '../types.js';
import { extraTextOf, foldText, proseOf } from '../document/text.js';

export interface ReasonsData {
  /** Named groups of reasons rules can target as `@group` (performance, listing…). */
  groups?: Record<string, string[]>;
  reasons: Record<string, { names?: Record<string, string>; keywords?: Record<string, string[]> }>;
}

/** A reason is inferred only when its words occur at least this often and clearly more than any other's. */
const MIN_HITS = 2;

export class ReasonCatalogue {
  readonly keys: string[];
  /** Per language, one matcher whose groups are the reasons (in `keys` order). */
  private readonly matchers = new Map<string, PhraseMatcher | null>();
  constructor(private readonly data: ReasonsData) {
    this.keys = Object.keys(data.reasons);
  }

  groups(): Record<string, string[]> {
    return this.data.groups ?? {};
  }

  /** Whether a rule's `reasons` entry names a reason key or, with `@`, a group. */
  knows(item: string): boolean {
    return item.startsWith('@') ? item.slice(1) in this.groups() : this.keys.includes(item);
  }

  /** A reason's name as a message in `locale` says it (else in `language`, else English), or its key when it has none. */
  name(key: string, locale: string, language: string): string {
    const names = this.data.reasons[key]?.names ?? {};
    return names[locale] ?? names[language] ?? names['en'] ?? key;
  }

  /** Expand a rule's `reasons` list (keys and `@group` names) into reason keys. */
  expand(list: string[]): Set<string> {
    const out = new Set<string>();
    for (const item of list) {
      if (item.startsWith('@')) for (const key of this.data.groups?.[item.slice(1)] ?? []) out.add(key);
      else out.add(item);
    }
    return out;
  }

  /** Check a declared reason; unknown keys are a user error naming the nearest one. */
  resolve(value: string, subject: string): string {
    const key = value.trim().toLowerCase();
    if (this.keys.length === 0 || this.keys.includes(key)) return key;
    const suggestion = nearest(key, this.keys);
    throw new PoaError(`unknown reason "${value}"`, { subject, hint: suggestion ? `did you mean "${suggestion}"? (poa init lists the reasons)` : `use one of ${this.keys.join(', ')}` });
  }

  private matcherFor(language: string): PhraseMatcher | null {
    if (!this.matchers.has(language)) {
      const groups = Object.entries(this.data.reasons).map(([key, reason]) => ({
        id: key,
        patterns: [...new Set([...(reason.keywords?.[language] ?? []), ...(language === 'en' ? [] : (reason.keywords?.['en'] ?? []))])],
      }));
      this.matchers.set(language, groups.some((g) => g.patterns.length > 0) ? new PhraseMatcher(groups) : null);
    }
    return this.matchers.get(language) ?? null;
  }

  /**
   * The reason folded texts' words point to, if one clearly dominates (English keywords count too: notices are often
   * pasted in English). Several texts count as their lines joined (no keyword spans a line), without building that string.
   */
  inferText(text: string | string[], language: string): string | null {
    const matcher = this.matcherFor(language);
    if (!matcher) return null;
    const hits = new Array<number>(this.keys.length).fill(0);
    for (const part of typeof text === 'string' ? [text] : text) for (const m of matcher.scan(part)) hits[m.group] = (hits[m.group] ?? 0) + 1;
    const scores = this.keys.map((key, i) => ({ key, hits: hits[i] ?? 0 })).sort((a, b) => b.hits - a.hits || this.keys.indexOf(a.key) - this.keys.indexOf(b.key));
    const [best, second] = scores;
    if (!best || best.hits < MIN_HITS || best.hits < 2 * (second?.hits ?? 0)) return null;
    return best.key;
  }

  /** The reason of a plan from its prose and headings, else from the notice Amazon sent (`--notice`). */
  infer(doc: PlanDocument): string | null {
    // The prose is the text every phrase rule scans: its words are found once.
    const own = this.inferText([proseOf(doc).text, extraTextOf(doc)], doc.language);
    if (own !== null || !doc.notice) return own;
    return this.inferText(foldText(doc.notice.text), doc.language);
  }

  /** The plan's reason: front matter, else the option (flag or config), else inferred. */
  reasonOf(doc: PlanDocument, option: string | undefined): PlanReason | null {
    const declared = doc.frontMatter?.data['reason'];
    if (typeof declared === 'string' && declared.trim() !== '') return { key: this.resolve(declared, `${doc.source.path}: front matter reason`), source: 'front-matter' };
    if (option !== undefined) return { key: this.resolve(option, '--reason'), source: 'option' };
    const inferred = this.infer(doc);
    return inferred === null ? null : { key: inferred, source: 'inferred' };
  }
}
