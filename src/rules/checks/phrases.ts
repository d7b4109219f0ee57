// Check kind `phrases`: families of patterns per language, one compiled matcher per language, cleared by `except` and `unless`.

import { proseOf, spanAt, toSource, type NormalisedProse } from '../../document/text.js';
import { PoaError } from '../../errors.js';
import type { PlanDocument } from '../../types.js';
import type { CheckKind, RawFinding, RuleDefinition } from '../model.js';
import { PatternError, PhraseMatcher, type PhraseGroup } from '../patterns.js';
import { sentenceAround } from '../sentences.js';

interface Family {
  label?: string;
  patterns?: string[];
}

interface Metrics {
  /** A block with this many `!` is shouting. */
  exclamations?: number;
  /** This many words in capitals in a row is shouting. */
  capitals?: number;
  /** Words in capitals that are not shouting (ASIN, ODR, DHL…). */
  acronyms?: string[];
}

interface Compiled {
  matcher: PhraseMatcher | null;
  familyIds: string[];
  except: PhraseMatcher | null;
}

export const SHOUTING = 'shouting';

const URL = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|de|fr|it|es|nl|eu|net|org)\/\S*/g;
const urlCache = new WeakMap<NormalisedProse, Array<[number, number]>>();

/** Web addresses in folded prose: phrases are not looked for inside them. */
function urlSpans(prose: NormalisedProse): Array<[number, number]> {
  let spans = urlCache.get(prose);
  if (!spans) {
    spans = [...prose.text.matchAll(URL)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
    urlCache.set(prose, spans);
  }
  return spans;
}

/** Build a matcher, reporting a bad pattern as `rule file: language.where: problem`. */
export function buildMatcher(rule: RuleDefinition, language: string, where: string, groups: PhraseGroup[]): PhraseMatcher | null {
  if (groups.every((g) => g.patterns.length === 0)) return null;
  try {
    return new PhraseMatcher(groups, { eager: !rule.validated });
  } catch (error) {
    if (error instanceof PatternError) throw new PoaError(`${language}.${where}: ${error.message}`, { subject: rule.file, hint: 'see docs/rule-packs.md for the pattern syntax' });
    throw error;
  }
}

function compileLanguage(rule: RuleDefinition, language: string): Compiled {
  const entry = rule.languages[language] ?? { message: '' };
  const families = Object.entries((entry['families'] ?? {}) as Record<string, Family>).filter(([, f]) => (f.patterns ?? []).length > 0);
  // Patterns not checked by the build are compiled family by family first, so an error names its family.
  if (!rule.validated) for (const [id, family] of families) buildMatcher(rule, language, `families.${id}`, [{ id, patterns: family.patterns ?? [] }]);
  return {
    matcher: buildMatcher(rule, language, 'families', families.map(([id, f]) => ({ id, patterns: f.patterns ?? [] }))),
    familyIds: families.map(([id]) => id),
    except: buildMatcher(rule, language, 'except', [{ id: 'except', patterns: (entry['except'] ?? []) as string[] }]),
  };
}

/** Whether the rule applies to a block: its section is in scope, or the plan has no recognised parts at all. */
export function inScope(doc: PlanDocument, rule: Pick<RuleDefinition, 'scope' | 'scopeFallback'>, blockIndex: number): boolean {
  const scope = rule.scope;
  if (!scope || scope.length === 0) return true;
  const block = doc.blocks[blockIndex];
  const section = block ? doc.sections[block.section] : undefined;
  if (section?.kinds.some((k) => scope.includes(k))) return true;
  if (rule.scopeFallback === false) return false;
  return !doc.sections.some((s) => !s.kinds.includes('preamble') && !s.kinds.includes('other'));
}

function familyLabel(rule: RuleDefinition, id: string, locale: string, language: string): string {
  const label = (lang: string): string | undefined => ((rule.languages[lang]?.['families'] ?? {}) as Record<string, Family>)[id]?.label;
  return label(locale) ?? label(language) ?? label('en') ?? id;
}


const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit below the surrogates: 0 not looked at yet, 1 a letter or digit, 2 neither. */
const letterOrDigitBmp = new Uint8Array(0xd800);

/** Whether the code point at i is a letter or digit (\p{L}, \p{N}); its length in UTF-16 units, or 0 if it is not one. */
function letterOrDigitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c < 0xd800) {
    let known = letterOrDigitBmp[c] as number;
    if (known === 0) {
      known = LETTER_OR_DIGIT.test(text[i] as string) ? 1 : 2;
      letterOrDigitBmp[c] = known;
    }
    return known === 1 ? 1 : 0;
  }
  const cp = text.codePointAt(i) as number;
  const ch = String.fromCodePoint(cp);
  return LETTER_OR_DIGIT.test(ch) ? ch.length : 0;
}

/** The end of the word (letters, digits, ' ’ -) that starts at i, as /[\p{L}\p{N}][\p{L}\p{N}'’-]*\/u matches it. */
function wordEnd(text: string, i: number): number {
  let j = i + letterOrDigitAt(text, i);
  for (;;) {
    const c = text.charCodeAt(j);
    if (c === 39 || c === 45 || c === 0x2019) j++;
    else {
      const n = j < text.length ? letterOrDigitAt(text, j) : 0;
      if (n === 0) return j;
      j += n;
    }
  }
}

/** Runs of `min` or more words in capitals (acronyms excepted) in one block of source text. */
function capitalRuns(text: string, from: number, to: number, min: number, acronyms: Set<string>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let runStart = -1;
  let runEnd = -1;
  let count = 0;
  const close = (): void => {
    if (count >= min) runs.push([runStart, runEnd]);
    count = 0;
    runStart = -1;
  };
  // Words found with a character loop (measured: a regular expression match per word was most of this check's time).
  for (let i = from; i < to; ) {
    if (letterOrDigitAt(text, i) === 0) {
      i++;
      continue;
    }
    const index = i;
    const end = wordEnd(text, i);
    i = end;
    const head = text.charCodeAt(index);
    // Most words start with a lower-case letter: not shouted, without looking further.
    let shouted = !(head >= 97 && head <= 122);
    if (shouted) {
      const word = text.slice(index, end);
      const letters = word.replace(/[^\p{L}]/gu, '');
      // Codes with digits (ASINs, SKUs, order IDs) are not shouting, whatever their case.
      shouted = letters.length >= 2 && !/\p{Ll}/u.test(letters) && !/\d/.test(word) && !acronyms.has(letters.toUpperCase());
    }
    if (shouted && (runStart === -1 || !/[.!?\n]/.test(text.slice(runEnd, index)))) {
      if (runStart === -1) runStart = index;
      runEnd = end;
      count++;
    } else {
      close();
      if (shouted) {
        runStart = index;
        runEnd = end;
        count = 1;
      }
    }
  }
  close();
  return runs;
}

function shouting(doc: PlanDocument, prose: NormalisedProse, metrics: Metrics, acronyms: Set<string>, rule: RuleDefinition): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const text = doc.source.text;
  for (const span of prose.spans) {
    if (!inScope(doc, rule, span.block)) continue;
    const block = doc.blocks[span.block];
    if (!block) continue;
    if (metrics.exclamations !== undefined) {
      // Shouting: `exclamations` marks in one sentence ("!!"), or one more than that in a paragraph.
      const marks: number[] = [];
      for (let i = prose.text.indexOf('!', span.start); i >= 0 && i < span.end; i = prose.text.indexOf('!', i + 1)) marks.push(i);
      let at = -1;
      for (let k = 0; k + metrics.exclamations - 1 < marks.length && at < 0; k++) {
        const first = marks[k] as number;
        const last = marks[k + metrics.exclamations - 1] as number;
        if (sentenceAround(prose, first)[0] === sentenceAround(prose, last)[0]) at = last;
      }
      if (at < 0 && marks.length > metrics.exclamations) at = marks[metrics.exclamations] as number;
      if (at >= 0) {
        const [s, e] = sentenceAround(prose, at);
        let start = s;
        while (start < e && /\s/.test(prose.text[start] as string)) start++;
        const [from, to] = toSource(prose, start, Math.min(e, span.end));
        out.push({ start: from, end: to });
      }
    }
    if (metrics.capitals !== undefined) {
      for (const [s, e] of capitalRuns(text, block.start, block.end, metrics.capitals, acronyms)) out.push({ start: s, end: e });
    }
  }
  return out;
}

export const phrases: CheckKind = {
  name: 'phrases',
  compile(rule, env) {
    const compiled = new Map<string, Compiled>();
    const forLanguage = (language: string): Compiled => {
      let c = compiled.get(language);
      if (!c) {
        c = compileLanguage(rule, language);
        compiled.set(language, c);
      }
      return c;
    };
    // A rule not yet validated compiles every language now, so a broken pattern is reported when the
    // pack loads rather than mid-run; poa's own rules were compiled at build time and compile lazily.
    if (!rule.validated) for (const language of Object.keys(rule.languages)) forLanguage(language);
    const unless = ((rule.options?.['unless'] ?? []) as string[]).slice();
    const known = env.specifics.kinds();
    for (const kind of unless) {
      if (!known.has(kind)) throw new PoaError(`options.unless: unknown kind of specifics "${kind}"`, { subject: rule.file, hint: `use ${[...known].join(', ')}` });
    }
    const metrics = rule.options?.['metrics'] as Metrics | undefined;
    const acronyms = new Set((metrics?.acronyms ?? []).map((a) => a.toUpperCase()));
    return {
      run(doc, { language, locale }) {
        const c = rule.languages[language] ? forLanguage(language) : undefined;
        const prose = proseOf(doc);
        const out: RawFinding[] = [];
        if (c?.matcher) {
          for (const m of c.matcher.scan(prose.text)) {
            const { start, end } = m;
            if (!inScope(doc, rule, prose.spans[spanAt(prose, start)]?.block ?? -1)) continue;
            if (urlSpans(prose).some(([s, e]) => s < end && start < e)) continue;
            // Exceptions are looked for in the match's sentence only, and only once a match needs them.
            if (c.except) {
              const [s0, e0] = sentenceAround(prose, start);
              const sentence = prose.text.slice(s0, Math.max(e0, end));
              if (c.except.scan(sentence).some((x) => s0 + x.start < end && start < s0 + x.end)) continue;
            }
            if (unless.length > 0) {
              const [s, e] = sentenceAround(prose, start);
              const [os, oe] = toSource(prose, s, e);
              if (env.specifics.test(language, unless, prose.text.slice(s, e), doc.source.text.slice(os, oe))) continue;
            }
            const family = c.familyIds[m.group] ?? '';
            const [from, to] = toSource(prose, start, end);
            out.push({ start: from, end: to, params: { family: familyLabel(rule, family, locale, language), match: doc.source.text.slice(from, to) } });
          }
        }
        if (metrics) {
          for (const s of shouting(doc, prose, metrics, acronyms, rule)) {
            out.push({ ...s, params: { family: familyLabel(rule, SHOUTING, locale, language), match: doc.source.text.slice(s.start, s.end) } });
          }
        }
        return out;
      },
    };
  },
};
