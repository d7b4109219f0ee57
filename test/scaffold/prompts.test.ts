// The interactive flow: the questions asked, in the seller's language, what is skipped, validation as typed, and Ctrl-C.
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/scaffold/catalogue.js';
import { askAnswers, InitCancelled, inquirerPrompts, type AskContext, type Choice, type PromptApi } from '../../src/scaffold/prompts.js';

const catalogue = loadCatalogue();
const context: AskContext = { catalogue, today: '2026-05-06', defaults: { language: 'en', marketplace: (lang) => catalogue.marketplaceByLanguage[lang] as string } };

interface Asked {
  kind: 'select' | 'input' | 'checkbox';
  message: string;
  default?: string;
  choices?: string[];
  validate?: (value: string) => true | string;
}

/** Answers questions from a script, in order, and records what was asked. */
class ScriptedPrompts implements PromptApi {
  readonly asked: Asked[] = [];
  constructor(private readonly script: Array<string | string[]>) {}

  private next(): string | string[] {
    if (this.script.length === 0) throw new Error(`no scripted answer for: ${this.asked[this.asked.length - 1]?.message}`);
    return this.script.shift() as string | string[];
  }

  async select<T extends string>(q: { message: string; choices: Array<Choice<T>>; default?: T }): Promise<T> {
    this.asked.push({ kind: 'select', message: q.message, choices: q.choices.map((c) => c.value), ...(q.default ? { default: q.default } : {}) });
    const answer = this.next();
    return (answer === '' ? q.default : answer) as T;
  }

  async input(q: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string> {
    this.asked.push({ kind: 'input', message: q.message, ...(q.default ? { default: q.default } : {}), ...(q.validate ? { validate: q.validate } : {}) });
    const answer = this.next() as string;
    const value = answer === '' && q.default !== undefined ? q.default : answer;
    const verdict = q.validate?.(value) ?? true;
    if (verdict !== true) throw new Error(`scripted answer "${value}" rejected: ${verdict}`);
    return value;
  }

  async checkbox<T extends string>(q: { message: string; choices: Array<Choice<T>> }): Promise<T[]> {
    this.asked.push({ kind: 'checkbox', message: q.message, choices: q.choices.map((c) => c.value) });
    return this.next() as T[];
  }
}

describe('askAnswers with injected prompts', () => {
  it('asks every question of a late-shipment plan in Italian and collects the answers', async () => {
    const prompts = new ScriptedPrompts([
      'it', // language
      'amazon.it',
      'late-shipment',
      'Casa Bella Srl',
      '2026-05-04',
      '171-1234567-1234567, 171-7654321-7654321',
      '',
      '5,1 % negli ultimi 30 giorni',
      '',
      'Il tempo di gestione era di un giorno',
      '',
      'Abbiamo spedito i 12 ordini aperti',
      '2026-05-05',
      '',
      'Controllo degli ordini in scadenza',
      'responsabile logistica',
      'ogni giorno',
      '',
      ['distinte di ritiro del corriere per gli ordini in ritardo'],
      'Turni del magazzino di maggio',
      '',
    ]);
    const answers = await askAnswers(prompts, {}, context);
    expect(answers).toEqual({
      language: 'it',
      marketplace: 'amazon.it',
      reason: 'late-shipment',
      sellerName: 'Casa Bella Srl',
      noticeDate: '2026-05-04',
      orders: ['171-1234567-1234567', '171-7654321-7654321'],
      details: { rate: '5,1 % negli ultimi 30 giorni' },
      rootCauses: ['Il tempo di gestione era di un giorno'],
      correctiveActions: [{ date: '2026-05-05', action: 'Abbiamo spedito i 12 ordini aperti' }],
      preventiveMeasures: [{ measure: 'Controllo degli ordini in scadenza', owner: 'responsabile logistica', frequency: 'ogni giorno' }],
      documents: ['distinte di ritiro del corriere per gli ordini in ritardo', 'Turni del magazzino di maggio'],
    });
    const messages = prompts.asked.map((a) => a.message);
    expect(messages[0]).toBe('Language of the plan');
    expect(messages.slice(1)).toContain('Motivo della sospensione');
    expect(messages).toContain('Tasso di spedizioni in ritardo su 10 e 30 giorni come lo mostra Stato dell\'account (obiettivo: sotto 4 %)');
    expect(messages).toContain('Causa 2 (Invio per finire)');
    expect(prompts.asked.find((a) => a.message.startsWith('Data della notifica'))?.default).toBe('2026-05-06');
  });

  it('does not ask again what flags or the answers file already say', async () => {
    const prompts = new ScriptedPrompts(['', '', '', '', '', [], '']);
    const answers = await askAnswers(
      prompts,
      { language: 'de', marketplace: 'amazon.de', reason: 'related-accounts', sellerName: 'Nordlicht GmbH', noticeDate: '2026-05-01', orders: [], asins: [], details: { link: 'Gleiche Bankverbindung' } },
      context,
    );
    expect(prompts.asked.map((a) => a.message)).toEqual([
      'Name des anderen Kontos und sein Status (geschlossen oder reaktiviert, mit Datum)',
      'Was passiert ist, in ein oder zwei sachlichen Sätzen (Enter zum Überspringen)',
      'Ursache 1: was versagt hat und warum',
      'Bereits ergriffene Korrekturmaßnahme 1, in der Vergangenheit',
      'Vorbeugende Maßnahme 1: die Kontrolle, die jetzt gilt',
      'Dokumente, die Sie beifügen',
      'Weiteres Dokument zum Beifügen (Enter zum Beenden)',
    ]);
    expect(answers.details).toEqual({ link: 'Gleiche Bankverbindung' });
    expect(answers.rootCauses).toEqual([]);
  });

  it('validates identifiers and dates as typed, with messages in the chosen language', async () => {
    const prompts = new ScriptedPrompts(['fr', '', 'cancellation-rate', '', '2026-05-04', '', '', '', '', '', '', '', [], '']);
    await askAnswers(prompts, {}, context);
    const byStart = (start: string): Asked => prompts.asked.find((a) => a.message.startsWith(start)) as Asked;
    const orders = byStart('Numéros de commande').validate as (v: string) => true | string;
    expect(orders('402-1234567-1234567 402-7654321-7654321')).toBe(true);
    expect(orders('')).toBe(true);
    expect(orders('402-1234567-1234567, 402-123')).toBe('« 402-123 » n\'est pas un numéro de commande Amazon : 3-7-7 chiffres comme 402-1234567-1234567.');
    const asins = byStart('ASIN concernés').validate as (v: string) => true | string;
    expect(asins('B0XYZ')).toBe('« B0XYZ » n\'est pas un ASIN : 10 caractères commençant par B0, comme B07XK9M2QP.');
    const date = byStart('Date de la notification').validate as (v: string) => true | string;
    expect(date('04/05/2026')).toBe('Écrivez la date au format AAAA-MM-JJ, par exemple 2026-05-04.');
    expect(date('2026-05-08')).toBe('Cette date est dans le futur ; indiquez la date à laquelle c\'est arrivé.');
    expect(date('2026-05-07')).toBe(true);
  });

  it('suggests the marketplace for the chosen language and every reason by its local name', async () => {
    const prompts = new ScriptedPrompts(['es', '', 'fair-pricing', '', '', '', '', '', '', '', '', '', [], '']);
    const answers = await askAnswers(prompts, {}, context);
    expect(answers.marketplace).toBe('amazon.es');
    const reasonQuestion = prompts.asked.find((a) => a.message === 'Motivo de la suspensión');
    expect(reasonQuestion?.choices).toEqual([...catalogue.reasons.keys()]);
  });
});

/** Wait until the prompt on screen shows a text (prompts start synchronously or after an await: polling covers both). */
async function until(text: string): Promise<string> {
  for (let waited = 0; waited < 5000; waited += 10) {
    const shown = screen.getScreen();
    if (shown.includes(text)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the screen never showed "${text}"; it shows:\n${screen.getScreen()}`);
}

describe('askAnswers with the real @inquirer/prompts', () => {
  it('renders in the terminal, shows a validation error in Italian and recovers', async () => {
    const api = await inquirerPrompts({ input: process.stdin, output: process.stdout });
    const run = askAnswers(api, { language: 'it', marketplace: 'amazon.it', reason: 'valid-tracking', sellerName: 'Ottica Riva' }, context);

    await until('Data della notifica di Amazon (AAAA-MM-GG) (2026-05-06)');
    screen.keypress('enter'); // the default: today
    await until("Numeri d'ordine coinvolti");
    screen.type('171-12');
    screen.keypress('enter');
    await until('"171-12" non è un numero d\'ordine Amazon: 3-7-7 cifre');
    for (let i = 0; i < 6; i++) screen.keypress('backspace');
    screen.type('171-1234567-1234567');
    screen.keypress('enter');
    for (const question of ['ASIN coinvolti', 'Tasso di tracciabilità valida come lo mostra', 'Cosa è successo', 'Causa 1', 'Azione correttiva 1', 'Misura preventiva 1']) {
      await until(question);
      screen.keypress('enter');
    }
    const documents = await until('Documenti che allegherete');
    expect(documents).toContain('seleziona'); // the key help line, in Italian
    screen.keypress('space');
    screen.keypress('enter');
    await until('Altro documento da allegare');
    screen.keypress('enter');

    const answers = await run;
    expect(answers.noticeDate).toBe('2026-05-06');
    expect(answers.orders).toEqual(['171-1234567-1234567']);
    expect(answers.rootCauses).toEqual([]);
    expect(answers.documents).toEqual(['numeri di tracciamento e corrieri degli ordini elencati']);
  });

  it('turns Ctrl-C into InitCancelled', async () => {
    const api = await inquirerPrompts({ input: process.stdin, output: process.stdout });
    const outcome = askAnswers(api, { language: 'en', marketplace: 'amazon.com', reason: 'dropshipping' }, context).then(
      () => 'answered',
      (error: unknown) => error,
    );
    await until('Store name');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await outcome).toBeInstanceOf(InitCancelled);
  });
});
