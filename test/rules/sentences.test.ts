// Per rule and language, realistic sentences that must be flagged and sentences that must not (test/rules/sentences/<rule>.<lang>.yaml).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getEngine, lintText } from '../../src/lint.js';
import { ROOT } from '../helpers.js';

const DIR = join(ROOT, 'test', 'rules', 'sentences');

interface SentenceFile {
  flag?: Array<string | { text: string; family?: string }>;
  pass?: string[];
}

const engine = getEngine();
/** A sentence is linted as the kind of document its rule checks (a plan, or a message to a buyer). */
function kindOf(rule: string): 'plan' | 'message' {
  return engine.rules.find((r) => r.definition.id === rule)?.definition.kind ?? 'plan';
}

const files = readdirSync(DIR).filter((f) => /^[a-z-]+\.[a-z]{2,3}\.yaml$/.test(f)).sort();

describe('labelled sentences per rule and language', () => {
  it('has sentence files', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const [rule, lang] = file.split('.') as [string, string];
    const data = parse(readFileSync(join(DIR, file), 'utf8')) as SentenceFile;
    describe(`${rule} (${lang})`, () => {
      it('has at least 15 sentences to flag and 15 to pass', () => {
        expect(data.flag?.length ?? 0).toBeGreaterThanOrEqual(15);
        expect(data.pass?.length ?? 0).toBeGreaterThanOrEqual(15);
      });
      for (const entry of data.flag ?? []) {
        const text = typeof entry === 'string' ? entry : entry.text;
        it(`flags: ${text.slice(0, 70)}`, () => {
          const found = lintText(text, { language: lang, kind: kindOf(rule) }).findings.filter((f) => f.ruleId === rule);
          expect(found.length, `${rule} should flag: ${text}`).toBeGreaterThan(0);
          for (const f of found) expect(text).toContain(f.excerpt);
          if (typeof entry !== 'string' && entry.family) expect(found.map((f) => f.message).join(' ')).toContain(entry.family);
        });
      }
      for (const text of data.pass ?? []) {
        it(`passes: ${text.slice(0, 70)}`, () => {
          const found = lintText(text, { language: lang, kind: kindOf(rule) }).findings.filter((f) => f.ruleId === rule);
          expect(found.map((f) => f.excerpt), `${rule} should not flag: ${text}`).toEqual([]);
        });
      }
    });
  }
});
