// The reason catalogue, marketplaces and prompt text: valid against their schemas, complete in every language, faithful to DOMAIN.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';
import { deadlineDays, helpLocale, loadCatalogue, policyUrl } from '../../src/scaffold/catalogue.js';
import { schemaValidator } from '../../src/yaml.js';
import { ROOT } from '../helpers.js';

const catalogue = loadCatalogue();
const LANGUAGES = ['en', 'it', 'fr', 'de', 'es', 'nl'];
const DOMAIN = join(ROOT, '..', 'shared', 'DOMAIN.md');

function data(name: string): unknown {
  return parse(readFileSync(join(ROOT, 'templates', name), 'utf8'));
}

describe('template data files', () => {
  for (const [file, schema] of [
    ['reasons.yaml', 'reasons'],
    ['marketplaces.yaml', 'marketplaces'],
    ['ui.yaml', 'ui'],
  ] as const) {
    it(`${file} matches schema/${schema}.schema.json`, () => {
      const validate = schemaValidator(schema);
      const ok = validate(data(file));
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.[0])).toEqual([]);
      expect(ok).toBe(true);
    });
  }
});

describe('reason catalogue', () => {
  it('covers the six languages poa writes plans in, each with a skeleton', () => {
    expect(catalogue.languages).toEqual(LANGUAGES);
  });

  it('holds every reason the issue names', () => {
    for (const key of [
      'order-defect-rate', 'late-shipment', 'cancellation-rate', 'valid-tracking', 'related-accounts', 'ip-complaint',
      'counterfeit', 'inauthentic', 'review-manipulation', 'restricted-products', 'product-safety', 'condition-complaints',
      'off-platform-communication', 'off-platform-payment', 'identity-verification', 'dropshipping',
    ]) {
      expect(catalogue.reasons.has(key), key).toBe(true);
    }
  });

  it.skipIf(!existsSync(DOMAIN))('holds every reason of the table in DOMAIN.md §3', () => {
    const section = readFileSync(DOMAIN, 'utf8').split('## 3.')[1]?.split('## 4.')[0] ?? '';
    const keys = [...section.matchAll(/^\| ([a-z-]+)(?: \(|\s*\|)/gm)].map((m) => m[1] as string).filter((k) => k !== 'key');
    expect(keys.length).toBeGreaterThanOrEqual(18);
    for (const key of keys) expect(catalogue.reasons.has(key), key).toBe(true);
  });

  for (const reason of catalogue.reasons.values()) {
    it(`${reason.key}: name, proof, evidence, rejections and questions in every language`, () => {
      for (const lang of LANGUAGES) {
        expect(reason.names[lang], `${lang} name`).toBeTruthy();
        expect(reason.prove[lang]?.length, `${lang} prove`).toBeGreaterThan(0);
        expect(reason.evidence[lang]?.length, `${lang} evidence`).toBeGreaterThan(0);
        expect(reason.reject[lang]?.length, `${lang} reject`).toBeGreaterThan(0);
        // The same checklist in every language: translations, not different advice.
        expect(reason.prove[lang]?.length).toBe(reason.prove['en']?.length);
        expect(reason.evidence[lang]?.length).toBe(reason.evidence['en']?.length);
        for (const q of reason.questions) {
          expect(q.label[lang], `${q.key} label ${lang}`).toBeTruthy();
          expect(q.ask[lang], `${q.key} question ${lang}`).toBeTruthy();
          if (reason.target !== undefined) expect(q.ask[lang]).toContain('{target}');
        }
      }
      expect(new Set(reason.questions.map((q) => q.key)).size).toBe(reason.questions.length);
      for (const item of reason.policies) expect(catalogue.policies[item], `policy ${item}`).toBeDefined();
      expect(deadlineDays(catalogue, reason)).toBeGreaterThan(0);
    });
  }

  it('keeps the metric targets and deadlines of DOMAIN.md as data', () => {
    expect(catalogue.appealDays).toBe(17);
    expect(catalogue.reasons.get('order-defect-rate')?.target).toBe('1 %');
    expect(catalogue.reasons.get('cancellation-rate')?.target).toBe('2.5 %');
    expect(catalogue.reasons.get('late-shipment')?.target).toBe('4 %');
    expect(catalogue.reasons.get('valid-tracking')?.target).toBe('95 %');
    expect(deadlineDays(catalogue, catalogue.reasons.get('product-safety') as never)).toBe(7);
  });

  it('names every policy page in every language', () => {
    for (const [item, names] of Object.entries(catalogue.policies)) {
      for (const lang of LANGUAGES) expect(names[lang], `${item} ${lang}`).toBeTruthy();
    }
  });

  it('has no text that would end a guidance comment early', () => {
    const all = readFileSync(join(ROOT, 'templates', 'reasons.yaml'), 'utf8') + readFileSync(join(ROOT, 'templates', 'ui.yaml'), 'utf8');
    expect(all).not.toContain('-->');
  });
});

describe('marketplaces', () => {
  it('has every Seller Central host DOMAIN.md §6 lists', () => {
    const hosts = new Set([...catalogue.marketplaces.values()].map((m) => m.host));
    for (const tld of ['com', 'ca', 'com.mx', 'com.br', 'co.uk', 'de', 'fr', 'it', 'es', 'nl', 'se', 'pl', 'com.be', 'com.tr', 'eg', 'sa', 'ae', 'in', 'com.au', 'co.jp', 'sg', 'co.za']) {
      expect(hosts.has(`sellercentral.amazon.${tld}`), tld).toBe(true);
    }
  });

  it('suggests a marketplace for every language', () => {
    for (const lang of LANGUAGES) expect(catalogue.marketplaces.has(catalogue.marketplaceByLanguage[lang] as string)).toBe(true);
  });

  it('picks the help locale of the plan language where the marketplace has one', () => {
    const de = catalogue.marketplaces.get('amazon.de');
    const be = catalogue.marketplaces.get('amazon.com.be');
    if (!de || !be) throw new Error('marketplaces missing');
    expect(helpLocale(de, 'de')).toBe('de-DE');
    expect(helpLocale(de, 'en')).toBe('en-GB');
    expect(helpLocale(de, 'it')).toBe('de-DE');
    expect(helpLocale(be, 'nl')).toBe('nl-BE');
  });

  it('builds policy links that poa lint counts as policy links on every marketplace', () => {
    for (const marketplace of catalogue.marketplaces.values()) {
      for (const item of Object.keys(catalogue.policies)) {
        const url = policyUrl(catalogue, marketplace, item, 'en');
        expect(url).toMatch(new RegExp(`^https://${marketplace.host.replace(/\./g, '\\.')}/help/hub/reference/external/${item}\\?locale=[a-z]{2}-[A-Z]{2}$`));
        const ids = lintText(`## Problem\nThe policy is ${url} and order 203-1234567-1234567 is affected.`, { language: 'en' }).findings.map((f) => f.ruleId);
        expect(ids, url).not.toContain('missing-policy-link');
      }
    }
  });
});
