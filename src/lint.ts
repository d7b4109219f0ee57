// poa's core as a library: lintText for one draft in memory, lintFiles for paths and globs.

import { builtinRulesDir } from './data.js';
import { DEFAULT_MAX_FILE_BYTES, expandInputs, readDraft } from './document/load.js';
import { parsePlan } from './document/parse.js';
import { PoaError } from './errors.js';
import { createEngine, runRules, type Engine, type RuleSetting } from './rules/engine.js';
import { loadRulePack } from './rules/pack.js';
import type { FileResult, Finding, LintReport, PlanDocument, Source } from './types.js';

export interface LintOptions {
  /** Language of the draft when front matter does not say (else detected). */
  language?: string;
  /** Language of messages (default: the draft's). */
  locale?: string;
  /** Per-rule severities: `{ "empty-section": "off" }`. */
  rules?: Record<string, RuleSetting>;
  /** Extra rule pack folders, same format as poa's rules/. */
  rulePacks?: string[];
  /** Path reported for lintText. */
  path?: string;
  /** Only errors (drop warnings and info). */
  quiet?: boolean;
}

export interface LintFilesOptions extends LintOptions {
  cwd?: string;
  ignore?: string[];
  maxFileBytes?: number;
  /** Bytes for `-`. */
  stdin?: Uint8Array;
}

const engines = new Map<string, Engine>();

/** The engine for a set of rule packs, built once per process. */
export function getEngine(rulePacks: string[] = []): Engine {
  const key = rulePacks.join('\0');
  let engine = engines.get(key);
  if (!engine) {
    engine = createEngine([loadRulePack(builtinRulesDir()), ...rulePacks.map(loadRulePack)]);
    engines.set(key, engine);
  }
  return engine;
}

function resolveLanguage(engine: Engine, value: string | undefined, subject: string): string | undefined {
  return value === undefined ? undefined : engine.detector.resolve(value, subject);
}

/** Parse a decoded source into a plan (sections, language) without running rules. */
export function parseSource(source: Source, options: LintOptions = {}): PlanDocument {
  const engine = getEngine(options.rulePacks);
  const language = resolveLanguage(engine, options.language, '--lang');
  return parsePlan(source, { vocabulary: engine.vocabulary, detector: engine.detector }, language === undefined ? {} : { language });
}

function count(findings: Finding[], severity: Finding['severity']): number {
  return findings.reduce((n, f) => n + (f.severity === severity ? 1 : 0), 0);
}

/** Lint one decoded source. */
export function lintSource(source: Source, options: LintOptions = {}): FileResult {
  const engine = getEngine(options.rulePacks);
  const doc = parseSource(source, options);
  const locale = resolveLanguage(engine, options.locale, '--locale');
  let findings = runRules(engine, doc, { ...(locale === undefined ? {} : { locale }), ...(options.rules ? { settings: options.rules } : {}) });
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
  return {
    path: source.path,
    language: doc.language,
    languageSource: doc.languageSource,
    sections: doc.sections.map((s) => ({ kinds: s.kinds, heading: s.heading, line: s.line, style: s.headingStyle })),
    findings,
    errorCount: count(findings, 'error'),
    warningCount: count(findings, 'warning'),
    infoCount: count(findings, 'info'),
  };
}

/** Lint a draft held in memory. A leading byte order mark is dropped; positions refer to the text as given. */
export function lintText(text: string, options: LintOptions = {}): FileResult {
  const bom = text.charCodeAt(0) === 0xfeff;
  return lintSource({ path: options.path ?? '<text>', text: bom ? text.slice(1) : text, bom, encoding: 'utf-8' }, options);
}

export function summarise(files: FileResult[]): LintReport {
  return {
    version: 1,
    files,
    errorCount: files.reduce((n, f) => n + f.errorCount, 0),
    warningCount: files.reduce((n, f) => n + f.warningCount, 0),
    infoCount: files.reduce((n, f) => n + f.infoCount, 0),
  };
}

/** Lint files, directories and globs. Throws PoaError for any input that cannot be read as a draft. */
export async function lintFiles(patterns: string[], options: LintFilesOptions = {}): Promise<LintReport> {
  if (patterns.length === 0) throw new PoaError('no drafts given', { hint: 'name a file, a directory or a glob, or - for stdin' });
  const cwd = options.cwd ?? process.cwd();
  getEngine(options.rulePacks);
  const paths = expandInputs(patterns, { cwd, ...(options.ignore ? { ignore: options.ignore } : {}) });
  const files = paths.map((path) =>
    lintSource(readDraft(path, { cwd, maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, ...(options.stdin ? { stdin: options.stdin } : {}) }), options),
  );
  return summarise(files);
}
