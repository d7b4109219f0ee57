// Check kind `metric`: a sentence, part or whole plan whose measure (words, `!`) exceeds a maximum.

import { proseOf, spanContaining, toSource } from '../../document/text.js';
import { PoaError } from '../../errors.js';
import type { CheckKind, RawFinding } from '../model.js';
import { firstEndAfter, sentenceEnds } from '../sentences.js';
import { unheadedClosing } from './closing.js';
import { compileSet, perLanguage } from './compile.js';
import { inScope } from './phrases.js';

const MEASURES = ['sentence-words', 'section-words', 'plan-words', 'exclamations', 'unlisted-sentences'] as const;
type Measure = (typeof MEASURES)[number];

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;

function words(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export const metric: CheckKind = {
  name: 'metric',
  compile(rule) {
    const measure = rule.options?.['measure'] as Measure;
    const max = rule.options?.['max'];
    if (!MEASURES.includes(measure)) throw new PoaError(`options.measure must be one of ${MEASURES.join(', ')}`, { subject: rule.file, hint: 'see the check kinds in docs/rule-packs.md' });
    if (typeof max !== 'number' || max < 0) throw new PoaError('options.max must be a number, 0 or more', { subject: rule.file, hint: 'see the check kinds in docs/rule-packs.md' });
    // How a closing without its own heading opens (`starts` per language): only for the closing's words.
    const closingStarts =
      measure === 'section-words' && (rule.scope ?? []).includes('closing') ? perLanguage(rule, (lang) => compileSet(rule, rule.languages[lang]?.['starts'], `${lang}.starts`)) : null;
    return {
      run(doc, { language }) {
        const prose = proseOf(doc);
        const out: RawFinding[] = [];
        const report = (start: number, end: number, value: number): void => {
          const [from, to] = toSource(prose, start, end);
          out.push({ start: from, end: to, params: { value, max } });
        };
        if (measure === 'sentence-words' || measure === 'exclamations') {
          let start = 0;
          for (const end of sentenceEnds(prose)) {
            const span = spanContaining(prose, start);
            let s = start;
            while (s < end && /\s/.test(prose.text[s] as string)) s++;
            const text = prose.text.slice(s, end);
            const value = measure === 'sentence-words' ? words(text) : (text.match(/!/g)?.length ?? 0);
            if (span && inScope(doc, rule, span.block) && value > max) report(s, end, value);
            start = end;
          }
          return out;
        }
        if (measure === 'unlisted-sentences') {
          // A part written as one wall of text: many sentences and not a single list item.
          const ends = sentenceEnds(prose);
          const bySection = new Map<number, Array<{ start: number; end: number; block: number }>>();
          for (const span of prose.spans) {
            if (!inScope(doc, rule, span.block)) continue;
            const section = doc.blocks[span.block]?.section ?? -1;
            const list = bySection.get(section);
            if (list) list.push(span);
            else bySection.set(section, [span]);
          }
          for (const spans of bySection.values()) {
            if (spans.some((s) => doc.blocks[s.block]?.type === 'list-item')) continue;
            // Sentences with words in them: a paragraph's last full stop and its line break end one sentence, not two.
            let value = 0;
            for (const s of spans) {
              let from = s.start;
              for (let k = firstEndAfter(ends, s.start); k < ends.length; k++) {
                const e = ends[k] as number;
                if (/[\p{L}\p{N}]/u.test(prose.text.slice(from, Math.min(e, s.end)))) value++;
                from = e;
                if (e >= s.end) break;
              }
            }
            const first = spans[0];
            const last = spans[spans.length - 1];
            if (first && last && value > max) report(first.start, last.end, value);
          }
          return out;
        }
        const bySection = new Map<number, Array<{ start: number; end: number }>>();
        for (const span of prose.spans) {
          if (!inScope(doc, rule, span.block)) continue;
          const key = measure === 'plan-words' ? -1 : (doc.blocks[span.block]?.section ?? -1);
          const list = bySection.get(key);
          if (list) list.push(span);
          else bySection.set(key, [span]);
        }
        const opens = closingStarts?.(language) ?? null;
        if (opens && bySection.size === 0 && !doc.sections.some((s) => s.kinds.includes('closing'))) {
          // The closing opens with a plea or request: a match at the paragraph's first letter.
          const closing = unheadedClosing(doc, prose, (text) => {
            const lead = text.length - text.trimStart().length;
            return opens.scan(text).some((m) => m.start === lead);
          });
          if (closing.length > 0) bySection.set(-2, closing);
        }
        for (const spans of bySection.values()) {
          const value = spans.reduce((n, s) => n + words(prose.text.slice(s.start, s.end)), 0);
          const first = spans[0];
          const last = spans[spans.length - 1];
          if (first && last && value > max) report(first.start, last.end, value);
        }
        return out;
      },
    };
  },
};
