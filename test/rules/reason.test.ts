// The plan's reason: declared in front matter, given as an option, or inferred from its words; rules can target reasons.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PoaError } from '../../src/errors.js';
import { lintText } from '../../src/lint.js';
import { ReasonCatalogue } from '../../src/rules/reason.js';

const LATE = [
  '## Problem',
  'Our late shipment rate reached 6.1 % because 40 orders were dispatched late in March.',
  '',
  '## Root cause',
  'The handling time was one day while our warehouse needs two.',
].join('\n');

describe('reason of a plan', () => {
  it('is inferred from the words of the plan and reported as inferred', () => {
    const result = lintText(LATE);
    expect(result.reason).toBe('late-shipment');
    expect(result.reasonInferred).toBe(true);
  });

  it('comes from front matter first, then from the option', () => {
    expect(lintText(`---\nreason: ip-complaint\n---\n${LATE}`, { reason: 'valid-tracking' })).toMatchObject({ reason: 'ip-complaint', reasonInferred: false });
    expect(lintText(LATE, { reason: 'valid-tracking' })).toMatchObject({ reason: 'valid-tracking', reasonInferred: false });
  });

  it('is left out when the words do not point to one reason', () => {
    expect(lintText('## Root cause\nOur employee made a mistake.\n').reason).toBeUndefined();
  });

  it('refuses an unknown reason with the nearest key', () => {
    expect(() => lintText(LATE, { reason: 'late-shipments' })).toThrow(/unknown reason "late-shipments"/);
    try {
      lintText('---\nreason: ip-complaints\n---\nText.', { path: 'plan.md' });
      expect.unreachable('an unknown reason is refused');
    } catch (error) {
      expect((error as PoaError).format()).toBe('plan.md: front matter reason: unknown reason "ip-complaints" — did you mean "ip-complaint"? (poa init lists the reasons)');
    }
  });

  it('runs reason-specific rules only on plans with that reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-reasons-'));
    writeFileSync(
      join(dir, 'missing-metric.yaml'),
      [
        'id: missing-metric',
        'severity: warning',
        'check: required-pattern',
        "reasons: ['@performance']",
        'options:',
        "  patterns: ['re:\\d+(?:[.,]\\d+)?\\s?%']",
        'languages:',
        '  en: { message: "Give the metric value and its target." }',
        '',
      ].join('\n'),
    );
    const withoutNumber = '## Problem\nOur late shipment rate was too high and several orders were dispatched late.\n';
    expect(lintText(withoutNumber, { rulePacks: [dir] }).findings.map((f) => f.ruleId)).toContain('missing-metric');
    expect(lintText(LATE, { rulePacks: [dir] }).findings.map((f) => f.ruleId)).not.toContain('missing-metric');
    expect(lintText(withoutNumber, { rulePacks: [dir], reason: 'ip-complaint' }).findings.map((f) => f.ruleId)).not.toContain('missing-metric');
  });
});

describe('links outside the prose still count as policy links', () => {
  const ids = (text: string): string[] => lintText(text, { language: 'en' }).findings.filter((f) => f.ruleId === 'missing-policy-link').map((f) => f.severity);
  it('accepts reference-style links, HTML links and code spans, but not comments', () => {
    expect(ids('We breached the [Prohibited Seller Activities][1] policy.\n\n[1]: https://sellercentral.amazon.com/gp/help/external/G200386250\n')).toEqual([]);
    expect(ids('See <a href="https://sellercentral.amazon.de/gp/help/external/G200386250">the policy</a>.\n')).toEqual([]);
    expect(ids('See `sellercentral.amazon.it/gp/help/external/G200386250`.\n')).toEqual([]);
    expect(ids('We read the Seller Code of Conduct.\n<!-- https://sellercentral.amazon.com/gp/help/external/G200386250 -->\n')).toEqual(['info']);
  });
});

describe('reason names', () => {
  const catalogue = new ReasonCatalogue({
    reasons: {
      'late-shipment': { names: { en: 'late shipment rate', de: 'Verspätungsrate' } },
      'pallet-fees': {},
    },
  });

  it('are said in the locale, else the plan\'s language, else English', () => {
    expect(catalogue.name('late-shipment', 'de', 'en')).toBe('Verspätungsrate');
    expect(catalogue.name('late-shipment', 'it', 'de')).toBe('Verspätungsrate');
    expect(catalogue.name('late-shipment', 'it', 'fr')).toBe('late shipment rate');
  });

  it('fall back to the key for a reason of a rule pack that gives no names', () => {
    expect(catalogue.name('pallet-fees', 'en', 'en')).toBe('pallet-fees');
  });
});
