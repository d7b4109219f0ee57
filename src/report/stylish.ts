// `--format stylish`: findings grouped per file for people, with the parts poa recognised and a summary line.

import { Chalk, type ChalkInstance } from 'chalk';
import type { FileResult, Finding, LintReport } from '../types.js';

export interface StylishOptions {
  color: boolean;
  /** Show the recognised parts of each plan (default true). */
  showSections?: boolean;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function severityLabel(c: ChalkInstance, finding: Finding): string {
  const label = pad(finding.severity, 7);
  if (finding.severity === 'error') return c.red(label);
  if (finding.severity === 'warning') return c.yellow(label);
  return c.blue(label);
}

function scoreLabel(c: ChalkInstance, score: number): string {
  const text = `score ${score}/100`;
  return score >= 90 ? c.green(text) : score >= 70 ? c.yellow(text) : c.red(text);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function fileBlock(c: ChalkInstance, file: FileResult, showSections: boolean): string[] {
  const lines: string[] = [];
  const parts = file.sections.filter((s) => !s.kinds.includes('preamble'));
  const languageNote = file.languageSource === 'detected' ? 'detected' : file.languageSource === 'fallback' ? 'default, text too short to detect' : file.languageSource === 'option' ? '--lang' : 'front matter';
  const reason = file.reason === undefined ? '' : `, ${file.reason}${file.reasonInferred ? ' (inferred)' : ''}`;
  const score = file.score === undefined ? '' : `  ${scoreLabel(c, file.score)}`;
  lines.push(`${c.underline(file.path)} ${c.dim(`(${file.language}, ${languageNote}${reason})`)}${score}`);
  if (showSections) {
    const list = parts.map((s) => `${s.kinds.join('+')}@${s.line}`).join(', ');
    lines.push(c.dim(`  parts: ${list === '' ? 'none recognised' : list}`));
  }
  // A loop, not Math.max(...): a huge draft can have hundreds of thousands of findings, too many arguments for a call.
  let width = 0;
  for (const f of file.findings) width = Math.max(width, `${f.line}:${f.column}`.length);
  for (const f of file.findings) {
    lines.push(`  ${c.dim(pad(`${f.line}:${f.column}`, width))}  ${severityLabel(c, f)}  ${f.message}  ${c.dim(f.ruleId)}`);
  }
  return lines;
}

export function formatStylish(report: LintReport, options: StylishOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const file of report.files) {
    for (const line of fileBlock(c, file, options.showSections ?? true)) out.push(line);
    out.push('');
  }
  const problems = report.errorCount + report.warningCount + report.infoCount;
  const detail = `${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}`;
  const files = plural(report.files.length, 'file');
  if (problems === 0) out.push(c.green(`✔ no problems in ${files}`));
  else {
    const mark = report.errorCount > 0 ? c.red.bold('✖') : c.yellow.bold('⚠');
    out.push(`${mark} ${plural(problems, 'problem')} (${detail}${report.infoCount > 0 ? `, ${report.infoCount} info` : ''}) in ${files}`);
  }
  return `${out.join('\n')}\n`;
}
