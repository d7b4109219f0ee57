// `poa lint --cache` as users run it: the same report and exit code on every run, .poacache by default, and a
// cache file that cannot be written is one line and exit code 2.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runPoa } from '../helpers.js';

describe('poa lint --cache', () => {
  it('prints the same report and exit code with and without the cache, in .poacache by default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-cache-cli-'));
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'drafts', 'late.md'), fixture('en/late-shipment.md'));
    writeFileSync(join(dir, 'drafts', 'vague.md'), '## Corrective actions\n\nWe will improve our processes.\n');
    const plain = runPoa(['lint', 'drafts', '--no-config'], { cwd: dir });
    expect(plain.status).toBe(1);
    const first = runPoa(['lint', 'drafts', '--no-config', '--cache'], { cwd: dir });
    expect(existsSync(join(dir, '.poacache'))).toBe(true);
    const second = runPoa(['lint', 'drafts', '--no-config', '--cache'], { cwd: dir });
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
    const json = runPoa(['lint', 'drafts', '--no-config', '--format', 'json'], { cwd: dir });
    expect(runPoa(['lint', 'drafts', '--no-config', '--format', 'json', '--cache-location', 'reports/poa.cache'], { cwd: dir }).stderr).toMatch(/^poa: .*reports\/poa\.cache: cannot write the cache: no such file or directory \(ENOENT\) — create the folder first, or choose another place \(--cache-location sets where the cache goes\)\n$/);
    mkdirSync(join(dir, 'reports'));
    expect(runPoa(['lint', 'drafts', '--no-config', '--format', 'json', '--cache-location', 'reports/poa.cache'], { cwd: dir })).toEqual(json);
    expect(runPoa(['lint', 'drafts', '--no-config', '--format', 'json', '--cache-location', 'reports/poa.cache'], { cwd: dir })).toEqual(json);
    expect(existsSync(join(dir, 'reports', 'poa.cache'))).toBe(true);
  });

  it('exits 2 when the cache cannot be written, and prints no report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-cache-cli-'));
    writeFileSync(join(dir, 'plan.md'), '## Corrective actions\n\nWe will improve our processes.\n');
    const r = runPoa(['lint', 'plan.md', '--no-config', '--cache-location', 'plan.md/cache'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('cannot write the cache');
  });
});
