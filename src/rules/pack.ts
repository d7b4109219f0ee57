// Loads rule packs (folders of YAML rule files, sections.yaml, languages.yaml) and validates them against poa's JSON Schemas.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { builtinRulesDir, packageRoot } from '../data.js';
import type { LanguageInfo } from '../document/language.js';
import type { SectionVocabularyData } from '../document/vocabulary.js';
import { PoaError } from '../errors.js';
import { assertSchema, positionOf, readYamlFile, schemaValidator, type YamlFile } from '../yaml.js';
import type { RuleDefinition } from './model.js';
import type { ReasonsData } from './reason.js';
import type { ScoreSettings } from './score.js';
import type { SpecificsData } from './specifics.js';
import { seedAnchors, type PatternAnchors } from './patterns.js';

export interface RulePack {
  dir: string;
  rules: RuleDefinition[];
  sections: SectionVocabularyData | null;
  languages: LanguageInfo[];
  specifics: SpecificsData | null;
  /** specifics.yaml, for error messages. */
  specificsFile: string | null;
  reasons: ReasonsData | null;
  score: ScoreSettings | null;
  /** True when the pack comes from the build's JSON: every pattern in it was compiled and checked then. */
  validated?: boolean;
}

type SchemaName = 'rule' | 'sections' | 'languages' | 'specifics' | 'rule-reasons' | 'score';

function validate(name: SchemaName, loaded: YamlFile): void {
  assertSchema(schemaValidator(name), loaded, `see schema/${name}.schema.json`);
}

const DATA_FILES = new Set(['sections.yaml', 'languages.yaml', 'specifics.yaml', 'reasons.yaml', 'score.yaml']);

/** Where the build stores poa's own rule pack, validated and converted to JSON (no YAML parsing or schema compiling at start-up). */
export function compiledPackPath(): string {
  return join(packageRoot(), 'dist', 'rules.json');
}

/** Names, sizes and times of a pack's YAML files: the compiled pack is used only while they are unchanged. */
export function packFingerprint(dir: string): string {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => {
      const stats = statSync(join(dir, n));
      return `${n}:${stats.size}:${Math.round(stats.mtimeMs)}`;
    })
    .join('|');
}

/**
 * The build's JSON of poa's own pack. Each rule's text per language (phrases, messages: most of the pack) is in
 * that language's file, dist/rules-<code>.json, and `languages` holds where it sits there; a draft loads only the
 * languages it needs (measured: 16 ms of a 246 ms start-up for an English draft).
 */
export interface CompiledPack {
  fingerprint: string;
  pack: RulePack;
  /** Where each pattern that no language file holds is filed (see seedAnchors). */
  anchors?: Record<string, PatternAnchors>;
}

/** One language's part of the compiled pack. */
export interface CompiledLanguage {
  fingerprint: string;
  /** The rules' entries for this language, at the numbers the main file's `languages` give. */
  entries: Array<RuleDefinition['languages'][string]>;
  /** Where the patterns of these entries are filed. */
  anchors: Record<string, PatternAnchors>;
}

export function compiledLanguagePath(code: string): string {
  return join(packageRoot(), 'dist', `rules-${code}.json`);
}

/** Split a validated pack into the main file and one file per language (the build's side of readCompiledPack). */
export function splitCompiledPack(fingerprint: string, pack: RulePack, anchors: Record<string, PatternAnchors>): { main: CompiledPack; languages: Map<string, CompiledLanguage> } {
  const languages = new Map<string, CompiledLanguage>();
  const rules = pack.rules.map((rule) => {
    const where: Record<string, number> = {};
    for (const [code, entry] of Object.entries(rule.languages)) {
      let file = languages.get(code);
      if (!file) {
        file = { fingerprint, entries: [], anchors: {} };
        languages.set(code, file);
      }
      where[code] = file.entries.push(entry) - 1;
    }
    return { ...rule, languages: where as unknown as RuleDefinition['languages'] };
  });
  const filed = new Set<string>();
  for (const file of languages.values()) {
    const visit = (value: unknown): void => {
      if (typeof value === 'string') {
        const a = anchors[value];
        if (a !== undefined) {
          file.anchors[value] = a;
          filed.add(value);
        }
      } else if (Array.isArray(value)) value.forEach(visit);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
    };
    visit(file.entries);
  }
  const rest = Object.fromEntries(Object.entries(anchors).filter(([pattern]) => !filed.has(pattern)));
  return { main: { fingerprint, pack: { ...pack, rules }, anchors: rest }, languages };
}

const loadedLanguages = new Map<string, CompiledLanguage>();

/** A language's file of the compiled pack, read once. A missing file or one of another build is a broken install. */
function compiledLanguage(code: string, fingerprint: string): CompiledLanguage {
  const path = compiledLanguagePath(code);
  let file = loadedLanguages.get(path);
  if (file?.fingerprint === fingerprint) return file;
  const hint = 'run `npm run build` in the poa-lint folder';
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as CompiledLanguage;
  } catch {
    throw new PoaError(`cannot read poa's compiled rules for the language "${code}"`, { subject: path, hint });
  }
  if (file.fingerprint !== fingerprint) throw new PoaError(`poa's compiled rules for the language "${code}" come from another build`, { subject: path, hint });
  seedAnchors(file.anchors);
  loadedLanguages.set(path, file);
  return file;
}

/** A rule's languages whose entries are read from their language's file the first time one is looked at. */
function lazyLanguages(where: Record<string, number>, fingerprint: string): RuleDefinition['languages'] {
  const languages: RuleDefinition['languages'] = {};
  for (const [code, index] of Object.entries(where)) {
    const settle = (value: RuleDefinition['languages'][string]): void => {
      Object.defineProperty(languages, code, { value, enumerable: true, configurable: true, writable: true });
    };
    Object.defineProperty(languages, code, {
      enumerable: true,
      configurable: true,
      get() {
        const value = compiledLanguage(code, fingerprint).entries[index] as RuleDefinition['languages'][string];
        settle(value);
        return value;
      },
      set: settle,
    });
  }
  return languages;
}

function readCompiledPack(dir: string): RulePack | null {
  let compiled: CompiledPack;
  try {
    compiled = JSON.parse(readFileSync(compiledPackPath(), 'utf8')) as CompiledPack;
  } catch {
    return null;
  }
  if (compiled.fingerprint !== packFingerprint(dir)) return null;
  if (compiled.anchors) seedAnchors(compiled.anchors);
  const pack = compiled.pack;
  pack.dir = dir;
  pack.validated = true;
  for (const rule of pack.rules) {
    rule.file = join(dir, basename(rule.file));
    rule.validated = true;
    rule.languages = lazyLanguages(rule.languages as unknown as Record<string, number>, compiled.fingerprint);
  }
  return pack;
}

/**
 * Load one rule pack folder. Throws PoaError with `file:line:col` for anything invalid.
 * poa's own pack comes from the build's JSON when its YAML files are unchanged since the build.
 */
export function loadRulePack(dir: string): RulePack {
  if (dir === builtinRulesDir()) {
    const compiled = readCompiledPack(dir);
    if (compiled) return compiled;
  }
  return loadRulePackYaml(dir);
}

/** Load a rule pack from its YAML files, validating each against its schema. */
export function loadRulePackYaml(dir: string): RulePack {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new PoaError('a rule pack must be a folder of YAML files', { subject: dir, hint: 'point rulePacks at the folder that holds the rule files' });
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (error) {
    if (error instanceof PoaError) throw error;
    throw new PoaError('rule pack folder not found', { subject: dir, hint: 'check the rulePacks path in your config' });
  }
  const pack: RulePack = { dir, rules: [], sections: null, languages: [], specifics: null, specificsFile: null, reasons: null, score: null };
  for (const name of names) {
    const file = join(dir, name);
    const loaded = readYamlFile(file, 'rule file');
    if (name === 'sections.yaml') {
      validate('sections', loaded);
      pack.sections = loaded.data as SectionVocabularyData;
    } else if (name === 'specifics.yaml') {
      validate('specifics', loaded);
      pack.specifics = loaded.data as SpecificsData;
      pack.specificsFile = file;
    } else if (name === 'score.yaml') {
      validate('score', loaded);
      pack.score = loaded.data as ScoreSettings;
    } else if (name === 'reasons.yaml') {
      validate('rule-reasons', loaded);
      pack.reasons = loaded.data as ReasonsData;
    } else if (name === 'languages.yaml') {
      validate('languages', loaded);
      for (const [code, info] of Object.entries(loaded.data as Record<string, Omit<LanguageInfo, 'code'>>)) pack.languages.push({ code, ...info });
    } else if (!DATA_FILES.has(name)) {
      validate('rule', loaded);
      const rule = loaded.data as RuleDefinition;
      const expected = basename(name).replace(/\.ya?ml$/, '');
      if (rule.id !== expected) {
        throw new PoaError(`rule id "${rule.id}" does not match the file name`, { subject: positionOf(loaded, ['id']), hint: `name the file ${rule.id}.yaml` });
      }
      pack.rules.push({ ...rule, file });
    }
  }
  return pack;
}
