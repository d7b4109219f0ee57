// Renders a plan from answers: a skeleton per language (templates/plan/<lang>.md.hbs) plus the reason's blocks, with Handlebars.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../data.js';
import type { ResolvedAnswers } from './answers.js';
import { dateLocale, loadCatalogue, localised, policyUrl, skeletonPath, type Catalogue, type PlaceholderKey } from './catalogue.js';

/** The visible mark of a fact still to write; `poa lint` reports it as `unfilled-placeholder`. */
export function placeholder(text: string): string {
  return `[[${text}]]`;
}

export interface RenderOptions {
  /** Guidance for the seller as markdown comments (ignored by `poa lint`); on by default. */
  guidance?: boolean;
  /** Templates folder (tests); default poa's own. */
  templates?: string;
}

export interface RenderedPlan {
  text: string;
  /** How many [[placeholders]] the plan carries (outside comments). */
  placeholders: number;
}

interface PlanView {
  lang: string;
  marketplace: string;
  guidance: boolean;
  reason: { key: string; name: string; prove: string[]; reject: string[]; evidence: string[] };
  sellerName: string | null;
  sellerId: string | null;
  noticeDate: string | null;
  details: Array<{ label: string; value: string | null }>;
  showOrders: boolean;
  orders: string | null;
  showAsins: boolean;
  asins: string | null;
  policies: Array<{ name: string; url: string }>;
  whatHappened: string | null;
  rootCauses: Array<{ text: string | null }>;
  actions: Array<{ date: string | null; text: string | null }>;
  measures: Array<{ text: string | null; owner: string | null; frequency: string | null }>;
  documents: Array<{ text: string | null }>;
  lastActionDate: string | null;
  closing: string | null;
  /** Placeholder texts in the plan's language; read by the `fill` helper. */
  placeholderText: Record<string, string>;
  /** Incremented by `fill` for every placeholder it writes. */
  counter: { placeholders: number };
}

// ---- text from answers ----

function present(value: string | undefined | null): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** One line: list items stay list items whatever the seller typed. */
function inline(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** A full sentence: one line, capitalised, ending with punctuation. */
export function sentence(text: string | undefined): string | null {
  if (!present(text)) return null;
  const line = capitalise(inline(text));
  return /[.!?…]["'»”’)]*$/u.test(line) ? line : `${line}.`;
}

/** The start of a sentence poa completes (a measure followed by its owner and frequency). */
export function clause(text: string | undefined): string | null {
  if (!present(text)) return null;
  return capitalise(inline(text).replace(/[\s.;,:]+$/u, ''));
}

function phrase(text: string | undefined): string | null {
  return present(text) ? inline(text) : null;
}

/** Paragraphs as written, trimmed; blank lines between paragraphs are kept. */
function paragraphs(text: string | undefined): string | null {
  if (!present(text)) return null;
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/u)
    .map((p) => p.replace(/\s*\r?\n\s*/gu, ' ').trim())
    .join('\n\n');
}

/** A date in the plan's language as reviewers read it: "4 May 2026", "4. Mai 2026". */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function atLeastOne<T>(items: T[], empty: T): T[] {
  return items.length > 0 ? items : [empty];
}

function buildView(answers: ResolvedAnswers, catalogue: Catalogue, guidance: boolean): PlanView {
  const lang = answers.language;
  const reason = catalogue.reasons.get(answers.reason);
  const marketplace = catalogue.marketplaces.get(answers.marketplace);
  if (!reason || !marketplace) throw new Error(`render: unresolved reason ${answers.reason} or marketplace ${answers.marketplace}`);
  const locale = dateLocale(marketplace, lang);
  const date = (iso: string | undefined): string | null => (present(iso) ? formatDate(iso, locale) : null);
  const actions = (answers.correctiveActions ?? []).filter((a) => present(a.action) || present(a.date));
  const dated = actions.map((a) => a.date).filter(present).sort();
  const orders = answers.orders ?? [];
  const asins = answers.asins ?? [];
  const text = localised(catalogue.text, lang);
  return {
    lang,
    marketplace: marketplace.domain,
    guidance,
    reason: {
      key: reason.key,
      name: localised(reason.names, lang),
      prove: localised(reason.prove, lang),
      reject: localised(reason.reject, lang),
      evidence: localised(reason.evidence, lang),
    },
    sellerName: phrase(answers.sellerName),
    sellerId: phrase(answers.sellerId),
    noticeDate: date(answers.noticeDate),
    details: reason.questions.map((q) => ({ label: localised(q.label, lang), value: sentence(answers.details?.[q.key]) })),
    showOrders: reason.needs.includes('orders') || orders.length > 0,
    orders: orders.length > 0 ? orders.join(', ') : null,
    showAsins: reason.needs.includes('asins') || asins.length > 0,
    asins: asins.length > 0 ? asins.join(', ') : null,
    policies: reason.policies.map((item) => ({ name: localised(catalogue.policies[item] ?? { en: item }, lang), url: policyUrl(catalogue, marketplace, item, lang) })),
    whatHappened: paragraphs(answers.whatHappened),
    rootCauses: atLeastOne(
      (answers.rootCauses ?? []).filter(present).map((c): { text: string | null } => ({ text: sentence(c) })),
      { text: null },
    ),
    actions: atLeastOne(
      actions.map((a) => ({ date: date(a.date), text: sentence(a.action) })),
      { date: null, text: null },
    ),
    measures: atLeastOne(
      (answers.preventiveMeasures ?? []).filter((m) => present(m.measure)).map((m) => ({ text: clause(m.measure), owner: phrase(m.owner), frequency: phrase(m.frequency) })),
      { text: null, owner: null, frequency: null },
    ),
    documents: atLeastOne(
      (answers.documents ?? []).filter(present).map((d): { text: string | null } => ({ text: inline(d) })),
      { text: null },
    ),
    lastActionDate: date(dated[dated.length - 1]),
    closing: paragraphs(answers.closing),
    placeholderText: text.placeholders as Record<PlaceholderKey, string>,
    counter: { placeholders: 0 },
  };
}

// ---- templates ----

interface Engine {
  handlebars: typeof Handlebars;
  skeletons: Map<string, Handlebars.TemplateDelegate<PlanView>>;
}

const engines = new Map<string, Engine>();

function engineFor(dir: string): Engine {
  const cached = engines.get(dir);
  if (cached) return cached;
  const handlebars = Handlebars.create();
  // `{{fill value "key"}}`: the answer, or a [[placeholder]] in the plan's language (the key, when it is no known placeholder).
  handlebars.registerHelper('fill', function (this: unknown, value: unknown, key: unknown, options: Handlebars.HelperOptions) {
    if (typeof value === 'string' && value.trim() !== '') return value;
    const root = options.data.root as PlanView;
    root.counter.placeholders++;
    const name = String(key);
    return placeholder(root.placeholderText[name] ?? name);
  });
  const partials = join(dir, 'plan', 'partials');
  for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
    handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
  }
  const engine: Engine = { handlebars, skeletons: new Map() };
  engines.set(dir, engine);
  return engine;
}

function skeleton(engine: Engine, dir: string, language: string): Handlebars.TemplateDelegate<PlanView> {
  let compiled = engine.skeletons.get(language);
  if (!compiled) {
    // noEscape: the plan is markdown, not HTML; strict: a typo in a template fails loudly instead of printing nothing.
    compiled = engine.handlebars.compile<PlanView>(readFileSync(skeletonPath(dir, language), 'utf8'), { noEscape: true, strict: true });
    engine.skeletons.set(language, compiled);
  }
  return compiled;
}

/** Render the plan for resolved answers. */
export function renderPlan(answers: ResolvedAnswers, options: RenderOptions = {}): RenderedPlan {
  const dir = options.templates ?? templatesDir();
  const catalogue = loadCatalogue(dir);
  const view = buildView(answers, catalogue, options.guidance ?? true);
  const text = skeleton(engineFor(dir), dir, answers.language)(view).replace(/\n{3,}/g, '\n\n');
  return { text: text.endsWith('\n') ? text : `${text}\n`, placeholders: view.counter.placeholders };
}
