// Check kind `conditional`: when the plan says something (`when`), it must also carry something else (a pattern or a part).

import { proseOf, spanContaining, toSource } from '../../document/text.js';
import type { PlanPartKind } from '../../types.js';
import type { CheckKind, RawFinding } from '../model.js';
import { compileSet, perLanguage } from './compile.js';
import { inScope } from './phrases.js';

interface Options {
  /** Parts whose presence satisfies the rule (e.g. an `evidence` part listing attachments). */
  requireSection?: PlanPartKind[];
}


export const conditional: CheckKind = {
  name: 'conditional',
  compile(rule) {
    const options = (rule.options ?? {}) as Options;
    const forLanguage = perLanguage(rule, (lang) => ({
      when: compileSet(rule, rule.languages[lang]?.['when'], `${lang}.when`),
      satisfy: compileSet(rule, rule.languages[lang]?.['patterns'], `${lang}.patterns`),
    }));
    return {
      run(doc, { language }) {
        const own = forLanguage(language);
        if (!own.when) return [];
        if (options.requireSection?.some((kind) => doc.sections.some((s) => s.kinds.includes(kind)))) return [];
        const prose = proseOf(doc);
        if (own.satisfy?.test(prose.text)) return [];
        for (const m of own.when.scan(prose.text)) {
          const span = spanContaining(prose, m.start);
          if (!span || !inScope(doc, rule, span.block)) continue;
          const [from, to] = toSource(prose, m.start, m.end);
          const finding: RawFinding = { start: from, end: to, params: { match: doc.source.text.slice(from, to) } };
          return [finding];
        }
        return [];
      },
    };
  },
};
