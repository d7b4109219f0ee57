// Check kind `required-pattern`: the plan (or its scoped parts) must contain at least one match, e.g. an order ID or a policy link.

import { extraTextOf, proseOf, spanContaining, toSource } from '../../document/text.js';
import type { CheckKind, RawFinding } from '../model.js';
import type { PhraseMatcher } from '../patterns.js';
import { compileSet, perLanguage } from './compile.js';
import { inScope } from './phrases.js';


export const requiredPattern: CheckKind = {
  name: 'required-pattern',
  compile(rule) {
    const common = compileSet(rule, rule.options?.['patterns'], 'options.patterns');
    const forLanguage = perLanguage(rule, (lang) => ({
      required: compileSet(rule, rule.languages[lang]?.['patterns'], `${lang}.patterns`),
      soft: compileSet(rule, rule.languages[lang]?.['soft'], `${lang}.soft`),
    }));
    return {
      run(doc, { language }) {
        const prose = proseOf(doc);
        const own = forLanguage(language);
        const markup = rule.scope ? '' : extraTextOf(doc);
        const found = (set: PhraseMatcher | null): boolean => {
          if (!set) return false;
          for (const m of set.scan(prose.text)) {
            const span = spanContaining(prose, m.start);
            if (span && inScope(doc, rule, span.block)) return true;
          }
          return markup !== '' && set.test(markup);
        };
        if (found(common) || found(own?.required ?? null)) return [];
        // Point at the start of the plan's prose: the finding is about the plan as a whole.
        const first = prose.spans.find((s) => inScope(doc, rule, s.block));
        const at = first ? toSource(prose, first.start, first.start)[0] : (doc.frontMatter ? doc.sections[0]?.start ?? 0 : 0);
        const finding: RawFinding = { start: at, end: at };
        if (found(own?.soft ?? null)) return [{ ...finding, severity: 'info', messageKey: 'softMessage' }];
        return [finding];
      },
    };
  },
};
