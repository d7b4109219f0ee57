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
  /**
   * Facts a waiver needs: the plan says the fact does not apply (the language's `waivers`, e.g. "I have no other
   * account") and carries every one of these facts, so the denial comes with an explanation.
   */
  waivedWith?: string[];
}

interface FactText {
  label: string;
  patterns?: string[];
  /** Sentences that say the fact does not apply to this plan; they count only with the facts of `waivedWith`. */
  waivers?: string[];
}


export const requiredFacts: CheckKind = {
  name: 'required-facts',
  compile(rule, env) {
    const facts = (rule.options?.['facts'] ?? {}) as Record<string, FactOptions>;
    if (Object.keys(facts).length === 0) throw new PoaError('options.facts: list the facts and the reasons they are required for', { subject: rule.file, hint: 'see the check kinds in docs/rule-packs.md' });
    for (const [id, fact] of Object.entries(facts)) {
      for (const item of fact.reasons ?? []) {
        if (!env.reasons.knows(item)) throw new PoaError(`options.facts.${id}.reasons: unknown reason or group "${item}"`, { subject: rule.file, hint: 'see reasons.yaml' });
      }
      for (const other of fact.waivedWith ?? []) {
        if (!(other in facts) || other === id) throw new PoaError(`options.facts.${id}.waivedWith: "${other}" is not another fact of this rule`, { subject: rule.file, hint: 'list fact ids from options.facts' });
      }
    }
    // A language without patterns for a fact falls back to English rather than dropping the fact.
    const textOf = (lang: string, id: string): FactText | undefined =>
      ((rule.languages[lang]?.['facts'] ?? {}) as Record<string, FactText>)[id] ?? ((rule.languages['en']?.['facts'] ?? {}) as Record<string, FactText>)[id];
    const matchers = new Map<string, PhraseMatcher | null>();
    const matcher = (lang: string, id: string, waivers = false): PhraseMatcher | null => {
      const key = `${lang}\0${id}\0${waivers ? 'w' : 'p'}`;
      if (!matchers.has(key)) {
        const text = textOf(lang, id);
        const patterns = waivers ? (text?.waivers ?? []) : [...(facts[id]?.patterns ?? []), ...(text?.patterns ?? [])];
        matchers.set(key, compileSet(rule, patterns, `${lang}.facts.${id}${waivers ? '.waivers' : ''}`));
      }
      return matchers.get(key) ?? null;
    };
    if (!rule.validated) {
      for (const lang of Object.keys(rule.languages)) {
        for (const id of Object.keys(facts)) {
          matcher(lang, id);
          matcher(lang, id, true);
        }
      }
    }
    return {
      run(doc, { language, locale }) {
        if (doc.reason === null) return [];
        const reason = doc.reason.key;
        const prose = proseOf(doc);
        const markup = extraTextOf(doc);
        const holds = (set: PhraseMatcher | null): boolean => set !== null && (set.test(prose.text) || (markup !== '' && set.test(markup)));
        const present = (id: string): boolean => {
          const section = facts[id]?.section;
          if (section && doc.sections.some((s) => s.kinds.includes(section))) return true;
          // A fact with no patterns in this language cannot be looked for: it is not reported.
          const set = matcher(language, id);
          return set === null || holds(set);
        };
        const out: RawFinding[] = [];
        const at = doc.sections.find((s) => !s.kinds.includes('preamble'))?.headingStart ?? doc.blocks[0]?.start ?? 0;
        for (const [id, fact] of Object.entries(facts)) {
          if (!env.reasons.expand(fact.reasons).has(reason)) continue;
          if (present(id)) continue;
          if (holds(matcher(language, id, true)) && (fact.waivedWith ?? []).every(present)) continue;
          const label = (((rule.languages[locale]?.['facts'] ?? rule.languages[language]?.['facts'] ?? {}) as Record<string, FactText>)[id]?.label) ?? id;
          out.push({ start: at, end: at, params: { fact: label, reason: env.reasons.name(reason, locale, language) } });
        }
        return out;
      },
    };
  },
};
