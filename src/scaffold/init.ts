// poa init from start to end: answers (file, flags, prompts) → plan text → safe write, and what to tell the seller afterwards.

import { relative } from 'node:path';
import { PoaError } from '../errors.js';
import { positionOf } from '../yaml.js';
import {
  addDays,
  daysBetween,
  defaultLanguage,
  defaultMarketplace,
  isAsin,
  isIsoDate,
  isOrderId,
  isSellerId,
  localToday,
  mergeAnswers,
  normaliseIdentifier,
  parseAnswers,
  resolveLanguage,
  resolveMarketplace,
  resolveReason,
  type Answers,
  type Defaults,
  type LoadedAnswers,
  type ResolvedAnswers,
} from './answers.js';
import { dateLocale, deadlineDays, interpolate, loadCatalogue, localised, type Catalogue } from './catalogue.js';
import { askAnswers, type PromptApi } from './prompts.js';
import { formatDate, renderPlan } from './render.js';
import { resolveOutput, writeFileAtomic } from './write.js';

export { InitCancelled, inquirerPrompts, type PromptApi } from './prompts.js';

export interface InitRequest {
  cwd: string;
  env: Record<string, string | undefined>;
  /** An answers file's text and the name to show for it (`-` for stdin). */
  answersFile?: { text: string; name: string };
  /** Facts given as flags; they win over the answers file. */
  flags?: Answers;
  /** Defaults from the config file. */
  config?: Defaults['config'];
  /** How to ask for what is missing; none means no questions (answers file, --yes). */
  prompts?: () => Promise<PromptApi>;
  /** Output file given on the command line. */
  out?: string;
  stdout?: boolean;
  force?: boolean;
  /** Guidance comments in the plan (default on). */
  guidance?: boolean;
  /** YYYY-MM-DD; default the local date. */
  today?: string;
}

export interface Deadline {
  /** YYYY-MM-DD */
  date: string;
  days: number;
  /** Days from today; negative once passed. */
  left: number;
}

export interface InitResult {
  text: string;
  answers: ResolvedAnswers;
  /** Absolute path written; absent with --stdout. */
  path?: string;
  placeholders: number;
  deadline?: Deadline;
  /** What to tell the seller, in the plan's language, one line each. */
  summary: string[];
}

function checkFlags(flags: Answers): Answers {
  const out: Answers = { ...flags };
  if (flags.orders) {
    out.orders = flags.orders.map(normaliseIdentifier);
    const bad = out.orders.find((o) => !isOrderId(o));
    if (bad !== undefined) throw new PoaError(`"${bad}" is not an Amazon order ID`, { subject: '--order', hint: 'write it as 3-7-7 digits, such as 203-1234567-1234567' });
  }
  if (flags.asins) {
    out.asins = flags.asins.map(normaliseIdentifier);
    const bad = out.asins.find((a) => !isAsin(a));
    if (bad !== undefined) throw new PoaError(`"${bad}" is not an ASIN`, { subject: '--asin', hint: 'an ASIN has 10 characters and starts with B0, such as B07XK9M2QP' });
  }
  if (flags.noticeDate !== undefined && !isIsoDate(flags.noticeDate)) {
    throw new PoaError(`"${flags.noticeDate}" is not a date`, { subject: '--notice-date', hint: 'write it as YYYY-MM-DD, such as 2026-05-04' });
  }
  if (flags.sellerId !== undefined && !isSellerId(normaliseIdentifier(flags.sellerId))) {
    throw new PoaError(`"${flags.sellerId}" is not a seller ID`, { subject: '--seller-id', hint: 'a seller ID (merchant token) is A followed by 12 or 13 capital letters or digits' });
  }
  if (flags.sellerId !== undefined) out.sellerId = normaliseIdentifier(flags.sellerId);
  return out;
}

/** Normalise the names of language, marketplace and reason given so far, each checked against the catalogue. */
function normaliseNames(answers: Answers, catalogue: Catalogue, where: (key: string) => string): Answers {
  const out = { ...answers };
  if (out.language !== undefined) out.language = resolveLanguage(out.language, catalogue, where('language'));
  if (out.marketplace !== undefined) out.marketplace = resolveMarketplace(out.marketplace, catalogue, where('marketplace')).domain;
  if (out.reason !== undefined) out.reason = resolveReason(out.reason, catalogue, where('reason')).key;
  return out;
}

/** `plan-late-shipment-2026-05-04.md` */
export function defaultFileName(answers: ResolvedAnswers, today: string): string {
  return `plan-${answers.reason}-${answers.noticeDate ?? today}.md`;
}

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  const shown = rel !== '' && !rel.startsWith('..') ? rel : path;
  return /[\s'"$`\\]/.test(shown) ? `'${shown.replace(/'/g, "'\\''")}'` : shown;
}

/** Run poa init. Throws PoaError for anything the user can fix, InitCancelled on Ctrl-C. */
export async function runInit(request: InitRequest): Promise<InitResult> {
  const catalogue = loadCatalogue();
  const today = request.today ?? localToday();
  const defaults: Defaults = { env: request.env, ...(request.config ? { config: request.config } : {}) };

  const loaded: LoadedAnswers | undefined = request.answersFile ? parseAnswers(request.answersFile.text, request.answersFile.name, catalogue, today) : undefined;
  const fromFile = loaded ? normaliseNames(loaded.answers, catalogue, (key) => positionOf(loaded.file, [key])) : {};
  const fromFlags = normaliseNames(checkFlags(request.flags ?? {}), catalogue, (key) => (key === 'language' ? '--lang' : `--${key}`));
  const given = mergeAnswers(fromFile, fromFlags);

  // Refuse a bad output path before asking anything: nobody should answer twenty questions for nothing.
  const force = request.force ?? false;
  let early: string | undefined;
  if (!request.stdout) {
    if (request.out !== undefined) {
      early = resolveOutput({ cwd: request.cwd, path: request.out, source: 'command-line', force });
    } else if (given.output !== undefined && loaded) {
      early = resolveOutput({ cwd: request.cwd, path: given.output, source: 'answers', origin: positionOf(loaded.file, ['output']), force });
    }
  }

  let answers = given;
  const configReason = request.config?.reason;
  const defaultReason = configReason === undefined ? undefined : resolveReason(configReason.value, catalogue, configReason.where).key;
  if (request.prompts) {
    const language = given.language ?? defaultLanguage(catalogue, defaults);
    answers = await askAnswers(await request.prompts(), given, {
      catalogue,
      today,
      defaults: {
        language,
        marketplace: (lang) => defaultMarketplace(catalogue, defaults, lang),
        ...(defaultReason !== undefined ? { reason: defaultReason } : {}),
      },
    });
  }
  const language = answers.language ?? defaultLanguage(catalogue, defaults);
  const reasonKey = answers.reason ?? defaultReason;
  if (reasonKey === undefined) {
    throw new PoaError('no suspension reason given', {
      subject: request.answersFile?.name ?? 'init',
      hint: `add "reason:" to the answers or pass --reason, one of ${[...catalogue.reasons.keys()].join(', ')}`,
    });
  }
  const resolved: ResolvedAnswers = {
    ...answers,
    language,
    reason: reasonKey,
    marketplace: answers.marketplace ?? defaultMarketplace(catalogue, defaults, language),
  };

  const rendered = renderPlan(resolved, { guidance: request.guidance ?? true });
  const reason = catalogue.reasons.get(resolved.reason);
  const marketplace = catalogue.marketplaces.get(resolved.marketplace);
  const t = localised(catalogue.text, language).after;
  const locale = marketplace ? dateLocale(marketplace, language) : language;
  const result: InitResult = { text: rendered.text, answers: resolved, placeholders: rendered.placeholders, summary: [] };

  if (!request.stdout) {
    const path = early ?? resolveOutput({ cwd: request.cwd, path: defaultFileName(resolved, today), source: 'default', force });
    writeFileAtomic(path, rendered.text, { force });
    result.path = path;
    result.summary.push(interpolate(t.written, { path: displayPath(request.cwd, path) }));
  }
  if (resolved.noticeDate !== undefined && reason) {
    const days = deadlineDays(catalogue, reason);
    const date = addDays(resolved.noticeDate, days);
    const left = daysBetween(today, date);
    result.deadline = { date, days, left };
    const values = { date: formatDate(date, locale), days, notice: formatDate(resolved.noticeDate, locale), left };
    result.summary.push(interpolate(left >= 0 ? t.deadline : t.deadlinePassed, values));
  }
  if (rendered.placeholders > 0) result.summary.push(interpolate(t.placeholders, { count: rendered.placeholders }));
  if (result.path !== undefined) result.summary.push(interpolate(t.next, { path: displayPath(request.cwd, result.path) }));
  return result;
}
