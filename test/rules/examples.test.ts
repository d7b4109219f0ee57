// Every rule carries bad and good examples per language; this one test runs them all.
import { describe, expect, it } from 'vitest';
import { getEngine, lintText, type LintOptions } from '../../src/lint.js';
import { exampleText, type RuleDefinition, type RuleExample } from '../../src/rules/model.js';
import { PLAN_PART_KINDS, type PlanPartKind } from '../../src/types.js';

const engine = getEngine();

/** Lint options an example needs: its language, the rule's document kind, and the notice or reason it carries. */
function optionsFor(rule: RuleDefinition, lang: string, example: RuleExample): LintOptions {
  const options: LintOptions = { language: lang, kind: rule.kind ?? 'plan' };
  if (typeof example !== 'string') {
    if (example.notice !== undefined) options.notice = { path: 'notice.txt', text: example.notice };
    if (example.reason !== undefined) options.reason = example.reason;
  }
  return options;
}

/**
 * An example as a draft: the sentence alone, or, for a rule that reads only some parts and nothing in a plan without
 * parts (`scopeFallback: false`), under the heading of its first part, in the language's own words.
 */
function draftOf(rule: RuleDefinition, lang: string, example: RuleExample): string {
  const text = exampleText(example);
  const part = rule.scope?.find((k): k is PlanPartKind => (PLAN_PART_KINDS as readonly string[]).includes(k));
  if (rule.scopeFallback !== false || part === undefined || /^#/m.test(text)) return text;
  const name = engine.vocabulary.partName(part, lang);
  return `## ${name.charAt(0).toUpperCase()}${name.slice(1)}\n\n${text}`;
}

describe('rule examples', () => {
  for (const { definition } of engine.rules) {
    describe(definition.id, () => {
      it('has text and examples in every supported language', () => {
        for (const lang of engine.languages) {
          expect(definition.languages[lang]?.message, `${definition.id} message in ${lang}`).toBeTruthy();
          expect(definition.examples?.[lang]?.bad?.length ?? 0, `${definition.id} bad examples in ${lang}`).toBeGreaterThan(0);
          expect(definition.examples?.[lang]?.good?.length ?? 0, `${definition.id} good examples in ${lang}`).toBeGreaterThan(0);
        }
      });
      for (const [lang, examples] of Object.entries(definition.examples ?? {})) {
        for (const bad of examples.bad ?? []) {
          it(`${lang} flags: ${exampleText(bad).split('\n')[0]?.slice(0, 60)}`, () => {
            const ids = lintText(draftOf(definition, lang, bad), optionsFor(definition, lang, bad)).findings.map((f) => f.ruleId);
            expect(ids).toContain(definition.id);
          });
        }
        for (const good of examples.good ?? []) {
          it(`${lang} passes: ${exampleText(good).split('\n')[0]?.slice(0, 60)}`, () => {
            const found = lintText(draftOf(definition, lang, good), optionsFor(definition, lang, good)).findings.filter((f) => f.ruleId === definition.id);
            expect(found).toEqual([]);
          });
        }
      }
    });
  }
});
