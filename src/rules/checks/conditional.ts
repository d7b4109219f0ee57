// Check kind `conditional`: when the plan says something (`when`), it must also carry something else (a pattern or a part).

import { proseOf, toSource } from '../../document/text.js';
import { PoaError } from '../../errors.js';
import type { PlanPartKind } from '../../types.js';
import type { CheckKind, RawFinding, RuleDefinition } from '../model.js';
import { compilePattern, joinPatterns, PatternError } from '../patterns.js';
import { inScope } from './phrases.js';

interface Options {
  /** Parts whose presence satisfies the rule (e.g. an `evidence` part listing attachments). */
  requireSection?: PlanPartKind[];
}

function compileList(rule: RuleDefinition, list: unknown, where: string, flags: string): RegExp | null {
  const patterns = (Array.isArray(list) ? list : []) as string[];
  if (patterns.length === 0) return null;
  try {
    return joinPatterns(patterns.map(compilePattern), flags);
  } catch (error) {
    if (error instanceof PatternError) throw new PoaError(`${where}: ${error.message}`, { subject: rule.file });
    throw error;
  }
}

export const conditional: CheckKind = {
  name: 'conditional',
  compile(rule) {
    const options = (rule.options ?? {}) as Options;
    const perLanguage = new Map<string, { when: RegExp | null; satisfy: RegExp | null }>();
    const forLanguage = (lang: string): { when: RegExp | null; satisfy: RegExp | null } => {
      let own = perLanguage.get(lang);
      if (!own) {
        const entry = rule.languages[lang];
        own = { when: compileList(rule, entry?.['when'], `${lang}.when`, 'gu'), satisfy: compileList(rule, entry?.['patterns'], `${lang}.patterns`, 'u') };
        perLanguage.set(lang, own);
      }
      return own;
    };
    if (!rule.validated) for (const lang of Object.keys(rule.languages)) forLanguage(lang);
    return {
      run(doc, { language }) {
        const own = forLanguage(language);
        if (!own.when) return [];
        if (options.requireSection?.some((kind) => doc.sections.some((s) => s.kinds.includes(kind)))) return [];
        const prose = proseOf(doc);
        if (own.satisfy?.test(prose.text)) return [];
        own.when.lastIndex = 0;
        for (const m of prose.text.matchAll(own.when)) {
          const span = prose.spans.find((s) => s.start <= m.index && m.index < s.end);
          if (!span || !inScope(doc, rule, span.block) || m[0].length === 0) continue;
          const [from, to] = toSource(prose, m.index, m.index + m[0].length);
          const finding: RawFinding = { start: from, end: to, params: { match: doc.source.text.slice(from, to) } };
          return [finding];
        }
        return [];
      },
    };
  },
};
