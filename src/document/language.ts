// Tells which supported language a draft is written in: frequent-word counts first, trigram detection (franc) when they are unsure.

import { franc } from 'franc-min';
import { PoaError } from '../errors.js';

export interface LanguageInfo {
  code: string;
  name: string;
  /** ISO 639-3 code as franc reports it. */
  iso639_3?: string;
  stopwords: string[];
}

export interface Detection {
  language: string;
  /** True when the text gave no usable signal and the default language was taken. */
  fallback: boolean;
}

const WORD = /[\p{L}']+/gu;

export class LanguageDetector {
  readonly codes: string[];
  private readonly stopwords = new Map<string, string[]>();
  private readonly byIso3 = new Map<string, string>();
  private readonly names = new Map<string, string>();

  constructor(
    languages: LanguageInfo[],
    readonly defaultLanguage = 'en',
  ) {
    this.codes = languages.map((l) => l.code);
    for (const l of languages) {
      for (const word of l.stopwords) {
        const w = word.toLowerCase();
        const list = this.stopwords.get(w) ?? [];
        list.push(l.code);
        this.stopwords.set(w, list);
      }
      if (l.iso639_3) this.byIso3.set(l.iso639_3, l.code);
      this.names.set(l.name.toLowerCase(), l.code);
    }
  }

  /** Map a user's language value (it, IT, it-IT, ita, Italiano) to a supported code, or fail naming the choices. */
  resolve(value: string, subject: string): string {
    const v = value.trim().toLowerCase().replace('_', '-');
    const primary = v.split('-')[0] as string;
    const code = this.codes.includes(primary) ? primary : (this.byIso3.get(primary) ?? this.names.get(v));
    if (code === undefined) {
      throw new PoaError(`unsupported language "${value}"`, { subject, hint: `use one of ${this.codes.join(', ')}` });
    }
    return code;
  }

  detect(text: string): Detection {
    const scores = new Map<string, number>();
    let words = 0;
    for (const m of text.toLowerCase().matchAll(WORD)) {
      words++;
      for (const code of this.stopwords.get(m[0]) ?? []) scores.set(code, (scores.get(code) ?? 0) + 1);
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || this.codes.indexOf(a[0]) - this.codes.indexOf(b[0]));
    const [best, second] = ranked;
    // A clear lead in frequent words is reliable even for two-line drafts.
    if (best && best[1] >= 3 && best[1] >= 2 * (second?.[1] ?? 0)) return { language: best[0], fallback: false };
    if (words >= 8 && this.byIso3.size > 0) {
      const iso = franc(text, { only: [...this.byIso3.keys()], minLength: 10 });
      const code = this.byIso3.get(iso);
      if (code !== undefined) return { language: code, fallback: false };
    }
    if (best && best[1] > (second?.[1] ?? 0)) return { language: best[0], fallback: false };
    return { language: this.codes.includes(this.defaultLanguage) ? this.defaultLanguage : (this.codes[0] ?? 'en'), fallback: true };
  }
}
