// Check kind `empty-section`: a recognised part whose heading is followed by no text.

import type { CheckKind, RawFinding } from '../model.js';

const HAS_WORDS = /[\p{L}\p{N}]/u;

export const emptySection: CheckKind = {
  name: 'empty-section',
  compile() {
    return {
      run(doc) {
        const out: RawFinding[] = [];
        doc.sections.forEach((section, index) => {
          if (section.heading === null || section.kinds.includes('other')) return;
          const hasText = doc.blocks.some((b) => b.section === index && HAS_WORDS.test(doc.source.text.slice(b.start, b.end)));
          if (hasText) return;
          // A part title followed by sub-parts ("Corrective and preventive actions" → "Corrective", "Preventive") is not empty.
          const next = doc.sections[index + 1];
          if (next && next.headingStyle === 'atx' && section.headingStyle === 'atx' && headingDepth(doc.source.text, next.start) > headingDepth(doc.source.text, section.start)) return;
          out.push({ start: section.headingStart, end: section.headingEnd, params: { heading: section.heading } });
        });
        return out;
      },
    };
  },
};

function headingDepth(text: string, start: number): number {
  let n = 0;
  while (text[start + n] === '#') n++;
  return n;
}
