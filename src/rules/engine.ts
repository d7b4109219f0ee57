// The rule engine: merges rule packs, compiles each rule's check once per process, and runs them on a plan.

import { LanguageDetector } from '../document/language.js';
import { positionAt } from '../document/lines.js';
import { SectionVocabulary, type SectionVocabularyData } from '../document/vocabulary.js';
import { PoaError } from '../errors.js';
import type { Finding, PlanDocument, SectionKind, Severity } from '../types.js';
import { CHECK_KINDS } from './checks/index.js';
import type { CompiledCheck, RuleDefinition, RawFinding } from './model.js';
import type { RulePack } from './pack.js';
import { ReasonCatalogue, type ReasonsData } from './reason.js';
import { DEFAULT_SCORE, type ScoreSettings } from './score.js';
import { mergeSpecifics, Specifics, validateSpecifics } from './specifics.js';

export type RuleSetting = Severity | 'off';

export interface CompiledRule {
  definition: RuleDefinition;
  check: CompiledCheck;
}

export interface Engine {
  rules: CompiledRule[];
  vocabulary: SectionVocabulary;
  specifics: Specifics;
  reasons: ReasonCatalogue;
  score: ScoreSettings;
  detector: LanguageDetector;
  /** Languages that have rule text. */
  languages: string[];
}

/** Merge reasons of several packs: keywords and groups are appended; a later pack's names win. */
function mergeReasons(packs: RulePack[]): ReasonsData {
  const out: ReasonsData = { groups: {}, reasons: {} };
  for (const pack of packs) {
    const data = pack.reasons;
    if (!data) continue;
    for (const [group, keys] of Object.entries(data.groups ?? {})) (out.groups as Record<string, string[]>)[group] = [...new Set([...(out.groups?.[group] ?? []), ...keys])];
    for (const [key, reason] of Object.entries(data.reasons)) {
      const target = (out.reasons[key] ??= { keywords: {} });
      for (const [lang, words] of Object.entries(reason.keywords ?? {})) (target.keywords ??= {})[lang] = [...(target.keywords?.[lang] ?? []), ...words];
      if (reason.names) target.names = { ...target.names, ...reason.names };
    }
  }
  return out;
}

function mergeSections(packs: RulePack[]): SectionVocabularyData {
  const merged: SectionVocabularyData = { languages: {} };
  for (const pack of packs) {
    const s = pack.sections;
    if (!s) continue;
    if (s.weak) merged.weak = s.weak;
    if (s.order) merged.order = s.order;
    for (const [lang, entry] of Object.entries(s.languages)) {
      const target = (merged.languages[lang] ??= { names: {}, vocabulary: {} });
      Object.assign((target.names ??= {}), entry.names ?? {});
      for (const [kind, phrases] of Object.entries(entry.vocabulary)) {
        const key = kind as keyof typeof target.vocabulary;
        target.vocabulary[key] = [...(target.vocabulary[key] ?? []), ...(phrases ?? [])];
      }
      for (const [kind, phrases] of Object.entries(entry.purposes ?? {})) {
        const purposes = (target.purposes ??= {});
        const key = kind as keyof typeof purposes;
        purposes[key] = [...(purposes[key] ?? []), ...(phrases ?? [])];
      }
    }
  }
  return merged;
}

/**
 * Build an engine from rule packs, later packs extending earlier ones: a rule with the same id
 * gains the later pack's languages and phrases (a consultant's own pack adds to poa's).
 */
export function createEngine(packs: RulePack[]): Engine {
  const byId = new Map<string, RuleDefinition>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const existing = byId.get(rule.id);
      byId.set(rule.id, existing ? extendRule(existing, rule) : rule);
    }
  }
  const languageInfo = new Map<string, RulePack['languages'][number]>();
  for (const pack of packs) for (const l of pack.languages) languageInfo.set(l.code, l);
  const vocabulary = new SectionVocabulary(mergeSections(packs));
  const specificsFiles = packs.map((p) => p.specificsFile).filter((f): f is string => f !== null);
  const specificsData = mergeSpecifics(packs.map((p) => p.specifics ?? {}));
  const specifics = new Specifics(specificsData, specificsFiles.join(', ') || 'specifics.yaml');
  // Patterns not validated by the build (a user's pack, or poa's own YAML edited since) are compiled now.
  if (packs.some((p) => p.specifics && !p.validated)) validateSpecifics(specifics, specificsData);
  const reasons = new ReasonCatalogue(mergeReasons(packs));
  const rules: CompiledRule[] = [];
  for (const definition of byId.values()) {
    const kind = CHECK_KINDS.get(definition.check);
    if (!kind) {
      throw new PoaError(`unknown check kind "${definition.check}"`, { subject: definition.file, hint: `use one of ${[...CHECK_KINDS.keys()].join(', ')}` });
    }
    rules.push({ definition, check: kind.compile(definition, { vocabulary, specifics, reasons }) });
  }
  rules.sort((a, b) => a.definition.id.localeCompare(b.definition.id));
  for (const { definition } of rules) {
    for (const [key, items] of [['reasons', definition.reasons], ['exceptReasons', definition.exceptReasons]] as const) {
      for (const item of items ?? []) {
        if (!reasons.knows(item)) throw new PoaError(`${key}: unknown ${item.startsWith('@') ? 'group' : 'reason'} "${item}"`, { subject: definition.file, hint: 'see reasons.yaml' });
      }
    }
  }
  return {
    rules,
    vocabulary,
    specifics,
    reasons,
    // The last pack that sets score weights wins (a consultant may weigh findings differently).
    score: [...packs].reverse().find((p) => p.score)?.score ?? DEFAULT_SCORE,
    detector: new LanguageDetector([...languageInfo.values()]),
    languages: [...languageInfo.keys()],
  };
}

function extendRule(base: RuleDefinition, extra: RuleDefinition): RuleDefinition {
  const languages: RuleDefinition['languages'] = { ...base.languages };
  for (const [lang, entry] of Object.entries(extra.languages)) {
    const prior = languages[lang];
    if (!prior) {
      languages[lang] = entry;
      continue;
    }
    const merged: Record<string, unknown> = { ...prior };
    for (const [key, value] of Object.entries(entry)) {
      const old = merged[key];
      merged[key] = Array.isArray(old) && Array.isArray(value) ? [...(old as unknown[]), ...(value as unknown[])] : value;
    }
    languages[lang] = merged as RuleDefinition['languages'][string];
  }
  return { ...base, languages, examples: { ...base.examples, ...extra.examples } };
}

export interface RunOptions {
  /** Language of messages; default: the draft's language. */
  locale?: string;
  /** Per-rule severity overrides (`off` disables). */
  settings?: Record<string, RuleSetting>;
}

function interpolate(template: string, params: Record<string, string | number> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole)).replace(/\s+$/u, '');
}

/** The language whose text a rule uses: the wanted one, else English, else the first it has. */
export function ruleLanguage(rule: RuleDefinition, wanted: string): string {
  if (rule.languages[wanted]) return wanted;
  if (rule.languages['en']) return 'en';
  return Object.keys(rule.languages)[0] as string;
}

function sectionKindAt(doc: PlanDocument, offset: number): SectionKind | null {
  // The last section starting at or before the offset, by binary search: plans with thousands of parts stay quick.
  let lo = 0;
  let hi = doc.sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.sections[mid] as { start: number }).start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  const s = doc.sections[i];
  if (!s) return null;
  return offset < s.end || i === doc.sections.length - 1 ? (s.kinds[0] ?? null) : null;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function toFinding(doc: PlanDocument, rule: RuleDefinition, severity: Severity, raw: RawFinding, locale: string): Finding {
  const lang = ruleLanguage(rule, locale);
  const text = rule.languages[lang] as RuleDefinition['languages'][string];
  const template = raw.messageKey !== undefined && typeof text[raw.messageKey] === 'string' ? (text[raw.messageKey] as string) : text.message;
  const start = positionAt(doc.lineStarts, raw.start);
  const end = positionAt(doc.lineStarts, raw.end);
  const finding: Finding = {
    ruleId: rule.id,
    severity: raw.severity !== undefined && RANK[raw.severity] < RANK[severity] ? raw.severity : severity,
    message: interpolate(template, raw.params),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    excerpt: doc.source.text.slice(raw.start, raw.end),
    section: sectionKindAt(doc, raw.start),
  };
  if (text.help) finding.help = interpolate(text.help, raw.params);
  return finding;
}

/** Whether a rule is for this kind of document and, for reason-specific rules, this plan's reason (and not one it leaves out). */
export function applies(engine: Engine, rule: RuleDefinition, doc: PlanDocument): boolean {
  if ((rule.kind ?? 'plan') !== doc.kind) return false;
  if (rule.exceptReasons && doc.reason !== null && engine.reasons.expand(rule.exceptReasons).has(doc.reason.key)) return false;
  if (!rule.reasons || rule.reasons.length === 0) return true;
  return doc.reason !== null && engine.reasons.expand(rule.reasons).has(doc.reason.key);
}

/** Run every enabled rule on a parsed plan; findings sorted by position, then rule id. */
export function runRules(engine: Engine, doc: PlanDocument, options: RunOptions = {}): Finding[] {
  const locale = options.locale ?? doc.language;
  const findings: Finding[] = [];
  for (const { definition, check } of engine.rules) {
    const setting = options.settings?.[definition.id] ?? definition.severity;
    if (setting === 'off' || !applies(engine, definition, doc)) continue;
    for (const raw of check.run(doc, { language: ruleLanguage(definition, doc.language), locale: ruleLanguage(definition, locale) })) {
      findings.push(toFinding(doc, definition, setting, raw, locale));
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
