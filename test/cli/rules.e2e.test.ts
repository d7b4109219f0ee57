// `poa rules` and `poa explain` as a user runs them.
import { describe, expect, it } from 'vitest';
import { runPoa } from '../helpers.js';

describe('poa rules', () => {
  it('lists every rule with severity, languages and a description', () => {
    const r = runPoa(['rules']);
    expect(r.status).toBe(0);
    for (const id of ['vague-promise', 'defensive-tone', 'missing-order-id', 'invalid-order-id', 'missing-policy-link', 'missing-section', 'empty-section']) {
      expect(r.stdout).toMatch(new RegExp(`^${id} +(error|warning|info) +en,it,fr,de,es,nl +\\S`, 'm'));
    }
  });

  it('describes rules in the language asked for, and as JSON or markdown', () => {
    expect(runPoa(['rules', '--lang', 'de']).stdout).toContain('Der Plan nennt keine Amazon-Bestellnummer.');
    const json = JSON.parse(runPoa(['rules', '--format', 'json']).stdout) as Array<{ id: string; languages: string[] }>;
    expect(json.find((r) => r.id === 'empty-section')?.languages).toEqual(['en', 'it', 'fr', 'de', 'es', 'nl']);
    expect(runPoa(['rules', '-f', 'markdown']).stdout).toContain('| `missing-order-id` | warning |');
  });
});

describe('poa explain', () => {
  it('says why, what reviewers expect, and shows a bad and a good example in the language', () => {
    const r = runPoa(['explain', 'invalid-order-id', '--lang', 'fr']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('invalid-order-id (error, specifics)');
    expect(r.stdout).toContain('Why');
    expect(r.stdout).toContain('Recopiez le numéro de commande');
    expect(r.stdout).toContain('La commande 402-12345-1234567 a été annulée.');
    expect(r.stdout).toContain('La commande 402-1234567-1234567 a été annulée.');
  });

  it('refuses an unknown rule in one line', () => {
    const r = runPoa(['explain', 'empty-sectoin']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('poa: unknown rule "empty-sectoin" — did you mean "empty-section"? (poa rules lists them)\n');
  });
});

describe('rules from a consultant\'s rule pack', () => {
  it('are listed and explained when the config of the working directory names the pack', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'poa-house-'));
    mkdirSync(join(dir, 'house'));
    writeFileSync(join(dir, '.poarc.yaml'), 'root: true\nrulePacks: [./house]\n');
    writeFileSync(
      join(dir, 'house', 'house-no-sorry.yaml'),
      'id: house-no-sorry\nseverity: warning\ncheck: phrases\nlanguages:\n  en:\n    description: Our house style avoids sorry.\n    message: "No sorry ({family})."\n    families:\n      sorry: { label: sorry, patterns: ["sorry"] }\nexamples:\n  en: { bad: ["We are sorry."], good: ["We apologise."] }\n',
    );
    expect(runPoa(['rules'], { cwd: dir }).stdout).toMatch(/^house-no-sorry +warning +en +Our house style avoids sorry\.$/m);
    expect(runPoa(['explain', 'house-no-sorry'], { cwd: dir }).stdout).toContain('Flagged (en)\n    We are sorry.');
    expect(runPoa(['rules', '--no-config'], { cwd: dir }).stdout).not.toContain('house-no-sorry');
  });
});
