// Loads rule packs (folders of YAML rule files, sections.yaml, languages.yaml) and validates them against poa's JSON Schemas.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { packageRoot } from '../data.js';
import type { LanguageInfo } from '../document/language.js';
import type { SectionVocabularyData } from '../document/vocabulary.js';
import { PoaError } from '../errors.js';
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

let ajv: Ajv | undefined;
const validators = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  const cached = validators.get(name);
  if (cached) return cached;
  ajv ??= new Ajv({ allErrors: false, strict: false });
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', `${name}.schema.json`), 'utf8')) as object;
  const validate = ajv.compile(schema);
  validators.set(name, validate);
  return validate;
}

interface LoadedYaml {
  data: unknown;
  doc: Document;
  lines: LineCounter;
}

function readYaml(file: string): LoadedYaml {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PoaError(`cannot read rule file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { subject: file });
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const at = lines.linePos(error.pos[0]);
    const what = error.message.split('\n')[0] ?? 'invalid YAML';
    throw new PoaError(`invalid YAML: ${what.replace(/ at line \d+, column \d+:?$/, '')}`, { subject: `${file}:${at.line}:${at.col}` });
  }
  return { data: doc.toJS(), doc, lines };
}

/** `file:line:col` of the YAML node an ajv error points at (the nearest existing ancestor). */
function locate(loaded: LoadedYaml, file: string, error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') path.push(String((error.params as { additionalProperty: string }).additionalProperty));
  for (let n = path.length; n >= 0; n--) {
    const segments = path.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const node = n === 0 ? loaded.doc.contents : loaded.doc.getIn(segments, true);
    const key = error.keyword === 'additionalProperties' && n === path.length ? findKey(loaded.doc, segments) : undefined;
    const range = key ?? (node as { range?: [number, number, number] } | null)?.range;
    if (range) {
      const at = loaded.lines.linePos(range[0]);
      return `${file}:${at.line}:${at.col}`;
    }
  }
  return file;
}

function findKey(doc: Document, segments: Array<string | number>): [number, number, number] | undefined {
  const parent = segments.length > 1 ? doc.getIn(segments.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const last = segments[segments.length - 1];
  for (const pair of parent.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key && key.value === last) return key.range;
  }
  return undefined;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '' : `${error.instancePath.slice(1).replace(/\//g, '.')}: `;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `${where}missing key "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${where}must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${where}${error.message ?? 'invalid value'}`;
  }
}

function validate(name: SchemaName, loaded: LoadedYaml, file: string): void {
  const check = validator(name);
  if (!check(loaded.data)) {
    const error = (check.errors ?? [])[0];
    if (error) throw new PoaError(describe(error), { subject: locate(loaded, file, error), hint: `see schema/${name}.schema.json` });
  }
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
    const loaded = readYaml(file);
    if (name === 'sections.yaml') {
      validate('sections', loaded, file);
      pack.sections = loaded.data as SectionVocabularyData;
    } else if (name === 'specifics.yaml') {
      validate('specifics', loaded, file);
      pack.specifics = loaded.data as SpecificsData;
      pack.specificsFile = file;
    } else if (name === 'languages.yaml') {
      validate('languages', loaded, file);
      for (const [code, info] of Object.entries(loaded.data as Record<string, Omit<LanguageInfo, 'code'>>)) pack.languages.push({ code, ...info });
    } else if (!DATA_FILES.has(name)) {
      validate('rule', loaded, file);
      const rule = loaded.data as RuleDefinition;
      const expected = basename(name).replace(/\.ya?ml$/, '');
      if (rule.id !== expected) {
        const node = loaded.doc.get('id', true) as { range?: [number, number, number] } | undefined;
        const at = node?.range ? loaded.lines.linePos(node.range[0]) : { line: 1, col: 1 };
        throw new PoaError(`rule id "${rule.id}" does not match the file name`, { subject: `${file}:${at.line}:${at.col}`, hint: `name the file ${rule.id}.yaml` });
      }
      pack.rules.push({ ...rule, file });
    }
  }
  return pack;
}
