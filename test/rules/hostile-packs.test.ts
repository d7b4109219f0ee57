// A user's rule pack may hold slow expressions: the ones that backtrack exponentially are refused at load,
// and the merely slow ones run line by line on poa's prose, whose lines are kept short, so a 100 KB draft stays quick.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';
import { checkRaw, hasAmbiguousRepetition, matchLines, PatternError, testLines } from '../../src/rules/patterns.js';

function refusal(source: string): string {
  try {
    checkRaw(source);
  } catch (error) {
    expect(error).toBeInstanceOf(PatternError);
    return (error as Error).message;
  }
  throw new Error(`expected /${source}/ to be refused`);
}

describe('raw expressions that could hang', () => {
  it('refuses nested quantifiers and repeated choices whose alternatives overlap', () => {
    expect(refusal('(a+)+$')).toBe('regular expression /(a+)+$/ nests quantifiers (like (a+)+) and could hang on long text; rewrite it without a repeated group that itself repeats');
    for (const source of ['(a|aa)+$', '(?:a|a)*$', '(?:(?:a|ab))+c', '(\\w|\\d)*x', '(?:x|[xy])+', '(?:a?|b)+', '(?:.|a)*$']) {
      expect(hasAmbiguousRepetition(source)).toBe(true);
      expect(refusal(source)).toMatch(/repeats a choice whose alternatives can match the same text/);
    }
  });

  it('accepts choices that start differently, bounded repetition and plain alternation', () => {
    for (const source of ['(?:[^.!?]|\\.(?=\\d))*?\\bwe', '(?:a|b)*c', '(?:\\p{L}|\\d)+', '(?:[^.!?\\n]|\\.(?=\\d)){1,120}?', '(?:we|i) will', '(a|aa){1,3}', '\\d{1,3}(?:[.,\\s]\\d{3})+']) {
      expect(hasAmbiguousRepetition(source)).toBe(false);
      expect(() => checkRaw(source)).not.toThrow();
    }
  });

  it('names an invalid expression once, with the engine\'s reason', () => {
    expect(refusal('(unclosed')).toBe('invalid regular expression /(unclosed/: Unterminated group');
  });
});

describe('matching line by line', () => {
  it('finds matches inside lines, with offsets in the whole text, and none across a line break', () => {
    const text = 'why now?\nbecause\nno question here';
    expect([...matchLines(/[^.]*\?/gu, text)].map((m) => [m.index, m[0]])).toEqual([[0, 'why now?']]);
    expect([...matchLines(/\w+/gu, text)].map((m) => m.index)).toEqual([0, 4, 9, 17, 20, 29]);
    expect(testLines(/because no/u, text)).toBe(false);
    expect(testLines(/^because$/u, text)).toBe(true);
  });
});

describe('a user pack of slow expressions on a 100 KB draft', () => {
  const pack = mkdtempSync(join(tmpdir(), 'poa-slow-pack-'));
  writeFileSync(
    join(pack, 'slow-phrases.yaml'),
    [
      'id: slow-phrases',
      'severity: warning',
      'check: phrases',
      'languages:',
      '  en:',
      '    message: "slow {family}"',
      '    families:',
      "      f: { patterns: ['re:[^.]*\\?', 're:\\w+x', 're:(?:a|b)*c', 'we re:[^x]*y', 're:[a-z ]+!', 're:.*zzz'] }",
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(pack, 'slow-required.yaml'),
    ['id: slow-required', 'severity: warning', 'check: required-pattern', 'languages:', '  en:', '    message: "no question"', "    patterns: ['re:[^.]*\\?', 're:[a-z ]+!']", ''].join('\n'),
  );

  const drafts: Array<[string, string]> = [
    ['one 100 KB word', 'a'.repeat(100 * 1024)],
    ['100 KB of words with no full stop', 'aaaa we '.repeat(12 * 1024)],
    ['100 KB of exclamation marks', '!'.repeat(100 * 1024)],
    ['100 KB of short lines', 'we will check the orders\n'.repeat(4 * 1024)],
  ];
  for (const [name, text] of drafts) {
    it(`finishes ${name}`, () => {
      const result = lintText(text, { language: 'en', rulePacks: [pack] });
      expect(result.findings.some((f) => f.ruleId === 'slow-required' || f.ruleId === 'slow-phrases')).toBe(true);
    });
  }
});
