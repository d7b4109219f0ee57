// YAML (and JSON) files with positions: parse, validate against a JSON Schema, report problems as `file:line:col`.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { packageRoot } from './data.js';
import { PoaError } from './errors.js';
import { nearest } from './suggest.js';

export interface YamlFile {
  /** Name shown in messages (as the user would write it). */
  file: string;
  data: unknown;
  doc: Document;
  lines: LineCounter;
}

type Range = [number, number, number];

/** Parse YAML (JSON parses too, so package.json gets positions the same way). */
export function parseYamlFile(source: string, file: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const at = lines.linePos(error.pos[0]);
    const what = error.message.split('\n')[0] ?? 'invalid YAML';
    throw new PoaError(`invalid YAML: ${what.replace(/ at line \d+, column \d+:?$/, '')}`, { subject: `${file}:${at.line}:${at.col}`, hint: 'fix the YAML at that line and column' });
  }
  return { file, data: doc.toJS(), doc, lines };
}

/** Read and parse a YAML file; `what` names it in the error ("rule file", "config file"). */
export function readYamlFile(path: string, what: string, file: string = path): YamlFile {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PoaError(`cannot read ${what} (${code ?? (error as Error).message})`, { subject: file, hint: code === 'ENOENT' ? 'check the path' : 'check the file exists and you may read it' });
  }
  return parseYamlFile(source, file);
}

function rangeOf(node: unknown): Range | undefined {
  return (node as { range?: Range } | null | undefined)?.range;
}

function keyRange(doc: Document, segments: Array<string | number>): Range | undefined {
  const parent = segments.length > 1 ? doc.getIn(segments.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const last = segments[segments.length - 1];
  for (const pair of parent.items) {
    const key = pair.key as { value?: unknown; range?: Range } | null;
    if (key && key.value === last) return key.range;
  }
  return undefined;
}

/**
 * `file:line:col` of a node: of the key itself when `key` is set (for "unknown key" problems), else of its value.
 * Falls back to the nearest existing ancestor, then to the file name alone.
 */
export function positionOf(loaded: YamlFile, path: Array<string | number>, options: { key?: boolean } = {}): string {
  for (let n = path.length; n >= 0; n--) {
    const segments = path.slice(0, n);
    const range = options.key && n === path.length && n > 0 ? keyRange(loaded.doc, segments) : rangeOf(n === 0 ? loaded.doc.contents : loaded.doc.getIn(segments, true));
    if (range) {
      const at = loaded.lines.linePos(range[0]);
      return `${loaded.file}:${at.line}:${at.col}`;
    }
  }
  return loaded.file;
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * ajv, loaded on first use: a draft linted with no config file and poa's compiled rules never validates anything,
 * and evaluating ajv costs start-up time. In the bundled CLI the `require` below is esbuild's bundled copy (run only
 * when called); in the dist tree and under tests it is Node's.
 */
function createAjv(): Ajv {
  type AjvModule = typeof import('ajv');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require is the point (see above)
  const load = typeof require === 'function' ? (): AjvModule => require('ajv') as AjvModule : (): AjvModule => createRequire(import.meta.url)('ajv') as AjvModule;
  const { Ajv: AjvClass } = load();
  // verbose: errors carry their parent schema, which lists the valid keys for "did you mean".
  return new AjvClass({ allErrors: true, strict: false, verbose: true });
}

/** A validator for one of poa's schemas (`schema/<name>.schema.json`), compiled once per process. */
export function schemaValidator(name: string): ValidateFunction {
  const cached = validators.get(name);
  if (cached) return cached;
  ajv ??= createAjv();
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', `${name}.schema.json`), 'utf8')) as object;
  const validate = ajv.compile(schema);
  validators.set(name, validate);
  return validate;
}

function pointer(error: ErrorObject): Array<string | number> {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The key an error is about when it is about a key rather than a value. */
function errorKey(error: ErrorObject): string | undefined {
  const params = error.params as { additionalProperty?: string; propertyName?: string };
  return params.additionalProperty ?? params.propertyName;
}

const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'not']);

/**
 * The one error worth showing: the deepest, and among those one that says what is wrong
 * (a wrong key or type) rather than that no alternative of an `anyOf` matched.
 */
function bestError(errors: ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  let bestScore = -Infinity;
  for (const error of errors) {
    const depth = pointer(error).length + (errorKey(error) === undefined ? 0 : 1);
    const score = depth * 10 + (COMBINATORS.has(error.keyword) ? 0 : 5) + (error.keyword === 'additionalProperties' ? 2 : 0);
    if (score > bestScore) {
      best = error;
      bestScore = score;
    }
  }
  return best;
}

function validKeys(error: ErrorObject): string[] {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

function describe(error: ErrorObject): string {
  const path = pointer(error);
  const where = path.length === 0 ? '' : `${path.join('.')}: `;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}unknown key "${errorKey(error) ?? ''}"`;
    case 'required':
      return `${where}missing key "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${where}must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'propertyNames':
      return `${where}invalid key "${errorKey(error) ?? ''}"`;
    default:
      return `${where}${error.message ?? 'invalid value'}`;
  }
}

function hintFor(error: ErrorObject, fallback: string): string {
  const key = errorKey(error);
  if (error.keyword === 'additionalProperties' && key !== undefined) {
    const keys = validKeys(error);
    // `lang` for `language`: a short form (as front matter allows) is as likely as a typo.
    const suggestion = nearest(key, keys) ?? (key.length >= 3 ? keys.find((k) => k.startsWith(key.toLowerCase())) : undefined);
    if (suggestion) return `did you mean "${suggestion}"?`;
    if (keys.length > 0) return `valid keys here: ${keys.join(', ')}`;
  }
  return fallback;
}

/**
 * Throw a PoaError at the position of the first schema violation in a loaded file.
 * `base` is where the validated value sits in the file (`["poa"]` for package.json), `[]` for the whole file.
 */
export function assertSchema(validate: ValidateFunction, loaded: YamlFile, hint: string, base: Array<string | number> = []): void {
  let data = loaded.data;
  for (const segment of base) data = data !== null && typeof data === 'object' ? (data as Record<string | number, unknown>)[segment] : undefined;
  if (validate(data)) return;
  const error = bestError(validate.errors ?? []);
  if (!error) throw new PoaError('does not match its schema', { subject: loaded.file, hint });
  const key = errorKey(error);
  const path = key === undefined ? pointer(error) : [...pointer(error), key];
  throw new PoaError(describe(error), { subject: positionOf(loaded, [...base, ...path], { key: key !== undefined }), hint: hintFor(error, hint) });
}
