// Finds the config files that apply to a draft (nearest folder wins, `root: true` stops) and merges them with their overrides.

import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { PoaError } from '../errors.js';
import type { RuleSetting } from '../rules/engine.js';
import { configInFolder, loadConfigFile, normaliseRuleEntry, type ConfigFile, type ConfigSettings, type SettingOrigin } from './file.js';
import { compileGlobDecider, type GlobDecider } from './glob.js';

export interface ResolverOptions {
  /** Working directory: `--ignore-pattern` globs and `--config` paths are relative to it. */
  cwd: string;
  /** A config file to use instead of looking for them (`--config`), or false to use none (`--no-config`). */
  config?: string | false;
  /** Extra ignore globs relative to cwd (`--ignore-pattern`). */
  ignorePatterns?: string[];
}

export interface Setting<T> {
  value: T;
  origin: SettingOrigin;
}

export interface ResolvedRule {
  severity: RuleSetting;
  options?: Record<string, unknown>;
  origin: SettingOrigin;
}

/** The settings that apply to one draft. Drafts with the same configs and matching overrides share one object. */
export interface FileConfig {
  /** Config files that apply, farthest first. */
  configs: ConfigFile[];
  /** Overrides that matched, as `<file> overrides[<n>]`, for --debug. */
  overrides: string[];
  language?: Setting<string>;
  locale?: Setting<string>;
  reason?: Setting<string>;
  marketplace?: Setting<string>;
  rules: Map<string, ResolvedRule>;
  /** Absolute rule pack folders, farthest config first. */
  rulePacks: string[];
  /** Folders of circulating templates for template-copy (absolute). */
  stockTexts: string[];
}

function relativeTo(dir: string, file: string): string {
  return relative(dir, file).split('\\').join('/');
}

function matches(decider: GlobDecider, dir: string, file: string): boolean {
  return decider(relativeTo(dir, file)) === true;
}

export class ConfigResolver {
  private readonly cwd: string;
  private readonly explicit: ConfigFile[] | null;
  private readonly flagIgnore: GlobDecider;
  private readonly folders = new Map<string, ConfigFile[]>();
  private readonly merged = new Map<string, FileConfig>();

  constructor(options: ResolverOptions) {
    this.cwd = options.cwd;
    this.flagIgnore = compileGlobDecider(options.ignorePatterns ?? []);
    if (options.config === false) this.explicit = [];
    else if (options.config === undefined) this.explicit = null;
    else {
      const path = resolve(this.cwd, options.config);
      if (!existsSync(path)) throw new PoaError('config file not found', { subject: options.config, hint: 'check the path given to --config' });
      const config = loadConfigFile(path, this.cwd);
      if (!config) throw new PoaError('package.json has no "poa" key', { subject: options.config, hint: 'add a "poa" key, or point --config at a .poarc.yaml' });
      this.explicit = [config];
    }
  }

  /** Config files for drafts in a folder, farthest first (cached per folder). */
  chain(dir: string): ConfigFile[] {
    if (this.explicit) return this.explicit;
    const cached = this.folders.get(dir);
    if (cached) return cached;
    const here = configInFolder(dir, this.cwd);
    const parent = dirname(dir);
    const chain = here?.data.root === true || parent === dir ? (here ? [here] : []) : [...this.chain(parent), ...(here ? [here] : [])];
    this.folders.set(dir, chain);
    return chain;
  }

  /** Whether a draft is skipped by an `ignore` in its configs or by `--ignore-pattern` (the nearest that decides wins). */
  isIgnored(file: string): boolean {
    let ignored = false;
    for (const config of this.chain(dirname(file))) {
      const decision = config.ignore(relativeTo(config.dir, file));
      if (decision !== undefined) ignored = decision;
    }
    const decision = this.flagIgnore(relativeTo(this.cwd, file));
    return decision ?? ignored;
  }

  /** The merged settings for a draft (for stdin, pass a path in the working directory). */
  settingsFor(file: string): FileConfig {
    const chain = this.chain(dirname(file));
    const applied: Array<{ config: ConfigFile; settings: ConfigSettings; path: Array<string | number> }> = [];
    const keys: string[] = [];
    for (const config of chain) {
      applied.push({ config, settings: config.data, path: [] });
      keys.push(config.path);
      for (const o of config.overrides) {
        if (matches(o.files, config.dir, file) && !matches(o.excludedFiles, config.dir, file)) {
          applied.push({ config, settings: o.settings, path: ['overrides', o.index] });
          keys.push(`${config.path}#${o.index}`);
        }
      }
    }
    const key = keys.join('\0');
    const cached = this.merged.get(key);
    if (cached) return cached;
    const result: FileConfig = { configs: chain, overrides: [], rules: new Map(), rulePacks: [], stockTexts: [] };
    for (const { config, settings, path } of applied) {
      if (path.length > 0) result.overrides.push(`${config.display} overrides[${path[1] as number}]`);
      for (const key of ['language', 'locale', 'reason', 'marketplace'] as const) {
        const value = settings[key];
        if (value !== undefined) result[key] = { value, origin: { config, path: [...path, key] } };
      }
      for (const [id, entry] of Object.entries(settings.rules ?? {})) {
        const { severity, options } = normaliseRuleEntry(entry);
        // A bare severity keeps the options a farther config gave the rule, as ESLint does.
        const kept = options ?? result.rules.get(id)?.options;
        result.rules.set(id, { severity, ...(kept === undefined ? {} : { options: kept }), origin: { config, path: [...path, 'rules', id] } });
      }
      for (const entry of settings.rulePacks ?? []) {
        const dir = resolve(config.dir, entry);
        if (!result.rulePacks.includes(dir)) result.rulePacks.push(dir);
      }
      for (const entry of settings.stockTexts ?? []) {
        const dir = resolve(config.dir, entry);
        if (!result.stockTexts.includes(dir)) result.stockTexts.push(dir);
      }
    }
    this.merged.set(key, result);
    return result;
  }
}
