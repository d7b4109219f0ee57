// The labelled evaluation set stays well formed and the scorer matches findings to labels correctly; no scores are asserted.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { getEngine } from '../../src/lint.js';
import type { Finding } from '../../src/types.js';
import { FIXTURES, ROOT } from '../helpers.js';
// @ts-expect-error -- plain ESM script without type declarations
import * as evalScript from '../../scripts/eval.mjs';

interface Span {
  rule: string;
  quote: string;
  occurrence?: number;
}
interface Labels {
  spans?: Span[];
  document?: Record<string, unknown>;
}
interface ScoredCounts {
  labels: number;
  found: number;
  tp: number;
  fp: number;
  fn: number;
}
interface EvalScript {
  findOccurrence(text: string, quote: string, occurrence?: number): number;
  scoreDraft(
    draft: { text: string; labels: { spans: Array<{ rule: string; quote: string; start: number; end: number }>; document: Record<string, boolean> } },
    findings: Array<Pick<Finding, 'ruleId' | 'line' | 'column' | 'endLine' | 'endColumn' | 'excerpt'>>,
    spanRules: string[],
    documentRules: string[],
  ): { counts: Record<string, ScoredCounts>; misses: Array<{ kind: string; rule: string; line: number }> };
}
const scorer = evalScript as EvalScript;

const LABELLED = join(FIXTURES, 'labelled');
const LANGUAGES = ['en', 'it', 'fr', 'de', 'es', 'nl'];
const SPAN_RULES = ['vague-promise', 'defensive-tone', 'invalid-order-id', 'unimplemented-action', 'weak-root-cause', 'undated-action', 'no-owner', 'no-frequency'];
const DOCUMENT_RULES = ['missing-order-id', 'missing-policy-link', 'no-responsibility', 'no-evidence', 'long-closing', 'too-long', 'no-bullets'];
const KNOWN_RULES = new Set([...SPAN_RULES, ...DOCUMENT_RULES, ...getEngine().rules.map((r) => r.definition.id)]);

const drafts = LANGUAGES.flatMap((lang) =>
  readdirSync(join(LABELLED, lang))
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ lang, name, path: join(LABELLED, lang, name), labelsPath: join(LABELLED, lang, name.replace(/\.md$/, '.labels.yaml')) })),
);

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

describe('labelled evaluation set', () => {
  for (const lang of LANGUAGES) {
    const mine = drafts.filter((d) => d.lang === lang);
    it(`${lang}: at least 6 drafts, 20 vague-promise and 20 defensive-tone labels`, () => {
      expect(mine.length).toBeGreaterThanOrEqual(6);
      const spans = mine.flatMap((d) => (parseYaml(readFileSync(d.labelsPath, 'utf8')) as Labels).spans ?? []);
      expect(spans.filter((s) => s.rule === 'vague-promise').length).toBeGreaterThanOrEqual(20);
      expect(spans.filter((s) => s.rule === 'defensive-tone').length).toBeGreaterThanOrEqual(20);
    });
  }

  it('has no stray files: every file is a draft or the labels of one', () => {
    for (const lang of readdirSync(LABELLED)) {
      expect(LANGUAGES, `folder ${lang}`).toContain(lang);
      for (const name of readdirSync(join(LABELLED, lang))) {
        const draft = name.replace(/\.labels\.yaml$/, '.md');
        const ok = name.endsWith('.md') || (name.endsWith('.labels.yaml') && readdirSync(join(LABELLED, lang)).includes(draft));
        expect(ok, `${lang}/${name}`).toBe(true);
      }
    }
  });

  for (const d of drafts) {
    it(`${d.lang}/${d.name}: realistic length, labels found in the draft, known rules`, () => {
      const text = readFileSync(d.path, 'utf8');
      const n = words(text);
      expect(n, 'words').toBeGreaterThanOrEqual(250);
      expect(n, 'words').toBeLessThanOrEqual(700);
      const labels = parseYaml(readFileSync(d.labelsPath, 'utf8')) as Labels;
      expect(Object.keys(labels).sort()).toEqual(['document', 'spans']);
      const seen = new Set<string>();
      for (const span of labels.spans ?? []) {
        expect(KNOWN_RULES.has(span.rule), `unknown rule ${span.rule}`).toBe(true);
        expect(DOCUMENT_RULES, `${span.rule} is document-level, not a span`).not.toContain(span.rule);
        const at = scorer.findOccurrence(text, span.quote, span.occurrence ?? 1);
        expect(at, `quote not found: ${span.quote}`).toBeGreaterThanOrEqual(0);
        const key = `${span.rule}@${at}`;
        expect(seen.has(key), `labelled twice: ${span.quote}`).toBe(false);
        seen.add(key);
      }
      for (const rule of DOCUMENT_RULES) expect(typeof labels.document?.[rule], `document.${rule}`).toBe('boolean');
      for (const rule of Object.keys(labels.document ?? {})) expect(KNOWN_RULES.has(rule), `unknown rule ${rule}`).toBe(true);
    });
  }
});

describe('eval scorer', () => {
  const finding = (ruleId: string, line: number, column: number, endLine: number, endColumn: number) => ({ ruleId, line, column, endLine, endColumn, excerpt: '' });

  it('maps line/column to offsets across CRLF, CR and astral characters', () => {
    const text = 'Intro\r\nWe 🙂 will do better.\rNext line: it will not happen again.\nEnd';
    const quoteA = 'will do better';
    const quoteB = 'it will not happen again';
    const spans = [quoteA, quoteB].map((quote) => {
      const start = text.indexOf(quote);
      return { rule: 'vague-promise', quote, start, end: start + quote.length };
    });
    // "will" on line 2 starts after "We 🙂 " (the emoji is two UTF-16 units): column 7.
    const hitA = finding('vague-promise', 2, 7, 2, 11);
    const missB = finding('vague-promise', 3, 1, 3, 5); // "Next": no label there
    const { counts, misses } = scorer.scoreDraft({ text, labels: { spans, document: {} } }, [hitA, missB], ['vague-promise'], []);
    expect(counts['vague-promise']).toEqual({ labels: 2, found: 2, tp: 1, fp: 1, fn: 1 });
    expect(misses.map((m) => `${m.kind}:${m.line}`).sort()).toEqual(['FN:3', 'FP:3']);
  });

  it('counts several findings inside one quote once, and compares document rules fired against expected', () => {
    const text = 'We will be more careful with our listings.';
    const spans = [{ rule: 'vague-promise', quote: text, start: 0, end: text.length }];
    const findings = [finding('vague-promise', 1, 1, 1, 8), finding('vague-promise', 1, 9, 1, 24), finding('missing-order-id', 1, 1, 1, 1)];
    const { counts } = scorer.scoreDraft(
      { text, labels: { spans, document: { 'missing-order-id': true, 'missing-policy-link': true } } },
      findings,
      ['vague-promise', 'defensive-tone'],
      ['missing-order-id', 'missing-policy-link'],
    );
    expect(counts['vague-promise']).toEqual({ labels: 1, found: 2, tp: 1, fp: 0, fn: 0 });
    expect(counts['defensive-tone']).toEqual({ labels: 0, found: 0, tp: 0, fp: 0, fn: 0 });
    expect(counts['missing-order-id']).toEqual({ labels: 1, found: 1, tp: 1, fp: 0, fn: 0 });
    expect(counts['missing-policy-link']).toEqual({ labels: 1, found: 0, tp: 0, fp: 0, fn: 1 });
  });

  describe('on a broken labelled set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-eval-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('exits 2 with one line naming the quote that is not in the draft', () => {
      mkdirSync(join(dir, 'en'));
      writeFileSync(join(dir, 'en', 'draft.md'), 'We will improve our processes.\n');
      writeFileSync(join(dir, 'en', 'draft.labels.yaml'), 'spans:\n  - rule: vague-promise\n    quote: "we will do better"\ndocument:\n  missing-order-id: true\n  missing-policy-link: true\n');
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'eval.mjs')], { cwd: ROOT, env: { ...process.env, POA_EVAL_DIR: dir }, encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/draft\.labels\.yaml: quote for vague-promise not found in .*draft\.md: "we will do better"/);
    });
  });
});
