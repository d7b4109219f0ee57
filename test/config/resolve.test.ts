// Config discovery and merging: nearest folder wins key by key, root: true stops, overrides per client folder, ignores.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/config/resolve.js';
import { PoaError } from '../../src/errors.js';
import { lintFiles } from '../../src/lint.js';
import type { Finding } from '../../src/types.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'poa-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PoaError) return error.format();
    throw error;
  }
  return 'no error';
}

async function asyncErrorOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof PoaError) return error.format();
    throw error;
  }
  return 'no error';
}

const PLAN = '## Root cause\nThe handling time was one day.\n\n## Corrective actions\nOn 3 May we set it to two days.\n';

describe('ConfigResolver', () => {
  const dir = tree({
    'outer/.poarc.yaml': 'language: fr\n',
    'outer/consultancy/.poarc.yaml': 'root: true\nlanguage: en\nlocale: en\nrules:\n  missing-section: [error, { recommended: [problem] }]\n  empty-section: warn\nignore: [README.md, archive/]\n',
    'outer/consultancy/clients/.poarc.yml': 'rules:\n  missing-section: warning\noverrides:\n  - files: rossi-farmacia/**\n    language: it\n    reason: off-platform-payment\n    rules:\n      empty-section: off\n  - files: ["**/*.txt"]\n    excludedFiles: "**/notes.txt"\n    marketplace: amazon.it\n',
    'outer/consultancy/clients/mueller-gmbh/package.json': '{\n  "name": "mueller-appeal",\n  "poa": { "language": "de", "rules": { "empty-section": "error" } }\n}\n',
    'outer/consultancy/clients/acme/package.json': '{ "name": "acme" }\n',
  });
  const root = join(dir, 'outer', 'consultancy');
  const resolver = new ConfigResolver({ cwd: root });

  it('stops at root: true and orders configs farthest first', () => {
    const config = resolver.settingsFor(join(root, 'clients', 'acme', 'plan.md'));
    expect(config.configs.map((c) => c.display)).toEqual(['.poarc.yaml', 'clients/.poarc.yml']);
    expect(config.language?.value).toBe('en');
  });

  it('lets the nearer config win per rule and keeps the options a bare severity does not mention', () => {
    const rules = resolver.settingsFor(join(root, 'clients', 'acme', 'plan.md')).rules;
    expect(rules.get('missing-section')).toMatchObject({ severity: 'warning', options: { recommended: ['problem'] } });
    expect(rules.get('empty-section')).toMatchObject({ severity: 'warning' });
  });

  it('applies the overrides whose globs match, relative to their config file', () => {
    const rossi = resolver.settingsFor(join(root, 'clients', 'rossi-farmacia', 'piano.txt'));
    expect(rossi.language?.value).toBe('it');
    expect(rossi.reason?.value).toBe('off-platform-payment');
    expect(rossi.marketplace?.value).toBe('amazon.it');
    expect(rossi.rules.get('empty-section')?.severity).toBe('off');
    expect(rossi.overrides).toEqual(['clients/.poarc.yml overrides[0]', 'clients/.poarc.yml overrides[1]']);
    expect(resolver.settingsFor(join(root, 'clients', 'rossi-farmacia', 'notes.txt')).marketplace).toBeUndefined();
  });

  it('reads the "poa" key of package.json and skips a package.json without one', () => {
    const mueller = resolver.settingsFor(join(root, 'clients', 'mueller-gmbh', 'plan.md'));
    expect(mueller.configs.map((c) => c.display)).toEqual(['.poarc.yaml', 'clients/.poarc.yml', 'clients/mueller-gmbh/package.json']);
    expect(mueller.language?.value).toBe('de');
    expect(mueller.rules.get('empty-section')?.severity).toBe('error');
  });

  it('shares one merged object between drafts with the same configs', () => {
    expect(resolver.settingsFor(join(root, 'clients', 'acme', 'a.md'))).toBe(resolver.settingsFor(join(root, 'clients', 'acme', 'b.md')));
  });

  it('ignores by the globs of each config, relative to its folder', () => {
    expect(resolver.isIgnored(join(root, 'README.md'))).toBe(true);
    expect(resolver.isIgnored(join(root, 'clients', 'acme', 'README.md'))).toBe(true);
    expect(resolver.isIgnored(join(root, 'archive', 'old.md'))).toBe(true);
    expect(resolver.isIgnored(join(root, 'clients', 'acme', 'plan.md'))).toBe(false);
  });

  it('adds --ignore-pattern globs relative to the working directory, and they may re-include', () => {
    const flagged = new ConfigResolver({ cwd: root, ignorePatterns: ['clients/acme/', '!README.md'] });
    expect(flagged.isIgnored(join(root, 'clients', 'acme', 'plan.md'))).toBe(true);
    expect(flagged.isIgnored(join(root, 'README.md'))).toBe(false);
  });

  it('uses only the --config file, or none with --no-config', () => {
    const explicit = new ConfigResolver({ cwd: root, config: 'clients/.poarc.yml' });
    const config = explicit.settingsFor(join(root, 'clients', 'acme', 'plan.md'));
    expect(config.configs.map((c) => c.display)).toEqual(['clients/.poarc.yml']);
    expect(config.language).toBeUndefined();
    const none = new ConfigResolver({ cwd: root, config: false });
    expect(none.settingsFor(join(root, 'clients', 'acme', 'plan.md')).configs).toEqual([]);
    expect(none.isIgnored(join(root, 'README.md'))).toBe(false);
  });

  it('refuses a --config that does not exist or a package.json without "poa"', () => {
    expect(errorOf(() => new ConfigResolver({ cwd: root, config: 'nope.yaml' }))).toBe('nope.yaml: config file not found — check the path given to --config');
    expect(errorOf(() => new ConfigResolver({ cwd: root, config: 'clients/acme/package.json' }))).toBe(
      'clients/acme/package.json: package.json has no "poa" key — add a "poa" key, or point --config at a .poarc.yaml',
    );
  });
});

describe('config errors name file:line:col', () => {
  it('reports an unknown key with the nearest valid one', async () => {
    const dir = tree({ '.poarc.yaml': 'root: true\nrulez:\n  empty-section: off\n', 'plan.md': PLAN });
    expect(await asyncErrorOf(() => lintFiles(['plan.md'], { cwd: dir }))).toBe('.poarc.yaml:2:1: unknown key "rulez" — did you mean "rules"?');
  });

  it('reports an unknown rule id where it is written', async () => {
    const dir = tree({ '.poarc.yaml': 'root: true\noverrides:\n  - files: "*.md"\n    rules:\n      empty-sectoin: off\n', 'plan.md': PLAN });
    expect(await asyncErrorOf(() => lintFiles(['plan.md'], { cwd: dir }))).toBe('.poarc.yaml:5:7: unknown rule "empty-sectoin" — did you mean "empty-section"?');
  });

  it('reports an unsupported language at its value', async () => {
    const dir = tree({ '.poarc.yaml': 'root: true\nlanguage: klingon\n', 'plan.md': PLAN });
    expect(await asyncErrorOf(() => lintFiles(['plan.md'], { cwd: dir }))).toMatch(/^\.poarc\.yaml:2:11: unsupported language "klingon" — use one of en, /);
  });

  it('reports a missing rule pack folder at its entry', async () => {
    const dir = tree({ 'sub/.poarc.yaml': 'root: true\nrulePacks:\n  - ./house-rules\n', 'sub/plan.md': PLAN });
    expect(await asyncErrorOf(() => lintFiles(['sub/plan.md'], { cwd: dir }))).toBe(
      'sub/.poarc.yaml:3:5: rule pack folder "./house-rules" not found — paths in rulePacks are relative to .poarc.yaml\'s folder',
    );
  });

  it('reports a wrong type in package.json at its position', async () => {
    const dir = tree({ 'package.json': '{\n  "name": "appeals",\n  "poa": {\n    "root": true,\n    "ignore": "README.md"\n  }\n}\n', 'plan.md': PLAN });
    expect(await asyncErrorOf(() => lintFiles(['plan.md'], { cwd: dir }))).toMatch(/^package\.json:5:15: ignore: must be array — see schema\/config\.schema\.json/);
  });

  it('reports broken YAML', async () => {
    const dir = tree({ '.poarc.yaml': 'root: true\nrules: [\n', 'plan.md': PLAN });
    expect(await asyncErrorOf(() => lintFiles(['plan.md'], { cwd: dir }))).toMatch(/^\.poarc\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('reports options a check kind refuses where they are written', async () => {
    const dir = tree({ '.poarc.yaml': 'root: true\nrules:\n  invalid-order-id: [error, { unless: [horoscope] }]\n', 'plan.md': PLAN });
    expect(await asyncErrorOf(() => lintFiles(['plan.md'], { cwd: dir }))).toMatch(/^\.poarc\.yaml:3:21: invalid options for rule "invalid-order-id": options.unless: unknown kind of specifics "horoscope"/);
  });

  it('an empty config file is a valid one', async () => {
    const dir = tree({ '.poarc.yaml': '', 'plan.md': PLAN });
    const report = await lintFiles(['plan.md'], { cwd: dir, config: join(dir, '.poarc.yaml') });
    expect(report.files).toHaveLength(1);
  });
});

describe('lintFiles with config', () => {
  it('applies severities, rule options, language and reason from config, flags winning', async () => {
    const dir = tree({
      '.poarc.yaml': 'root: true\nlanguage: en\nreason: late-shipment\nrules:\n  missing-section: [error, { recommended: [] }]\n  missing-order-id: off\n  missing-policy-link: off\n  missing-reason-facts: off\n',
      'plan.md': PLAN,
    });
    const report = await lintFiles(['plan.md'], { cwd: dir });
    const file = report.files[0];
    expect(file).toMatchObject({ language: 'en', languageSource: 'option', reason: 'late-shipment' });
    // recommended: [] drops the problem and closing warnings; prevention is still required.
    const ids = (findings: Finding[]) => findings.filter((f) => f.ruleId.startsWith('missing-')).map((f) => `${f.ruleId}:${f.severity}`);
    expect(ids(file?.findings ?? [])).toEqual(['missing-section:error']);
    const flagged = await lintFiles(['plan.md'], { cwd: dir, rules: { 'missing-section': 'warn' }, reason: 'order-defect-rate' });
    expect(ids(flagged.files[0]?.findings ?? [])).toEqual(['missing-section:warning']);
    expect(flagged.files[0]?.reason).toBe('order-defect-rate');
  });

  it('skips ignored drafts, even when named on the command line (as pre-commit does)', async () => {
    const dir = tree({ '.poarc.yaml': 'root: true\nignore: [README.md]\n', 'README.md': '# Our appeals repo\n', 'plan.md': PLAN });
    const notes: string[] = [];
    const report = await lintFiles(['README.md', 'plan.md'], { cwd: dir, debug: (m) => notes.push(m) });
    expect(report.files.map((f) => f.path)).toEqual(['plan.md']);
    expect(notes).toEqual(['README.md: skipped (ignored by config or --ignore-pattern)', 'plan.md: config .poarc.yaml']);
  });
});
