// `--format github`: GitHub Actions workflow commands, so findings show as annotations on the pull request's files.

import type { LintReport, Severity } from '../types.js';
import { pathFromRoot, type PathOptions } from './locations.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape a command's message as @actions/core does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a command property (file, title): also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatGithub(report: LintReport, options: PathOptions = {}): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const path = escapeProperty(pathFromRoot(file.path, options));
    for (const f of file.findings) {
      const properties = `file=${path},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`poa ${f.ruleId}`)}`;
      const message = f.help === undefined ? f.message : `${f.message}\n${f.help}`;
      lines.push(`::${COMMAND[f.severity]} ${properties}::${escapeData(message)}`);
    }
  }
  // A plain line for the log; GitHub runs only lines that start with `::`.
  lines.push(`poa: ${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}, ${report.infoCount} info in ${plural(report.files.length, 'file')}`);
  return `${lines.join('\n')}\n`;
}
