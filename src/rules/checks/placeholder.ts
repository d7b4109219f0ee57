// Check kind `placeholder`: template residue left in the plan ([[…]] from poa init, [insert ASIN], B0XXXXXXXX), one finding per placeholder.

import { proseOf, spanContaining, toSource } from '../../document/text.js';
import type { CheckKind, RawFinding } from '../model.js';
import { matchLines } from '../patterns.js';
import { compileList, perLanguage } from './compile.js';
import { inScope } from './phrases.js';


export const placeholder: CheckKind = {
  name: 'placeholder',
  compile(rule) {
    // `options.patterns` apply to drafts in every language (a copied English template is residue in any plan);
    // `<lang>.patterns` add residue words of one language ("[inserire …]").
    const common = compileList(rule, rule.options?.['patterns'], 'options.patterns');
    const forLanguage = perLanguage(rule, (lang) => compileList(rule, rule.languages[lang]?.['patterns'], `${lang}.patterns`));
    return {
      run(doc, { language }) {
        const prose = proseOf(doc);
        const ranges: Array<[number, number]> = [];
        for (const regex of [common, forLanguage(language)]) {
          if (!regex) continue;
          for (const m of matchLines(regex, prose.text)) {
            if (m[0].length > 0) ranges.push([m.index, m.index + m[0].length]);
          }
        }
        // Two patterns may find the same residue ("[insert ASIN B0XXXXXXXX]"): report it once, as its widest match.
        ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
        const out: RawFinding[] = [];
        let lastEnd = -1;
        for (const [start, end] of ranges) {
          if (start < lastEnd) continue;
          lastEnd = end;
          const block = spanContaining(prose, start)?.block;
          if (block === undefined || !inScope(doc, rule, block)) continue;
          const [from, to] = toSource(prose, start, end);
          out.push({ start: from, end: to, params: { match: doc.source.text.slice(from, to) } });
        }
        return out;
      },
    };
  },
};
