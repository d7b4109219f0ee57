// Check kind `each-item`: every item of the scoped parts (a list item, else a paragraph or a sentence) must carry a specific.

import { proseOf, toSource, type NormalisedProse } from '../../document/text.js';
import { PoaError } from '../../errors.js';
import type { PlanDocument } from '../../types.js';
import type { CheckKind, RawFinding } from '../model.js';
import { firstEndAfter, sentenceAround, sentenceEnds } from '../sentences.js';
import type { PhraseMatcher } from '../patterns.js';
import { compileSet, perLanguage } from './compile.js';
import { inScope } from './phrases.js';

interface Options {
  /** `item`: each list item and each paragraph; `sentence`: each sentence. */
  unit?: 'item' | 'sentence';
  /** Kinds of specifics (specifics.yaml) any one of which satisfies an item. */
  require?: string[];
  /** Items shorter than this many words are not checked (labels, fragments). */
  minWords?: number;
}

interface LanguagePatterns {
  /** Only items matching one of these are checked (e.g. a recurring control for no-frequency). */
  when: PhraseMatcher | null;
  /** Patterns that satisfy an item, besides the `require` kinds. */
  satisfy: PhraseMatcher | null;
  /** Items matching one of these are never reported (e.g. a sentence that is only a heading-like note). */
  skip: PhraseMatcher | null;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;
/** An item is tested whole: `^` and `$` in raw patterns are its start and end. */
const WHOLE = { whole: true };


/** Items in folded prose: [start, end) ranges, trimmed, each inside one block. */
function items(doc: PlanDocument, prose: NormalisedProse, unit: 'item' | 'sentence'): Array<{ start: number; end: number; block: number }> {
  const out: Array<{ start: number; end: number; block: number }> = [];
  const push = (start: number, end: number, block: number): void => {
    while (start < end && /\s/.test(prose.text[start] as string)) start++;
    while (end > start && /\s/.test(prose.text[end - 1] as string)) end--;
    if (end > start) out.push({ start, end, block });
  };
  for (const span of prose.spans) {
    const type = doc.blocks[span.block]?.type;
    if (type === 'heading') continue;
    if (unit === 'item' && type !== 'table-cell') {
      push(span.start, span.end, span.block);
      continue;
    }
    let start = span.start;
    const ends = sentenceEnds(prose);
    for (let k = firstEndAfter(ends, start); k < ends.length; k++) {
      const end = ends[k] as number;
      push(start, Math.min(end, span.end), span.block);
      if (end >= span.end) break;
      start = end;
    }
  }
  return out;
}

export const eachItem: CheckKind = {
  name: 'each-item',
  compile(rule, env) {
    const options = (rule.options ?? {}) as Options;
    const unit = options.unit ?? 'item';
    if (unit !== 'item' && unit !== 'sentence') throw new PoaError('options.unit must be item or sentence', { subject: rule.file, hint: 'see the check kinds in docs/rule-packs.md' });
    const require = options.require ?? [];
    const known = env.specifics.kinds();
    for (const kind of require) {
      if (!known.has(kind)) throw new PoaError(`options.require: unknown kind of specifics "${kind}"`, { subject: rule.file, hint: `use ${[...known].join(', ')}` });
    }
    const minWords = options.minWords ?? 4;
    const forLanguage = perLanguage(rule, (lang): LanguagePatterns => ({
      when: compileSet(rule, rule.languages[lang]?.['when'], `${lang}.when`, WHOLE),
      satisfy: compileSet(rule, rule.languages[lang]?.['patterns'], `${lang}.patterns`, WHOLE),
      skip: compileSet(rule, rule.languages[lang]?.['except'], `${lang}.except`, WHOLE),
    }));
    return {
      run(doc, { language }) {
        const prose = proseOf(doc);
        const own = forLanguage(language);
        const out: RawFinding[] = [];
        for (const item of items(doc, prose, unit)) {
          if (!inScope(doc, rule, item.block)) continue;
          const folded = prose.text.slice(item.start, item.end);
          if ((folded.match(WORD)?.length ?? 0) < minWords) continue;
          if (own.when && !own.when.test(folded)) continue;
          if (own.skip?.test(folded)) continue;
          if (own.satisfy?.test(folded)) continue;
          const [os, oe] = toSource(prose, item.start, item.end);
          if (require.length > 0 && env.specifics.test(language, require, folded, doc.source.text.slice(os, oe))) continue;
          // Point at the item's first sentence: enough for the reader to find it, short in the report.
          const [, firstEnd] = sentenceAround(prose, item.start);
          const [from, to] = toSource(prose, item.start, Math.min(item.end, firstEnd));
          out.push({ start: from, end: to, params: { match: doc.source.text.slice(from, to).trimEnd() } });
        }
        return out;
      },
    };
  },
};
