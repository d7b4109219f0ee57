// Which suspension reason a plan answers: declared (front matter, flag, config) or inferred from its words (rules/reasons.yaml).

import { PoaError } from '../errors.js';
import { nearest } from '../suggest.js';
import { compilePattern, joinPatterns } from './patterns.js';
import type { PlanDocument, PlanReason } from '../types.js';
import { proseOf } from '../document/text.js';

export interface ReasonsData {
  /** Named groups of reasons rules can target as `@group` (performance, listing…). */
  groups?: Record<string, string[]>;
  reasons: Record<string, { keywords?: Record<string, string[]> }>;
}

/** A reason is inferred only when its words occur at least this often and clearly more than any other's. */
const MIN_HITS = 2;

export class ReasonCatalogue {
  readonly keys: string[];
  private readonly matchers = new Map<string, Array<{ key: string; regex: RegExp }>>();

  constructor(private readonly data: ReasonsData) {
    this.keys = Object.keys(data.reasons);
  }

  groups(): Record<string, string[]> {
    return this.data.groups ?? {};
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

  private matchersFor(language: string): Array<{ key: string; regex: RegExp }> {
    let list = this.matchers.get(language);
    if (!list) {
      list = [];
      for (const [key, reason] of Object.entries(this.data.reasons)) {
        const patterns = [...new Set([...(reason.keywords?.[language] ?? []), ...(language === 'en' ? [] : (reason.keywords?.['en'] ?? []))])];
        if (patterns.length > 0) list.push({ key, regex: joinPatterns(patterns.map(compilePattern), 'gu') });
      }
      this.matchers.set(language, list);
    }
    return list;
  }

  /** The reason a plan's words point to, if one clearly dominates (English keywords count too: notices are often pasted in English). */
  infer(doc: PlanDocument): string | null {
    const text = proseOf(doc).text;
    const scores = this.matchersFor(doc.language)
      .map(({ key, regex }) => ({ key, hits: text.match(regex)?.length ?? 0 }))
      .sort((a, b) => b.hits - a.hits || this.keys.indexOf(a.key) - this.keys.indexOf(b.key));
    const [best, second] = scores;
    if (!best || best.hits < MIN_HITS || best.hits < 2 * (second?.hits ?? 0)) return null;
    return best.key;
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
