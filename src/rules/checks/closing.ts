// A closing written without a heading of its own, as many plans end: shared by long-closing (metric) and
// missing-section (required-sections).

import type { NormalisedProse, ProseSpan } from '../../document/text.js';
import type { PlanDocument } from '../../types.js';

/**
 * The prose spans of a closing without its own heading: in the plan's last part, from the first paragraph after
 * the part's first that `opens` accepts (given the paragraph's folded text) to the end. None when the plan has
 * no recognised part: there is no telling where its closing begins.
 */
export function unheadedClosing(doc: PlanDocument, prose: NormalisedProse, opens: (text: string, block: number) => boolean): ProseSpan[] {
  const last = doc.sections.findLastIndex((s) => !s.kinds.includes('preamble') && !s.kinds.includes('other'));
  if (last < 0) return [];
  const spans = prose.spans.filter((s) => doc.blocks[s.block]?.section === last && doc.blocks[s.block]?.type !== 'heading');
  for (let k = 1; k < spans.length; k++) {
    const span = spans[k] as ProseSpan;
    if (opens(prose.text.slice(span.start, span.end), span.block)) return spans.slice(k);
  }
  return [];
}
