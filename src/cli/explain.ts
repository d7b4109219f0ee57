// `poa explain <rule-id>`: why a rule exists, what reviewers expect, and a bad and a good example in a language.

import { Command } from 'commander';
import { PoaError } from '../errors.js';
import { getEngine } from '../lint.js';
import { ruleLanguage } from '../rules/engine.js';
import { exampleText } from '../rules/model.js';
import { describeScore } from '../rules/score.js';
import { configuredRulePacks } from './rules.js';
import { nearest } from './suggest.js';

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

export function explainRule(id: string, lang: string, rulePacks: string[] = []): string {
  const engine = getEngine(rulePacks);
  if (id === 'score') return describeScore(engine.score);
  const rule = engine.rules.find((r) => r.definition.id === id)?.definition;
  if (!rule) {
    const suggestion = nearest(id, engine.rules.map((r) => r.definition.id));
    throw new PoaError(`unknown rule "${id}"`, { hint: suggestion ? `did you mean "${suggestion}"? (poa rules lists them)` : 'run `poa rules` for the list' });
  }
  const textLang = ruleLanguage(rule, lang);
  const text = rule.languages[textLang];
  const examples = rule.examples?.[lang] ?? rule.examples?.[textLang] ?? {};
  const out = [`${rule.id} (${rule.severity}${rule.category ? `, ${rule.category}` : ''}) — ${text?.description ?? ''}`, ''];
  const docs = rule.docs?.[lang] ?? rule.docs?.['en'];
  if (docs) out.push('Why', indent(docs.trim()), '');
  if (text?.help) out.push('What reviewers expect', indent(text.help), '');
  if (rule.scope?.length) out.push('Where', indent(`in the parts: ${rule.scope.join(', ')}`), '');
  const bad = examples.bad?.[0];
  const good = examples.good?.[0];
  if (bad) out.push(`Flagged (${lang})`, indent(exampleText(bad)), '');
  if (good) out.push(`Not flagged (${lang})`, indent(exampleText(good)), '');
  return `${out.join('\n').trimEnd()}\n`;
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('explain a rule: why it exists, what reviewers expect, examples')
    .argument('<rule-id>', 'a rule id, as `poa rules` lists them, or `score` for the readiness score')
    .option('--lang <code>', 'language of the explanation and examples', 'en')
    .option('-c, --config <file>', 'take rule packs from this config file instead of the one found for the working directory')
    .option('--no-config', 'explain poa\'s own rules only')
    .action((id: string, flags: { lang: string; config?: string | false }) => {
      const rulePacks = configuredRulePacks(flags.config);
      const lang = getEngine(rulePacks).detector.resolve(flags.lang, '--lang');
      process.stdout.write(explainRule(id, lang, rulePacks));
    });
}
