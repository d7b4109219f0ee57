// Linting many drafts in worker threads changes nothing users see: the same report, errors, --debug notes and exit code as one at a time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.mjs';
import { describeRules, lintFiles } from '../../src/lint.js';
import type { LintReport } from '../../src/types.js';
import { BIN, type CliResult } from '../helpers.js';
import { hasPython, runInPty } from './pty.js';

const SLOW = 180_000;
const LANGS = ['de', 'en', 'es', 'fr', 'it', 'nl'];

let dir: string;

/** bin/poa.js as a user runs it, with room for the megabytes of JSON a corpus gives. */
function runPoa(args: string[], options: { cwd: string; input?: string; env?: Record<string, string> }): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', POA_JOBS: '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 150_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'poa-parallel-'));
  // ~200 drafts of ~5 KB in six languages, every heading style, the same files on every run (fixed seed).
  writeCorpus(join(dir, 'corpus'), 204, 1234);
});

function corpus(name: string, count: number, seed: number): string {
  const root = join(dir, name);
  writeCorpus(root, count, seed);
  return root;
}

describe('poa lint with worker threads', () => {
  it(
    'prints byte-identical JSON and stylish reports with one worker and with many',
    () => {
      const serial = runPoa(['lint', 'corpus', '--format', 'json', '--jobs', '1'], { cwd: dir });
      expect(serial.stderr).toBe('');
      const report = JSON.parse(serial.stdout) as LintReport;
      expect(report.files).toHaveLength(204);
      expect(new Set(report.files.map((f) => f.language))).toEqual(new Set(LANGS));
      expect(report.files.some((f) => f.findings.length > 0)).toBe(true);
      for (const jobs of ['2', '4']) {
        const parallel = runPoa(['lint', 'corpus', '--format', 'json', '--jobs', jobs], { cwd: dir });
        expect(parallel.stderr).toBe('');
        expect(parallel.status).toBe(serial.status);
        expect(parallel.stdout === serial.stdout).toBe(true);
      }
      // The default (POA_JOBS, else the cores) and the stylish format too.
      const stylishSerial = runPoa(['lint', 'corpus'], { cwd: dir, env: { POA_JOBS: '1' } });
      const stylishParallel = runPoa(['lint', 'corpus'], { cwd: dir, env: { POA_JOBS: '3' } });
      expect(stylishParallel.stdout === stylishSerial.stdout).toBe(true);
      expect(stylishParallel.status).toBe(stylishSerial.status);
    },
    SLOW,
  );

  it(
    'keeps stdin in its place among the drafts',
    () => {
      const input = '## Root cause\n\n## Corrective actions\nWe will improve our processes.\n';
      const args = ['lint', 'corpus/de', '-', 'corpus/nl', '--format', 'json'];
      const serial = runPoa([...args, '--jobs', '1'], { cwd: dir, input });
      const parallel = runPoa([...args, '--jobs', '2'], { cwd: dir, input });
      const paths = (JSON.parse(serial.stdout) as LintReport).files.map((f) => f.path);
      expect(paths.indexOf('<stdin>')).toBe(paths.filter((p) => p.startsWith('corpus/de/')).length);
      expect(parallel.stdout === serial.stdout).toBe(true);
    },
    SLOW,
  );

  it(
    'reports the first draft that cannot be read, in input order, exactly as serial mode does',
    () => {
      const root = corpus('broken', 120, 99);
      // Two unreadable drafts; fr/ comes before nl/ in the sorted walk, so fr's is the one reported.
      writeFileSync(join(root, 'nl', '0', 'plan-1.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
      writeFileSync(join(root, 'fr', '0', 'plan-3.md'), Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]));
      const serial = runPoa(['lint', 'broken', '--format', 'json', '--jobs', '1'], { cwd: dir });
      expect(serial.status).toBe(2);
      expect(serial.stdout).toBe('');
      expect(serial.stderr).toMatch(/^poa: broken\/fr\/0\/plan-3\.md: invalid UTF-8 at byte 2 \(line 1\)/);
      for (const jobs of ['2', '5']) {
        const parallel = runPoa(['lint', 'broken', '--format', 'json', '--jobs', jobs], { cwd: dir });
        expect({ status: parallel.status, stdout: parallel.stdout, stderr: parallel.stderr }).toEqual(serial);
      }
    },
    SLOW,
  );

  it(
    'resolves configs per draft as serial mode does, and stops at a broken config only after the drafts before it',
    () => {
      const root = corpus('configs', 90, 7);
      writeFileSync(join(root, '.poarc.yaml'), 'rules:\n  vague-promise: warning\nignore:\n  - "it/**"\n');
      writeFileSync(join(root, 'es', '.poarc.yaml'), 'rules:\n  defensive-tone: off\noverrides:\n  - files: ["**/plan-1*.md"]\n    rules:\n      no-owner: off\n');
      const args = ['lint', 'configs', '--format', 'json', '--debug'];
      const serial = runPoa([...args, '--jobs', '1'], { cwd: dir });
      expect(serial.stderr).toContain('configs/es/0/plan-16.md: config configs/.poarc.yaml < configs/es/.poarc.yaml, with configs/es/.poarc.yaml overrides[0]');
      expect(serial.stderr).toContain('skipped (ignored by config or --ignore-pattern)');
      const parallel = runPoa([...args, '--jobs', '3'], { cwd: dir });
      expect(parallel).toEqual(serial);

      // A broken config in nl/ is reported after every draft before it was read; a binary draft in fr/ comes first.
      writeFileSync(join(root, 'nl', '.poarc.yaml'), 'rulez: {}\n');
      const configError = runPoa(['lint', 'configs', '--jobs', '1'], { cwd: dir });
      expect(configError.status).toBe(2);
      expect(configError.stderr).toMatch(/^poa: configs\/nl\/\.poarc\.yaml:1:1: unknown key "rulez"/);
      expect(runPoa(['lint', 'configs', '--jobs', '2'], { cwd: dir })).toEqual(configError);
      writeFileSync(join(root, 'fr', '0', 'plan-9.md'), Buffer.from('%PDF-1.7\n'));
      const both = runPoa(['lint', 'configs', '--debug', '--jobs', '1'], { cwd: dir });
      expect(both.stderr).toContain('poa: configs/fr/0/plan-9.md: binary file');
      // --debug adds the stack trace, which names the thread the error was thrown in; everything else is the same.
      const withoutStack = (r: CliResult): CliResult => ({ ...r, stderr: r.stderr.replace(/^ +at .*\n/gm, '') });
      expect(withoutStack(runPoa(['lint', 'configs', '--debug', '--jobs', '2'], { cwd: dir }))).toEqual(withoutStack(both));
    },
    SLOW,
  );

  it(
    'gives the same report through the library, and describes the rules it used',
    async () => {
      const serial = await lintFiles(['corpus/en', 'corpus/it'], { cwd: dir, jobs: 1 });
      const progress: number[] = [];
      const parallel = await lintFiles(['corpus/en', 'corpus/it'], { cwd: dir, jobs: 2, progress: (done) => progress.push(done) });
      expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
      expect(progress).toEqual(serial.files.map((_, i) => i + 1));
      expect(describeRules(parallel).map((r) => r.id)).toEqual(describeRules(serial).map((r) => r.id));
    },
    SLOW,
  );

  it('refuses a --jobs or POA_JOBS that is not a whole number of 1 or more', () => {
    const flag = runPoa(['lint', 'corpus', '--jobs', '0'], { cwd: dir });
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe('poa: invalid value "0" for --jobs — use a whole number, 1 or more (1 lints one draft at a time)\n');
    const env = runPoa(['lint', 'corpus'], { cwd: dir, env: { POA_JOBS: 'many' } });
    expect(env.status).toBe(2);
    expect(env.stderr).toBe('poa: invalid value "many" for POA_JOBS — use a whole number, 1 or more (1 lints one draft at a time)\n');
  });
});

describe.skipIf(!hasPython())('progress on a terminal', () => {
  const lint = (args: string[], env: Record<string, string>) => runInPty([process.execPath, BIN, 'lint', 'corpus/de', 'corpus/en', ...args], [], { cwd: dir, env, timeoutSeconds: 120 });

  it(
    'counts the drafts on stderr for people, and erases the count before the report',
    () => {
      const run = lint([], { CI: '' });
      expect(run.output).toMatch(/poa: linting \d+\/68 drafts/);
      expect(run.output).toContain('problems');
    },
    SLOW,
  );

  it(
    'stays silent in CI and with machine formats',
    () => {
      expect(lint([], { CI: 'true' }).output).not.toContain('poa: linting');
      expect(lint(['--format', 'json', '--output-file', join(dir, 'report.json')], { CI: '' }).output).not.toContain('poa: linting');
    },
    SLOW,
  );
});

describe('a draft folder with fewer drafts than the worker threshold', () => {
  it('is linted in one thread with the same result', () => {
    const small = join(dir, 'small');
    mkdirSync(small, { recursive: true });
    writeFileSync(join(small, 'a.md'), '## Root cause\n\nWe will improve.\n');
    const one = runPoa(['lint', 'small', '--format', 'json', '--jobs', '1'], { cwd: dir });
    expect(runPoa(['lint', 'small', '--format', 'json', '--jobs', '8'], { cwd: dir })).toEqual(one);
  });
});
