// Specifics (rules/specifics.yaml): a first name alone is a person where it acts ("Gareth reviews", "by Ana"),
// which clears no-owner; a measure with no one, or with a capitalised word that is not a name, is still reported.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';
import { errorOf } from '../helpers.js';

const HEADINGS: Record<string, string> = { en: 'Preventive measures', it: 'Misure preventive', fr: 'Mesures préventives', es: 'Medidas preventivas', nl: 'Preventieve maatregelen' };

/** no-owner findings for one measure under the prevention heading of its language. */
function noOwner(language: string, measure: string): number {
  const text = `## ${HEADINGS[language]}\n\n- ${measure}\n`;
  return lintText(text, { language }).findings.filter((f) => f.ruleId === 'no-owner').length;
}

const CASES: Record<string, { named: string[]; nobody: string[] }> = {
  en: {
    named: [
      'On the first working day of each month Gareth reviews the sent messages and records the check in the compliance log.',
      'Any new insert or email template is reviewed against the review policy by Ana before it is printed or sent.',
    ],
    nobody: [
      'On the first working day of each month the sent messages are reviewed and the check is recorded in the compliance log.',
      'Any new insert or email template is reviewed against the review policy by Monday before it is printed or sent.',
      'Every new listing is checked against the restricted products list before Amazon reviews it.',
    ],
  },
  it: {
    named: ['Ogni venerdì Valentina controlla il report delle modifiche inviate nella settimana e lo firma.', 'Ogni nuova inserzione viene approvata da Giulia prima della pubblicazione.'],
    nobody: ['Ogni venerdì il report delle modifiche inviate nella settimana viene controllato e firmato.'],
  },
  fr: {
    named: ['Chaque matin à 9 h, Hugo consulte le rapport des prix modifiés de plus de 15 % en 24 heures.', 'Toute modification des règles du logiciel est validée par Hugo et notée dans un journal daté.'],
    nobody: ['Chaque matin à 9 h, le rapport des prix modifiés de plus de 15 % en 24 heures est consulté.'],
  },
  es: {
    named: ['Cada viernes Julián revisa todos los mensajes enviados durante la semana y lo anota en una libreta de control.', 'Cada nueva plantilla de mensaje es aprobada por Lucía antes de usarse.'],
    nobody: ['Cada viernes se revisan todos los mensajes enviados durante la semana y se anotan en una libreta de control.'],
  },
  nl: {
    named: ['Elke maandag vergelijkt Sanne het annuleringspercentage in Accountstatus met de norm.', 'Kevin noteert elke beoordeling met foto in een retourlogboek.', 'Elk nieuw sjabloon wordt eerst goedgekeurd door Fleur.'],
    nobody: ['Elke maandag wordt het annuleringspercentage in Accountstatus met de norm vergeleken.'],
  },
};

describe('the signatory as the owner of a measure', () => {
  it('is the first person singular, also without a pronoun in Italian', () => {
    expect(noOwner('it', 'Controllerò ogni mattina gli ordini in scadenza nel gestionale prima delle 10.')).toBe(0);
    expect(noOwner('it', 'Gli ordini in scadenza vengono controllati ogni mattina nel gestionale prima delle 10.')).toBe(1);
  });
});

describe('a first name alone as the owner of a measure', () => {
  for (const [language, { named, nobody }] of Object.entries(CASES)) {
    it(`counts where it acts, in ${language}`, () => {
      for (const measure of named) expect(noOwner(language, measure), measure).toBe(0);
    });
    it(`does not clear a measure with no one, in ${language}`, () => {
      for (const measure of nobody) expect(noOwner(language, measure), measure).toBe(1);
    });
  }

  it('refuses a first-name entry of a rule pack without NAME', () => {
    const pack = mkdtempSync(join(tmpdir(), 'poa-specifics-'));
    mkdirSync(join(pack, 'rules'));
    writeFileSync(join(pack, 'rules', 'specifics.yaml'), 'languages:\n  en:\n    first-name: ["(?:checked by) somebody"]\n');
    // Specifics of all packs are merged, so the message names poa's file and the pack's.
    expect(errorOf(() => lintText('We check it.', { language: 'en', rulePacks: [join(pack, 'rules')] }))).toMatch(
      new RegExp(`, ${join(pack, 'rules', 'specifics.yaml')}: en\\.first-name: "\\(\\?:checked by\\) somebody" has no NAME — write NAME where the first name stands, e\\.g\\. "by NAME"$`),
    );
  });
});
