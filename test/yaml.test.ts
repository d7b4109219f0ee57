// YAML and JSON files with positions: parse errors, schema errors at the offending key or value, nearest valid key.
import { describe, expect, it } from 'vitest';
import { PoaError } from '../src/errors.js';
import { assertSchema, parseYamlFile, positionOf, schemaValidator } from '../src/yaml.js';

function schemaError(text: string, file = '.poarc.yaml', base: Array<string | number> = []): string {
  try {
    assertSchema(schemaValidator('config'), parseYamlFile(text, file), 'see the schema', base);
  } catch (error) {
    if (error instanceof PoaError) return error.format();
    throw error;
  }
  return 'valid';
}

describe('parseYamlFile', () => {
  it('reports broken YAML at file:line:col', () => {
    expect(() => parseYamlFile('root: true\nrules:\n  empty-section: [error\n', 'clients/.poarc.yaml')).toThrow(/^invalid YAML: .+/);
    try {
      parseYamlFile('root: true\nrules:\n  empty-section: [error\n', 'clients/.poarc.yaml');
    } catch (error) {
      expect((error as PoaError).subject).toMatch(/^clients\/\.poarc\.yaml:\d+:\d+$/);
    }
  });

  it('refuses duplicate keys, which would silently drop a setting', () => {
    expect(() => parseYamlFile('language: it\nlanguage: fr\n', 'a.yaml')).toThrow(PoaError);
  });

  it('reads JSON with positions (package.json), tabs included', () => {
    const loaded = parseYamlFile('{\n\t"name": "appeals",\n\t"poa": { "language": "de" }\n}\n', 'package.json');
    expect(loaded.data).toEqual({ name: 'appeals', poa: { language: 'de' } });
    expect(positionOf(loaded, ['poa', 'language'])).toBe('package.json:3:23');
    expect(positionOf(loaded, ['poa', 'language'], { key: true })).toBe('package.json:3:11');
  });

  it('falls back to the nearest existing ancestor', () => {
    const loaded = parseYamlFile('rules:\n  empty-section: warn\n', 'a.yaml');
    expect(positionOf(loaded, ['rules', 'missing', 0])).toBe('a.yaml:2:3');
  });
});

describe('assertSchema', () => {
  it('accepts a valid config', () => {
    expect(schemaError('root: true\nlanguage: it\nrules:\n  empty-section: warn\n  missing-section: [error, { recommended: [] }]\n')).toBe('valid');
  });

  it('points at an unknown key and names the nearest valid one', () => {
    expect(schemaError('root: true\nlangauge: it\n')).toBe('.poarc.yaml:2:1: unknown key "langauge" — did you mean "language"?');
    // front matter says `lang:`, so consultants write it in config too
    expect(schemaError('lang: it\n')).toBe('.poarc.yaml:1:1: unknown key "lang" — did you mean "language"?');
    expect(schemaError('overrides:\n  - files: "clients/rossi/**"\n    rulez:\n      empty-section: off\n')).toBe(
      '.poarc.yaml:3:5: overrides.0: unknown key "rulez" — did you mean "rules"?',
    );
  });

  it('lists the valid keys when nothing is close', () => {
    expect(schemaError('colour: red\n')).toMatch(/^\.poarc\.yaml:1:1: unknown key "colour" — valid keys here: \$schema, root, language, locale/);
  });

  it('points at a value of the wrong type', () => {
    expect(schemaError('root: yes please\n')).toBe('.poarc.yaml:1:7: root: must be boolean — see the schema');
    expect(schemaError('ignore: README.md\n')).toBe('.poarc.yaml:1:9: ignore: must be array — see the schema');
  });

  it('explains a wrong severity rather than that no alternative matched', () => {
    expect(schemaError('rules:\n  empty-section: fatal\n')).toBe(
      '.poarc.yaml:2:18: rules.empty-section: must be one of "off", "warn", "warning", "error", "info" — see the schema',
    );
    expect(schemaError('rules:\n  empty-section: [fatal, {}]\n')).toBe(
      '.poarc.yaml:2:19: rules.empty-section.0: must be one of "off", "warn", "warning", "error", "info" — see the schema',
    );
  });

  it('validates the part of a file under a key, with positions in the whole file', () => {
    expect(schemaError('{\n  "name": "appeals",\n  "poa": {\n    "rootx": true\n  }\n}\n', 'package.json', ['poa'])).toBe(
      'package.json:4:5: unknown key "rootx" — did you mean "root"?',
    );
  });
});
