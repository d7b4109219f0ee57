// The CI integrations shipped in the repo: action.yml, .pre-commit-hooks.yaml and the snippets in docs/ci.md
// parse, name real options, and the documented config is valid against the config schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PoaError } from '../../src/errors.js';
import { assertSchema, parseYamlFile, schemaValidator } from '../../src/yaml.js';
import { ROOT, runPoa } from '../helpers.js';

const CI_DOC = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
const README_CI = /## Use in CI\n([\s\S]*?)\n## /.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1] ?? '';

function blocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] as string);
}

const LINT_HELP = runPoa(['lint', '--help']).stdout;

function expectRealOptions(command: string): void {
  for (const flag of command.match(/--[a-z][a-z-]+/g) ?? []) expect(LINT_HELP, `poa lint ${flag}`).toContain(flag);
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: Array<{ run?: string; uses?: string; env?: Record<string, string> }> };
  };

  it('is a composite action that installs poa from its own checkout and runs it', () => {
    expect(action.runs.using).toBe('composite');
    const scripts = action.runs.steps.map((s) => s.run ?? '').join('\n');
    expect(scripts).toContain('npm ci --prefix "$GITHUB_ACTION_PATH"');
    expect(scripts).toContain('node "$GITHUB_ACTION_PATH/bin/poa.js"');
    const commands = scripts.match(/poa lint [^\n]*/g) ?? [];
    expect(commands).toHaveLength(2);
    for (const command of commands) expectRealOptions(command);
  });

  it('passes inputs through the environment, never into the script text', () => {
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'sarif-file', 'max-warnings', 'args', 'working-directory']);
    expect(action.inputs['format']?.default).toBe('github');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares a node hook running poa lint on markdown and text files', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toEqual([expect.objectContaining({ id: 'poa', entry: 'poa lint', language: 'node', types_or: ['markdown', 'plain-text'] })]);
  });
});

describe('docs/ci.md', () => {
  it('has YAML snippets that parse and commands with real options', () => {
    const yaml = blocks(CI_DOC, 'yaml');
    expect(yaml.length).toBeGreaterThanOrEqual(5);
    for (const block of yaml) expect(() => parse(block)).not.toThrow();
    for (const command of CI_DOC.match(/poa lint [^\n`]*/g) ?? []) expectRealOptions(command);
  });

  it('documents a .poarc.yaml that is valid against the config schema', () => {
    const config = blocks(CI_DOC, 'yaml')[0] ?? '';
    expect(config).toContain('root: true');
    expect(() => assertSchema(schemaValidator('config'), parseYamlFile(config, '.poarc.yaml'), 'see the schema')).not.toThrow(PoaError);
  });
});

describe('README "Use in CI"', () => {
  it('has snippets that parse, with real options, and a schema-valid config', () => {
    const yaml = blocks(README_CI, 'yaml');
    expect(yaml.length).toBeGreaterThanOrEqual(3);
    for (const block of yaml) expect(() => parse(block)).not.toThrow();
    for (const command of README_CI.match(/poa lint [^\n`]*/g) ?? []) expectRealOptions(command);
    expect(() => assertSchema(schemaValidator('config'), parseYamlFile(yaml[0] ?? '', '.poarc.yaml'), 'see the schema')).not.toThrow(PoaError);
  });
});
