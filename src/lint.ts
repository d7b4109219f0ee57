// poa's core as a library: lintText for one draft in memory, lintFiles for paths and globs (with config files and inline directives).

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { contentDigest, DEFAULT_CACHE_FILE, LintCache, poaIdentity } from './cache.js';
import { applyDirectives, DIRECTIVE_HELP, INVALID_DIRECTIVE, UNUSED_DIRECTIVE } from './config/directives.js';
import { normaliseRuleEntry, originPosition, type RuleEntry, type SettingOrigin } from './config/file.js';
import { ConfigResolver, type FileConfig } from './config/resolve.js';
import { builtinRulesDir, packageRoot } from './data.js';
import { DEFAULT_MAX_FILE_BYTES, expandInputs, readDraft, STDIN_PATH } from './document/load.js';
import { parsePlan } from './document/parse.js';
import { PoaError } from './errors.js';
import { LintPool } from './parallel/pool.js';
import type { DraftTask } from './parallel/protocol.js';
import { createEngine, ruleLanguage, runRules, type Engine, type RuleSetting } from './rules/engine.js';
import { loadRulePack, type RulePack } from './rules/pack.js';
import { readiness } from './rules/score.js';
import { nearest } from './suggest.js';
import type { DocumentKind, FileResult, Finding, LintReport, Notice, PlanDocument, RuleMeta, Source } from './types.js';

export type { RuleEntry } from './config/file.js';

export interface LintOptions {
  /** Language of the draft when front matter does not say (else detected). */
  language?: string;
  /** Language of messages (default: the draft's). */
  locale?: string;
  /** Per-rule severities (`off`, `info`, `warn`/`warning`, `error`), or `[severity, options]`: `{ "empty-section": "off" }`. */
  rules?: Record<string, RuleEntry>;
  /** Extra rule pack folders, same format as poa's rules/. */
  rulePacks?: string[];
  /** Path reported for lintText. */
  path?: string;
  /** Only errors (drop warnings and info). */
  quiet?: boolean;
  /** Suspension reason when front matter does not say (e.g. `late-shipment`). */
  reason?: string;
  /** Marketplace when front matter does not say (e.g. `amazon.it`). */
  marketplace?: string;
  /** Report `poa-disable` directives that disabled nothing, and `poa-enable` ones with nothing to enable. */
  reportUnusedDisableDirectives?: boolean;
  /** What the text is: a plan of action (default) or a reply to a buyer, checked by the `kind: message` rules. */
  kind?: DocumentKind;
  /** The notification Amazon sent, for the rules that compare the plan with it (`--notice`). */
  notice?: Notice;
  /** Folders of plan templates known to circulate, for template-copy. */
  stockTexts?: string[];
}

export interface LintFilesOptions extends LintOptions {
  cwd?: string;
  /**
   * Keep results in this file (relative to cwd; true: .poacache) and reuse them for drafts whose text, settings, rule
   * packs and poa itself have not changed since (see cache.ts). The report is the same as without it.
   */
  cache?: string | true;
  /** Drafts to skip: globs relative to cwd, gitignore style (`archive/`, `*.bak.md`, `!keep.md`). */
  ignore?: string[];
  maxFileBytes?: number;
  /** Bytes for `-`. */
  stdin?: Uint8Array;
  /**
   * Config files: by default poa looks for .poarc.yaml (and the other names) from each draft's folder upward;
   * a path uses that one file instead; false uses none.
   */
  config?: string | false;
  /** Receives notes on which config applies to which draft and which drafts were skipped (`--debug`). */
  debug?: (message: string) => void;
  /**
   * Threads that lint at once, this one and worker threads: by default one per core for 600 drafts or more; a number
   * asks for that many from 64 drafts on; 1 lints every draft in this thread. The report is the same whatever the number.
   */
  jobs?: number;
  /** Called in input order as drafts are done (skipped ones count): `done` of `total` paths. */
  progress?: (done: number, total: number) => void;
}

type RuleOptions = Record<string, Record<string, unknown>>;

const packs = new Map<string, RulePack>();
const engines = new Map<string, Engine>();

function rulePack(dir: string): RulePack {
  let pack = packs.get(dir);
  if (!pack) {
    pack = loadRulePack(dir);
    packs.set(dir, pack);
  }
  return pack;
}

/** JSON with sorted keys, so equal options give equal cache keys. */
function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableKey(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function withRuleOptions(pack: RulePack, ruleOptions: RuleOptions): RulePack {
  if (!pack.rules.some((r) => ruleOptions[r.id] !== undefined)) return pack;
  return { ...pack, rules: pack.rules.map((r) => (ruleOptions[r.id] === undefined ? r : { ...r, options: { ...r.options, ...ruleOptions[r.id] } })) };
}

/**
 * The engine for a set of rule packs, built once per process; `ruleOptions` (from config `[severity, options]`)
 * are laid over the rules' own options and give an engine of their own, also built once.
 */
export function getEngine(rulePacks: string[] = [], ruleOptions: RuleOptions = {}): Engine {
  const optionKey = Object.keys(ruleOptions).length === 0 ? '' : stableKey(ruleOptions);
  const key = `${rulePacks.join('\0')}\u0001${optionKey}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = createEngine([builtinRulesDir(), ...rulePacks].map(rulePack).map((p) => withRuleOptions(p, ruleOptions)));
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

/**
 * Options checked and resolved once, as plain data: what a worker thread needs to lint drafts exactly as this thread
 * would (it rebuilds the engine from `rulePacks` and `ruleOptions`).
 */
export interface PreparedSpec {
  rulePacks: string[];
  ruleOptions: RuleOptions;
  language?: string;
  locale?: string;
  reason?: string;
  marketplace?: string;
  settings: Record<string, RuleSetting>;
  quiet: boolean;
  reportUnused: boolean;
  kind: DocumentKind;
  notice?: Notice;
}

/** A spec with its engine, used for every draft it applies to. */
interface Prepared extends PreparedSpec {
  engine: Engine;
  ruleIds: Set<string>;
}

/** The engine and rule ids of a spec (engines are cached per process, so this is cheap after the first time). */
function preparedFrom(spec: PreparedSpec): Prepared {
  return { ...spec, engine: getEngine(spec.rulePacks, spec.ruleOptions), ruleIds: new Set(getEngine(spec.rulePacks).rules.map((r) => r.definition.id)) };
}

interface RuleRequest {
  severity: RuleSetting;
  options?: Record<string, unknown>;
  /** Config position, or the flag name for rules given in options. */
  where: SettingOrigin | string;
}

function subjectOf(where: SettingOrigin | string, key = false): string {
  return typeof where === 'string' ? where : originPosition(where, { key });
}

const REASON = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function prepare(options: LintOptions, config: FileConfig | null): Prepared {
  const rulePacks = [...(config?.rulePacks ?? []), ...(options.rulePacks ?? [])];
  const requests = new Map<string, RuleRequest>();
  for (const [id, rule] of config?.rules ?? []) requests.set(id, { severity: rule.severity, ...(rule.options ? { options: rule.options } : {}), where: rule.origin });
  for (const [id, entry] of Object.entries(options.rules ?? {})) {
    const { severity, options: ruleOptions } = normaliseRuleEntry(entry);
    const kept = ruleOptions ?? requests.get(id)?.options;
    requests.set(id, { severity, ...(kept ? { options: kept } : {}), where: '--rule' });
  }
  const base = getEngine(rulePacks);
  const ids = base.rules.map((r) => r.definition.id);
  for (const [id, request] of requests) {
    if (ids.includes(id)) continue;
    const suggestion = nearest(id, ids);
    throw new PoaError(`unknown rule "${id}"`, {
      subject: subjectOf(request.where, true),
      hint: suggestion ? `did you mean "${suggestion}"?` : 'run `poa rules` for the list (rules from your rulePacks count too)',
    });
  }
  const ruleOptions: RuleOptions = {};
  for (const [id, request] of requests) if (request.options) ruleOptions[id] = request.options;
  // Folders of circulating templates (config `stockTexts`, option) feed template-copy's corpus.
  const stockTexts = [...(config?.stockTexts ?? []), ...(options.stockTexts ?? [])];
  if (stockTexts.length > 0 && ids.includes('template-copy')) {
    const own = (ruleOptions['template-copy']?.['stockTexts'] as string[] | undefined) ?? [];
    ruleOptions['template-copy'] = { ...ruleOptions['template-copy'], stockTexts: [...own, ...stockTexts] };
  }
  const engine = engineWithOptions(rulePacks, ruleOptions, requests);
  const setting = <K extends 'language' | 'locale' | 'reason' | 'marketplace'>(key: K): { value: string; subject: string } | undefined => {
    const given = options[key];
    if (given !== undefined) return { value: given, subject: `--${key === 'language' ? 'lang' : key}` };
    const configured = config?.[key];
    return configured ? { value: configured.value, subject: originPosition(configured.origin) } : undefined;
  };
  const language = setting('language');
  const locale = setting('locale');
  const reason = setting('reason');
  const marketplace = setting('marketplace');
  if (reason && !REASON.test(reason.value)) {
    throw new PoaError(`invalid reason "${reason.value}"`, { subject: reason.subject, hint: 'use a reason key in kebab-case, such as late-shipment or order-defect-rate' });
  }
  const prepared: Prepared = {
    rulePacks,
    ruleOptions,
    engine,
    ruleIds: new Set(ids),
    settings: Object.fromEntries([...requests].map(([id, r]) => [id, r.severity])),
    quiet: options.quiet === true,
    reportUnused: options.reportUnusedDisableDirectives === true,
    kind: options.kind ?? 'plan',
    ...(options.notice ? { notice: options.notice } : {}),
  };
  const languageCode = language && engine.detector.resolve(language.value, language.subject);
  const localeCode = locale && engine.detector.resolve(locale.value, locale.subject);
  if (languageCode) prepared.language = languageCode;
  if (localeCode) prepared.locale = localeCode;
  if (reason) prepared.reason = reason.value;
  if (marketplace) prepared.marketplace = marketplace.value;
  return prepared;
}

/** The engine with the configured rule options; a check kind that refuses them is reported where they were written. */
function engineWithOptions(rulePacks: string[], ruleOptions: RuleOptions, requests: Map<string, RuleRequest>): Engine {
  if (Object.keys(ruleOptions).length === 0) return getEngine(rulePacks);
  try {
    return getEngine(rulePacks, ruleOptions);
  } catch (error) {
    if (!(error instanceof PoaError)) throw error;
    // Find the rule whose options fail (only on this error path, so the extra builds cost nothing normally).
    for (const [id, options] of Object.entries(ruleOptions)) {
      try {
        getEngine(rulePacks, { [id]: options });
      } catch (cause) {
        if (!(cause instanceof PoaError)) throw cause;
        const where = requests.get(id)?.where ?? '--rule';
        throw new PoaError(`invalid options for rule "${id}": ${cause.message}`, { subject: subjectOf(where), hint: 'see the rule\'s options in docs/rule-packs.md', cause });
      }
    }
    throw error;
  }
}

function count(findings: Finding[], severity: Finding['severity']): number {
  return findings.reduce((n, f) => n + (f.severity === severity ? 1 : 0), 0);
}

function frontMatterString(doc: PlanDocument, key: string): string | undefined {
  const value = doc.frontMatter?.data[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function lintPrepared(source: Source, p: Prepared): FileResult {
  const { engine } = p;
  const doc = parsePlan(source, { vocabulary: engine.vocabulary, detector: engine.detector }, {
    ...(p.language === undefined ? {} : { language: p.language }),
    kind: p.kind,
    ...(p.notice ? { notice: p.notice } : {}),
  });
  doc.reason = engine.reasons.reasonOf(doc, p.reason);
  let findings = runRules(engine, doc, { ...(p.locale === undefined ? {} : { locale: p.locale }), settings: p.settings });
  findings = applyDirectives(doc, findings, { ruleIds: p.ruleIds, reportUnused: p.reportUnused });
  const score = readiness(findings, engine.score);
  if (p.quiet) findings = findings.filter((f) => f.severity === 'error');
  const marketplace = frontMatterString(doc, 'marketplace') ?? p.marketplace;
  return {
    path: source.path,
    language: doc.language,
    languageSource: doc.languageSource,
    ...(doc.reason === null ? {} : { reason: doc.reason.key, reasonInferred: doc.reason.source === 'inferred' }),
    ...(marketplace === undefined ? {} : { marketplace }),
    sections: doc.sections.map((s) => ({ kinds: s.kinds, heading: s.heading, line: s.line, style: s.headingStyle })),
    findings,
    score,
    errorCount: count(findings, 'error'),
    warningCount: count(findings, 'warning'),
    infoCount: count(findings, 'info'),
  };
}

/** Lint one decoded source (no config files: pass what they would say in `options`). */
export function lintSource(source: Source, options: LintOptions = {}): FileResult {
  return lintPrepared(source, prepare(options, null));
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

/** Engines each lintFiles report was made with, so describeRules can name the rules of the user's packs too. */
const reportEngines = new WeakMap<LintReport, Engine[]>();

function describeConfig(path: string, config: FileConfig): string {
  const files = config.configs.map((c) => c.display);
  const parts = [files.length === 0 ? 'no config file' : `config ${files.join(' < ')}`];
  if (config.overrides.length > 0) parts.push(`with ${config.overrides.join(', ')}`);
  if (config.rulePacks.length > 0) parts.push(`rule packs ${config.rulePacks.join(', ')}`);
  return `${path}: ${parts.join(', ')}`;
}

/**
 * With the default number of threads (one per core), fewer drafts than this are linted in this thread alone: a
 * worker first loads and warms its own engine. Measured on 2 cores (this thread and one worker against this thread
 * alone): 300 drafts 1.51 s against 1.26 s, 600 drafts 2.46 against 2.44 s, 1,000 drafts 3.29 against 3.51 s,
 * 2,000 drafts 5.35 against 6.65 s.
 */
export const PARALLEL_THRESHOLD = 600;
/** When `jobs` asks for more than one thread, they are used from this many drafts on. */
const REQUESTED_THRESHOLD = 64;
/** Each worker gets at least this many drafts, so a few dozen drafts do not start a worker each. */
const DRAFTS_PER_WORKER = 32;

/** How many threads lint `drafts` drafts: this one and the rest workers (1: this thread alone). */
function threadCount(jobs: number | undefined, drafts: number): number {
  const requested = jobs !== undefined && Number.isFinite(jobs);
  const wanted = requested ? Math.max(1, Math.floor(jobs)) : availableParallelism();
  if (wanted <= 1 || drafts < (requested ? REQUESTED_THRESHOLD : PARALLEL_THRESHOLD)) return 1;
  return Math.min(wanted, Math.ceil(drafts / DRAFTS_PER_WORKER));
}

/** The bundled worker entry (dist/worker.js), or null when poa runs unbuilt (then drafts are linted in this thread). */
function workerFile(): string | null {
  const file = join(packageRoot(), 'dist', 'worker.js');
  return existsSync(file) ? file : null;
}

/** What lintFiles and its workers share: where drafts are read from and how, and who receives the results. */
interface Run {
  cwd: string;
  resolver: ConfigResolver;
  debug: (message: string) => void;
  paths: string[];
  options: LintFilesOptions;
  /** Receives each draft's result in input order. */
  sink: (file: FileResult) => void;
  cache: LintCache | null;
}

const settingsDigests = new WeakMap<Prepared, string>();

/** What a draft's result depends on besides its text and poa: its settings and the content of the user's rule packs and stock texts. */
function settingsDigest(p: Prepared, cwd: string): string {
  let digest = settingsDigests.get(p);
  if (digest === undefined) {
    const stockTexts = (p.ruleOptions['template-copy']?.['stockTexts'] as string[] | undefined) ?? [];
    const folders = [...p.rulePacks, ...stockTexts].map((f) => resolve(cwd, f));
    digest = createHash('sha1').update(stableKey(specOf(p))).update('\0').update(contentDigest(folders)).digest('hex');
    settingsDigests.set(p, digest);
  }
  return digest;
}

/** Lint every draft in this thread, stopping at the first that cannot be read. Returns the specs used. */
function lintSerially({ cwd, resolver, debug, paths, options, sink, cache }: Run): Prepared[] {
  const prepared = new Map<FileConfig, Prepared>();
  for (const [position, path] of paths.entries()) {
    const stdin = path === STDIN_PATH;
    // stdin takes the config of the working directory.
    const absolute = stdin ? join(cwd, '<stdin>') : resolve(cwd, path);
    if (!stdin && resolver.isIgnored(absolute)) {
      debug(`${path}: skipped (ignored by config or --ignore-pattern)`);
      options.progress?.(position + 1, paths.length);
      continue;
    }
    const config = resolver.settingsFor(absolute);
    let p = prepared.get(config);
    if (!p) {
      p = prepare(options, config);
      prepared.set(config, p);
    }
    debug(describeConfig(stdin ? '<stdin>' : path, config));
    const source = readDraft(path, { cwd, maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, ...(options.stdin ? { stdin: options.stdin } : {}) });
    if (cache && !stdin) {
      const key = LintCache.key(settingsDigest(p, cwd), source.text);
      let result = cache.get(path, key);
      if (result === undefined) {
        result = lintPrepared(source, p);
        cache.set(path, key, result);
      } else {
        debug(`${path}: unchanged, result from the cache`);
      }
      sink(result);
    } else {
      sink(lintPrepared(source, p));
    }
    options.progress?.(position + 1, paths.length);
  }
  return [...prepared.values()];
}

/** The plain-data half of a Prepared, for a worker. */
function specOf(p: Prepared): PreparedSpec {
  const spec: PreparedSpec = { rulePacks: p.rulePacks, ruleOptions: p.ruleOptions, settings: p.settings, quiet: p.quiet, reportUnused: p.reportUnused, kind: p.kind };
  for (const key of ['language', 'locale', 'reason', 'marketplace'] as const) if (p[key] !== undefined) spec[key] = p[key];
  if (p.notice) spec.notice = p.notice;
  return spec;
}

/**
 * Lint the drafts in `threads` threads, this one and worker threads, with the same result as lintSerially: configs
 * are resolved here, in input order, and the drafts' results, --debug notes, progress and first error come back in
 * input order. This thread lints too: it starts while the workers load (measured on 2 cores: a worker's first
 * drafts come back half a second after it starts), and on 2 cores one worker and this thread use both.
 */
async function lintInWorkers(run: Run, file: string, threads: number): Promise<Prepared[]> {
  const { cwd, resolver, debug, paths, options, sink, cache } = run;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  /** With a cache: the results it holds, the cache key of each other task, and the first draft that could not be read. */
  const hits = new Map<number, FileResult>();
  const keys = new Map<number, string>();
  let unreadable: { index: number; error: Error } | undefined;
  // Workers load the bundle and build their engines while this thread resolves configs. With a cache, they are
  // started only if enough drafts are left to lint once the cache has been looked at.
  let pool: LintPool | null = cache ? null : new LintPool(file, threads - 1, { cwd, maxBytes });
  try {
    const prepared = new Map<FileConfig, Prepared>();
    /** Specs sent to the workers, by id. */
    const specs: Prepared[] = [];
    const tasks: DraftTask[] = [];
    /** Per task: its position in `paths`, and the --debug notes written before it is linted (skips, then its config). */
    const positions: number[] = [];
    const notes: string[][] = [];
    let pending: string[] = [];
    /** A config that cannot be used stops the run where lintSerially would have stopped. */
    let planError: unknown;
    let stdinTask: number | undefined;
    for (const [position, path] of paths.entries()) {
      try {
        const stdin = path === STDIN_PATH;
        const absolute = stdin ? join(cwd, '<stdin>') : resolve(cwd, path);
        if (!stdin && resolver.isIgnored(absolute)) {
          pending.push(`${path}: skipped (ignored by config or --ignore-pattern)`);
          continue;
        }
        const config = resolver.settingsFor(absolute);
        let p = prepared.get(config);
        if (!p) {
          p = prepare(options, config);
          prepared.set(config, p);
        }
        let spec = specs.indexOf(p);
        if (spec < 0) {
          spec = specs.push(p) - 1;
          pool?.addSpec(spec, specOf(p));
        }
        pending.push(describeConfig(stdin ? '<stdin>' : path, config));
        if (stdin) stdinTask = tasks.length;
        const index = tasks.length;
        tasks.push({ index, path, spec });
        positions.push(position);
        notes.push(pending);
        pending = [];
        if (cache && !stdin) {
          // The draft is read here to look it up; one that cannot be read fails the run at its place, as alone.
          let text: string;
          try {
            text = readDraft(path, { cwd, maxBytes }).text;
          } catch (error) {
            unreadable = { index, error: error as Error };
            break;
          }
          const key = LintCache.key(settingsDigest(p, cwd), text);
          const result = cache.get(path, key);
          if (result === undefined) keys.set(index, key);
          else {
            hits.set(index, result);
            (notes[index] as string[]).push(`${path}: unchanged, result from the cache`);
          }
        }
      } catch (error) {
        planError = error;
        break;
      }
    }
    /** Results that arrived before the ones ahead of them; each leaves as soon as its turn comes. */
    const waiting = new Map<number, FileResult>(hits);
    const errors = new Map<number, Error>();
    let next = 0;
    const advance = (): void => {
      for (let result = waiting.get(next); result !== undefined; result = waiting.get(next)) {
        waiting.delete(next);
        for (const note of notes[next] ?? []) debug(note);
        sink(result);
        options.progress?.((positions[next] ?? 0) + 1, paths.length);
        next++;
      }
    };
    let limit = Infinity;
    if (unreadable) {
      errors.set(unreadable.index, unreadable.error);
      limit = unreadable.index;
    }
    if (stdinTask !== undefined && stdinTask < limit) {
      // stdin's bytes are here: lint it in this thread.
      try {
        const p = specs[tasks[stdinTask]?.spec ?? -1] as Prepared;
        waiting.set(stdinTask, lintPrepared(readDraft(STDIN_PATH, { cwd, maxBytes, ...(options.stdin ? { stdin: options.stdin } : {}) }), p));
      } catch (error) {
        errors.set(stdinTask, error as Error);
        limit = stdinTask;
      }
    }
    const toLint = tasks.filter((t) => t.index !== stdinTask && t.index < limit && !hits.has(t.index));
    const local = (task: DraftTask): FileResult => lintPrepared(readDraft(task.path, { cwd, maxBytes }), specs[task.spec] as Prepared);
    const onResult = (index: number, result: FileResult): void => {
      const key = keys.get(index);
      if (cache && key !== undefined) cache.set((tasks[index] as DraftTask).path, key, result);
      waiting.set(index, result);
      advance();
    };
    if (pool === null) {
      // The cache left few drafts to lint: no worker, this thread lints them.
      pool = new LintPool(file, threadCount(options.jobs, toLint.length) > 1 ? threads - 1 : 0, { cwd, maxBytes });
      specs.forEach((p, id) => (pool as LintPool).addSpec(id, specOf(p)));
    }
    await pool.run(toLint, { limit, local, onResult, onError: (index, error) => errors.set(index, error) });
    advance();
    if (errors.size > 0) {
      const first = Math.min(...errors.keys());
      for (const note of notes[first] ?? []) debug(note);
      throw errors.get(first);
    }
    for (const note of pending) debug(note);
    if (planError !== undefined) throw planError;
    return [...prepared.values()];
  } finally {
    await pool?.close();
  }
}

/** Lint in this thread alone or with workers, as `jobs` and the number of drafts say; results go to `sink` in input order. */
async function lintAll(patterns: string[], options: LintFilesOptions, sink: (file: FileResult) => void): Promise<Prepared[]> {
  if (patterns.length === 0) throw new PoaError('no drafts given', { hint: 'name a file, a directory or a glob, or - for stdin' });
  const cwd = options.cwd ?? process.cwd();
  const resolver = new ConfigResolver({ cwd, ...(options.config === undefined ? {} : { config: options.config }), ...(options.ignore ? { ignorePatterns: options.ignore } : {}) });
  const debug = options.debug ?? (() => undefined);
  const paths = expandInputs(patterns, { cwd });
  const cache = options.cache === undefined ? null : new LintCache(resolve(cwd, options.cache === true ? DEFAULT_CACHE_FILE : options.cache), poaIdentity());
  if (cache?.discarded !== undefined) debug(`${cache.file}: cache not used (${cache.discarded})`);
  const run: Run = { cwd, resolver, debug, paths, options, sink, cache };
  const threads = threadCount(options.jobs, paths.length);
  const file = threads > 1 ? workerFile() : null;
  try {
    const prepared = file === null ? lintSerially(run) : await lintInWorkers(run, file, threads);
    cache?.save(cwd);
    return prepared;
  } finally {
    cache?.dispose();
  }
}

/**
 * Lint files, directories and globs, each draft with the config files that apply to it.
 * Many drafts are linted in this thread and worker threads at once (see `jobs`); the report is the same either way.
 * Throws PoaError for any input or config that cannot be used.
 */
export async function lintFiles(patterns: string[], options: LintFilesOptions = {}): Promise<LintReport> {
  const files: FileResult[] = [];
  const prepared = await lintAll(patterns, options, (file) => files.push(file));
  const report = summarise(files);
  reportEngines.set(report, [...new Set(prepared.map((p) => p.engine))]);
  return report;
}

/** A report's totals, without the drafts' results. */
export type LintTotals = Omit<LintReport, 'files'> & { fileCount: number };

/**
 * lintFiles for archives too big to hold in memory: each draft's result goes to `onFile` in input order as soon as
 * it is ready, and is not kept. Same drafts, configs, errors and order as lintFiles.
 */
export async function lintFilesEach(patterns: string[], options: LintFilesOptions, onFile: (file: FileResult) => void): Promise<LintTotals> {
  const totals: LintTotals = { version: 1, fileCount: 0, errorCount: 0, warningCount: 0, infoCount: 0 };
  await lintAll(patterns, options, (file) => {
    totals.fileCount++;
    totals.errorCount += file.errorCount;
    totals.warningCount += file.warningCount;
    totals.infoCount += file.infoCount;
    onFile(file);
  });
  return totals;
}

/**
 * For worker threads: a function that reads and lints a draft by path as lintFiles does, with a spec made by
 * lintFiles in the main thread.
 */
export function draftLinter(spec: PreparedSpec, reading: { cwd: string; maxBytes: number }): (path: string) => FileResult {
  const p = preparedFrom(spec);
  return (path) => lintPrepared(readDraft(path, reading), p);
}

const DIRECTIVE_RULES: RuleMeta[] = [
  { id: INVALID_DIRECTIVE, severity: 'error', category: 'directives', description: 'An inline poa directive names an unknown directive or rule.', help: DIRECTIVE_HELP },
  {
    id: UNUSED_DIRECTIVE,
    severity: 'error',
    category: 'directives',
    description: 'An inline poa-disable directive disabled nothing (reported with --report-unused-disable-directives).',
    help: 'Remove the directive, or the rule ids in it that no longer report anything here.',
  },
];

/**
 * What each rule is, in the given language (default English): the rules of the engines a lintFiles report was
 * made with (poa's and the user's rule packs), else poa's own; plus the directive rules the report uses.
 */
export function describeRules(report?: LintReport, options: { locale?: string } = {}): RuleMeta[] {
  const used = (report && reportEngines.get(report)) ?? [getEngine()];
  const locale = options.locale === undefined ? 'en' : used[0]?.detector.resolve(options.locale, '--locale') ?? 'en';
  const out = new Map<string, RuleMeta>();
  for (const engine of used) {
    for (const { definition } of engine.rules) {
      if (out.has(definition.id)) continue;
      const lang = ruleLanguage(definition, locale);
      const text = definition.languages[lang];
      const docs = definition.docs?.[lang] ?? definition.docs?.['en'];
      out.set(definition.id, {
        id: definition.id,
        severity: definition.severity,
        ...(definition.category === undefined ? {} : { category: definition.category }),
        description: text?.description ?? text?.message ?? definition.id,
        ...(text?.help === undefined ? {} : { help: text.help }),
        ...(docs === undefined ? {} : { docs: docs.trim() }),
      });
    }
  }
  const referenced = new Set(report?.files.flatMap((f) => f.findings.map((x) => x.ruleId)) ?? []);
  for (const meta of DIRECTIVE_RULES) if (referenced.has(meta.id)) out.set(meta.id, meta);
  return [...out.values()];
}
