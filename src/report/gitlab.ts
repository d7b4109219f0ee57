// `--format gitlab`: a GitLab Code Quality report (JSON array), shown in merge requests; fingerprints stay stable across edits.

import type { LintReport, Severity } from '../types.js';
import { fingerprints, pathFromRoot, type PathOptions } from './locations.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(report: LintReport, options: PathOptions = {}): string {
  const issues: CodeQualityIssue[] = [];
  for (const file of report.files) {
    const path = pathFromRoot(file.path, options);
    const prints = fingerprints(file, path);
    file.findings.forEach((f, i) => {
      issues.push({
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        severity: SEVERITY[f.severity],
        fingerprint: prints[i] as string,
        location: { path, lines: { begin: f.line, end: f.endLine } },
      });
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
