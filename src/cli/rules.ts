// `poa rules`: the rules poa runs, with severity, languages and a one-line description.

import { join } from 'node:path';
import { Command, Option } from 'commander';
import { ConfigResolver } from '../config/resolve.js';
import { getEngine } from '../lint.js';
import { ruleLanguage } from '../rules/engine.js';
import type { RuleDefinition } from '../rules/model.js';

export const RULE_FORMATS = ['text', 'json', 'markdown'] as const;

function describe(rule: RuleDefinition, lang: string): string {
  return rule.languages[ruleLanguage(rule, lang)]?.description ?? '';
}

/** The rule packs the config of the working directory names, so a consultant's own rules are listed and explained too. */
export function configuredRulePacks(config: string | false | undefined): string[] {
  const cwd = process.cwd();
  return new ConfigResolver({ cwd, ...(config === undefined ? {} : { config }) }).settingsFor(join(cwd, 'plan.md')).rulePacks;
}

export function listRules(lang: string, format: (typeof RULE_FORMATS)[number], rulePacks: string[] = []): string {
  const engine = getEngine(rulePacks);
  const rules = engine.rules.map((r) => r.definition);
  if (format === 'json') {
    return `${JSON.stringify(
      rules.map((r) => ({ id: r.id, severity: r.severity, category: r.category ?? null, check: r.check, scope: r.scope ?? [], languages: Object.keys(r.languages), description: describe(r, lang) })),
      null,
      2,
    )}\n`;
  }
  if (format === 'markdown') {
    const lines = ['| rule | severity | languages | what it finds |', '|---|---|---|---|'];
    for (const r of rules) lines.push(`| \`${r.id}\` | ${r.severity} | ${Object.keys(r.languages).join(', ')} | ${describe(r, lang).replace(/\|/g, '\\|')} |`);
    return `${lines.join('\n')}\n`;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  return `${rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${Object.keys(r.languages).join(',').padEnd(17)}  ${describe(r, lang)}`).join('\n')}\n`;
}

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rules with their severity, languages and what they find')
    .option('--lang <code>', 'language of the descriptions', 'en')
    .addOption(new Option('-f, --format <name>', 'text, json or markdown').choices([...RULE_FORMATS]).default('text'))
    .option('-c, --config <file>', 'take rule packs from this config file instead of the one found for the working directory')
    .option('--no-config', 'list poa\'s own rules only')
    .action((flags: { lang: string; format: (typeof RULE_FORMATS)[number]; config?: string | false }) => {
      const rulePacks = configuredRulePacks(flags.config);
      const lang = getEngine(rulePacks).detector.resolve(flags.lang, '--lang');
      process.stdout.write(listRules(lang, flags.format, rulePacks));
    });
}
