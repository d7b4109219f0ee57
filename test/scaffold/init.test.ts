// runInit end to end in a temporary folder: answers → plan file, the deadline and next step, and the refusals that come before any question.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PoaError } from '../../src/errors.js';
import { lintText } from '../../src/lint.js';
import { runInit, type InitRequest } from '../../src/scaffold/init.js';
import type { PromptApi } from '../../src/scaffold/prompts.js';
import { ROOT } from '../helpers.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'poa-init-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function answersFile(lang: string): InitRequest['answersFile'] {
  return { text: readFileSync(join(ROOT, 'examples', `answers.${lang}.yaml`), 'utf8'), name: `examples/answers.${lang}.yaml` };
}

async function failure(request: InitRequest): Promise<string> {
  try {
    await runInit(request);
  } catch (error) {
    if (error instanceof PoaError) return error.format();
    throw error;
  }
  throw new Error('expected a PoaError');
}

/** Prompts that fail the test if asked anything. */
const noQuestions = async (): Promise<PromptApi> => {
  throw new Error('asked a question');
};

describe('runInit from an answers file', () => {
  it('writes the plan under the default name and says what to do next, in the plan language', async () => {
    const result = await runInit({ cwd, env: {}, answersFile: answersFile('it'), today: '2026-03-15' });
    expect(result.path).toBe(join(cwd, 'plan-off-platform-payment-2026-03-09.md'));
    expect(readFileSync(result.path as string, 'utf8')).toBe(result.text);
    expect(result.deadline).toEqual({ date: '2026-03-26', days: 17, left: 11 });
    expect(result.summary).toEqual([
      'Piano scritto in plan-off-platform-payment-2026-03-09.md',
      'Scadenza per il ricorso: 26 marzo 2026 (17 giorni dalla notifica del 9 marzo 2026); restano 11 giorni.',
      'Prossimo passo: poa lint plan-off-platform-payment-2026-03-09.md',
    ]);
    expect(readdirSync(cwd)).toEqual(['plan-off-platform-payment-2026-03-09.md']);
  });

  it('says when the deadline has passed', async () => {
    const result = await runInit({ cwd, env: {}, answersFile: answersFile('en'), today: '2026-06-01', stdout: true });
    expect(result.summary).toEqual(['Appeal deadline: 21 May 2026 (17 days after the notice of 4 May 2026); this date has passed.']);
    expect(result.path).toBeUndefined();
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('counts the days of a product safety outreach from the reason, not the general deadline', async () => {
    const result = await runInit({ cwd, env: {}, flags: { reason: 'product-safety', noticeDate: '2026-05-04', language: 'en' }, stdout: true, today: '2026-05-05' });
    expect(result.deadline).toEqual({ date: '2026-05-11', days: 7, left: 6 });
  });

  it('lets flags override the file and normalises what they say', async () => {
    const result = await runInit({
      cwd,
      env: {},
      answersFile: answersFile('en'),
      flags: { marketplace: 'de', orders: ['203‑4918273‑5521904'], language: 'en-GB' },
      stdout: true,
      today: '2026-06-01',
    });
    expect(result.answers.marketplace).toBe('amazon.de');
    expect(result.answers.orders).toEqual(['203-4918273-5521904']);
    expect(result.text).toContain('https://sellercentral.amazon.de/help/hub/reference/external/G200205250?locale=en-GB');
  });

  it('writes a skeleton with --yes and the flags, counting its placeholders', async () => {
    const result = await runInit({ cwd, env: { LANG: 'es_ES.UTF-8' }, flags: { reason: 'fair-pricing' }, out: 'borrador.md', today: '2026-05-05' });
    const lint = lintText(result.text, {});
    expect(lint.language).toBe('es');
    expect(result.answers.marketplace).toBe('amazon.es');
    expect(result.placeholders).toBe(lint.findings.filter((f) => f.ruleId === 'unfilled-placeholder').length);
    expect(result.summary).toContain(`${result.placeholders} [[marcadores]] por completar.`);
    expect(result.summary).not.toContainEqual(expect.stringMatching(/^Plazo/));
  });

  it('uses the language, marketplace and reason of the config file as defaults', async () => {
    const config = { language: { value: 'nl', where: '.poarc.yaml:1:11' }, marketplace: { value: 'amazon.com.be', where: '.poarc.yaml:2:14' }, reason: { value: 'dropshipping', where: '.poarc.yaml:3:9' } };
    const result = await runInit({ cwd, env: { LANG: 'en_US.UTF-8' }, config, stdout: true, today: '2026-05-05' });
    expect(result.answers).toMatchObject({ language: 'nl', marketplace: 'amazon.com.be', reason: 'dropshipping' });
    expect(result.text).toContain('?locale=nl-BE');
  });
});

describe('refusals before any question', () => {
  it('refuses an existing output file and leaves it byte for byte', async () => {
    const original = 'my own plan\r\nwith CRLF\u00a0and no newline at the end';
    writeFileSync(join(cwd, 'plan.md'), original);
    expect(await failure({ cwd, env: {}, out: 'plan.md', prompts: noQuestions })).toBe(
      'plan.md: file already exists — pass --force to replace it, or choose another name with --out',
    );
    expect(readFileSync(join(cwd, 'plan.md'), 'utf8')).toBe(original);
    expect(readdirSync(cwd)).toEqual(['plan.md']);
  });

  it('refuses an output path outside the folder when only the answers file names it', async () => {
    const text = `${answersFile('en')?.text}\noutput: ../elsewhere.md\n`;
    expect(await failure({ cwd, env: {}, answersFile: { text, name: 'answers.yaml' }, today: '2026-06-01' })).toMatch(
      /^answers\.yaml:\d+:9: output "\.\.\/elsewhere\.md" is outside the current folder — .*--out$/,
    );
  });

  it('writes where the answers file says when it stays inside the folder', async () => {
    const text = `${answersFile('fr')?.text}\noutput: plan-client.md\n`;
    const result = await runInit({ cwd, env: {}, answersFile: { text, name: 'answers.yaml' }, today: '2026-06-01' });
    expect(result.path).toBe(join(cwd, 'plan-client.md'));
  });

  it('needs a reason when it may not ask', async () => {
    expect(await failure({ cwd, env: {}, flags: { language: 'en' }, stdout: true })).toMatch(/^init: no suspension reason given — add "reason:" to the answers or pass --reason, one of order-defect-rate, /);
  });

  it('names a bad flag', async () => {
    expect(await failure({ cwd, env: {}, flags: { reason: 'late-shipment', orders: ['203-4918273'] }, stdout: true })).toBe(
      '--order: "203-4918273" is not an Amazon order ID — write it as 3-7-7 digits, such as 203-1234567-1234567',
    );
    expect(await failure({ cwd, env: {}, flags: { reason: 'late-shiping' }, stdout: true })).toBe('--reason: unknown reason "late-shiping" — did you mean "late-shipment"?');
  });
});
