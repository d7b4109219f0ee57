import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';
import { fixture, SEEDS } from '../helpers.js';

function parts(text: string, lang?: string): string[] {
  return lintText(text, lang ? { language: lang } : {}).sections.map((s) => s.kinds.join('+'));
}

// One heading per part and language, as sellers write them.
const HEADINGS: Record<string, Record<string, string>> = {
  en: { problem: 'Problem', 'root-cause': 'Root cause', 'corrective-actions': 'Corrective actions taken', prevention: 'Preventive measures', closing: 'Conclusion' },
  it: { problem: 'Descrizione del problema', 'root-cause': 'Causa principale', 'corrective-actions': 'Azioni correttive', prevention: 'Misure preventive', closing: 'Conclusioni' },
  fr: { problem: 'Description du problème', 'root-cause': 'Cause racine', 'corrective-actions': 'Mesures correctives', prevention: 'Mesures préventives', closing: 'Conclusion' },
  de: { problem: 'Problembeschreibung', 'root-cause': 'Ursachenanalyse', 'corrective-actions': 'Korrekturmaßnahmen', prevention: 'Vorbeugende Maßnahmen', closing: 'Fazit' },
  es: { problem: 'Descripción del problema', 'root-cause': 'Causa raíz', 'corrective-actions': 'Acciones correctivas', prevention: 'Medidas preventivas', closing: 'Conclusión' },
  nl: { problem: 'Probleemomschrijving', 'root-cause': 'Hoofdoorzaak', 'corrective-actions': 'Corrigerende maatregelen', prevention: 'Preventieve maatregelen', closing: 'Conclusie' },
};

// A sentence of body text per language, so each part has content.
const BODY: Record<string, string> = {
  en: 'On 3 May our warehouse manager checked all 40 open orders.',
  it: 'Il 3 maggio il responsabile del magazzino ha controllato i 40 ordini aperti.',
  fr: 'Le 3 mai notre responsable logistique a vérifié les 40 commandes ouvertes.',
  de: 'Am 3. Mai hat unser Lagerleiter alle 40 offenen Bestellungen geprüft.',
  es: 'El 3 de mayo nuestro jefe de almacén revisó los 40 pedidos abiertos.',
  nl: 'Op 3 mei heeft onze magazijnchef alle 40 openstaande bestellingen gecontroleerd.',
};

const STYLES: Record<string, (heading: string, body: string, n: number) => string> = {
  atx: (h, b) => `## ${h}\n\n${b}\n`,
  setext: (h, b) => `${h}\n${'-'.repeat(h.length)}\n\n${b}\n`,
  bold: (h, b) => `**${h}**\n\n${b}\n`,
  'bold with text below': (h, b) => `**${h}**\n${b}\n`,
  'bold label': (h, b) => `**${h}:** ${b}\n`,
  capitals: (h, b) => `${h.toUpperCase()}\n${b}\n`,
  numbered: (h, b, n) => `${n}. ${h}\n\n${b}\n`,
  'numbered with text below': (h, b, n) => `${n}) ${h}\n${b}\n`,
  label: (h, b) => `${h}: ${b}\n`,
  'line alone': (h, b) => `${h}\n${b}\n`,
};

describe('heading styles in six languages', () => {
  for (const [lang, headings] of Object.entries(HEADINGS)) {
    for (const [style, render] of Object.entries(STYLES)) {
      it(`${lang}: ${style}`, () => {
        const kinds = Object.keys(headings);
        const text = kinds.map((k, i) => render(headings[k] as string, BODY[lang] as string, i + 1)).join('\n');
        const result = lintText(text);
        expect(result.language).toBe(lang);
        expect(result.sections.map((s) => s.kinds.join('+'))).toEqual(kinds);
        expect(result.findings.filter((f) => f.ruleId === 'empty-section' || f.ruleId === 'missing-section')).toEqual([]);
      });
    }
  }
});

// A paragraph of several sentences, longer than a heading line can be.
const LONG_BODY: Record<string, string> = Object.fromEntries(Object.entries(BODY).map(([lang, body]) => [lang, `${body} ${body} ${body} ${body}`]));

describe('run-in labels that open a long paragraph', () => {
  for (const [lang, headings] of Object.entries(HEADINGS)) {
    it(`${lang}: each part found, its text after the label`, () => {
      const kinds = Object.keys(headings);
      const text = kinds.map((k) => `${headings[k] as string}: ${LONG_BODY[lang] as string}\n`).join('\n');
      expect((LONG_BODY[lang] as string).length).toBeGreaterThan(200);
      const result = lintText(text);
      expect(result.sections.map((s) => s.kinds.join('+'))).toEqual(kinds);
      // Each part's heading is its label, on the line where the paragraph starts.
      expect(result.sections.map((s) => s.heading)).toEqual(kinds.map((k) => headings[k]));
      expect(result.sections.map((s) => s.line)).toEqual(kinds.map((_, i) => 1 + 2 * i));
    });
  }

  it('leaves a long paragraph that opens with an ordinary word and a colon in its part', () => {
    const text = `## Corrective actions\n\nNote: ${LONG_BODY['en'] as string}\n`;
    expect(parts(text)).toEqual(['corrective-actions']);
  });
});

describe('mixed and question headings', () => {
  it('gives a combined heading two kinds', () => {
    expect(parts('## Corrective and preventive actions\n\nOn 3 May we retrained staff.\n')).toEqual(['corrective-actions+prevention']);
    expect(parts('## Azioni correttive e preventive\n\nIl 3 maggio abbiamo formato lo staff.\n')).toEqual(['corrective-actions+prevention']);
  });

  it("maps Amazon's questions pasted as headings", () => {
    const text = [
      'What was the root cause that led to the issue?',
      'Our repricer had no minimum price.',
      '',
      'What actions have you taken to resolve the issue?',
      'On 3 May we set a minimum price for all 80 ASINs.',
      '',
      'What steps will you take to prevent future issues?',
      'Our pricing manager reviews the repricer rules every Friday.',
    ].join('\n');
    expect(parts(text)).toEqual(['root-cause', 'corrective-actions', 'prevention']);
  });

  it("maps Amazon's German form questions and Dutch plain-word titles", () => {
    const de = [
      'Was ist die Ursache des Problems?',
      'Unser Repricer hatte keinen Mindestpreis.',
      '',
      'Welche Maßnahmen haben Sie ergriffen?',
      'Am 3. Mai haben wir für alle 80 ASINs einen Mindestpreis festgelegt.',
      '',
      'Welche Maßnahmen ergreifen Sie, um künftige Probleme zu vermeiden?',
      'Unser Preisverantwortlicher prüft jeden Freitag die Regeln des Repricers.',
    ].join('\n');
    expect(parts(de, 'de')).toEqual(['root-cause', 'corrective-actions', 'prevention']);
    const nl = ['Wat we hebben gedaan', '', 'Op 3 mei hebben we voor alle 80 ASINs een minimumprijs ingesteld.', '', 'Wat we gaan doen', '', 'Onze prijsverantwoordelijke controleert elke vrijdag de regels van de repricer.'].join('\n');
    expect(parts(nl, 'nl')).toEqual(['corrective-actions', 'prevention']);
  });

  it('maps titles a seller writes in the first person, in six languages', () => {
    const titles: Record<string, [string, string]> = {
      en: ['What I have done', 'How I will prevent this'],
      it: ['Cosa ho fatto', 'Cosa farò'],
      fr: ['CE QUE J’AI FAIT', 'CE QUE JE VAIS FAIRE'],
      de: ['Was ich getan habe', 'Was ich tun werde'],
      es: ['Lo que he hecho', 'Lo que voy a hacer'],
      nl: ['Wat ik heb gedaan', 'Wat ik ga doen'],
    };
    for (const [lang, [done, next]] of Object.entries(titles)) {
      const text = `${done}\n\n${BODY[lang] as string}\n\n${next}\n\n${BODY[lang] as string}\n`;
      expect(parts(text, lang), lang).toEqual(['corrective-actions', 'prevention']);
    }
  });

  it('keeps unknown headings as other and unknown sub-headings inside their part', () => {
    const text = '# Plan of Action for Acme\n\n## Corrective actions\n\n### Week 1\n\nOn 3 May we refunded 12 orders.\n';
    const result = lintText(text);
    expect(result.sections.map((s) => [s.kinds.join('+'), s.heading])).toEqual([
      ['other', 'Plan of Action for Acme'],
      ['corrective-actions', 'Corrective actions'],
    ]);
    expect(result.findings.some((f) => f.ruleId === 'empty-section')).toBe(false);
  });

  it('does not take sentences, list items or wrapped lines for headings', () => {
    const text = [
      '## Corrective actions',
      '',
      '1. We removed the 12 listings on 3 May.',
      '2. We refunded every buyer the same day.',
      '',
      'When we looked for the root cause',
      'we found that the handling time was wrong.',
      '',
      'Note: the supplier invoices are attached.',
    ].join('\n');
    expect(parts(text)).toEqual(['corrective-actions']);
  });

  it('reports text before the first part as the preamble', () => {
    const result = lintText('Dear Seller Performance team,\n\n## Root cause\nOur supplier shipped the wrong items.\n');
    expect(result.sections[0]).toMatchObject({ kinds: ['preamble'], heading: null, line: 1 });
    expect(result.sections[1]).toMatchObject({ kinds: ['root-cause'], heading: 'Root cause', line: 3, style: 'atx' });
  });
});

describe('fixtures per language', () => {
  const expected: Record<string, string[]> = {
    'en/late-shipment.md': ['other', 'root-cause', 'corrective-actions', 'prevention', 'closing'],
    'en/bold-headings.txt': ['preamble', 'problem', 'root-cause', 'corrective-actions', 'prevention', 'closing'],
    'it/farmacia.txt': ['preamble', 'problem', 'root-cause', 'corrective-actions', 'prevention', 'closing'],
    'it/label.md': ['problem', 'root-cause', 'corrective-actions', 'prevention', 'closing'],
    'fr/annulations.md': ['preamble', 'problem', 'root-cause', 'corrective-actions', 'prevention', 'closing'],
    'fr/numbered.txt': ['preamble', 'problem', 'root-cause', 'corrective-actions', 'prevention', 'closing'],
    'de/4d.md': ['preamble', 'problem', 'root-cause', 'corrective-actions', 'prevention', 'closing'],
    'de/caps.txt': ['problem', 'root-cause', 'corrective-actions', 'prevention', 'closing'],
    'es/restringido.md': ['preamble', 'problem', 'root-cause', 'corrective-actions', 'prevention', 'closing'],
    'es/preguntas.txt': ['root-cause', 'corrective-actions', 'prevention'],
    'nl/vier-delen.md': ['preamble', 'problem', 'corrective-actions', 'prevention', 'closing'],
    'nl/atx.md': ['problem', 'root-cause', 'corrective-actions', 'prevention', 'closing'],
  };
  for (const [path, kinds] of Object.entries(expected)) {
    it(path, () => {
      const result = lintText(fixture(path), { path });
      expect(result.language).toBe(path.slice(0, 2));
      expect(result.sections.map((s) => s.kinds.join('+'))).toEqual(kinds);
    });
  }
});

describe('the seed plans', () => {
  const seed = readFileSync(join(SEEDS, '004_7c1cb79be92d36ab.txt'), 'utf8');

  function planVersion(startMarker: string, endMarker: string): string {
    const start = seed.indexOf(startMarker);
    const end = seed.indexOf(endMarker, start);
    return seed.slice(start, end);
  }

  it('splits the first pharmacy plan (PROBLEMA, RECIDIVA, CAUSA, CONCLUSIONI, PIANO DI AZIONE)', () => {
    const plan = planVersion('Salve\ninvio questo messaggio', 'Abbiamo secondo voi');
    const result = lintText(plan);
    expect(result.language).toBe('it');
    expect(result.sections.map((s) => `${s.heading ?? ''}=${s.kinds.join('+')}`)).toEqual([
      '=preamble',
      'PROBLEMA=problem',
      'RECIDIVA=problem',
      'CAUSA=root-cause',
      'CONCLUSIONI=closing',
      'PIANO DI AZIONE=corrective-actions+prevention',
      'CONCLUSIONI=closing',
    ]);
  });

  it('splits the revised pharmacy plan (PIANO D’AZIONE with a typographic apostrophe)', () => {
    const plan = planVersion('Salve sono il titolare', 'Seller_ejelQoT1NUWAg');
    const result = lintText(plan);
    expect(result.sections.map((s) => `${s.heading ?? ''}=${s.kinds.join('+')}`)).toEqual([
      '=preamble',
      'PROBLEMA=problem',
      'RECIDIVA=problem',
      'CAUSA=root-cause',
      'CONCLUSIONI=closing',
      'PIANO D’AZIONE=corrective-actions+prevention',
      'CONCLUSIONI=closing',
    ]);
    expect(result.findings.filter((f) => f.ruleId === 'missing-section' || f.ruleId === 'empty-section')).toEqual([]);
  });

  it('splits the Dutch four-part structure', () => {
    const text = readFileSync(join(SEEDS, '002_8896fa384e64c9da.txt'), 'utf8');
    const result = lintText(text);
    expect(result.language).toBe('nl');
    const found = result.sections.filter((s) => !s.kinds.includes('preamble')).map((s) => `${s.heading}=${s.kinds.join('+')}`);
    expect(found).toEqual([
      'Het probleem=problem',
      'Wat heb je al gedaan om het probleem te verhelpen?=corrective-actions',
      'Hoe ga je voorkomen dat het probleem zich in de toekomst nog eens voordoet?=prevention',
      'Leg een korte slotverklaring af=closing',
    ]);
  });

  // Part titles from labelled drafts that earlier missed a part: bare titles ("Acciones", "Maßnahmen", "Slot"),
  // numbered sentences ("2. Pourquoi c’est arrivé") and Amazon's form questions in the formal "you".
  it.each([
    ['es/falsificacion-indignado.md', ['¿Cuál fue la causa del problema?=root-cause', '¿Qué medidas han tomado?=corrective-actions', '¿Qué medidas tomarán para evitar problemas futuros?=prevention']],
    ['es/cosmetica-cbd-restringido.md', ['Acciones=corrective-actions']],
    ['fr/paiement-hors-amazon.md', ['Le problème=problem', 'Pourquoi c’est arrivé=root-cause', 'Ce que nous avons corrigé=corrective-actions', 'Comment nous évitons que cela se reproduise=prevention']],
    ['fr/contrefacon-marque.md', ['Actions=corrective-actions']],
    ['de/hermes-sendungsverfolgung.md', ['Maßnahmen=corrective-actions']],
    ['nl/gebruikt-als-nieuw.md', ['Wat we al gedaan hebben=corrective-actions', 'Slot=closing']],
    ['nl/reviews-vrienden.md', ['Wat gaan we doen?=prevention']],
  ])('reads the part titles of %s', (file, titles) => {
    const result = lintText(fixture(`labelled/${file}`));
    const found = result.sections.map((s) => `${s.heading ?? ''}=${s.kinds.join('+')}`);
    for (const title of titles) expect(found).toContain(title);
  });

  // Titles as sellers write them, with markdown headings or in bold. A bare "Actions" / "Maßnahmen" / "Acciones" is
  // the actions taken; a longer title that names prevention is not. Amazon's third question, as sellers paste it:
  // the words of the actions taken, then a purpose ("to prevent"), is prevention.
  it.each([
    ['en', '## Actions', 'corrective-actions'],
    ['en', '## Actions to prevent recurrence', 'prevention'],
    ['fr', '## Actions pour éviter que cela se reproduise', 'prevention'],
    ['de', '## Maßnahmen', 'corrective-actions'],
    ['de', '## Die getroffenen Maßnahmen', 'corrective-actions'],
    ['de', '## Die vorbeugenden Maßnahmen', 'prevention'],
    ['de', '## Maßnahmen zur Vorbeugung', 'prevention'],
    ['es', '## Acciones', 'corrective-actions'],
    ['es', '## Acciones para evitar que se repita', 'prevention'],
    ['nl', '## Hoe we het voorkomen', 'prevention'],
    ['es', '## Soluciones', 'corrective-actions'],
    ['en', '## Long-term solutions', 'prevention'],
    ['it', '## Soluzioni a lungo termine', 'prevention'],
    ['nl', '## Oplossingen', 'corrective-actions'],
    ['en', '**What steps have you taken to prevent this from happening again?**', 'prevention'],
    ['en', '**What have you done to prevent this from happening again?**', 'prevention'],
    ['en', '**What actions have you taken to resolve the issue?**', 'corrective-actions'],
    ['en', '**Actions taken to resolve the issue and to prevent it**', 'corrective-actions+prevention'],
    ['it', '**Cosa avete fatto per evitare che il problema si ripeta?**', 'prevention'],
    ['fr', '**Quelles mesures avez-vous prises pour éviter que cela se reproduise ?**', 'prevention'],
    ['fr', "**Qu'avez-vous fait pour éviter que le problème se reproduise ?**", 'prevention'],
    ['de', '**Ergriffene Maßnahmen zur Vermeidung weiterer Stornierungen**', 'prevention'],
    ['es', '**¿Qué medidas ha tomado para evitar que vuelva a ocurrir?**', 'prevention'],
    ['nl', '**Welke maatregelen heeft u genomen om te voorkomen dat het opnieuw gebeurt?**', 'prevention'],
  ])('%s: reads the title %s as %s', (language, title, kind) => {
    expect(parts(`${title}\n\nText.\n`, language)).toEqual([kind]);
  });

  it('reads a title that names the whole plan as a title, and still reports an empty first part', () => {
    const titled = lintText("PIANO D'AZIONE - TASSO DI SPEDIZIONI IN RITARDO\n\nPROBLEMA\nIl tasso era del 6,3 %.\n\nPIANO DI AZIONE\nDal 19 febbraio una seconda addetta prepara gli ordini.\n", { language: 'it' });
    expect(titled.sections.map((s) => s.kinds.join('+'))).toEqual(['other', 'problem', 'corrective-actions+prevention']);
    expect(titled.findings.filter((f) => f.ruleId === 'empty-section')).toEqual([]);
    const empty = lintText('## Problem\n\n## Root cause\nThe handling time was one day.\n', { language: 'en' });
    expect(empty.sections.map((s) => s.kinds.join('+'))).toEqual(['problem', 'root-cause']);
    expect(empty.findings.filter((f) => f.ruleId === 'empty-section')).toHaveLength(1);
  });

  it('does not take a sentence with a purpose for a part title', () => {
    expect(parts('We changed the cut-off to prevent late orders:\n\n- 12:30 pm every weekday.\n', 'en')).toEqual(['preamble']);
  });

  it('finds no plan parts in the French advice article and detects its language', () => {
    const text = readFileSync(join(SEEDS, '003_13956a87f0947b9c.txt'), 'utf8');
    const result = lintText(text);
    expect(result.language).toBe('fr');
    expect(result.sections.map((s) => s.kinds.join('+'))).toEqual(['preamble']);
    expect(result.findings.filter((f) => f.ruleId === 'missing-section').length).toBe(5);
  });
});
