// The seed documents behave: the Italian article's rejected phrases and aggressive message are flagged,
// its neutral request is not, and the revised pharmacy plan links its policies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';
import { SEEDS } from '../helpers.js';

const article = readFileSync(join(SEEDS, '000_2c5b3da928535f6d.txt'), 'utf8');
const thread = readFileSync(join(SEEDS, '004_7c1cb79be92d36ab.txt'), 'utf8');

function quoted(prefix: string): string {
  const start = article.indexOf(prefix);
  expect(start, prefix).toBeGreaterThanOrEqual(0);
  return article.slice(start, article.indexOf('”', start));
}

function ids(text: string): string[] {
  return lintText(text, { language: 'it' }).findings.map((f) => f.ruleId);
}

describe('Italian seed article (000)', () => {
  it('flags the empty promises it quotes', () => {
    for (const phrase of ['Miglioreremo i nostri processi.', 'Miglioreremo la qualità.', 'Non manipoleremo più le recensioni.']) {
      expect(ids(phrase), phrase).toContain('vague-promise');
    }
  });

  it('flags the aggressive funds message and not the neutral request', () => {
    const aggressive = quoted('È assurdo');
    const neutral = quoted('Vorrei richiedere');
    const findings = lintText(aggressive, { language: 'it' }).findings.filter((f) => f.ruleId === 'defensive-tone');
    expect(findings.length).toBeGreaterThanOrEqual(2);
    for (const f of findings) expect(aggressive).toContain(f.excerpt);
    expect(ids(neutral)).not.toContain('defensive-tone');
  });
});

describe('pharmacy plans (004)', () => {
  const revised = thread.slice(thread.indexOf('Salve sono il titolare'), thread.indexOf('Seller_ejelQoT1NUWAg'));
  const first = thread.slice(thread.indexOf('Salve\ninvio questo messaggio'), thread.indexOf('Abbiamo secondo voi'));

  it('finds the policy links of the revised plan', () => {
    expect(ids(revised)).not.toContain('missing-policy-link');
  });

  it('reports the first plan without policy links', () => {
    expect(ids(first)).toContain('missing-policy-link');
  });

  it('does not take the internal lawyer for a threat', () => {
    const threats = lintText(revised, { language: 'it' }).findings.filter((f) => f.ruleId === 'defensive-tone' && /avvocat/i.test(f.excerpt));
    expect(threats).toEqual([]);
  });

  it('flags the minimising sentence of the forum post', () => {
    expect(ids('Alla fine sono stati solo 2 errori fatti su 2500 ordini spediti in maniera corretta.')).toContain('defensive-tone');
  });
});
