// Every rule carries bad and good examples per language; this one test runs them all.
import { describe, expect, it } from 'vitest';
import { getEngine, lintText, type LintOptions } from '../../src/lint.js';
import { exampleText, type RuleDefinition, type RuleExample } from '../../src/rules/model.js';

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
            const ids = lintText(exampleText(bad), optionsFor(definition, lang, bad)).findings.map((f) => f.ruleId);
            expect(ids).toContain(definition.id);
          });
        }
        for (const good of examples.good ?? []) {
          it(`${lang} passes: ${exampleText(good).split('\n')[0]?.slice(0, 60)}`, () => {
            const found = lintText(exampleText(good), optionsFor(definition, lang, good)).findings.filter((f) => f.ruleId === definition.id);
            expect(found).toEqual([]);
          });
        }
      }
    });
  }
});
