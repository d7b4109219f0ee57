// The shapes of rule data (as loaded from rules/*.yaml) and of check kinds, the engine's extension point.

import type { SectionVocabulary } from '../document/vocabulary.js';
import type { ReasonCatalogue } from './reason.js';
import type { Specifics } from './specifics.js';
import type { DocumentKind, PlanDocument, SectionKind, Severity } from '../types.js';

/** Text of a rule in one language: its message and whatever phrase data its check kind reads. */
export interface RuleLanguage {
  description?: string;
  message: string;
  help?: string;
  [key: string]: unknown;
}

/** An example: the text alone, or with the notice or reason a rule needs to see. */
export type RuleExample = string | { text: string; notice?: string; reason?: string };

export interface RuleExamples {
  bad?: RuleExample[];
  good?: RuleExample[];
}

export function exampleText(example: RuleExample): string {
  return typeof example === 'string' ? example : example.text;
}

export interface RuleDefinition {
  id: string;
  category?: string;
  severity: Severity;
  check: string;
  /** Section kinds the rule looks at; none means the whole plan. */
  scope?: SectionKind[];
  /** With `false`, a scoped rule checks nothing in a plan without recognised parts (default: it checks the whole text). */
  scopeFallback?: boolean;
  /** Reasons (keys, or `@group` from reasons.yaml) the rule applies to; none means every plan. */
  reasons?: string[];
  /** Reasons (keys or `@group`) the rule does not apply to: a plan about them has nothing it asks for (order IDs in a related-accounts plan). */
  exceptReasons?: string[];
  /** What the rule checks: a plan of action (default) or a message to a buyer. */
  kind?: DocumentKind;
  options?: Record<string, unknown>;
  languages: Record<string, RuleLanguage>;
  examples?: Record<string, RuleExamples>;
  /** Longer explanation per language for `poa explain`. */
  docs?: Record<string, string>;
  /** File the rule came from, for error messages. */
  file: string;
  /** Set for rules whose patterns were all compiled once at build time: checks may then compile lazily, per language. */
  validated?: boolean;
}

/** What a check reports: offsets into the source text and values for the message. */
export interface RawFinding {
  start: number;
  end: number;
  params?: Record<string, string | number>;
  /** Overrides the rule's severity for this one finding (e.g. a recommended part rather than a required one). */
  severity?: Severity;
  /** Message key in the language entry, when a check has more than one message. */
  messageKey?: string;
}

export interface CheckEnvironment {
  vocabulary: SectionVocabulary;
  specifics: Specifics;
  reasons: ReasonCatalogue;
}

export interface RunContext {
  /** Language whose phrase data the check matches with (the draft's, or English when the rule lacks it). */
  language: string;
  /** Language of messages (`--locale`, else the draft's). */
  locale: string;
}

export interface CompiledCheck {
  run(doc: PlanDocument, context: RunContext): RawFinding[];
}

export interface CheckKind {
  /** The `check:` value in rule files. */
  name: string;
  compile(rule: RuleDefinition, env: CheckEnvironment): CompiledCheck;
}
