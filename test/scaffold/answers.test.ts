// Answers files: every example parses; every mistake is one message naming the key at file:line:col.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PoaError } from '../../src/errors.js';
import {
  addDays,
  daysBetween,
  defaultLanguage,
  defaultMarketplace,
  environmentLocale,
  isIsoDate,
  mergeAnswers,
  parseAnswers,
  resolveLanguage,
  resolveMarketplace,
  splitIdentifiers,
} from '../../src/scaffold/answers.js';
import { loadCatalogue } from '../../src/scaffold/catalogue.js';
import { ROOT } from '../helpers.js';

const catalogue = loadCatalogue();
const TODAY = '2026-11-20';

function problem(source: string): string {
  try {
    parseAnswers(source, 'answers.yaml', catalogue, TODAY);
  } catch (error) {
    if (error instanceof PoaError) return error.format();
    throw error;
  }
  throw new Error('expected a PoaError');
}

describe('example answers files', () => {
  for (const lang of ['en', 'it', 'fr', 'de', 'es', 'nl']) {
    it(`examples/answers.${lang}.yaml is valid and complete`, () => {
      const path = join(ROOT, 'examples', `answers.${lang}.yaml`);
      const { answers } = parseAnswers(readFileSync(path, 'utf8'), path, catalogue, TODAY);
      expect(answers.language).toBe(lang);
      expect(answers.reason && catalogue.reasons.has(answers.reason)).toBe(true);
      const reason = catalogue.reasons.get(answers.reason as string);
      for (const q of reason?.questions ?? []) expect(answers.details?.[q.key], `${lang} details.${q.key}`).toBeTruthy();
      expect(answers.noticeDate).toBeTruthy();
      expect(answers.orders?.length).toBeGreaterThan(0);
      expect(answers.rootCauses?.length).toBeGreaterThan(0);
      for (const a of answers.correctiveActions ?? []) expect(a.date, a.action).toBeTruthy();
      for (const m of answers.preventiveMeasures ?? []) {
        expect(m.owner, m.measure).toBeTruthy();
        expect(m.frequency, m.measure).toBeTruthy();
      }
      expect(answers.documents?.length).toBeGreaterThan(0);
    });
  }
  it('covers a different reason in each language', () => {
    const reasons = ['en', 'it', 'fr', 'de', 'es', 'nl'].map((lang) => readFileSync(join(ROOT, 'examples', `answers.${lang}.yaml`), 'utf8').match(/^reason: (.+)$/m)?.[1]);
    expect(new Set(reasons).size).toBe(6);
  });
});

describe('answers file errors', () => {
  it('names an unknown key where it is and suggests the right one', () => {
    expect(problem('reason: late-shipment\nrootCause:\n  - x\n')).toBe('answers.yaml:2:1: unknown key "rootCause" — did you mean "rootCauses"?');
  });

  it('names a malformed order ID by its key and position', () => {
    expect(problem('orders:\n  - 203-4918273-5521904\n  - 203-491827-5521904\n')).toBe(
      'answers.yaml:3:5: orders.1: "203-491827-5521904" is not an Amazon order ID: 3-7-7 digits such as 203-1234567-1234567 (digital orders: D01-…) — see schema/answers.schema.json and examples/answers.en.yaml',
    );
  });

  it('names a malformed ASIN and date', () => {
    expect(problem('asins: [B07XK9M2Q]\n')).toMatch(/^answers\.yaml:1:9: asins\.0: "B07XK9M2Q" is not an ASIN/);
    expect(problem('noticeDate: 4/5/2026\n')).toMatch(/^answers\.yaml:1:13: noticeDate: "4\/5\/2026" is not a date written as YYYY-MM-DD/);
    expect(problem('noticeDate: 2026-02-30\n')).toMatch(/^answers\.yaml:1:13: noticeDate: "2026-02-30" is not a calendar date — write it as YYYY-MM-DD$/);
  });

  it('refuses a corrective action dated in the future: those are preventive measures', () => {
    expect(problem('correctiveActions:\n  - date: 2026-12-24\n    action: We will train the team.\n')).toBe(
      'answers.yaml:2:11: correctiveActions.0.date: 2026-12-24 is in the future — corrective actions are the ones already done; put planned controls under preventiveMeasures',
    );
  });

  it('names wrong types and missing keys', () => {
    expect(problem('rootCauses: our handling time was too short\n')).toMatch(/^answers\.yaml:1:13: rootCauses: must be array/);
    expect(problem('preventiveMeasures:\n  - owner: warehouse manager\n')).toMatch(/^answers\.yaml:2:5: preventiveMeasures\.0: missing key "measure"/);
  });

  it('suggests the nearest reason, marketplace and language', () => {
    expect(problem('reason: late-shipments\n')).toBe('answers.yaml:1:9: unknown reason "late-shipments" — did you mean "late-shipment"?');
    expect(problem('marketplace: amazon.dee\n')).toBe('answers.yaml:1:14: unknown marketplace "amazon.dee" — did you mean "amazon.de"?');
    expect(problem('language: klingon\n')).toBe('answers.yaml:1:11: unknown language "klingon" — use one of en, it, fr, de, es, nl');
  });

  it('checks the reason-specific details keys', () => {
    expect(problem('reason: late-shipment\ndetails:\n  rates: 5 %\n')).toBe('answers.yaml:3:3: details: unknown key "rates" for reason late-shipment — did you mean "rate"?');
  });

  it('reports broken YAML and empty files', () => {
    expect(problem('orders: [203-4918273-5521904\n')).toMatch(/^answers\.yaml:2:1: invalid YAML/);
    expect(problem('')).toBe('answers.yaml: the answers file is empty — see schema/answers.schema.json and examples/answers.en.yaml');
  });
});

describe('identifiers, dates and names', () => {
  it('splits and normalises identifiers as people paste them', () => {
    expect(splitIdentifiers('203‑4918273‑5521904, ２０３-7730152-0098316;b07xk9m2qp')).toEqual(['203-4918273-5521904', '203-7730152-0098316', 'B07XK9M2QP']);
  });

  it('accepts calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(addDays('2026-05-04', 17)).toBe('2026-05-21');
    expect(addDays('2026-12-20', 17)).toBe('2027-01-06');
    expect(daysBetween('2026-05-10', '2026-05-21')).toBe(11);
  });

  it('resolves languages and marketplaces as users write them', () => {
    expect(resolveLanguage('it-IT', catalogue, 'x')).toBe('it');
    expect(resolveLanguage('de_DE.UTF-8', catalogue, 'x')).toBe('de');
    expect(resolveLanguage('Français', catalogue, 'x')).toBe('fr');
    expect(resolveMarketplace('www.amazon.co.uk', catalogue, 'x').domain).toBe('amazon.co.uk');
    expect(resolveMarketplace('https://sellercentral.amazon.it/home', catalogue, 'x').domain).toBe('amazon.it');
    expect(resolveMarketplace('fr', catalogue, 'x').domain).toBe('amazon.fr');
    expect(resolveMarketplace('GB', catalogue, 'x').domain).toBe('amazon.co.uk');
  });

  it('takes defaults from the config, then LC_ALL / LC_MESSAGES / LANG', () => {
    expect(environmentLocale({ LANG: 'nl_BE.UTF-8' })).toEqual({ language: 'nl', territory: 'BE' });
    expect(environmentLocale({ LANG: 'C.UTF-8' })).toEqual({});
    expect(environmentLocale({ LC_ALL: 'fr_FR', LANG: 'de_DE' })).toEqual({ language: 'fr', territory: 'FR' });
    expect(defaultLanguage(catalogue, { env: { LANG: 'es_ES.UTF-8' } })).toBe('es');
    expect(defaultLanguage(catalogue, { env: { LANG: 'ja_JP.UTF-8' } })).toBe('en');
    expect(defaultLanguage(catalogue, { env: { LANG: 'es_ES.UTF-8' }, config: { language: { value: 'it', where: '.poarc.yaml:1:11' } } })).toBe('it');
    expect(defaultMarketplace(catalogue, { env: { LANG: 'nl_BE.UTF-8' } }, 'nl')).toBe('amazon.com.be');
    expect(defaultMarketplace(catalogue, { env: { LANG: 'C' } }, 'de')).toBe('amazon.de');
    expect(defaultMarketplace(catalogue, { env: { LANG: 'en_GB' }, config: { marketplace: { value: 'amazon.it', where: '.poarc.yaml:2:14' } } }, 'en')).toBe('amazon.it');
  });

  it('lets flags win over the answers file, key by key', () => {
    const merged = mergeAnswers({ language: 'en', orders: ['203-4918273-5521904'], details: { a: '1', b: '2' } }, { orders: ['203-7730152-0098316'], details: { b: '3' } });
    expect(merged).toEqual({ language: 'en', orders: ['203-7730152-0098316'], details: { a: '1', b: '3' } });
  });
});
