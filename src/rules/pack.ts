// Loads rule packs (folders of YAML rule files, sections.yaml, languages.yaml) and validates them against poa's JSON Schemas.

import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LanguageInfo } from '../document/language.js';
import type { SectionVocabularyData } from '../document/vocabulary.js';
import { PoaError } from '../errors.js';
import { assertSchema, positionOf, readYamlFile, schemaValidator, type YamlFile } from '../yaml.js';
import type { RuleDefinition } from './model.js';
import type { SpecificsData } from './specifics.js';

export interface RulePack {
  dir: string;
  rules: RuleDefinition[];
  sections: SectionVocabularyData | null;
  languages: LanguageInfo[];
  specifics: SpecificsData | null;
  /** specifics.yaml, for error messages. */
  specificsFile: string | null;
}

type SchemaName = 'rule' | 'sections' | 'languages' | 'specifics';

function validate(name: SchemaName, loaded: YamlFile): void {
  assertSchema(schemaValidator(name), loaded, `see schema/${name}.schema.json`);
}

const DATA_FILES = new Set(['sections.yaml', 'languages.yaml', 'specifics.yaml']);

/** Load one rule pack folder. Throws PoaError with `file:line:col` for anything invalid. */
export function loadRulePack(dir: string): RulePack {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new PoaError('a rule pack must be a folder of YAML files', { subject: dir });
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (error) {
    if (error instanceof PoaError) throw error;
    throw new PoaError('rule pack folder not found', { subject: dir, hint: 'check the rulePacks path in your config' });
  }
  const pack: RulePack = { dir, rules: [], sections: null, languages: [], specifics: null, specificsFile: null };
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
