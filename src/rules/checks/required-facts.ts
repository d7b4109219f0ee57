// Check kind `required-facts`: per suspension reason, the facts a plan must carry (a metric and its target, the rights owner…), one finding per missing fact.

import { extraTextOf, proseOf } from '../../document/text.js';
import { PoaError } from '../../errors.js';
import type { PlanPartKind } from '../../types.js';
import type { CheckKind, RawFinding } from '../model.js';
import type { PhraseMatcher } from '../patterns.js';
import { compileSet } from './compile.js';

interface FactOptions {
  /** Reason keys or `@group`s this fact is required for. */
  reasons: string[];
  /** Patterns for every language (identifiers, numbers). */
  patterns?: string[];
  /** A part whose presence also satisfies the fact (e.g. `evidence` for attachments). */
  section?: PlanPartKind;
}

interface FactText {
  label: string;
  patterns?: string[];
}


export const requiredFacts: CheckKind = {
  name: 'required-facts',
  compile(rule, env) {
    const facts = (rule.options?.['facts'] ?? {}) as Record<string, FactOptions>;
    if (Object.keys(facts).length === 0) throw new PoaError('options.facts: list the facts and the reasons they are required for', { subject: rule.file, hint: 'see the check kinds in docs/rule-packs.md' });
    for (const [id, fact] of Object.entries(facts)) {
      for (const item of fact.reasons ?? []) {
        const known = item.startsWith('@') ? item.slice(1) in env.reasons.groups() : env.reasons.keys.includes(item);
        if (!known) throw new PoaError(`options.facts.${id}.reasons: unknown reason or group "${item}"`, { subject: rule.file, hint: 'see reasons.yaml' });
      }
    }
    const matchers = new Map<string, PhraseMatcher | null>();
    const matcher = (lang: string, id: string): PhraseMatcher | null => {
      const key = `${lang}\0${id}`;
      if (!matchers.has(key)) {
        // A language without patterns for a fact falls back to English rather than dropping the fact.
        const text = ((rule.languages[lang]?.['facts'] ?? {}) as Record<string, FactText>)[id] ?? ((rule.languages['en']?.['facts'] ?? {}) as Record<string, FactText>)[id];
        matchers.set(key, compileSet(rule, [...(facts[id]?.patterns ?? []), ...(text?.patterns ?? [])], `${lang}.facts.${id}`));
      }
      return matchers.get(key) ?? null;
    };
    if (!rule.validated) for (const lang of Object.keys(rule.languages)) for (const id of Object.keys(facts)) matcher(lang, id);
    return {
      run(doc, { language, locale }) {
        if (doc.reason === null) return [];
        const reason = doc.reason.key;
        const prose = proseOf(doc);
        const markup = extraTextOf(doc);
        const out: RawFinding[] = [];
        const at = doc.sections.find((s) => !s.kinds.includes('preamble'))?.headingStart ?? doc.blocks[0]?.start ?? 0;
        for (const [id, fact] of Object.entries(facts)) {
          if (!env.reasons.expand(fact.reasons).has(reason)) continue;
          if (fact.section && doc.sections.some((s) => s.kinds.includes(fact.section as PlanPartKind))) continue;
          const set = matcher(language, id);
          if (!set || set.test(prose.text) || (markup !== '' && set.test(markup))) continue;
          const label = (((rule.languages[locale]?.['facts'] ?? rule.languages[language]?.['facts'] ?? {}) as Record<string, FactText>)[id]?.label) ?? id;
          out.push({ start: at, end: at, params: { fact: label, reason: env.reasons.name(reason, locale, language) } });
        }
        return out;
      },
    };
  },
};
