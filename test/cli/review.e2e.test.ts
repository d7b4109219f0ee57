// The reviewer's checks from the command line: --notice, --kind message, the reason and the readiness score.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/types.js';
import { runPoa } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'poa-review-'));
writeFileSync(
  join(dir, 'notice.txt'),
  'Your account was deactivated because your late shipment rate is above the target of 4 % and does not meet our performance standards. Orders 205-1234567-7654321 and 205-7654321-1234567 were shipped late.\n',
);
writeFileSync(
  join(dir, 'plan.md'),
  '## Root cause\nYour account was deactivated because your late shipment rate is above the target of 4 % and does not meet our performance standards.\n\n## Corrective actions\nOn 3 May we refunded order 205-1234567-7654321.\n',
);

describe('poa lint --notice', () => {
  it('reports the root cause echoing the notice and the orders the plan leaves out', () => {
    const r = runPoa(['lint', 'plan.md', '--notice', 'notice.txt', '-f', 'json'], { cwd: dir });
    const file = (JSON.parse(r.stdout) as LintReport).files[0];
    const echo = file?.findings.find((f) => f.ruleId === 'notice-echo');
    expect(echo).toMatchObject({ line: 2, column: 1, section: 'root-cause' });
    expect(file?.findings.filter((f) => f.ruleId === 'notice-not-addressed').map((f) => f.message)).toEqual([
      'The notice names 205-7654321-1234567, but the plan never mentions it.',
    ]);
    expect(file).toMatchObject({ reason: 'late-shipment', reasonInferred: true });
    expect(file?.score).toBeGreaterThanOrEqual(0);
    expect(file?.score).toBeLessThan(100);
  });

  it('runs no notice rule without a notice', () => {
    const r = runPoa(['lint', 'plan.md', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(r.stdout) as LintReport).files[0]?.findings.map((f) => f.ruleId)).not.toContain('notice-echo');
  });

  it('refuses a missing notice file in one line', () => {
    const r = runPoa(['lint', 'plan.md', '--notice', 'nope.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('poa: nope.txt: no such file or directory — check the path\n');
  });
});

describe('poa lint --kind message', () => {
  it('checks a reply to a buyer with the message rules only', () => {
    const reply = 'Dear customer, about order 205-1234567-7654321: we will refund you by PayPal because our account is suspended.\n';
    const r = runPoa(['lint', '-', '--kind', 'message', '-f', 'json'], { cwd: dir, input: reply });
    const ids = (JSON.parse(r.stdout) as LintReport).files[0]?.findings.map((f) => f.ruleId) ?? [];
    expect(ids).toContain('message-off-platform');
    expect(ids).toContain('message-mentions-suspension');
    expect(ids).not.toContain('missing-section');
    expect(r.status).toBe(1);
  });

  it('prints no plan parts for a message in the stylish format', () => {
    const reply = 'Dear customer, about order 205-1234567-7654321: we will refund you by PayPal.\n';
    const r = runPoa(['lint', '-', '--kind', 'message', '--no-color'], { cwd: dir, input: reply });
    expect(r.stdout).toContain('message-off-platform');
    expect(r.stdout).not.toContain('parts:');
    const plan = runPoa(['lint', '-', '--no-color'], { cwd: dir, input: '## Root cause\nThe handling time was one day.\n' });
    expect(plan.stdout).toContain('  parts: root-cause@1');
  });

  it('refuses an unknown kind', () => {
    const r = runPoa(['lint', 'plan.md', '--kind', 'letter'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("poa: option '--kind <kind>' argument 'letter' is invalid. Allowed choices are plan, message.");
  });
});

describe('poa explain score', () => {
  it('prints the formula with the weights from rules/score.yaml', () => {
    const r = runPoa(['explain', 'score']);
    expect(r.stdout).toContain('weights: error 10, warning 4, info 1');
    expect(r.status).toBe(0);
  });
});
