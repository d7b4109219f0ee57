// Loads poa init's data: the reason catalogue, the marketplaces, and the text it shows per language (templates/*.yaml).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { templatesDir } from '../data.js';

/** A text per language code. */
export type Localised<T> = Record<string, T>;

export type IdentifierNeed = 'orders' | 'asins';

export interface ReasonQuestion {
  /** Key under `details:` in an answers file. */
  key: string;
  /** Label of the fact in the plan. */
  label: Localised<string>;
  /** The question asked interactively; `{target}` is the reason's target. */
  ask: Localised<string>;
}

/** One suspension reason and what a plan for it must carry (DOMAIN.md §3). */
export interface ReasonTemplate {
  key: string;
  group: 'performance' | 'policy';
  /** Metric target for performance reasons ("4 %"). */
  target?: string;
  needs: IdentifierNeed[];
  /** Seller Central help item IDs (keys of `policies`). */
  policies: string[];
  /** Days to answer, when different from the appeal deadline. */
  deadlineDays?: number;
  names: Localised<string>;
  prove: Localised<string[]>;
  evidence: Localised<string[]>;
  reject: Localised<string[]>;
  questions: ReasonQuestion[];
}

export interface Marketplace {
  /** `amazon.it` */
  domain: string;
  host: string;
  /** ISO 3166 country code, matched against the territory of LANG. */
  country: string;
  /** Help-page locales, default first. */
  locales: string[];
}

export interface PromptText {
  name: string;
  questions: Record<QuestionKey, string>;
  keys: Record<'navigate' | 'select' | 'submit' | 'all' | 'invert', string>;
  errors: Record<'date' | 'future' | 'order' | 'asin', string>;
  placeholders: Record<PlaceholderKey, string>;
  after: Record<'written' | 'deadline' | 'deadlinePassed' | 'placeholders' | 'next', string>;
}

export type QuestionKey =
  | 'language'
  | 'marketplace'
  | 'reason'
  | 'sellerName'
  | 'noticeDate'
  | 'orders'
  | 'asins'
  | 'whatHappened'
  | 'rootCause'
  | 'rootCauseMore'
  | 'action'
  | 'actionMore'
  | 'actionDate'
  | 'measure'
  | 'measureMore'
  | 'owner'
  | 'frequency'
  | 'documents'
  | 'documentMore';

export type PlaceholderKey = 'noticeDate' | 'orders' | 'asins' | 'rootCause' | 'actionDate' | 'action' | 'measure' | 'owner' | 'frequency' | 'document';

export interface Catalogue {
  /** Languages with both prompt text and a plan skeleton, in ui.yaml's order. */
  languages: string[];
  appealDays: number;
  policies: Record<string, Localised<string>>;
  reasons: Map<string, ReasonTemplate>;
  helpUrl: string;
  marketplaceByLanguage: Record<string, string>;
  marketplaces: Map<string, Marketplace>;
  text: Record<string, PromptText>;
}

interface ReasonsFile {
  deadlines: { appealDays: number };
  policies: Record<string, Localised<string>>;
  reasons: Record<string, Omit<ReasonTemplate, 'key'>>;
}

interface MarketplacesFile {
  helpUrl: string;
  byLanguage: Record<string, string>;
  marketplaces: Record<string, Omit<Marketplace, 'domain'>>;
}

function readData<T>(dir: string, name: string): T {
  return parse(readFileSync(join(dir, name), 'utf8')) as T;
}

const cache = new Map<string, Catalogue>();

/** poa's own catalogue (or one from another templates folder, for tests). Read once per process. */
export function loadCatalogue(dir: string = templatesDir()): Catalogue {
  const cached = cache.get(dir);
  if (cached) return cached;
  const reasons = readData<ReasonsFile>(dir, 'reasons.yaml');
  const markets = readData<MarketplacesFile>(dir, 'marketplaces.yaml');
  const text = readData<Record<string, PromptText>>(dir, 'ui.yaml');
  const catalogue: Catalogue = {
    languages: Object.keys(text).filter((lang) => existsSync(skeletonPath(dir, lang))),
    appealDays: reasons.deadlines.appealDays,
    policies: reasons.policies,
    reasons: new Map(Object.entries(reasons.reasons).map(([key, r]) => [key, { key, ...r }])),
    helpUrl: markets.helpUrl,
    marketplaceByLanguage: markets.byLanguage,
    marketplaces: new Map(Object.entries(markets.marketplaces).map(([domain, m]) => [domain, { domain, ...m }])),
    text,
  };
  cache.set(dir, catalogue);
  return catalogue;
}

export function skeletonPath(dir: string, language: string): string {
  return join(dir, 'plan', `${language}.md.hbs`);
}

/** Text in a language, falling back to English, then to the first language there is. */
export function localised<T>(values: Localised<T>, language: string): T {
  return (values[language] ?? values['en'] ?? Object.values(values)[0]) as T;
}

/** Fill `{name}` slots in a message. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The help-page locale for a plan: the marketplace's locale in the plan's language, else its default. */
export function helpLocale(marketplace: Marketplace, language: string): string {
  return marketplace.locales.find((l) => l.split('-')[0] === language) ?? (marketplace.locales[0] as string);
}

/** The locale dates are written in: the marketplace's own for the plan's language ("en-US" on amazon.com), else the language. */
export function dateLocale(marketplace: Marketplace, language: string): string {
  return marketplace.locales.find((l) => l.split('-')[0] === language) ?? language;
}

/** The Seller Central link of a policy page on a marketplace, in the plan's language where it exists. */
export function policyUrl(catalogue: Catalogue, marketplace: Marketplace, item: string, language: string): string {
  return interpolate(catalogue.helpUrl, { host: marketplace.host, item, locale: helpLocale(marketplace, language) });
}

/** Days the seller has to answer a notice for this reason. */
export function deadlineDays(catalogue: Catalogue, reason: ReasonTemplate): number {
  return reason.deadlineDays ?? catalogue.appealDays;
}
