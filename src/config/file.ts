// One configuration file (.poarc.yaml, .poarc.yml, poa.config.yaml, or package.json's "poa" key): read, validate, compile its globs.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { PoaError } from '../errors.js';
import type { RuleSetting } from '../rules/engine.js';
import { assertSchema, parseYamlFile, positionOf, readYamlFile, schemaValidator, type YamlFile } from '../yaml.js';
import { compileGlobDecider, type GlobDecider } from './glob.js';

/** Config file names poa looks for in each folder, in order of preference. */
export const CONFIG_FILE_NAMES = ['.poarc.yaml', '.poarc.yml', 'poa.config.yaml', 'package.json'] as const;

export type SeverityName = RuleSetting | 'warn';
/** A rule's entry in `rules:`: a severity, or `[severity, options]`. */
export type RuleEntry = SeverityName | [SeverityName] | [SeverityName, Record<string, unknown>];

/** A rule entry as the engine takes it: `warn` spelled `warning`, options apart. */
export function normaliseRuleEntry(entry: RuleEntry): { severity: RuleSetting; options?: Record<string, unknown> } {
  const [level, options] = Array.isArray(entry) ? entry : [entry];
  const severity = level === 'warn' ? 'warning' : level;
  return options === undefined ? { severity } : { severity, options };
}

/** The keys a config file and an `overrides` entry share. */
export interface ConfigSettings {
  language?: string;
  locale?: string;
  reason?: string;
  marketplace?: string;
  rules?: Record<string, RuleEntry>;
  rulePacks?: string[];
  /** Folders of circulating templates for template-copy, relative to the config file's folder. */
  stockTexts?: string[];
}

export interface OverrideData extends ConfigSettings {
  files: string | string[];
  excludedFiles?: string | string[];
}

export interface ConfigData extends ConfigSettings {
  root?: boolean;
  ignore?: string[];
  overrides?: OverrideData[];
}

/** Where a setting was written, resolved to `file:line:col` only when a message needs it. */
export interface SettingOrigin {
  config: ConfigFile;
  /** Path of the value inside the config data, e.g. `["overrides", 0, "rules", "vague-promise"]`. */
  path: Array<string | number>;
}

export interface CompiledOverride {
  index: number;
  settings: ConfigSettings;
  files: GlobDecider;
  excludedFiles: GlobDecider;
}

export interface ConfigFile {
  /** Absolute path of the file. */
  path: string;
  /** Folder that relative globs and rule pack paths start from. */
  dir: string;
  /** The file as shown in messages (relative to the working directory when inside it). */
  display: string;
  data: ConfigData;
  yaml: YamlFile;
  /** Where the config sits in the file: `[]`, or `["poa"]` in package.json. */
  base: Array<string | number>;
  ignore: GlobDecider;
  overrides: CompiledOverride[];
}

/** `file:line:col` of a setting (of its key when `key` is set). */
export function originPosition(origin: SettingOrigin, options: { key?: boolean } = {}): string {
  return positionOf(origin.config.yaml, [...origin.config.base, ...origin.path], options);
}

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const SCHEMA_HINT = 'see schema/config.schema.json (poa-lint/schema/config.schema.json in node_modules)';

/** Rule pack and stock text folders must exist; say so at the entry that names a missing one. */
function checkRulePacks(config: ConfigFile, settings: ConfigSettings, path: Array<string | number>): void {
  for (const key of ['rulePacks', 'stockTexts'] as const) checkFolders(config, settings, path, key);
}

function checkFolders(config: ConfigFile, settings: ConfigSettings, path: Array<string | number>, key: 'rulePacks' | 'stockTexts'): void {
  (settings[key] ?? []).forEach((entry, i) => {
    const dir = resolve(config.dir, entry);
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      throw new PoaError(`${key === 'rulePacks' ? 'rule pack' : 'stock text'} folder "${entry}" not found`, {
        subject: originPosition({ config, path: [...path, key, i] }),
        hint: `paths in ${key} are relative to ${basename(config.path)}'s folder`,
      });
    }
  });
}

function compile(path: string, display: string, yaml: YamlFile, base: Array<string | number>): ConfigFile {
  let data: unknown = yaml.data;
  for (const segment of base) data = (data as Record<string | number, unknown>)[segment];
  // An empty file (or `"poa": null`) is an empty config: a bare marker file is common.
  if (data !== null && data !== undefined) assertSchema(schemaValidator('config'), yaml, SCHEMA_HINT, base);
  const configData = (data ?? {}) as ConfigData;
  const config: ConfigFile = {
    path,
    dir: dirname(path),
    display,
    data: configData,
    yaml,
    base,
    ignore: compileGlobDecider(configData.ignore ?? []),
    overrides: (configData.overrides ?? []).map((o, index) => ({
      index,
      settings: o,
      files: compileGlobDecider(asList(o.files)),
      excludedFiles: compileGlobDecider(asList(o.excludedFiles)),
    })),
  };
  checkRulePacks(config, configData, []);
  config.overrides.forEach((o) => checkRulePacks(config, o.settings, ['overrides', o.index]));
  return config;
}

/**
 * Load a config file. For package.json, returns null when it has no "poa" key (most don't),
 * and ignores a package.json that is not JSON unless it seems to hold poa's config.
 */
export function loadConfigFile(path: string, cwd: string): ConfigFile | null {
  const display = displayPath(cwd, path);
  if (basename(path) !== 'package.json') {
    return compile(path, display, readYamlFile(path, 'config file', display), []);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PoaError(`cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { subject: display, hint: 'check the config file exists and you may read it' });
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    if (!/"poa"\s*:/.test(text)) return null;
    throw new PoaError('package.json is not valid JSON, so poa cannot read its "poa" settings', { subject: display, hint: 'fix the JSON (npm cannot read it either)' });
  }
  if (manifest === null || typeof manifest !== 'object' || !('poa' in manifest)) return null;
  return compile(path, display, parseYamlFile(text, display), ['poa']);
}

/** The first config file in a folder, in order of preference (package.json only with a "poa" key). */
export function configInFolder(dir: string, cwd: string): ConfigFile | null {
  for (const name of CONFIG_FILE_NAMES) {
    const path = resolve(dir, name);
    if (!existsSync(path)) continue;
    const config = loadConfigFile(path, cwd);
    if (config) return config;
  }
  return null;
}
