// The interactive questions of poa init, in the seller's language, validated as typed; prompt functions are injected (inquirer in the CLI, fakes in tests).

import { addDays, isAsin, isIsoDate, isOrderId, splitIdentifiers, type Answers, type CorrectiveAction, type PreventiveMeasure } from './answers.js';
import { interpolate, localised, type Catalogue, type PromptText } from './catalogue.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
  checked?: boolean;
}

/** The three kinds of question poa init asks; `@inquirer/prompts` provides them, tests may fake them. */
export interface PromptApi {
  select<T extends string>(question: { message: string; choices: Array<Choice<T>>; default?: T; keys?: KeyNames }): Promise<T>;
  input(question: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  checkbox<T extends string>(question: { message: string; choices: Array<Choice<T>>; keys?: KeyNames }): Promise<Array<T>>;
}

/** Names of the keys' actions in the help line under a list ("↑↓ navigate • ⏎ select"), in the seller's language. */
export type KeyNames = PromptText['keys'];

/** The user pressed Ctrl-C (or closed the terminal) during a question. */
export class InitCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'InitCancelled';
  }
}

export interface AskContext {
  catalogue: Catalogue;
  /** Language, marketplace and reason to suggest when the answers do not set them. */
  defaults: { language: string; marketplace: (language: string) => string; reason?: string };
  /** YYYY-MM-DD; the suggested notice and action date, and the latest date accepted. */
  today: string;
}

/**
 * Ask for every fact the answers do not hold yet, in the order a seller thinks of them; what is
 * already given (flags, an answers file) is not asked again. Empty answers are allowed: they become
 * [[placeholders]] in the plan.
 */
export async function askAnswers(api: PromptApi, given: Answers, context: AskContext): Promise<Answers> {
  const { catalogue, today } = context;
  const out: Answers = { ...given };

  const language =
    given.language ??
    (await api.select({
      message: localised(catalogue.text, context.defaults.language).questions.language,
      choices: catalogue.languages.map((l) => ({ value: l, name: `${catalogue.text[l]?.name ?? l} (${l})` })),
      default: context.defaults.language,
      keys: localised(catalogue.text, context.defaults.language).keys,
    }));
  out.language = language;
  const t = localised(catalogue.text, language);
  const q = t.questions;

  out.marketplace ??= await api.select({
    message: q.marketplace,
    choices: [...catalogue.marketplaces.values()].map((m) => ({ value: m.domain, name: m.domain })),
    default: context.defaults.marketplace(language),
    keys: t.keys,
  });

  if (out.reason === undefined) {
    const choices = [...catalogue.reasons.values()].map((r) => ({ value: r.key, name: localised(r.names, language), description: r.key }));
    out.reason = await api.select({ message: q.reason, choices, keys: t.keys, ...(context.defaults.reason ? { default: context.defaults.reason } : {}) });
  }
  const reason = catalogue.reasons.get(out.reason);

  if (given.sellerName === undefined) {
    const name = (await api.input({ message: q.sellerName })).trim();
    if (name !== '') out.sellerName = name;
  }
  out.noticeDate ??= await api.input({ message: q.noticeDate, default: today, validate: dateValidator(t, today) });

  if (given.orders === undefined) {
    const orders = splitIdentifiers(await api.input({ message: q.orders, validate: listValidator(isOrderId, t.errors.order) }));
    if (orders.length > 0) out.orders = orders;
  }
  if (given.asins === undefined) {
    const asins = splitIdentifiers(await api.input({ message: q.asins, validate: listValidator(isAsin, t.errors.asin) }));
    if (asins.length > 0) out.asins = asins;
  }

  const details: Record<string, string> = { ...given.details };
  for (const question of reason?.questions ?? []) {
    if (details[question.key] !== undefined) continue;
    const value = (await api.input({ message: interpolate(localised(question.ask, language), { target: reason?.target ?? '' }) })).trim();
    if (value !== '') details[question.key] = value;
  }
  if (Object.keys(details).length > 0) out.details = details;

  if (given.whatHappened === undefined) {
    const value = (await api.input({ message: q.whatHappened })).trim();
    if (value !== '') out.whatHappened = value;
  }

  out.rootCauses ??= await repeat((n) => api.input({ message: interpolate(n === 1 ? q.rootCause : q.rootCauseMore, { n }) }).then((v) => v.trim() || undefined));

  out.correctiveActions ??= await repeat(async (n): Promise<CorrectiveAction | undefined> => {
    const action = (await api.input({ message: interpolate(n === 1 ? q.action : q.actionMore, { n }) })).trim();
    if (action === '') return undefined;
    const date = await api.input({ message: q.actionDate, default: today, validate: dateValidator(t, today) });
    return { date: date.trim(), action };
  });

  out.preventiveMeasures ??= await repeat(async (n): Promise<PreventiveMeasure | undefined> => {
    const measure = (await api.input({ message: interpolate(n === 1 ? q.measure : q.measureMore, { n }) })).trim();
    if (measure === '') return undefined;
    const owner = (await api.input({ message: q.owner })).trim();
    const frequency = (await api.input({ message: q.frequency })).trim();
    return { measure, ...(owner ? { owner } : {}), ...(frequency ? { frequency } : {}) };
  });

  if (given.documents === undefined) {
    const suggested = reason ? localised(reason.evidence, language) : [];
    const picked =
      suggested.length > 0
        ? await api.checkbox({ message: q.documents, choices: suggested.map((d) => ({ value: d, name: d })), keys: t.keys })
        : [];
    const more = await repeat((n) => api.input({ message: interpolate(q.documentMore, { n }) }).then((v) => v.trim() || undefined));
    out.documents = [...picked, ...more];
  }
  return out;
}

/** Ask again until the answer is empty; at most 20 items (a plan is one to two pages). */
async function repeat<T>(ask: (n: number) => Promise<T | undefined>): Promise<T[]> {
  const items: T[] = [];
  for (let n = 1; n <= 20; n++) {
    const item = await ask(n);
    if (item === undefined) break;
    items.push(item);
  }
  return items;
}

function dateValidator(t: PromptText, today: string): (value: string) => true | string {
  return (value) => {
    const v = value.trim();
    if (!isIsoDate(v)) return t.errors.date;
    // A notice or an action dated tomorrow is a typing mistake (time zones aside: one day of slack).
    if (v > addDays(today, 1)) return t.errors.future;
    return true;
  };
}

function listValidator(valid: (value: string) => boolean, message: string): (value: string) => true | string {
  return (value) => {
    const bad = splitIdentifiers(value).find((v) => !valid(v));
    return bad === undefined ? true : interpolate(message, { value: bad });
  };
}

// ---- @inquirer/prompts ----

interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

function isExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

async function cancellable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isExit(error)) throw new InitCancelled();
    throw error;
  }
}

/** Prompts backed by @inquirer/prompts, loaded only when poa init asks questions (not on `poa lint`'s path). */
export async function inquirerPrompts(streams: PromptStreams): Promise<PromptApi> {
  const inquirer = await import('@inquirer/prompts');
  const theme = (keys: KeyNames | undefined): { style: { keysHelpTip: (pairs: Array<[string, string]>) => string } } => ({
    style: { keysHelpTip: (pairs) => pairs.map(([key, action]) => `${key} ${(keys as Record<string, string> | undefined)?.[action] ?? action}`).join(' • ') },
  });
  const context = { input: streams.input, output: streams.output };
  return {
    select: (question) =>
      cancellable(() =>
        inquirer.select({ message: question.message, choices: question.choices, default: question.default, pageSize: 12, theme: theme(question.keys) }, context),
      ),
    input: (question) =>
      cancellable(() =>
        inquirer.input(
          {
            message: question.message,
            ...(question.default === undefined ? {} : { default: question.default }),
            ...(question.validate ? { validate: question.validate } : {}),
          },
          context,
        ),
      ),
    checkbox: (question) =>
      cancellable(() => inquirer.checkbox({ message: question.message, choices: question.choices, pageSize: 12, theme: theme(question.keys) }, context)),
  };
}
