// bin/poa.js: the bundled CLI compiled with the code cache the build recorded, and what happens when that cache
// does not fit (another build, damaged bytes, none at all): poa gives the same report, only slower.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runPoa } from '../helpers.js';

const DRAFT = join(FIXTURES, 'it', 'label.md');

/** A copy of the package whose dist/ can be changed: bin/ and dist/'s CLI files copied, the rest linked. */
function packageCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'poa-bin-'));
  for (const name of ['package.json', 'rules', 'templates', 'schema', 'node_modules']) symlinkSync(join(ROOT, name), join(dir, name));
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  for (const name of readdirSync(join(ROOT, 'dist')).filter((n) => /^(cli\.cjs|cli\.cache|rules(-[a-z]+)?\.json)$/.test(n))) cpSync(join(ROOT, 'dist', name), join(dir, 'dist', name));
  return dir;
}

function run(dir: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'poa.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/poa.js and the code cache', () => {
  let dir: string;
  let expected: ReturnType<typeof run>;
  beforeAll(() => {
    dir = packageCopy();
    expected = runPoa(['lint', DRAFT, '--format', 'json', '--no-config']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the build recorded a cache for the bundle it made', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    const build = /^\/\/ poa-build ([0-9a-f]{16})\n/.exec(bundle)?.[1];
    expect(build).toBeDefined();
    const cache = readFileSync(join(ROOT, 'dist', 'cli.cache'));
    const newline = cache.indexOf(10);
    const [id, digest] = cache.toString('latin1', 0, newline).split(' ');
    expect(id).toBe(build);
    // V8's data follows, with its digest.
    expect(cache.length - newline).toBeGreaterThan(10_000);
    expect(digest).toBe(createHash('sha1').update(cache.subarray(newline + 1)).digest('hex'));
  });

  it('lints with the cache as without it', () => {
    expect([0, 1]).toContain(expected.status);
    expect(JSON.parse(expected.stdout).files[0].findings.length).toBeGreaterThan(0);
    const plain = runPoa(['lint', DRAFT, '--format', 'json', '--no-config', '--debug']);
    expect(plain.stdout).toBe(expected.stdout);
    expect(plain.status).toBe(expected.status);
  });

  it('ignores the cache of another build', () => {
    const cache = readFileSync(join(ROOT, 'dist', 'cli.cache'));
    const newline = cache.indexOf(10);
    const digest = cache.toString('latin1', 0, newline).split(' ')[1] as string;
    writeFileSync(join(dir, 'dist', 'cli.cache'), Buffer.concat([Buffer.from(`0123456789abcdef ${digest}\n`), cache.subarray(newline + 1)]));
    expect(run(dir, ['lint', DRAFT, '--format', 'json', '--no-config'])).toEqual(expected);
  });

  it('ignores a damaged cache (V8 would crash on it)', () => {
    const cache = Buffer.from(readFileSync(join(ROOT, 'dist', 'cli.cache')));
    for (let i = 100; i < cache.length; i += 97) cache[i] = (cache[i] as number) ^ 0xff;
    writeFileSync(join(dir, 'dist', 'cli.cache'), cache);
    expect(run(dir, ['lint', DRAFT, '--format', 'json', '--no-config'])).toEqual(expected);
    writeFileSync(join(dir, 'dist', 'cli.cache'), cache.subarray(0, cache.length >> 1));
    expect(run(dir, ['lint', DRAFT, '--format', 'json', '--no-config'])).toEqual(expected);
    writeFileSync(join(dir, 'dist', 'cli.cache'), 'not a cache');
    expect(run(dir, ['lint', DRAFT, '--format', 'json', '--no-config'])).toEqual(expected);
  });

  it('starts without a cache', () => {
    rmSync(join(dir, 'dist', 'cli.cache'));
    expect(run(dir, ['lint', DRAFT, '--format', 'json', '--no-config'])).toEqual(expected);
  });

  it('says in one line when a language of the compiled rules is missing', () => {
    rmSync(join(dir, 'dist', 'rules-it.json'));
    const r = run(dir, ['lint', DRAFT, '--no-config']);
    expect(r.stderr).toBe(`poa: ${join(dir, 'dist', 'rules-it.json')}: cannot read poa's compiled rules for the language "it" — run \`npm run build\` in the poa-lint folder\n`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(run(dir, ['lint', join(ROOT, 'examples', 'draft-en.md'), '--no-config']).status).toBe(1);
  });

  it('says in one line when the CLI is not built', () => {
    rmSync(join(dir, 'dist', 'cli.cjs'));
    const r = run(dir, ['lint', DRAFT]);
    expect(r.stderr).toBe('poa: the CLI is not built — run `npm run build` in the poa-lint folder\n');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('the bundled language detection', () => {
  // Lists of nouns: too few frequent words to tell the language, so the trigram detection (franc, whose tables the
  // bundle builds on first use) decides, in the bundle as in the library.
  const drafts: Record<string, string> = {
    it: 'Sospensione account venditore: spedizioni ritardate, corriere nazionale, periodo natalizio, clienti insoddisfatti, rimborsi immediati, procedure aggiornate, controllo giornaliero magazzino.',
    de: 'Kontosperrung Verkäuferkonto: verspätete Lieferungen, Paketdienst überlastet, Weihnachtsgeschäft, unzufriedene Kunden, Rückerstattungen sofort, Abläufe überarbeitet, tägliche Lagerkontrolle.',
    fr: 'Suspension compte vendeur : expéditions retardées, transporteur national, période festive, clients mécontents, remboursements immédiats, procédures actualisées, contrôle quotidien entrepôt.',
  };
  it('tells the language of drafts its frequent words leave unclear', async () => {
    const { lintText } = await import('../../src/lint.js');
    for (const [language, text] of Object.entries(drafts)) {
      const dir = mkdtempSync(join(tmpdir(), 'poa-franc-'));
      const file = join(dir, 'draft.md');
      writeFileSync(file, `${text}\n`);
      const r = runPoa(['lint', file, '--format', 'json', '--no-config']);
      rmSync(dir, { recursive: true, force: true });
      expect(JSON.parse(r.stdout).files[0].language, language).toBe(language);
      expect(lintText(`${text}\n`, { path: 'draft.md' }).language, language).toBe(language);
    }
  });
});
