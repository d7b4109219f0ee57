// SARIF 2.1.0: valid against the official OASIS schema (vendored), with rule metadata, help and exact regions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRules, lintText, summarise } from '../../src/lint.js';
import { formatSarif } from '../../src/report/sarif.js';
import type { LintReport } from '../../src/types.js';
import { FIXTURES } from '../helpers.js';
import { CI_REPORT } from './ci-report.js';
import { validateSarif } from './sarif-schema.js';

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; name: string; shortDescription: { text: string }; fullDescription?: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, unknown> } }>;
      partialFingerprints: Record<string, string>;
    }>;
    originalUriBaseIds: Record<string, { uri: string }>;
  }>;
}

function sarif(report: LintReport, rules = describeRules(report)): SarifLog {
  return JSON.parse(formatSarif(report, { cwd: '/work/consultancy', rules, version: '0.1.0' })) as SarifLog;
}

function expectValid(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('formatSarif', () => {
  it('is valid against the SARIF 2.1.0 schema, with Unicode, spaces and commas in paths', () => {
    const log = sarif(CI_REPORT);
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    for (const r of log.runs[0]?.results ?? []) {
      const { uri } = r.locations[0]?.physicalLocation.artifactLocation ?? { uri: '' };
      // A valid URI reference: nothing a URI may not hold unescaped.
      expect(uri).toMatch(/^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+$/);
      expect(decodeURIComponent(uri)).toMatch(/^clients\//);
    }
  });

  it('is valid for real lint results, including a clean run', () => {
    const report = summarise([
      lintText(readFileSync(join(FIXTURES, 'it', 'farmacia.txt'), 'utf8'), { path: 'clients/rossi/farmacia.txt' }),
      lintText(readFileSync(join(FIXTURES, 'de', '4d.md'), 'utf8'), { path: 'clients/müller/4d.md' }),
    ]);
    expectValid(sarif(report));
    expectValid(sarif(summarise([])));
  });

  it('describes each rule with its description, help, docs and default level', () => {
    const log = sarif(summarise([lintText('## Root cause\n\n## Corrective actions\nOn 3 May we refunded all 12 buyers.\n', { path: 'plan.md' })]));
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    const empty = rules.find((r) => r.id === 'empty-section');
    expect(empty).toMatchObject({ name: 'EmptySection', shortDescription: { text: 'A part of the plan has a heading but no text.' }, defaultConfiguration: { level: 'error' } });
    expect(empty?.help.text).toContain('Write this part or remove the heading');
    expect(empty?.fullDescription?.text).toContain('Reviewers read that as a question left');
    for (const r of rules) expect(r.shortDescription.text).not.toMatch(/\{\w+\}/);
  });

  it('points every result at its rule and at an exact region', () => {
    const log = sarif(CI_REPORT);
    const run = log.runs[0];
    for (const r of run?.results ?? []) expect(run?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    const [first] = run?.results ?? [];
    expect(first).toMatchObject({
      ruleId: 'vague-promise',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'clients/acme-outdoor/plan-v3.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 14, startColumn: 1, endLine: 14, endColumn: 30, snippet: { text: 'We will improve our processes' } } } }],
    });
    expect(run?.results.find((r) => r.ruleId === 'house-no-hardship')?.level).toBe('note');
    expect(run?.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///work/consultancy/');
  });

  it('adds a minimal rule entry for rules it was not told about (a user pack read from JSON)', () => {
    const log = sarif(CI_REPORT, []);
    expectValid(log);
    expect(log.runs[0]?.tool.driver.rules.map((r) => r.id)).toEqual(['vague-promise', 'missing-order-id', 'defensive-tone', 'house-no-hardship', 'empty-section']);
  });

  it('really checks: a log the schema forbids fails', () => {
    const log = sarif(CI_REPORT) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    const [result] = log.runs[0]?.results ?? [];
    if (result) result['level'] = 'fatal';
    expect(validateSarif(log)).toBe(false);
    expect(validateSarif({ version: '2.1.0' })).toBe(false);
  });

  it('shares fingerprints with the GitLab report', () => {
    const prints = (sarif(CI_REPORT).runs[0]?.results ?? []).map((r) => r.partialFingerprints['poaFinding/v1']);
    expect(new Set(prints).size).toBe(6);
  });
});
