// A consultant's repository run through bin/poa.js as CI would: nested configs, per-client overrides, ignores,
// the consultant's own rule pack, drafts in English, Italian and German; every format and exit code.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/types.js';
import { runPoa } from '../helpers.js';
import { validateSarif } from '../report/sarif-schema.js';

const REPO: Record<string, string> = {
  '.poarc.yaml': `# yaml-language-server: $schema=./node_modules/poa-lint/schema/config.schema.json
root: true
rulePacks: [./house-rules]
ignore:
  - README.md
  - templates/
  - "**/*.bak.md"
rules:
  house-hardship: error
`,
  'README.md': '# Appeals\n\nOne folder per client. Drafts are linted by poa in CI.\n',
  'templates/skeleton.md': '## Root cause\n\n## Corrective actions\n\n## Preventive measures\n',
  'house-rules/house-hardship.yaml': `# Our house rule: reviewers reject pleas about the seller's hardship; state facts and controls instead.
id: house-hardship
category: tone
severity: warning
check: phrases
docs:
  en: Amazon decides on facts. A plea about families, jobs or closing the business reads as pressure and gets plans rejected.
languages:
  en:
    description: A plea about the seller's hardship.
    message: "Hardship plea ({family}): remove it and state what changed."
    help: Reviewers decide on facts and controls, not on what the suspension costs you.
    families:
      hardship:
        label: the cost of the suspension to the seller
        patterns:
          - "(we|i) have (a)? famil* to feed"
          - "(our|the) (business|company|shop) will (close|go bankrupt|go under)"
          - "(staff|employees) will lose their jobs"
  it:
    description: Un appello alle difficoltà del venditore.
    message: "Appello emotivo ({family}): toglietelo e dite cosa è cambiato."
    help: I revisori decidono sui fatti e sui controlli, non su quanto vi costa la sospensione.
    families:
      hardship:
        label: il costo della sospensione per il venditore
        patterns:
          - "famiglie da sfamare"
          - "chiuder* l'attivita"
          - "(i nostri)? dipendenti perderanno il lavoro"
  de:
    description: Ein Appell an die Notlage des Verkäufers.
    message: "Appell an die Notlage ({family}): streichen Sie ihn und nennen Sie, was sich geändert hat."
    families:
      hardship:
        label: die Kosten der Sperrung für den Verkäufer
        patterns:
          - "familien zu ernahren"
          - "(mitarbeiter|angestellte) verlieren ihre (arbeit|jobs)"
examples:
  en:
    bad: ["We have a family to feed."]
    good: ["On 4 June we refunded all 12 buyers."]
`,
  'clients/.poarc.yml': `overrides:
  - files: acme-outdoor/**
    rules:
      empty-section: warn
  - files: rossi-farmacia/**
    language: it
    reason: off-platform-payment
    rules:
      missing-order-id: off
`,
  'clients/acme-outdoor/plan-v1.md': `# Plan of Action – Acme Outdoor Ltd

## Problem
On 2 June 2026 Amazon deactivated our account because our order defect rate reached 1.8 % (target: under 1 %).

## Root cause

## Corrective actions
On 4 June we refunded order 113-7654321-1234567 and the 11 other defective orders.
We have a family to feed.
<!-- poa-disable-next-line -- the client insists; reviewed on 5 June -->
Our staff will lose their jobs if the account stays closed.

## Preventive measures
From 5 June our quality manager, Dana Reyes, inspects every returned unit before it goes back to stock.

## Conclusion
We take full responsibility and ask you to reinstate our account.
`,
  'clients/acme-outdoor/plan-v0.bak.md': '## Root cause\n\n## Corrective actions\n',
  'clients/rossi-farmacia/piano.txt': `PROBLEMA
Il 19 novembre Amazon ha sospeso l'account Farmacia Rossi perché un collaboratore ha chiesto a un cliente di pagare fuori da Amazon.

CAUSA
Il collaboratore non conosceva le regole sulla comunicazione con gli acquirenti. Abbiamo famiglie da sfamare.

AZIONI CORRETTIVE
Il 20 novembre abbiamo rimborsato il cliente tramite Amazon e il 21 novembre abbiamo formato tutto lo staff sulle regole: https://sellercentral.amazon.it/gp/help/external/G200386250
<!-- poa-disable-next-line missing-order-id -->
Il titolare ha controllato tutti i messaggi inviati dal 1° novembre.

MISURE PREVENTIVE
Dal 22 novembre il titolare approva ogni messaggio ai clienti prima dell'invio, ogni giorno alle 12:00.

CONCLUSIONI
Ci assumiamo la piena responsabilità e chiediamo la riattivazione dell'account.
`,
  'clients/mueller-gmbh/package.json': `{
  "name": "mueller-appeal",
  "private": true,
  "poa": { "language": "de", "marketplace": "amazon.de" }
}
`,
  'clients/mueller-gmbh/massnahmenplan.md': `**Problembeschreibung**
Am 2. Juni 2026 hat Amazon unser Konto gesperrt, weil unsere Verspätungsrate bei 6,1 % lag (Ziel: unter 4 %). Betroffen war unter anderem die Bestellung 302-1234567-7654321.

**Ursache**
Die Bearbeitungszeit war auf einen Tag eingestellt, unser Lager braucht für Sets aber zwei Tage.

**Korrekturmaßnahmen**
Am 3. Juni haben wir die Bearbeitungszeit aller 240 Artikel auf zwei Tage gesetzt.

**Vorbeugende Maßnahmen**
Unser Lagerleiter, Jonas Weber, prüft die Verspätungsrate jeden Montag um 9:00 Uhr im Kontozustand.

**Fazit**
Wir übernehmen die volle Verantwortung und bitten um die Reaktivierung unseres Kontos.
`,
};

let repo = '';

function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'poa-consultancy-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function poa(args: string[], env: Record<string, string> = {}) {
  return runPoa(args, { cwd: repo, env: { GITHUB_WORKSPACE: '', CI_PROJECT_DIR: '', ...env } });
}

function json(args: string[]): LintReport {
  const r = poa(['lint', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as LintReport;
}

function findings(report: LintReport, path: string): string[] {
  return (report.files.find((f) => f.path === path)?.findings ?? []).map((f) => `${f.ruleId}:${f.severity}@${f.line}`);
}

beforeAll(() => {
  repo = build(REPO);
});

describe('a consultant repository', () => {
  it('lints every client draft with the configs that apply, skipping the ignored files', () => {
    const report = json(['clients', 'README.md', 'templates']);
    expect(report.files.map((f) => f.path)).toEqual(['clients/acme-outdoor/plan-v1.md', 'clients/mueller-gmbh/massnahmenplan.md', 'clients/rossi-farmacia/piano.txt']);
  });

  it('applies the override per client folder, the package.json config and the user rule pack', () => {
    const report = json(['clients']);
    const [acme, mueller, rossi] = report.files;
    // English: empty-section downgraded to a warning for this client; the hardship line after the directive is not reported.
    expect(acme).toMatchObject({ language: 'en', languageSource: 'detected' });
    expect(findings(report, 'clients/acme-outdoor/plan-v1.md')).toEqual(expect.arrayContaining(['empty-section:warning@6', 'house-hardship:error@10', 'missing-policy-link:warning@4']));
    expect(acme?.findings.filter((f) => f.ruleId === 'house-hardship').map((f) => f.excerpt)).toEqual(['We have a family to feed']);
    expect(acme?.findings.filter((f) => f.line === 12)).toEqual([]);
    expect(acme?.findings.find((f) => f.ruleId === 'house-hardship')?.message).toBe('Hardship plea (the cost of the suspension to the seller): remove it and state what changed.');
    // German: language and marketplace from package.json; a complete plan whose only finding is the missing policy link.
    expect(mueller).toMatchObject({ language: 'de', languageSource: 'option', marketplace: 'amazon.de', errorCount: 0 });
    expect(findings(report, 'clients/mueller-gmbh/massnahmenplan.md')).toEqual(['missing-policy-link:warning@2']);
    // Italian: language and reason from the override; missing-order-id off for this client; the house rule in Italian.
    expect(rossi).toMatchObject({ language: 'it', languageSource: 'option', reason: 'off-platform-payment' });
    expect(findings(report, 'clients/rossi-farmacia/piano.txt')).not.toContain(expect.stringMatching(/^missing-order-id/));
    expect(rossi?.findings.find((f) => f.ruleId === 'house-hardship')).toMatchObject({ severity: 'error', excerpt: 'famiglie da sfamare', line: 5, section: 'root-cause' });
    expect(report.errorCount).toBeGreaterThanOrEqual(2);
  });

  it('prints stylish output and exits 1 on errors; --debug names the configs of each draft', () => {
    const r = poa(['lint', 'clients', '--debug']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('clients/rossi-farmacia/piano.txt (it, --lang');
    expect(r.stdout).toMatch(/10:1 +error +Hardship plea .+ house-hardship/);
    expect(r.stderr).toContain('poa: debug: clients/acme-outdoor/plan-v1.md: config .poarc.yaml < clients/.poarc.yml, with clients/.poarc.yml overrides[0], rule packs ');
    expect(r.stderr).toContain('poa: debug: clients/mueller-gmbh/massnahmenplan.md: config .poarc.yaml < clients/.poarc.yml < clients/mueller-gmbh/package.json');
  });

  it('exits by --max-warnings on a draft with warnings only', () => {
    expect(poa(['lint', 'clients/mueller-gmbh']).status).toBe(0);
    expect(poa(['lint', 'clients/mueller-gmbh', '--max-warnings', '1']).status).toBe(0);
    const over = poa(['lint', 'clients/mueller-gmbh', '--max-warnings', '0']);
    expect(over.status).toBe(1);
    expect(over.stdout).toContain('⚠ 1 problem (0 errors, 1 warning) in 1 file');
    expect(poa(['lint', 'clients/mueller-gmbh', '--quiet', '--max-warnings', '0']).status).toBe(0);
  });

  it('lets flags win over config: --rule, --lang, --reason, --ignore-pattern', () => {
    const flagged = json(['clients', '--rule', 'house-hardship=warn', '--rule', 'empty-section=off']);
    const all = flagged.files.flatMap((f) => f.findings);
    expect(all.filter((f) => f.ruleId === 'house-hardship').map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(all.filter((f) => f.ruleId === 'empty-section')).toEqual([]);
    const report = json(['clients/acme-outdoor', '--lang', 'it', '--reason', 'order-defect-rate']);
    expect(report.files[0]).toMatchObject({ language: 'it', languageSource: 'option', reason: 'order-defect-rate' });
    expect(json(['clients', '--ignore-pattern', 'rossi-farmacia/']).files.map((f) => f.path)).toEqual(['clients/acme-outdoor/plan-v1.md', 'clients/mueller-gmbh/massnahmenplan.md']);
  });

  it('skips ignored files named on the command line, as pre-commit passes them', () => {
    const report = json(['README.md', 'templates/skeleton.md', 'clients/mueller-gmbh/massnahmenplan.md']);
    expect(report.files.map((f) => f.path)).toEqual(['clients/mueller-gmbh/massnahmenplan.md']);
    const none = poa(['lint', 'README.md']);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('no problems in 0 files');
  });

  it('uses one file with --config and none with --no-config', () => {
    const only = json(['clients', '--config', 'clients/.poarc.yml']);
    // Without the root config there is no house rule and no ignore.
    expect(only.files.map((f) => f.path)).toContain('clients/acme-outdoor/plan-v0.bak.md');
    expect(only.files.flatMap((f) => f.findings.map((x) => x.ruleId))).not.toContain('house-hardship');
    expect(only.files.find((f) => f.path === 'clients/rossi-farmacia/piano.txt')?.language).toBe('it');
    const none = json(['clients', '--no-config']);
    expect(none.files.find((f) => f.path === 'clients/acme-outdoor/plan-v1.md')?.findings.find((f) => f.ruleId === 'empty-section')?.severity).toBe('error');
    expect(none.files.find((f) => f.path === 'clients/mueller-gmbh/massnahmenplan.md')?.languageSource).toBe('detected');
  });

  it('reports directives that disable nothing on request', () => {
    expect(findings(json(['clients/rossi-farmacia']), 'clients/rossi-farmacia/piano.txt')).not.toContain('unused-disable-directive:error@9');
    const report = json(['clients/rossi-farmacia', '--report-unused-disable-directives']);
    expect(findings(report, 'clients/rossi-farmacia/piano.txt')).toContain('unused-disable-directive:error@9');
  });
});

describe('CI formats on the consultant repository', () => {
  it('sarif: valid SARIF 2.1.0 with the house rule described from its pack', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'poa-sarif-')), 'poa.sarif');
    const r = poa(['lint', 'clients', '--format', 'sarif', '--output-file', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const log = JSON.parse(readFileSync(out, 'utf8')) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string }; help: { text: string } }> } }; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    expect(validateSarif(log)).toBe(true);
    const run = log.runs[0];
    expect(run?.tool.driver.rules.find((x) => x.id === 'house-hardship')).toMatchObject({ shortDescription: { text: "A plea about the seller's hardship." } });
    expect(run?.tool.driver.rules.find((x) => x.id === 'house-hardship')?.help.text).toContain('Reviewers decide on facts');
    const total = json(['clients']).files.reduce((n, f) => n + f.findings.length, 0);
    expect(run?.results).toHaveLength(total);
    expect(new Set(run?.results.map((x) => x.locations[0]?.physicalLocation.artifactLocation.uri))).toEqual(
      new Set(['clients/acme-outdoor/plan-v1.md', 'clients/mueller-gmbh/massnahmenplan.md', 'clients/rossi-farmacia/piano.txt']),
    );
  });

  it('github: one annotation per finding, paths from GITHUB_WORKSPACE', () => {
    const report = json(['clients']);
    const r = poa(['lint', 'clients', '--format', 'github'], { GITHUB_WORKSPACE: dirname(repo) });
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const total = report.files.reduce((n, f) => n + f.findings.length, 0);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(total);
    const prefix = `${repo.split('/').pop() ?? ''}/`;
    expect(lines).toContain(
      `::error file=${prefix}clients/acme-outdoor/plan-v1.md,line=10,col=1,endLine=10,endColumn=25,title=poa house-hardship::Hardship plea (the cost of the suspension to the seller): remove it and state what changed.%0AReviewers decide on facts and controls, not on what the suspension costs you.`,
    );
    expect(lines.at(-1)).toBe(`poa: ${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}, ${report.infoCount} info in 3 files`);
  });

  it('gitlab: a Code Quality report whose fingerprints stay the same from run to run', () => {
    const first = poa(['lint', 'clients', '--format', 'gitlab']);
    const second = poa(['lint', 'clients', '--format', 'gitlab']);
    expect(first.status).toBe(1);
    expect(first.stdout).toBe(second.stdout);
    const issues = JSON.parse(first.stdout) as Array<{ check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }>;
    expect(issues.find((i) => i.check_name === 'house-hardship' && i.location.path === 'clients/rossi-farmacia/piano.txt')).toMatchObject({ severity: 'major', location: { lines: { begin: 5 } } });
    expect(issues.find((i) => i.location.path === 'clients/mueller-gmbh/massnahmenplan.md')).toMatchObject({ check_name: 'missing-policy-link', severity: 'minor' });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('stays valid and exits 0 on a clean run', () => {
    const r = poa(['lint', 'clients/mueller-gmbh', '--format', 'gitlab', '--rule', 'missing-policy-link=off']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('[]\n');
    const sarif = poa(['lint', 'clients/mueller-gmbh', '--format', 'sarif', '--rule', 'missing-policy-link=off']);
    expect(validateSarif(JSON.parse(sarif.stdout))).toBe(true);
  });
});

describe('broken config: one line, file:line:col, exit 2', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['unknown key', { 'clients/.poarc.yml': 'overides:\n  - files: x\n' }, 'poa: clients/.poarc.yml:1:1: unknown key "overides" — did you mean "overrides"?'],
    ['unknown rule', { 'clients/.poarc.yml': 'rules:\n  house-hardshp: off\n' }, 'poa: clients/.poarc.yml:2:3: unknown rule "house-hardshp" — did you mean "house-hardship"?'],
    ['wrong type', { 'clients/.poarc.yml': 'overrides:\n  - files: acme-outdoor/**\n    language: [en]\n' }, 'poa: clients/.poarc.yml:3:15: overrides.0.language: must be string'],
    ['bad severity', { 'clients/.poarc.yml': 'rules:\n  empty-section: fatal\n' }, 'poa: clients/.poarc.yml:2:18: rules.empty-section: must be one of "off", "warn", "warning", "error", "info"'],
    ['broken YAML', { 'clients/.poarc.yml': 'rules: [\n' }, 'poa: clients/.poarc.yml:2:1: invalid YAML'],
    ['missing rule pack', { '.poarc.yaml': 'root: true\nrulePacks: [./our-rules]\n' }, 'poa: .poarc.yaml:2:13: rule pack folder "./our-rules" not found'],
    ['package.json', { 'clients/mueller-gmbh/package.json': '{ "name": "m", "poa": { "lang": "de" } }\n' }, 'poa: clients/mueller-gmbh/package.json:1:25: unknown key "lang" — did you mean "language"?'],
  ];
  for (const [name, files, message] of cases) {
    it(name, () => {
      const dir = build({ ...REPO, ...files });
      const r = runPoa(['lint', 'clients'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+\)/);
    });
  }

  it('a broken rule in the pack names the pack file', () => {
    const dir = build({ ...REPO, 'house-rules/house-hardship.yaml': 'id: house-hardship\nseverity: error\ncheck: phrases\nlanguages:\n  en:\n    message: x\n    families:\n      a:\n        patterns: ["re:(a+)+"]\n' });
    const r = runPoa(['lint', 'clients'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^poa: .*house-rules\/house-hardship\.yaml/);
  });
});
