// lintFiles with a cache (`poa lint --cache`): results of unchanged drafts are reused, anything a result depends on
// makes it linted again, and the report is always the one poa gives without a cache.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.mjs';
import { contentDigest } from '../src/cache.js';
import { lintFiles, type LintFilesOptions } from '../src/lint.js';
import type { LintReport } from '../src/types.js';
import { PoaError } from '../src/errors.js';
import { fixture } from './helpers.js';

const LATE = fixture('en/late-shipment.md');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'poa-cache-'));
  mkdirSync(join(dir, 'drafts'));
  writeFileSync(join(dir, 'drafts', 'late.md'), LATE);
  writeFileSync(join(dir, 'drafts', 'vague.md'), '## Corrective actions\n\nWe will improve our processes.\n');
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const CACHE = '.poacache';
const lint = (options: LintFilesOptions = {}, patterns = ['drafts']): Promise<LintReport> => lintFiles(patterns, { cwd: dir, config: false, jobs: 1, ...options });
interface Stored {
  header: { format: number; poa: string };
  entries: Record<string, { key: string; result: { findings: Array<{ message: string }> } }>;
}

/** The cache file: a header line, then `<key>\t<path as JSON>\t<result as JSON>` per draft. */
function stored(): Stored {
  const [head, ...lines] = readFileSync(join(dir, CACHE), 'utf8').split('\n').filter((l) => l !== '');
  const entries: Stored['entries'] = {};
  for (const line of lines) {
    const [key, path, result] = line.split('\t') as [string, string, string];
    entries[JSON.parse(path) as string] = { key, result: JSON.parse(result) as Stored['entries'][string]['result'] };
  }
  return { header: JSON.parse(head as string) as Stored['header'], entries };
}

function store(data: Stored): void {
  const lines = Object.entries(data.entries).map(([path, { key, result }]) => `${key}\t${JSON.stringify(path)}\t${JSON.stringify(result)}\n`);
  writeFileSync(join(dir, CACHE), `${JSON.stringify(data.header)}\n${lines.join('')}`);
}

/** Marks every stored result, so a report that shows the mark came from the cache. */
function markCache(): void {
  const data = stored();
  for (const entry of Object.values(data.entries)) for (const finding of entry.result.findings) finding.message = `cached: ${finding.message}`;
  store(data);
}
const marked = (report: LintReport, path: string): boolean => (report.files.find((f) => f.path === path)?.findings ?? []).every((f) => f.message.startsWith('cached: '));
const fresh = (report: LintReport, path: string): boolean => (report.files.find((f) => f.path === path)?.findings ?? []).every((f) => !f.message.startsWith('cached: '));

describe('lintFiles with a cache', () => {
  it('gives the report poa gives without it, and reuses the results of unchanged drafts', async () => {
    const plain = await lint();
    expect(await lint({ cache: true })).toEqual(plain);
    expect(Object.keys(stored().entries).sort()).toEqual(['drafts/late.md', 'drafts/vague.md']);
    markCache();
    const again = await lint({ cache: true });
    expect(marked(again, 'drafts/late.md') && marked(again, 'drafts/vague.md')).toBe(true);
    expect(again.files.map((f) => f.findings.length)).toEqual(plain.files.map((f) => f.findings.length));
  });

  it('lints a draft again when its text changed, and only that draft', async () => {
    await lint({ cache: true });
    markCache();
    writeFileSync(join(dir, 'drafts', 'vague.md'), '## Corrective actions\n\nWe will improve our processes. We will do better.\n');
    const report = await lint({ cache: true });
    expect(fresh(report, 'drafts/vague.md')).toBe(true);
    expect(marked(report, 'drafts/late.md')).toBe(true);
    const vague = report.files.find((f) => f.path === 'drafts/vague.md');
    expect(vague).toEqual((await lint()).files.find((f) => f.path === 'drafts/vague.md'));
    expect(vague?.findings.filter((f) => f.ruleId === 'vague-promise')).toHaveLength(2);
  });

  it('lints again when the settings change: a rule, the language, the reason, the notice, a config file', async () => {
    await lint({ cache: true });
    const changes: LintFilesOptions[] = [
      { rules: { 'vague-promise': 'off' } },
      { language: 'it' },
      { locale: 'de' },
      { reason: 'order-defect-rate' },
      { notice: { path: 'notice.txt', text: 'Your account was deactivated for late shipment.' } },
      { quiet: true },
      { kind: 'message' },
    ];
    for (const change of changes) {
      markCache();
      const report = await lint({ cache: true, ...change });
      expect(fresh(report, 'drafts/late.md'), JSON.stringify(change)).toBe(true);
      expect(report).toEqual(await lint(change));
    }
    markCache();
    writeFileSync(join(dir, '.poarc.yaml'), 'rules:\n  vague-promise: off\n');
    const configured = await lint({ cache: true, config: undefined });
    expect(fresh(configured, 'drafts/vague.md')).toBe(true);
    expect(configured.files.find((f) => f.path === 'drafts/vague.md')?.findings.some((f) => f.ruleId === 'vague-promise')).toBe(false);
  });

  it('lints again when a rule pack or a stock-text folder changes', async () => {
    const pack = join(dir, 'pack');
    mkdirSync(pack);
    writeFileSync(join(pack, 'over-apology.yaml'), 'id: over-apology\nseverity: warning\ncheck: phrases\nlanguages:\n  en:\n    message: "Apologising once is enough."\n    families:\n      apology:\n        patterns: ["deeply sorry"]\n');
    const stock = join(dir, 'stock');
    mkdirSync(stock);
    writeFileSync(join(stock, 'template.md'), 'We sincerely apologise for any inconvenience this may have caused to our valued customers.\n');
    const options: LintFilesOptions = { cache: true, rulePacks: [pack], stockTexts: [stock] };
    await lint(options);
    markCache();
    expect(marked(await lint(options), 'drafts/late.md')).toBe(true);
    writeFileSync(join(pack, 'over-apology.yaml'), readFileSync(join(pack, 'over-apology.yaml'), 'utf8').replace('deeply sorry', 'truly sorry'));
    expect(fresh(await lint(options), 'drafts/late.md')).toBe(true);
    markCache();
    writeFileSync(join(stock, 'template.md'), 'Another circulating template sentence that sellers copy without changing a single word.\n');
    expect(fresh(await lint(options), 'drafts/late.md')).toBe(true);
  });

  it('starts again from a damaged cache, or one made by another poa, and says so with --debug', async () => {
    await lint({ cache: true });
    // A line cut short, as a full disk or a killed copy leaves it.
    writeFileSync(join(dir, CACHE), `${JSON.stringify(stored().header)}\nabc\t"drafts/late.md"\t{"path": `);
    const notes: string[] = [];
    expect(await lint({ cache: true, debug: (m) => notes.push(m) })).toEqual(await lint());
    expect(notes).toContain(`${join(dir, CACHE)}: cache not used (unreadable or damaged)`);
    const data = stored();
    markCache();
    store({ ...stored(), header: { ...data.header, poa: `${data.header.poa}-older` } });
    notes.length = 0;
    const report = await lint({ cache: true, debug: (m) => notes.push(m) });
    expect(fresh(report, 'drafts/late.md')).toBe(true);
    expect(notes).toContain(`${join(dir, CACHE)}: cache not used (made by another version of poa or its rules)`);
    // A draft taken from the cache is named in the --debug notes.
    notes.length = 0;
    await lint({ cache: true, debug: (m) => notes.push(m) });
    expect(notes).toContain('drafts/late.md: unchanged, result from the cache');
  });

  it('lints a draft again when its stored result cannot be read', async () => {
    await lint({ cache: true });
    const text = readFileSync(join(dir, CACHE), 'utf8').replace(/\t"drafts\/late\.md"\t\{/, '\t"drafts/late.md"\t{oops');
    writeFileSync(join(dir, CACHE), text);
    expect(await lint({ cache: true })).toEqual(await lint());
    expect(Object.keys(stored().entries).sort()).toEqual(['drafts/late.md', 'drafts/vague.md']);
    expect(await lint({ cache: true })).toEqual(await lint());
  });

  it('forgets drafts that no longer exist, and keeps those this run did not lint', async () => {
    await lint({ cache: true });
    rmSync(join(dir, 'drafts', 'vague.md'));
    writeFileSync(join(dir, 'other.md'), LATE);
    await lint({ cache: true }, ['other.md']);
    expect(Object.keys(stored().entries).sort()).toEqual(['drafts/late.md', 'other.md']);
  });

  it('refuses a cache file it cannot write, in one line', async () => {
    const error = (await lint({ cache: join('missing-folder', 'cache') }).catch((e: unknown) => e)) as PoaError;
    expect(error).toBeInstanceOf(PoaError);
    expect(error.format()).toMatch(new RegExp(`^${join(dir, 'missing-folder', 'cache')}: cannot write the cache: .+ — .+ \\(--cache-location sets where the cache goes\\)$`));
  });

  it('gives the same report with worker threads, fully cached, partly cached or not', async () => {
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, 80, 99);
    const plain = await lintFiles(['corpus'], { cwd: dir, config: false, jobs: 1 });
    const parallel: LintFilesOptions = { cwd: dir, config: false, jobs: 2, cache: true };
    expect(await lintFiles(['corpus'], parallel)).toEqual(plain);
    expect(await lintFiles(['corpus'], parallel)).toEqual(plain);
    // Some drafts change: those are linted again, by the workers or this thread.
    const changed = plain.files.filter((_, i) => i % 7 === 0).map((f) => f.path);
    for (const path of changed) writeFileSync(join(dir, path), `${readFileSync(join(dir, path), 'utf8')}\nWe will do better.\n`);
    const after = await lintFiles(['corpus'], { cwd: dir, config: false, jobs: 1 });
    expect(await lintFiles(['corpus'], parallel)).toEqual(after);
    expect(await lintFiles(['corpus'], { ...parallel, jobs: 1 })).toEqual(after);
  });

  it('stops at an unreadable draft as without a cache, with worker threads too', async () => {
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, 80, 5);
    const plain = await lintFiles(['corpus'], { cwd: dir, config: false, jobs: 1 });
    const victim = plain.files[40]?.path as string;
    writeFileSync(join(dir, victim), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x00, 0x41]));
    const expected = await lintFiles(['corpus'], { cwd: dir, config: false, jobs: 1 }).catch((e: Error) => e.message);
    expect(typeof expected).toBe('string');
    for (const jobs of [1, 2]) expect(await lintFiles(['corpus'], { cwd: dir, config: false, jobs, cache: true }).catch((e: Error) => e.message)).toBe(expected);
  });
});

describe('contentDigest', () => {
  it('changes with a file\'s content, not with its modification time', () => {
    const folder = join(dir, 'pack');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.yaml'), 'one');
    const before = contentDigest([folder]);
    cpSync(join(folder, 'a.yaml'), join(dir, 'copy.yaml'));
    writeFileSync(join(folder, 'a.yaml'), 'one');
    expect(contentDigest([folder])).toBe(before);
    writeFileSync(join(folder, 'a.yaml'), 'two');
    expect(contentDigest([folder])).not.toBe(before);
    expect(contentDigest([join(dir, 'nowhere')])).not.toBe(contentDigest([folder]));
  });
});
