// GitLab Code Quality: the issues GitLab reads, with fingerprints that survive edits elsewhere in a draft.
import { describe, expect, it } from 'vitest';
import { formatGitlab, type CodeQualityIssue } from '../../src/report/gitlab.js';
import type { LintReport } from '../../src/types.js';
import { CI_REPORT } from './ci-report.js';

const CWD = '/work/consultancy';

function issues(report: LintReport): CodeQualityIssue[] {
  return JSON.parse(formatGitlab(report, { cwd: CWD })) as CodeQualityIssue[];
}

describe('formatGitlab', () => {
  it('writes the Code Quality report (snapshot)', () => {
    expect(formatGitlab(CI_REPORT, { cwd: CWD })).toMatchSnapshot();
  });

  it('has the fields GitLab requires for every finding', () => {
    const list = issues(CI_REPORT);
    expect(list).toHaveLength(6);
    for (const issue of list) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity', 'type']);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
      expect(['info', 'minor', 'major']).toContain(issue.severity);
    }
    expect(list.map((i) => i.severity)).toEqual(['major', 'minor', 'major', 'info', 'major', 'major']);
  });

  it('gives every finding its own fingerprint, equal findings by their order', () => {
    const prints = issues(CI_REPORT).map((i) => i.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps fingerprints when text above a finding moves it down', () => {
    const moved: LintReport = {
      ...CI_REPORT,
      files: CI_REPORT.files.map((f) => ({ ...f, findings: f.findings.map((x) => ({ ...x, line: x.line + 3, endLine: x.endLine + 3 })) })),
    };
    expect(issues(moved).map((i) => i.fingerprint)).toEqual(issues(CI_REPORT).map((i) => i.fingerprint));
    expect(issues(moved)[0]?.location.lines.begin).toBe(17);
  });

  it('changes the fingerprint when the finding itself changes', () => {
    const [first] = CI_REPORT.files;
    const edited: LintReport = { ...CI_REPORT, files: [{ ...(first as LintReport['files'][number]), findings: [{ ...(first?.findings[0] as LintReport['files'][number]['findings'][number]), excerpt: 'We will do our best' }] }] };
    expect(issues(edited)[0]?.fingerprint).not.toBe(issues(CI_REPORT)[0]?.fingerprint);
  });

  it('prints an empty array for a clean run', () => {
    expect(formatGitlab({ version: 1, files: [], errorCount: 0, warningCount: 0, infoCount: 0 })).toBe('[]\n');
  });
});
