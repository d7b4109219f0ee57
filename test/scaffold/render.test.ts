// Plans rendered from answers: complete answers lint without errors in every language; every gap is an unfilled-placeholder error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';
import { parseAnswers, type ResolvedAnswers } from '../../src/scaffold/answers.js';
import { loadCatalogue } from '../../src/scaffold/catalogue.js';
import { clause, formatDate, renderPlan, sentence } from '../../src/scaffold/render.js';
import { ROOT } from '../helpers.js';

const catalogue = loadCatalogue();
const LANGUAGES = ['en', 'it', 'fr', 'de', 'es', 'nl'];
const PARTS = ['problem', 'root-cause', 'corrective-actions', 'prevention', 'evidence', 'closing'];

function example(lang: string): ResolvedAnswers {
  const path = join(ROOT, 'examples', `answers.${lang}.yaml`);
  return parseAnswers(readFileSync(path, 'utf8'), path, catalogue, '2026-11-20').answers as ResolvedAnswers;
}

/** Part kinds in order; the preamble (the seller's name) is not a part. */
function kinds(text: string, lang: string): string[] {
  return lintText(text, { language: lang })
    .sections.flatMap((s) => s.kinds)
    .filter((k) => k !== 'preamble');
}

describe('complete answers', () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      const answers = example(lang);
      const plan = renderPlan(answers);

      it('renders a plan poa lint finds no errors in', () => {
        const result = lintText(plan.text, { path: `answers.${lang}.md` });
        expect(result.language).toBe(lang);
        expect(result.languageSource).toBe('front-matter');
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(plan.placeholders).toBe(0);
      });

      it('has every part of a plan, in order, under headings poa recognises', () => {
        expect(kinds(plan.text, lang)).toEqual(PARTS);
      });

      it('carries the facts: orders, a dated action per line, owner and frequency per measure, the policy link', () => {
        for (const order of answers.orders ?? []) expect(plan.text).toContain(order);
        const marketplace = catalogue.marketplaces.get(answers.marketplace);
        expect(plan.text).toContain(`https://${marketplace?.host}/help/hub/reference/external/`);
        for (const action of answers.correctiveActions ?? []) {
          const line = plan.text.split('\n').find((l) => l.includes(action.action.slice(0, 30)));
          expect(line, action.action).toMatch(/^- \*\*.*\d{4}\*\*: /);
        }
        for (const m of answers.preventiveMeasures ?? []) {
          const line = plan.text.split('\n').find((l) => l.includes((m.measure as string).slice(0, 30)));
          expect(line).toContain(`(${m.owner}, ${m.frequency}).`);
        }
      });

      it('without guidance has no comments and no other text than the answers, headings and labels', () => {
        const bare = renderPlan(answers, { guidance: false }).text;
        expect(bare).not.toContain('<!--');
        expect(plan.text).toContain('<!--');
        expect(lintText(bare, { language: lang }).findings.filter((f) => f.severity === 'error')).toEqual([]);
      });
    });
  }
});

describe('incomplete answers', () => {
  for (const lang of LANGUAGES) {
    for (const reason of catalogue.reasons.keys()) {
      it(`${lang} ${reason}: every gap of an empty skeleton is an unfilled-placeholder error`, () => {
        const plan = renderPlan({ language: lang, reason, marketplace: catalogue.marketplaceByLanguage[lang] as string });
        const result = lintText(plan.text, { language: lang });
        const placeholders = result.findings.filter((f) => f.ruleId === 'unfilled-placeholder');
        const marks = [...plan.text.replace(/<!--[\s\S]*?-->/g, '').matchAll(/\[\[[^\]]+\]\]/g)].map((m) => m[0]);
        expect(placeholders.map((f) => f.excerpt)).toEqual(marks);
        expect(placeholders.length).toBe(plan.placeholders);
        expect(placeholders.every((f) => f.severity === 'error')).toBe(true);
        // The skeleton has every part, none empty: the only structural faults are the gaps.
        expect(result.findings.filter((f) => f.ruleId === 'missing-section' || f.ruleId === 'empty-section')).toEqual([]);
        expect(kinds(plan.text, lang)).toEqual(PARTS);
      });
    }
  }

  it('marks only the facts that are missing', () => {
    const answers = {
      ...example('en'),
      noticeDate: undefined,
      correctiveActions: [{ action: 'We refunded order 203-4918273-5521904.' }],
      preventiveMeasures: [{ measure: 'Open orders are checked', frequency: 'every day' }],
      documents: [],
    };
    const plan = renderPlan(answers, { guidance: false });
    const marks = [...plan.text.matchAll(/\[\[[^\]]+\]\]/g)].map((m) => m[0]);
    expect(marks).toEqual(['[[date of the notice]]', '[[date]]', '[[owner]]', '[[document you attach]]', '[[date]]']);
    expect(plan.text).toContain('- **[[date]]**: We refunded order 203-4918273-5521904.');
    expect(plan.text).toContain('- Open orders are checked ([[owner]], every day).');
  });

  it('marks the reason-specific facts with their label', () => {
    const plan = renderPlan({ language: 'it', reason: 'related-accounts', marketplace: 'amazon.it' }, { guidance: false });
    expect(plan.text).toContain('- Collegamento tra gli account: [[Collegamento tra gli account]]');
    expect(plan.text).not.toContain('Ordini:');
  });
});

describe('text from answers', () => {
  it('makes one-line sentences of list items', () => {
    expect(sentence('  our handling time\n was one day ')).toBe('Our handling time was one day.');
    expect(sentence('Done (see invoice)')).toBe('Done (see invoice).');
    expect(sentence('Is it done?')).toBe('Is it done?');
    expect(sentence('   ')).toBeNull();
    expect(clause('Stock is synced every 15 minutes.')).toBe('Stock is synced every 15 minutes');
  });

  it('writes dates as each language writes them', () => {
    expect(formatDate('2026-05-04', 'en-GB')).toBe('4 May 2026');
    expect(formatDate('2026-05-04', 'en-US')).toBe('May 4, 2026');
    expect(formatDate('2026-05-04', 'it')).toBe('4 maggio 2026');
    expect(formatDate('2026-05-04', 'fr')).toBe('4 mai 2026');
    expect(formatDate('2026-05-04', 'de')).toBe('4. Mai 2026');
    expect(formatDate('2026-05-04', 'es')).toBe('4 de mayo de 2026');
    expect(formatDate('2026-05-04', 'nl')).toBe('4 mei 2026');
  });

  it('keeps a multi-line answer inside its list item', () => {
    const plan = renderPlan({ language: 'en', reason: 'late-shipment', marketplace: 'amazon.com', rootCauses: ['First line\nsecond line\n\n# not a heading'] }, { guidance: false });
    expect(plan.text).toContain('- First line second line # not a heading.');
    expect(kinds(plan.text, 'en')).toEqual(PARTS);
  });

  it('uses the seller’s own closing when given', () => {
    const plan = renderPlan({ ...example('en'), closing: 'We accept the findings and ask for reinstatement.' }, { guidance: false });
    expect(plan.text.trimEnd().endsWith('## Conclusion\n\nWe accept the findings and ask for reinstatement.')).toBe(true);
  });
});
