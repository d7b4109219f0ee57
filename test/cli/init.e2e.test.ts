// `poa init` as a seller runs it: in a terminal (pseudo-terminal), from answers files in six languages, and every refusal.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/types.js';
import { BIN, ROOT, runPoa } from '../helpers.js';
import { hasPython, runInPty } from './pty.js';

const LANGUAGES = ['en', 'it', 'fr', 'de', 'es', 'nl'];
let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'poa-init-e2e-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function lintJson(file: string): { status: number; report: LintReport } {
  const result = runPoa(['lint', '--format', 'json', file], { cwd });
  return { status: result.status, report: JSON.parse(result.stdout) as LintReport };
}

function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('poa init --answers', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: a complete answers file gives a plan poa lint reports no errors in`, () => {
      const init = runPoa(['init', '--answers', join(ROOT, 'examples', `answers.${lang}.yaml`), '--out', 'plan.md'], { cwd });
      expect(init.stderr).toBe('');
      expect(init.status).toBe(0);
      const lines = init.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/plan\.md$/);
      expect(lines[lines.length - 1]).toMatch(/poa lint plan\.md$/);
      expect(lines).toHaveLength(3); // written, deadline, next step: no placeholders left
      const { status, report } = lintJson('plan.md');
      expect(report.files[0]?.language).toBe(lang);
      expect(report.files[0]?.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(status).toBe(0);
    });
  }

  it('an incomplete answers file gives a plan whose gaps are unfilled-placeholder errors', () => {
    writeFileSync(
      join(cwd, 'answers.yaml'),
      'language: fr\nreason: counterfeit\norders: [402-3381920-5512047]\nrootCauses:\n  - Un lot acheté en 2025 venait d\'un grossiste non autorisé.\n',
    );
    const init = runPoa(['init', '--answers', 'answers.yaml'], { cwd });
    expect(init.status).toBe(0);
    const file = readdirSync(cwd).find((f) => f.startsWith('plan-counterfeit-'));
    expect(file).toBeDefined();
    expect(init.stdout).toMatch(/\d+ \[\[espaces réservés\]\] encore à remplir\./);
    const { status, report } = lintJson(file as string);
    const errors = report.files[0]?.findings.filter((f) => f.severity === 'error') ?? [];
    expect(errors.length).toBeGreaterThanOrEqual(8);
    expect(new Set(errors.map((f) => f.ruleId))).toEqual(new Set(['unfilled-placeholder']));
    expect(errors.map((f) => f.excerpt)).toContain('[[mesure préventive]]');
    expect(status).toBe(1);
  });

  it('reads the answers from stdin with --answers -', () => {
    const init = runPoa(['init', '--answers', '-', '--stdout'], { cwd, input: 'language: nl\nreason: dropshipping\n' });
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/^---\nlang: nl\nreason: dropshipping\n/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('poa init refuses', () => {
  it('to overwrite a file, which stays byte-identical, unless --force', () => {
    const original = Buffer.from('\ufeff# My own plan\r\n\r\nNot to be lost.', 'utf8');
    writeFileSync(join(cwd, 'plan.md'), original);
    const answers = join(ROOT, 'examples', 'answers.de.yaml');
    const refused = runPoa(['init', '--answers', answers, 'plan.md'], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('poa: plan.md: file already exists — pass --force to replace it, or choose another name with --out\n');
    expect(refused.stdout).toBe('');
    expect(readFileSync(join(cwd, 'plan.md')).equals(original)).toBe(true);
    expect(readdirSync(cwd)).toEqual(['plan.md']);

    const forced = runPoa(['init', '--answers', answers, 'plan.md', '--force'], { cwd });
    expect(forced.status).toBe(0);
    expect(readFileSync(join(cwd, 'plan.md'), 'utf8')).toMatch(/^---\nlang: de\n/);
    expect(readdirSync(cwd)).toEqual(['plan.md']);
  });

  it('to wait for answers when stdin is not a terminal: one line, exit 2, at once', () => {
    const started = Date.now();
    const result = runPoa(['init'], { cwd });
    expect(Date.now() - started).toBeLessThan(10000);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'poa: init: cannot ask questions: stdin is not a terminal — pass --answers <file> (see examples/answers.en.yaml), or --yes with --reason to write a skeleton\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a bad answers file, naming the key at file:line:col', () => {
    writeFileSync(join(cwd, 'answers.yaml'), 'language: it\nreason: late-shipment\ncorrectiveActions:\n  - date: 5 maggio\n    action: Abbiamo spedito gli ordini.\n');
    const result = runPoa(['init', '--answers', 'answers.yaml'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'poa: answers.yaml:4:11: correctiveActions.0.date: "5 maggio" is not a date written as YYYY-MM-DD — see schema/answers.schema.json and examples/answers.en.yaml\n',
    );
    writeFileSync(join(cwd, 'broken.yaml'), 'reason: late-shipment\norders: [203-4918273-5521904\n');
    const broken = runPoa(['init', '--answers', 'broken.yaml'], { cwd });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^poa: broken\.yaml:3:1: invalid YAML/);
    const missing = runPoa(['init', '--answers', 'nope.yaml'], { cwd });
    expect(missing.stderr).toBe('poa: nope.yaml: answers file not found — check the path given to --answers (examples/answers.en.yaml shows the format)\n');
    expect(readdirSync(cwd).sort()).toEqual(['answers.yaml', 'broken.yaml']);
  });

  it('an output path outside the folder unless it is given on the command line', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'poa-elsewhere-'));
    try {
      writeFileSync(join(cwd, 'answers.yaml'), `reason: late-shipment\noutput: ${join(elsewhere, 'plan.md')}\n`);
      const refused = runPoa(['init', '--answers', 'answers.yaml'], { cwd });
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/^poa: answers\.yaml:2:9: output ".*plan\.md" is outside the current folder — /);
      const allowed = runPoa(['init', '--answers', 'answers.yaml', '--out', join(elsewhere, 'plan.md')], { cwd });
      expect(allowed.status).toBe(0);
      expect(readdirSync(elsewhere)).toEqual(['plan.md']);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('unknown reasons and bad flags, with the nearest valid name', () => {
    expect(runPoa(['init', '--yes', '--reason', 'counterfit'], { cwd }).stderr).toBe('poa: --reason: unknown reason "counterfit" — did you mean "counterfeit"?\n');
    expect(runPoa(['init', '--yes', '--reason', 'late-shipment', '--asin', 'B0XYZ'], { cwd }).stderr).toBe(
      'poa: --asin: "B0XYZ" is not an ASIN — an ASIN has 10 characters and starts with B0, such as B07XK9M2QP\n',
    );
    expect(runPoa(['init', 'a.md', '--out', 'b.md', '--yes', '--reason', 'late-shipment'], { cwd }).stderr).toBe(
      'poa: two output files given ("a.md" and --out "b.md") — give the file once, as an argument or with --out\n',
    );
    expect(runPoa(['init', 'a.md', '--stdout', '--yes', '--reason', 'late-shipment'], { cwd }).stderr).toBe(
      'poa: --stdout and an output file ("a.md") both given — print the plan with --stdout, or write it to a file, not both\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('poa init --yes and --stdout', () => {
  it('prints a skeleton from flags and keeps the summary on stderr', () => {
    const result = runPoa(
      ['init', '--yes', '--reason', 'late-shipment', '--lang', 'it', '--order', '171-1234567-1234567,171-7654321-7654321', '--notice-date', isoDaysAgo(2), '--stdout', '--no-guidance'],
      { cwd },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('- Ordini: 171-1234567-1234567, 171-7654321-7654321\n');
    expect(result.stdout).not.toContain('<!--');
    expect(result.stderr).toMatch(/^Scadenza per il ricorso: .*; restano 15 giorni\.\n\d+ \[\[segnaposto\]\] ancora da compilare\.\n$/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('takes language, marketplace and reason from the config file, and names a bad one where it is written', () => {
    writeFileSync(join(cwd, '.poarc.yaml'), 'language: de\nmarketplace: amazon.com.be\nreason: fair-pricing\n');
    const result = runPoa(['init', '--yes', '--stdout'], { cwd, env: { LANG: 'en_US.UTF-8' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^---\nlang: de\nreason: fair-pricing\nmarketplace: amazon\.com\.be\n---/);
    expect(runPoa(['init', '--yes', '--stdout', '--no-config'], { cwd, env: { LANG: 'en_US.UTF-8' } }).stderr).toMatch(/^poa: init: no suspension reason given/);
    writeFileSync(join(cwd, '.poarc.yaml'), 'language: de\nmarketplace: amazon.dee\n');
    const bad = runPoa(['init', '--yes', '--reason', 'dropshipping', '--stdout'], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('poa: .poarc.yaml:2:14: unknown marketplace "amazon.dee" — did you mean "amazon.de"?\n');
  });

  it('lists the reasons in its help', () => {
    const help = runPoa(['init', '--help'], { cwd });
    expect(help.status).toBe(0);
    for (const key of ['order-defect-rate', 'off-platform-payment', 'detail-page-abuse']) expect(help.stdout).toContain(key);
    expect(help.stdout).toContain('--answers <file>');
  });
});

describe.skipIf(!hasPython())('poa init in a terminal', () => {
  it('asks in the language of LANG, validates as typed, writes the plan and says what is next', () => {
    const notice = isoDaysAgo(3);
    const run = runInPty(
      [process.execPath, BIN, 'init', 'piano.md'],
      [
        { expect: 'Lingua del piano', send: '\r' },
        { expect: 'Marketplace', send: '\r' },
        { expect: 'Motivo della sospensione', send: '\x1b[B\r' },
        { expect: 'Nome del negozio', send: 'Casa Bella Srl\r' },
        { expect: 'Data della notifica', send: '2026-13-40\r' },
        { expect: 'Scrivi la data come AAAA-MM-GG', send: `\x15${notice}\r` },
        { expect: "Numeri d'ordine coinvolti", send: '171-123\r' },
        { expect: "non è un numero d'ordine Amazon", send: '\x15171-1234567-1234567 171-7654321-7654321\r' },
        { expect: 'ASIN coinvolti', send: '\r' },
        { expect: 'Tasso di spedizioni in ritardo', send: '5,1 % negli ultimi 30 giorni, obiettivo sotto il 4 %\r' },
        { expect: 'Cosa è successo', send: '\r' },
        { expect: 'Causa 1', send: 'Il tempo di gestione era di un giorno anche nei giorni di chiusura del magazzino\r' },
        { expect: 'Causa 2', send: '\r' },
        { expect: 'Azione correttiva 1', send: 'Abbiamo spedito e confermato i 12 ordini ancora aperti, tra cui 171-1234567-1234567\r' },
        { expect: 'Data in cui è stata svolta', send: '\r' },
        { expect: 'Azione correttiva 2', send: '\r' },
        { expect: 'Misura preventiva 1', send: 'Gli ordini in scadenza vengono confrontati con i colli ritirati dal corriere\r' },
        { expect: 'Chi ne è responsabile', send: 'responsabile logistica\r' },
        { expect: 'Con quale frequenza', send: 'ogni giorno lavorativo\r' },
        { expect: 'Misura preventiva 2', send: '\r' },
        { expect: 'Documenti che allegherete', send: ' \r' },
        { expect: 'Altro documento da allegare', send: '\r' },
      ],
      { cwd, env: { LANG: 'it_IT.UTF-8' } },
    );
    expect(run.error, run.output).toBeUndefined();
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('Scrivi la data come AAAA-MM-GG, per esempio 2026-05-04.');
    expect(run.output).toContain('Piano scritto in piano.md');
    expect(run.output).toMatch(/Scadenza per il ricorso: .*restano 14 giorni\./);
    expect(run.output).toContain('Prossimo passo: poa lint piano.md');
    expect(readdirSync(cwd)).toEqual(['piano.md']);
    const plan = readFileSync(join(cwd, 'piano.md'), 'utf8');
    expect(plan).toMatch(/^---\nlang: it\nreason: late-shipment\nmarketplace: amazon\.it\n---/);
    expect(plan).toContain('- Ordini: 171-1234567-1234567, 171-7654321-7654321');
    expect(plan).toContain('(responsabile logistica, ogni giorno lavorativo).');
    expect(plan).toContain('- distinte di ritiro del corriere per gli ordini in ritardo');
    const { report } = lintJson('piano.md');
    expect(report.files[0]?.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('leaves nothing behind on Ctrl-C', () => {
    const run = runInPty(
      [process.execPath, BIN, 'init'],
      [
        { expect: 'Language of the plan', send: '\r' },
        { expect: 'Marketplace', send: '\r' },
        { expect: 'Reason for the suspension', send: '\r' },
        { expect: 'Store name', send: '\x03' },
      ],
      { cwd, env: { LANG: 'C.UTF-8' } },
    );
    expect(run.error, run.output).toBeUndefined();
    expect(run.status).toBe(130);
    expect(run.output).toContain('poa: init cancelled — nothing was written');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses an existing output file before asking anything', () => {
    writeFileSync(join(cwd, 'plan.md'), 'keep me');
    const run = runInPty([process.execPath, BIN, 'init', 'plan.md'], [], { cwd });
    expect(run.status).toBe(2);
    expect(run.output).toContain('poa: plan.md: file already exists');
    expect(run.output).not.toContain('Language of the plan');
    expect(readFileSync(join(cwd, 'plan.md'), 'utf8')).toBe('keep me');
  });
});
