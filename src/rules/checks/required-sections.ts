// Check kind `required-sections`: each part of a plan reviewers expect must be present.

import { proseOf } from '../../document/text.js';
import type { PlanDocument, PlanPartKind, Section } from '../../types.js';
import type { CheckKind, RawFinding } from '../model.js';
import { unheadedClosing } from './closing.js';
import { compileSet, perLanguage } from './compile.js';

interface Options {
  required?: PlanPartKind[];
  /** Parts whose absence is reported as a warning rather than with the rule's severity. */
  recommended?: PlanPartKind[];
}

/** Where a missing part would go: after the last section of a part that comes before it, else before the first that follows. */
function insertionPoint(doc: PlanDocument, kind: PlanPartKind, order: PlanPartKind[]): number {
  const rank = order.indexOf(kind);
  const ranked = (s: Section): number => Math.max(-1, ...s.kinds.map((k) => order.indexOf(k as PlanPartKind)));
  let after: Section | undefined;
  for (const s of doc.sections) if (ranked(s) >= 0 && ranked(s) < rank) after = s;
  if (after) return trimEnd(doc.source.text, after.end);
  const before = doc.sections.find((s) => ranked(s) > rank);
  if (before) return before.start;
  const last = doc.sections[doc.sections.length - 1];
  return last ? trimEnd(doc.source.text, last.end) : 0;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/u.test(text[end - 1] as string)) end--;
  return end;
}

export const requiredSections: CheckKind = {
  name: 'required-sections',
  compile(rule, env) {
    const options = (rule.options ?? {}) as Options;
    const required = options.required ?? [];
    const recommended = options.recommended ?? [];
    // A closing without its own heading (`closingWords` per language: a request to reinstate the account), written
    // as a paragraph of the last part after its first, is a closing all the same.
    const closingWords = perLanguage(rule, (lang) => compileSet(rule, rule.languages[lang]?.['closingWords'], `${lang}.closingWords`));
    return {
      run(doc, { language, locale }) {
        const present = new Set(doc.sections.flatMap((s) => s.kinds));
        const words = present.has('closing') ? null : closingWords(language);
        if (words && unheadedClosing(doc, proseOf(doc), (text, block) => doc.blocks[block]?.type === 'paragraph' && words.test(text)).length > 0) present.add('closing');
        const contains = (rule.languages[locale]?.['contains'] ?? rule.languages['en']?.['contains'] ?? {}) as Record<string, string>;
        const out: RawFinding[] = [];
        for (const kind of [...required, ...recommended]) {
          if (present.has(kind)) continue;
          const at = insertionPoint(doc, kind, env.vocabulary.order);
          out.push({
            start: at,
            end: at,
            params: { part: env.vocabulary.partName(kind, locale), contains: contains[kind] ?? '', kind },
            ...(required.includes(kind) ? {} : { severity: 'warning' as const }),
          });
        }
        return out;
      },
    };
  },
};
