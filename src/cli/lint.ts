// `poa lint`: flags, reading stdin, config and ignore flags, choosing the format, and the exit code from the findings.

import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { PoaError } from '../errors.js';
import { readDraft } from '../document/load.js';
import { describeRules, lintFiles, lintFilesEach, type LintFilesOptions } from '../lint.js';
import { FORMAT_NAMES, isFormatName, loadFormatter, type FormatName } from '../report/formats.js';
import { jsonReportStream } from '../report/json-stream.js';
import type { LintReport } from '../types.js';
import { readStdin } from './stdin.js';
import { failure, ReportOutput } from './output.js';
import { createProgress, wantsProgress } from './progress.js';
import { nearest } from './suggest.js';

export interface CommandState {
  exitCode: number;
}

export const FORMATS = FORMAT_NAMES;

interface LintFlags {
  format: FormatName;
  lang?: string;
  locale?: string;
  reason?: string;
  maxFileSize?: number;
  maxWarnings?: number;
  quiet?: boolean;
  color: boolean;
  outputFile?: string;
  rule?: string[];
  /** A path with --config, false with --no-config. */
  config?: string | false;
  ignorePattern?: string[];
  kind: 'plan' | 'message';
  notice?: string;
  reportUnusedDisableDirectives?: boolean;
  debug?: boolean;
  jobs?: number;
  cache?: boolean;
  cacheLocation?: string;
}

function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m)?$/i.exec(value.trim());
  if (!m) throw new PoaError(`invalid size "${value}" for --max-file-size`, { hint: 'use a number of bytes or a size such as 500KB or 20MB' });
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Math.round(Number(m[1]) * factor);
}

function parseCount(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new PoaError(`invalid value "${value}" for ${flag}`, { hint: 'use a whole number, 0 or more' });
    return Number(value);
  };
}

function parseJobs(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new PoaError(`invalid value "${value}" for ${flag}`, { hint: 'use a whole number, 1 or more (1 lints one draft at a time)' });
    return Number(value);
  };
}

/** --jobs, else POA_JOBS, else lintFiles' default (the number of cores). */
function jobsFor(flag: number | undefined): number | undefined {
  if (flag !== undefined) return flag;
  const env = process.env['POA_JOBS'];
  return env === undefined || env.trim() === '' ? undefined : parseJobs('POA_JOBS')(env);
}

function parseFormat(value: string): FormatName {
  if (isFormatName(value)) return value;
  const suggestion = nearest(value, [...FORMATS]);
  throw new PoaError(`unknown format "${value}"`, { hint: suggestion ? `did you mean "${suggestion}"? (formats: ${FORMATS.join(', ')})` : `use one of ${FORMATS.join(', ')}` });
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseRuleFlags(values: string[] | undefined): Record<string, 'error' | 'warning' | 'info' | 'off'> {
  const out: Record<string, 'error' | 'warning' | 'info' | 'off'> = {};
  for (const value of values ?? []) {
    const m = /^([a-z0-9-]+)=(error|warning|warn|info|off)$/.exec(value.trim());
    if (!m) throw new PoaError(`invalid --rule "${value}"`, { hint: 'write --rule <rule-id>=<off|info|warning|error>' });
    const level = m[2] === 'warn' ? 'warning' : (m[2] as 'error' | 'warning' | 'info' | 'off');
    out[m[1] as string] = level;
  }
  return out;
}

function useColor(flag: boolean): boolean {
  if (!flag) return false;
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return process.stdout.isTTY === true;
}

export function exitCodeFor(report: Pick<LintReport, 'errorCount' | 'warningCount'>, maxWarnings: number | undefined): number {
  if (report.errorCount > 0) return 1;
  if (maxWarnings !== undefined && report.warningCount > maxWarnings) return 1;
  return 0;
}

/** Machine formats give paths from the repository root when CI says where it is. */
function rootFor(format: FormatName, cwd: string): string {
  const env = format === 'gitlab' ? process.env['CI_PROJECT_DIR'] : format === 'github' || format === 'sarif' ? process.env['GITHUB_WORKSPACE'] : undefined;
  return env === undefined || env === '' ? cwd : env;
}

export function registerLint(program: Command, state: CommandState): void {
  program
    .command('lint')
    .description('check drafts for the faults reviewers reject plans for')
    .argument('[paths...]', 'files, directories (searched for *.md, *.markdown, *.txt), globs, or - for stdin')
    .addOption(new Option('-f, --format <name>', `output format: ${FORMATS.join(', ')}`).default('stylish').argParser(parseFormat))
    .option('-c, --config <file>', 'use this config file instead of looking for .poarc.yaml files')
    .option('--no-config', 'use no config file')
    .option('--ignore-pattern <glob>', 'skip drafts matching this glob, relative to the working directory (repeatable)', collect)
    .option('--lang <code>', 'language of the drafts when front matter does not say (default: config, else detected)')
    .option('--locale <code>', 'language of the messages (default: the draft\'s language)')
    .option('--reason <key>', 'suspension reason when front matter does not say, e.g. late-shipment (default: config, else inferred)')
    .addOption(new Option('--kind <kind>', 'what the drafts are: plan (a plan of action) or message (a reply to a buyer)').choices(['plan', 'message']).default('plan'))
    .option('--notice <file>', 'the notification Amazon sent, to check the plan answers it (notice-echo, notice-not-addressed)')
    .option('--rule <id=severity>', 'set a rule\'s severity: off, info, warning or error (repeatable)', collect)
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this', parseCount('--max-warnings'))
    .option('--report-unused-disable-directives', 'report poa-disable comments that disable nothing')
    .option('--max-file-size <size>', 'refuse drafts larger than this (default 10MB)', parseSize)
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .option('--no-color', 'never colour the output (also NO_COLOR=1)')
    .option('-j, --jobs <n>', 'threads that lint at once, this one and n-1 workers (default: POA_JOBS, else one per core from 600 drafts on); n uses n from 64 drafts on, 1 lints one draft at a time', parseJobs('--jobs'))
    .option('--cache', 'reuse the results of drafts that have not changed since the last run with --cache (kept in .poacache)')
    .option('--cache-location <file>', 'where --cache keeps its results (default .poacache in the working directory)')
    .option('--debug', 'show which config applies to each draft, and stack traces for unexpected errors')
    .action(async (paths: string[], flags: LintFlags) => {
      const stdin = paths.includes('-') ? await readStdin() : undefined;
      const rules = parseRuleFlags(flags.rule);
      const cwd = process.cwd();
      const notice = flags.notice === undefined ? undefined : readDraft(flags.notice, { cwd });
      const options: LintFilesOptions = {
        kind: flags.kind,
        ...(notice ? { notice: { path: notice.path, text: notice.text } } : {}),
        cwd,
        ...(flags.lang === undefined ? {} : { language: flags.lang }),
        ...(flags.locale === undefined ? {} : { locale: flags.locale }),
        ...(flags.reason === undefined ? {} : { reason: flags.reason }),
        ...(flags.maxFileSize === undefined ? {} : { maxFileBytes: flags.maxFileSize }),
        ...(stdin ? { stdin } : {}),
        ...(Object.keys(rules).length > 0 ? { rules } : {}),
        ...(flags.quiet ? { quiet: true } : {}),
        ...(flags.config === undefined ? {} : { config: flags.config }),
        ...(flags.ignorePattern ? { ignore: flags.ignorePattern } : {}),
        ...(flags.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
        ...(flags.cache || flags.cacheLocation !== undefined ? { cache: flags.cacheLocation ?? true } : {}),
        ...(flags.debug ? { debug: (message: string) => process.stderr.write(`poa: debug: ${message}\n`) } : {}),
      };
      const jobs = jobsFor(flags.jobs);
      if (jobs !== undefined) options.jobs = jobs;
      if (flags.format === 'json') {
        // Written draft by draft, so an archive of thousands of drafts never sits in memory whole.
        const output = new ReportOutput(flags.outputFile);
        try {
          const stream = jsonReportStream((chunk) => output.write(chunk));
          const totals = await lintFilesEach(paths, options, (file) => stream.file(file));
          stream.end(totals);
          await output.commit();
          state.exitCode = exitCodeFor(totals, flags.maxWarnings);
        } finally {
          output.dispose();
        }
        return;
      }
      const progress = wantsProgress(flags.format, process.stderr) ? createProgress(process.stderr) : undefined;
      if (progress) options.progress = progress.update;
      let report: LintReport;
      try {
        report = await lintFiles(paths, options);
      } finally {
        progress?.clear();
      }
      const toFile = flags.outputFile !== undefined;
      const format = await loadFormatter(flags.format);
      const output = format(report, {
        color: !toFile && useColor(flags.color),
        cwd,
        root: rootFor(flags.format, cwd),
        rules: () => describeRules(report, flags.locale === undefined ? {} : { locale: flags.locale }),
        kind: flags.kind,
      });
      if (toFile) {
        try {
          writeFileSync(flags.outputFile as string, output);
        } catch (error) {
          throw failure(error, flags.outputFile as string);
        }
      } else {
        process.stdout.write(output);
      }
      state.exitCode = exitCodeFor(report, flags.maxWarnings);
    });
}
