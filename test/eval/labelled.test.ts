// The labelled evaluation set (plans, their notices, buyer messages) stays well formed and the scorer matches findings to
// labels correctly; no scores are asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
type ScoredLabels = {
  spans: Array<{ rule: string; quote: string; start: number; end: number }>;
  document: Record<string, boolean>;
  facts?: Record<string, string[]>;
};
type ScoredFinding = Pick<Finding, 'ruleId' | 'line' | 'column' | 'endLine' | 'endColumn' | 'excerpt'> & { message?: string };
interface EvalScript {
  findOccurrence(text: string, quote: string, occurrence?: number): number;
  factRow(rule: string): string;
  factLabels(ruleFile: string): Map<string, string>;
  scoreDraft(
    draft: { text: string; labels: ScoredLabels },
    findings: ScoredFinding[],
    spanRules: string[],
    documentRules: string[],
    factLabelsOf?: (rule: string) => Map<string, string> | null,
  ): { counts: Record<string, ScoredCounts>; misses: Array<{ kind: string; rule: string; line: number }> };
}
const scorer = evalScript as EvalScript;

const LABELLED = join(FIXTURES, 'labelled');
const MESSAGES = join(FIXTURES, 'labelled-messages');
const LANGUAGES = ['en', 'it', 'fr', 'de', 'es', 'nl'];
const SPAN_RULES = ['vague-promise', 'defensive-tone', 'invalid-order-id', 'unimplemented-action', 'weak-root-cause', 'undated-action', 'no-owner', 'no-frequency', 'template-copy'];
/** Document-level rules every plan is labelled for. */
const DOCUMENT_RULES = ['missing-order-id', 'missing-policy-link', 'no-responsibility', 'no-evidence', 'long-closing', 'too-long', 'no-bullets', 'missing-asin', 'missing-reason-facts'];
/** Rules that compare a plan with the notice next to it: notice-echo spans, notice-not-addressed per plan with a notice. */
const NOTICE_SPAN_RULES = ['notice-echo'];
const NOTICE_DOCUMENT_RULES = ['notice-not-addressed'];
/** Rules of replies to buyers (--kind message). */
const MESSAGE_SPAN_RULES = ['message-mentions-suspension', 'message-admits-fault', 'message-off-platform'];
const MESSAGE_DOCUMENT_RULES = ['message-missing-order-id'];
const ENGINE_RULES = getEngine().rules.map((r) => r.definition);
const KNOWN_RULES = new Set([...SPAN_RULES, ...DOCUMENT_RULES, ...ENGINE_RULES.map((r) => r.id)]);
const FACTS = new Set(Object.keys((ENGINE_RULES.find((r) => r.id === 'missing-reason-facts')?.options?.['facts'] ?? {}) as Record<string, unknown>));

const drafts = LANGUAGES.flatMap((lang) =>
  readdirSync(join(LABELLED, lang))
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const base = join(LABELLED, lang, name.replace(/\.md$/, ''));
      const noticePath = `${base}.notice.txt`;
      return { lang, name, path: join(LABELLED, lang, name), labelsPath: `${base}.labels.yaml`, noticePath: existsSync(noticePath) ? noticePath : null };
    }),
);
const messages = LANGUAGES.flatMap((lang) =>
  readdirSync(join(MESSAGES, lang))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ lang, name, path: join(MESSAGES, lang, name), labelsPath: join(MESSAGES, lang, name.replace(/\.txt$/, '.labels.yaml')) })),
);
const labelsOf = (path: string): Labels => parseYaml(readFileSync(path, 'utf8')) as Labels;

/** Every quote of a labels file is found in its text, once per rule and place, and names a rule of the right kind. */
function checkSpans(text: string, labels: Labels, allowed: string[]): void {
  const seen = new Set<string>();
  for (const span of labels.spans ?? []) {
    expect(KNOWN_RULES.has(span.rule), `unknown rule ${span.rule}`).toBe(true);
    expect(allowed, `${span.rule} is not a span rule for this kind of text`).toContain(span.rule);
    const at = scorer.findOccurrence(text, span.quote, span.occurrence ?? 1);
    expect(at, `quote not found: ${span.quote}`).toBeGreaterThanOrEqual(0);
    const key = `${span.rule}@${at}`;
    expect(seen.has(key), `labelled twice: ${span.quote}`).toBe(false);
    seen.add(key);
  }
}

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

  for (const lang of LANGUAGES) {
    const mine = drafts.filter((d) => d.lang === lang);
    it(`${lang}: at least 2 plans with a notice, one labelled with a notice-echo span, and template-copy labels`, () => {
      const withNotice = mine.filter((d) => d.noticePath);
      expect(withNotice.length).toBeGreaterThanOrEqual(2);
      const spans = mine.flatMap((d) => labelsOf(d.labelsPath).spans ?? []);
      expect(spans.filter((s) => s.rule === 'notice-echo').length).toBeGreaterThanOrEqual(1);
      expect(spans.filter((s) => s.rule === 'template-copy').length).toBeGreaterThanOrEqual(3);
      const addressed = withNotice.map((d) => labelsOf(d.labelsPath).document?.['notice-not-addressed']);
      expect(addressed, 'notice-not-addressed both ways').toContain(true);
      expect(addressed, 'notice-not-addressed both ways').toContain(false);
    });
  }

  it('has no stray files: every file is a draft, the labels of one or the notice of one', () => {
    for (const lang of readdirSync(LABELLED)) {
      expect(LANGUAGES, `folder ${lang}`).toContain(lang);
      const names = readdirSync(join(LABELLED, lang));
      for (const name of names) {
        const owner = name.replace(/\.labels\.yaml$|\.notice\.txt$/, '.md');
        const ok = name.endsWith('.md') || ((name.endsWith('.labels.yaml') || name.endsWith('.notice.txt')) && names.includes(owner));
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
      const labels = labelsOf(d.labelsPath);
      expect(Object.keys(labels).sort()).toEqual(['document', 'spans']);
      checkSpans(text, labels, d.noticePath ? [...SPAN_RULES, ...NOTICE_SPAN_RULES] : SPAN_RULES);
      for (const rule of DOCUMENT_RULES) {
        const value = labels.document?.[rule];
        if (rule === 'missing-reason-facts' && Array.isArray(value)) {
          expect(value.length, 'an empty list of facts: write false').toBeGreaterThan(0);
          for (const fact of value) expect(FACTS.has(String(fact)), `unknown fact ${String(fact)}`).toBe(true);
        } else expect(typeof value, `document.${rule}`).toBe('boolean');
      }
      for (const rule of NOTICE_DOCUMENT_RULES) expect(typeof labels.document?.[rule], `document.${rule}`).toBe(d.noticePath ? 'boolean' : 'undefined');
      for (const rule of Object.keys(labels.document ?? {})) {
        expect(KNOWN_RULES.has(rule), `unknown rule ${rule}`).toBe(true);
        expect(MESSAGE_DOCUMENT_RULES, `${rule} is for buyer messages`).not.toContain(rule);
      }
      if (d.noticePath) expect(words(readFileSync(d.noticePath, 'utf8')), 'notice words').toBeGreaterThanOrEqual(40);
    });
  }
});

describe('labelled buyer messages', () => {
  for (const lang of LANGUAGES) {
    const mine = messages.filter((m) => m.lang === lang);
    it(`${lang}: at least 8 messages, good and bad, every message rule labelled`, () => {
      expect(mine.length).toBeGreaterThanOrEqual(8);
      const all = mine.map((m) => labelsOf(m.labelsPath));
      const spans = all.flatMap((l) => l.spans ?? []);
      for (const rule of MESSAGE_SPAN_RULES) expect(spans.filter((s) => s.rule === rule).length, rule).toBeGreaterThanOrEqual(3);
      expect(all.filter((l) => (l.spans ?? []).length === 0 && l.document?.['message-missing-order-id'] === false).length, 'clean messages').toBeGreaterThanOrEqual(3);
      expect(all.filter((l) => l.document?.['message-missing-order-id'] === true).length).toBeGreaterThanOrEqual(2);
    });
  }

  it('has no stray files: every file is a message or the labels of one', () => {
    for (const lang of readdirSync(MESSAGES)) {
      expect(LANGUAGES, `folder ${lang}`).toContain(lang);
      const names = readdirSync(join(MESSAGES, lang));
      for (const name of names) {
        const ok = name.endsWith('.txt') || (name.endsWith('.labels.yaml') && names.includes(name.replace(/\.labels\.yaml$/, '.txt')));
        expect(ok, `${lang}/${name}`).toBe(true);
      }
    }
  });

  for (const m of messages) {
    it(`${m.lang}/${m.name}: a reply's length, labels found in it, message rules only`, () => {
      const text = readFileSync(m.path, 'utf8');
      const n = words(text);
      expect(n, 'words').toBeGreaterThanOrEqual(20);
      expect(n, 'words').toBeLessThanOrEqual(200);
      const labels = labelsOf(m.labelsPath);
      expect(Object.keys(labels).sort()).toEqual(['document', 'spans']);
      checkSpans(text, labels, MESSAGE_SPAN_RULES);
      expect(Object.keys(labels.document ?? {})).toEqual(MESSAGE_DOCUMENT_RULES);
      for (const rule of MESSAGE_DOCUMENT_RULES) expect(typeof labels.document?.[rule], `document.${rule}`).toBe('boolean');
      for (const rule of [...MESSAGE_SPAN_RULES, ...MESSAGE_DOCUMENT_RULES]) expect(ENGINE_RULES.find((r) => r.id === rule)?.kind, rule).toBe('message');
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

  it('compares the facts a required-facts rule reports with the facts listed', () => {
    const text = 'Our late shipment rate was 6.1 %.';
    const labels = new Map([
      ['the metric\'s target (e.g. below 4 %)', 'metric-target'],
      ['the metric\'s value as a percentage (e.g. 6.1 %)', 'metric-value'],
    ]);
    const fact = (label: string) => ({ ...finding('missing-reason-facts', 1, 1, 1, 1), message: `For a plan about late-shipment, reviewers expect ${label}.` });
    const findings = [fact('the metric\'s target (e.g. below 4 %)'), fact('the metric\'s value as a percentage (e.g. 6.1 %)')];
    const { counts } = scorer.scoreDraft(
      { text, labels: { spans: [], document: { 'missing-reason-facts': true }, facts: { 'missing-reason-facts': ['metric-target', 'supplier-identity'] } } },
      findings,
      [],
      ['missing-reason-facts'],
      () => labels,
    );
    expect(counts['missing-reason-facts']).toEqual({ labels: 1, found: 1, tp: 1, fp: 0, fn: 0 });
    expect(counts[scorer.factRow('missing-reason-facts')]).toEqual({ labels: 2, found: 2, tp: 1, fp: 1, fn: 1 });
  });

  it('reads the fact labels of every language from the rule file', () => {
    const labels = scorer.factLabels(join(ROOT, 'rules', 'missing-reason-facts.yaml'));
    expect(new Set(labels.values())).toEqual(FACTS);
    expect(labels.size).toBeGreaterThan(FACTS.size);
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

    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'eval.mjs')], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

    it('exits 2 when a plan is labelled for a notice rule but has no notice next to it', () => {
      const plans = join(dir, 'no-notice');
      mkdirSync(join(plans, 'en'), { recursive: true });
      writeFileSync(join(plans, 'en', 'draft.md'), 'Root cause: our late shipment rate was 6.1 %.\n');
      writeFileSync(join(plans, 'en', 'draft.labels.yaml'), 'spans: []\ndocument:\n  notice-not-addressed: true\n');
      const result = run({ POA_EVAL_DIR: plans });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/labels notice-not-addressed but .*draft\.md has no notice \(draft\.notice\.txt\)/);
    });

    it('exits 2 on a notice with no draft, and on a fact list for a rule that takes none', () => {
      const plans = join(dir, 'orphan');
      mkdirSync(join(plans, 'en'), { recursive: true });
      writeFileSync(join(plans, 'en', 'other.notice.txt'), 'Order 123-1234567-1234567.\n');
      expect(run({ POA_EVAL_DIR: plans }).stderr).toMatch(/other\.notice\.txt: notice with no draft next to it/);
      const facts = join(dir, 'facts');
      mkdirSync(join(facts, 'en'), { recursive: true });
      writeFileSync(join(facts, 'en', 'draft.md'), 'We refunded order 123-1234567-1234567.\n');
      writeFileSync(join(facts, 'en', 'draft.labels.yaml'), 'spans: []\ndocument:\n  missing-order-id: [x]\n');
      const result = run({ POA_EVAL_DIR: facts });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/document\.missing-order-id must be true or false$/m);
    });

    it('passes the notice to poa and lints messages as replies to buyers', () => {
      const plans = join(dir, 'plans');
      const replies = join(dir, 'replies');
      mkdirSync(join(plans, 'en'), { recursive: true });
      mkdirSync(join(replies, 'en'), { recursive: true });
      writeFileSync(join(plans, 'en', 'draft.md'), '## Root cause\n\nOur packer sent the wrong size for order 111-1111111-1111111.\n');
      writeFileSync(join(plans, 'en', 'draft.notice.txt'), 'Orders: 111-1111111-1111111, 222-2222222-2222222.\n');
      writeFileSync(join(plans, 'en', 'draft.labels.yaml'), 'spans: []\ndocument:\n  notice-not-addressed: true\n');
      writeFileSync(join(replies, 'en', 'reply.txt'), 'Thank you for your message. Our account is suspended, so please pay by PayPal.\n');
      writeFileSync(
        join(replies, 'en', 'reply.labels.yaml'),
        'spans:\n  - rule: message-mentions-suspension\n    quote: "Our account is suspended"\n  - rule: message-off-platform\n    quote: "please pay by PayPal"\ndocument:\n  message-missing-order-id: true\n',
      );
      const result = run({ POA_EVAL_DIR: plans, POA_EVAL_MESSAGES_DIR: replies });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/1 labelled draft in .*\(en 1; 1 with a notice\)/);
      expect(result.stdout).toMatch(/1 labelled buyer message in /);
      const json = JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as { rules: Record<string, Record<string, ScoredCounts | null>> };
      expect(json.rules['notice-not-addressed']?.['all']).toMatchObject({ labels: 1, found: 1, tp: 1 });
      expect(json.rules['message-mentions-suspension']?.['all']).toMatchObject({ labels: 1, tp: 1 });
      expect(json.rules['message-off-platform']?.['all']).toMatchObject({ labels: 1, tp: 1 });
      expect(json.rules['message-missing-order-id']?.['all']).toMatchObject({ labels: 1, found: 1, tp: 1 });
    });
  });
});
