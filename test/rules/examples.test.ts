// Every rule carries bad and good examples per language; this one test runs them all.
import { describe, expect, it } from 'vitest';
import { getEngine, lintText } from '../../src/lint.js';

const engine = getEngine();

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
          it(`${lang} flags: ${bad.split('\n')[0]?.slice(0, 60)}`, () => {
            const ids = lintText(bad, { language: lang }).findings.map((f) => f.ruleId);
            expect(ids).toContain(definition.id);
          });
        }
        for (const good of examples.good ?? []) {
          it(`${lang} passes: ${good.split('\n')[0]?.slice(0, 60)}`, () => {
            const found = lintText(good, { language: lang }).findings.filter((f) => f.ruleId === definition.id);
            expect(found).toEqual([]);
          });
        }
      }
    });
  }
});
