// Rule packs are data: a seventh language, a consultant's own phrases and broken packs, without code changes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PoaError } from '../../src/errors.js';
import { lintText } from '../../src/lint.js';
import { loadRulePack, loadRulePackYaml } from '../../src/rules/pack.js';
import { createEngine } from '../../src/rules/engine.js';
import { builtinRulesDir } from '../../src/data.js';

function pack(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'poa-pack-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const PORTUGUESE = pack({
  'languages.yaml': 'pt:\n  name: Português\n  iso639_3: por\n  stopwords: [o, a, os, as, de, que, e, não, um, uma, para, com, do, da, nosso, nossa, foi, são, pedido, pedidos]\n',
  'sections.yaml': [
    'languages:',
    '  pt:',
    '    names: { root-cause: a causa raiz, corrective-actions: as ações corretivas, prevention: as medidas preventivas }',
    '    vocabulary:',
    '      problem: [problema, descrição do problema]',
    '      root-cause: [causa raiz, causa principal]',
    '      corrective-actions: [ações corretivas, medidas corretivas]',
    '      prevention: [medidas preventivas, ações preventivas]',
    '      closing: [conclusão]',
    '',
  ].join('\n'),
  'specifics.yaml': 'languages:\n  pt:\n    frequency: ["(toda|todas as|cada) (semana|dia|segunda-feira|segundas-feiras)"]\n    role: ["(nosso|nossa) (gerente|responsavel) (de|da|do)? (logistica|conformidade|armazem)"]\n',
  'vague-promise.yaml': [
    'id: vague-promise',
    'severity: error',
    'check: phrases',
    'languages:',
    '  pt:',
    '    message: "Promessa vaga ({family}): diga o que mudou, quem é o responsável e com que frequência é verificado."',
    '    families:',
    '      intention:',
    '        label: uma intenção em vez de um controle',
    '        patterns: ["(vamos|iremos) {0,2} melhorar", "melhoraremos", "faremos o (nosso)? melhor"]',
    '      never-again:',
    '        label: uma promessa de que não vai se repetir',
    '        patterns: ["(isso|isto) não (vai|voltará a) (acontecer|se repetir)"]',
    'examples:',
    '  pt:',
    '    bad: ["Vamos melhorar os nossos processos."]',
    '    good: ["Toda segunda-feira o nosso gerente de logística verifica os pedidos atrasados."]',
    '',
  ].join('\n'),
});

describe('a seventh language as a YAML rule pack', () => {
  const draft = [
    '## Descrição do problema',
    'A nossa conta foi suspensa porque a taxa de envio atrasado chegou a 6 %.',
    '',
    '## Causa raiz',
    'O tempo de manuseio estava configurado para um dia.',
    '',
    '## Ações corretivas',
    'Em 3 de maio alteramos o tempo de manuseio para dois dias. Vamos melhorar os nossos processos.',
    '',
    '## Medidas preventivas',
    'Toda segunda-feira o nosso gerente de logística verifica os pedidos atrasados. Faremos o nosso melhor.',
    '',
    '## Conclusão',
    'Assumimos a responsabilidade e pedimos a reativação da conta.',
  ].join('\n');

  it('detects the language, splits the parts and runs the phrases in it', () => {
    const result = lintText(draft, { rulePacks: [PORTUGUESE] });
    expect(result.language).toBe('pt');
    expect(result.sections.map((s) => s.kinds.join('+'))).toEqual(['problem', 'root-cause', 'corrective-actions', 'prevention', 'closing']);
    const vague = result.findings.filter((f) => f.ruleId === 'vague-promise');
    expect(vague.map((f) => [f.excerpt, f.line])).toEqual([
      ['Vamos melhorar', 8],
      ['Faremos o nosso melhor', 11],
    ]);
    expect(vague[0]?.message).toBe('Promessa vaga (uma intenção em vez de um controle): diga o que mudou, quem é o responsável e com que frequência é verificado.');
  });

  it('keeps the built-in languages working next to the pack', () => {
    const result = lintText('## Root cause\nOur supplier sent the wrong items.\n', { rulePacks: [PORTUGUESE] });
    expect(result.language).toBe('en');
  });
});

describe('broken rule packs are refused with file:line:col', () => {
  function loadError(files: Record<string, string>): string {
    const dir = pack(files);
    try {
      createEngine([loadRulePack(builtinRulesDir()), loadRulePack(dir)]);
    } catch (error) {
      expect(error).toBeInstanceOf(PoaError);
      return (error as PoaError).format().replace(dir, '<pack>');
    }
    throw new Error('expected the pack to be refused');
  }

  it('reports invalid YAML', () => {
    expect(loadError({ 'x-rule.yaml': 'id: x-rule\nseverity: [error\n' })).toMatch(/^<pack>\/x-rule\.yaml:3:1: invalid YAML/);
  });

  it('reports an unknown key where it stands', () => {
    expect(loadError({ 'x-rule.yaml': 'id: x-rule\nseverity: error\ncheck: phrases\nlanguages:\n  en:\n    message: m\n    pattern: ["x"]\n' })).toBe(
      '<pack>/x-rule.yaml:7:5: languages.en: unknown key "pattern" — did you mean "patterns"?',
    );
  });

  it('reports a wrong severity', () => {
    expect(loadError({ 'x-rule.yaml': 'id: x-rule\nseverity: fatal\ncheck: phrases\nlanguages:\n  en: { message: m }\n' })).toContain('<pack>/x-rule.yaml:2:11: severity: must be one of "error", "warning", "info"');
  });

  it('refuses an invalid regular expression and a catastrophic one', () => {
    const rule = (pattern: string): string => `id: x-rule\nseverity: error\ncheck: phrases\nlanguages:\n  en:\n    message: m\n    families:\n      f:\n        patterns: ['${pattern}']\n`;
    expect(loadError({ 'x-rule.yaml': rule('re:(unclosed') })).toContain('x-rule.yaml: en.families.f: invalid regular expression');
    expect(loadError({ 'x-rule.yaml': rule('re:(a+)+$') })).toContain('nests quantifiers');
  });

  it('refuses an unknown reason in exceptReasons', () => {
    expect(loadError({ 'x-rule.yaml': 'id: x-rule\nseverity: warning\ncheck: phrases\nexceptReasons: [late-shipments]\nlanguages:\n  en: { message: m }\n' })).toContain('exceptReasons: unknown reason "late-shipments"');
  });

  it('refuses a fact waived with a fact the rule does not have', () => {
    const rule = 'id: x-rule\nseverity: warning\ncheck: required-facts\noptions:\n  facts:\n    status: { reasons: [related-accounts], waivedWith: [link] }\nlanguages:\n  en:\n    message: m\n    facts:\n      status: { label: s, patterns: [closed], waivers: ["no other account"] }\n';
    expect(loadError({ 'x-rule.yaml': rule })).toContain('options.facts.status.waivedWith: "link" is not another fact of this rule');
  });

  it('refuses an unknown check kind', () => {
    expect(loadError({ 'x-rule.yaml': 'id: x-rule\nseverity: error\ncheck: magic\nlanguages:\n  en: { message: m }\n' })).toContain('unknown check kind "magic"');
  });
});

describe('metric check kind', () => {
  it('reports a part over a word limit', () => {
    const dir = pack({
      'closing-length.yaml': 'id: closing-length\nseverity: warning\ncheck: metric\nscope: [closing]\noptions: { measure: section-words, max: 12 }\nlanguages:\n  en: { message: "The closing has {value} words; keep it under {max}." }\n',
    });
    const text = '## Conclusion\nWe take full responsibility. We ask you to reinstate our account, and we thank the team for its time and attention to our case.\n';
    const found = lintText(text, { rulePacks: [dir] }).findings.filter((f) => f.ruleId === 'closing-length');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe('The closing has 24 words; keep it under 12.');
    expect(found[0]?.line).toBe(2);
  });
});

describe("poa's own pack, compiled by the build", () => {
  const root = join(import.meta.dirname, '..', '..');

  it('holds what the YAML files say, each language read from its own file', () => {
    const compiled = loadRulePack(builtinRulesDir());
    const yaml = loadRulePackYaml(builtinRulesDir());
    expect(compiled.validated).toBe(true);
    expect(compiled.rules.map((r) => r.id)).toEqual(yaml.rules.map((r) => r.id));
    for (const [i, rule] of compiled.rules.entries()) {
      const source = yaml.rules[i] as (typeof yaml.rules)[number];
      expect(Object.keys(rule.languages), rule.id).toEqual(Object.keys(source.languages));
      expect({ ...rule, file: '', validated: undefined }, rule.id).toEqual({ ...source, file: '', validated: undefined });
    }
  });

  it('reads only the languages a draft needs', () => {
    // In a fresh Node: which language files does linting one English draft read?
    const script = [
      "const fs = require('node:fs');",
      "const read = fs.readFileSync;",
      'const seen = [];',
      "fs.readFileSync = (path, ...rest) => { if (/rules-[a-z]+\\.json$/.test(String(path))) seen.push(String(path).replace(/^.*rules-/, '')); return read(path, ...rest); };",
      "require('node:module').syncBuiltinESMExports();",
      `import(${JSON.stringify(join(root, 'dist', 'index.js'))}).then(({ lintText }) => {`,
      "  lintText('## Root cause\\n\\nWe shipped late because our carrier collected twice a week. We will improve.\\n', { path: 'plan.md' });",
      '  console.log(JSON.stringify(seen));',
      '});',
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['en.json']);
  });
});
