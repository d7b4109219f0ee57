// The facts of one plan (answers), from an answers file, flags or prompts: validation, merging and defaults.

import type { ErrorObject } from 'ajv';
import { PoaError } from '../errors.js';
import { nearest } from '../suggest.js';
import { assertSchema, parseYamlFile, positionOf, schemaValidator, type YamlFile } from '../yaml.js';
import type { Catalogue, Marketplace, ReasonTemplate } from './catalogue.js';

export interface CorrectiveAction {
  date?: string;
  action: string;
}

export interface PreventiveMeasure {
  measure: string;
  owner?: string;
  frequency?: string;
}

/** What a seller tells poa init; every key optional (what is missing becomes a placeholder). */
export interface Answers {
  language?: string;
  marketplace?: string;
  reason?: string;
  sellerName?: string;
  sellerId?: string;
  noticeDate?: string;
  orders?: string[];
  asins?: string[];
  details?: Record<string, string>;
  whatHappened?: string;
  rootCauses?: string[];
  correctiveActions?: CorrectiveAction[];
  preventiveMeasures?: PreventiveMeasure[];
  documents?: string[];
  closing?: string;
  output?: string;
}

/** Answers with language, marketplace and reason known to the catalogue. */
export interface ResolvedAnswers extends Answers {
  language: string;
  marketplace: string;
  reason: string;
}

export interface LoadedAnswers {
  answers: Answers;
  /** The parsed file, to point at a key in later messages. */
  file: YamlFile;
}

// ---- identifiers and dates (formats from schema/answers.schema.json, so editors and poa agree) ----

interface Formats {
  order: RegExp;
  asin: RegExp;
  sellerId: RegExp;
  date: RegExp;
}

let formats: Formats | undefined;

function schemaFormats(): Formats {
  if (formats) return formats;
  const schema = schemaValidator('answers').schema as {
    properties: Record<string, { pattern?: string; items?: { pattern?: string } }>;
    definitions: { date: { pattern: string } };
  };
  const p = schema.properties;
  formats = {
    order: new RegExp(p['orders']?.items?.pattern as string),
    asin: new RegExp(p['asins']?.items?.pattern as string),
    sellerId: new RegExp(p['sellerId']?.pattern as string),
    date: new RegExp(schema.definitions.date.pattern),
  };
  return formats;
}

/** Fold what people type into the form Amazon prints: NFKC (full-width digits), any dash to "-", capitals. */
export function normaliseIdentifier(value: string): string {
  return value.normalize('NFKC').replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-').trim().toUpperCase();
}

export function isOrderId(value: string): boolean {
  return schemaFormats().order.test(value);
}

export function isAsin(value: string): boolean {
  return schemaFormats().asin.test(value);
}

export function isSellerId(value: string): boolean {
  return schemaFormats().sellerId.test(value);
}

/** Split "a, b c;d" into identifiers, normalised. */
export function splitIdentifiers(text: string): string[] {
  return text
    .split(/[\s,;]+/u)
    .map(normaliseIdentifier)
    .filter((v) => v !== '');
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!schemaFormats().date.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today in the local time zone, YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** ISO date plus a number of days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---- answers files ----

function patternError(errors: ErrorObject[]): ErrorObject | undefined {
  return errors.find((e) => e.keyword === 'pattern' && typeof (e.parentSchema as { 'x-hint'?: unknown } | undefined)?.['x-hint'] === 'string');
}

function pathOf(error: ErrorObject): Array<string | number> {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const HINT = 'see schema/answers.schema.json and examples/answers.en.yaml';

/**
 * Parse and validate an answers file. Every problem is a PoaError at `file:line:col` naming the key.
 * `today` bounds the dates: a notice or a corrective action cannot lie in the future.
 */
export function parseAnswers(source: string, file: string, catalogue: Catalogue, today: string): LoadedAnswers {
  const loaded = parseYamlFile(source, file);
  if (loaded.data === null || loaded.data === undefined) {
    throw new PoaError('the answers file is empty', { subject: file, hint: HINT });
  }
  const validate = schemaValidator('answers');
  if (!validate(loaded.data)) {
    const bad = patternError(validate.errors ?? []);
    if (bad) {
      const path = pathOf(bad);
      const hint = (bad.parentSchema as { 'x-hint': string })['x-hint'];
      throw new PoaError(`${path.join('.')}: ${JSON.stringify(bad.data)} ${hint}`, { subject: positionOf(loaded, path), hint: HINT });
    }
    assertSchema(validate, loaded, HINT);
  }
  const answers = loaded.data as Answers;
  const at = (path: Array<string | number>): string => positionOf(loaded, path);
  const checkDate = (value: string | undefined, path: Array<string | number>, what: string): void => {
    if (value === undefined) return;
    if (!isIsoDate(value)) throw new PoaError(`${path.join('.')}: "${value}" is not a calendar date`, { subject: at(path), hint: 'write it as YYYY-MM-DD' });
    // One day of slack: the seller's notice may be dated in a time zone ahead of theirs.
    if (value > addDays(today, 1)) {
      throw new PoaError(`${path.join('.')}: ${value} is in the future`, { subject: at(path), hint: what });
    }
  };
  checkDate(answers.noticeDate, ['noticeDate'], "give the date of Amazon's notice");
  answers.correctiveActions?.forEach((a, i) =>
    checkDate(a.date, ['correctiveActions', i, 'date'], 'corrective actions are the ones already done; put planned controls under preventiveMeasures'),
  );
  if (answers.language !== undefined) resolveLanguage(answers.language, catalogue, at(['language']));
  if (answers.marketplace !== undefined) resolveMarketplace(answers.marketplace, catalogue, at(['marketplace']));
  if (answers.reason !== undefined) {
    const reason = resolveReason(answers.reason, catalogue, at(['reason']));
    for (const key of Object.keys(answers.details ?? {})) {
      if (!reason.questions.some((q) => q.key === key)) {
        const keys = reason.questions.map((q) => q.key);
        const suggestion = nearest(key, keys);
        throw new PoaError(`details: unknown key "${key}" for reason ${reason.key}`, {
          subject: positionOf(loaded, ['details', key], { key: true }),
          hint: suggestion ? `did you mean "${suggestion}"?` : `keys for ${reason.key}: ${keys.join(', ')}`,
        });
      }
    }
  }
  return { answers, file: loaded };
}

// ---- names of languages, marketplaces and reasons ----

function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().trim();
}

/** `it`, `it-IT`, `it_IT.UTF-8`, `Italiano` → `it`. */
export function resolveLanguage(value: string, catalogue: Catalogue, subject: string): string {
  const folded = fold(value);
  const code = folded.split(/[-_.@]/)[0] ?? '';
  if (catalogue.languages.includes(code)) return code;
  const byName = catalogue.languages.find((l) => fold(catalogue.text[l]?.name ?? '') === folded);
  if (byName) return byName;
  throw new PoaError(`unknown language "${value}"`, { subject, hint: `use one of ${catalogue.languages.join(', ')}` });
}

/** `amazon.de`, `www.amazon.de`, `de`, `sellercentral.amazon.de` → the marketplace. */
export function resolveMarketplace(value: string, catalogue: Catalogue, subject: string): Marketplace {
  const folded = fold(value).replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^(?:www|sellercentral)\./, '');
  const domain = folded.startsWith('amazon.') ? folded : `amazon.${folded}`;
  const found = catalogue.marketplaces.get(domain) ?? [...catalogue.marketplaces.values()].find((m) => m.country.toLowerCase() === folded);
  if (found) return found;
  const suggestion = nearest(domain, [...catalogue.marketplaces.keys()]);
  throw new PoaError(`unknown marketplace "${value}"`, {
    subject,
    hint: suggestion ? `did you mean "${suggestion}"?` : `use one of ${[...catalogue.marketplaces.keys()].join(', ')}`,
  });
}

export function resolveReason(value: string, catalogue: Catalogue, subject: string): ReasonTemplate {
  const found = catalogue.reasons.get(fold(value));
  if (found) return found;
  const suggestion = nearest(value, [...catalogue.reasons.keys()]);
  throw new PoaError(`unknown reason "${value}"`, {
    subject,
    hint: suggestion ? `did you mean "${suggestion}"?` : `use one of ${[...catalogue.reasons.keys()].join(', ')}`,
  });
}

// ---- defaults ----

export interface Locale {
  language?: string;
  /** Upper-case territory, e.g. IT. */
  territory?: string;
}

/** The user's locale from the environment, as POSIX orders it: LC_ALL, LC_MESSAGES, LANG. */
export function environmentLocale(env: Record<string, string | undefined>): Locale {
  const value = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
  if (value === undefined) return {};
  const m = /^([a-z]{2,3})(?:[_-]([A-Za-z]{2}))?/i.exec(value);
  if (!m || /^(?:c|posix)$/i.test(value.split('.')[0] ?? '')) return {};
  return { language: (m[1] as string).toLowerCase(), ...(m[2] ? { territory: m[2].toUpperCase() } : {}) };
}

/** A value from the config file and where it is written (`.poarc.yaml:3:11`), for messages. */
export interface ConfigValue {
  value: string;
  where: string;
}

export interface Defaults {
  /** From the config file: its `language`, `marketplace` and `reason` keys. */
  config?: { language?: ConfigValue; marketplace?: ConfigValue; reason?: ConfigValue };
  env: Record<string, string | undefined>;
}

/** The language to suggest: config, then the environment's, then English. */
export function defaultLanguage(catalogue: Catalogue, defaults: Defaults): string {
  const configured = defaults.config?.language;
  if (configured !== undefined) return resolveLanguage(configured.value, catalogue, configured.where);
  const env = environmentLocale(defaults.env).language;
  if (env !== undefined && catalogue.languages.includes(env)) return env;
  return catalogue.languages.includes('en') ? 'en' : (catalogue.languages[0] as string);
}

/** The marketplace to suggest: config, then LANG's territory, then the plan language's usual one. */
export function defaultMarketplace(catalogue: Catalogue, defaults: Defaults, language: string): string {
  const configured = defaults.config?.marketplace;
  if (configured !== undefined) return resolveMarketplace(configured.value, catalogue, configured.where).domain;
  const territory = environmentLocale(defaults.env).territory;
  const byCountry = territory === undefined ? undefined : [...catalogue.marketplaces.values()].find((m) => m.country === territory);
  if (byCountry) return byCountry.domain;
  return catalogue.marketplaceByLanguage[language] ?? ([...catalogue.marketplaces.keys()][0] as string);
}

/** Answers given later (flags over the file) win key by key; lists given later replace earlier ones. */
export function mergeAnswers(...layers: Answers[]): Answers {
  const out: Answers = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer) as Array<[keyof Answers, Answers[keyof Answers]]>) {
      if (value === undefined) continue;
      if (key === 'details') out.details = { ...out.details, ...(value as Record<string, string>) };
      else (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}
