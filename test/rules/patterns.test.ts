import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/document/text.js';
import { compilePattern, hasNestedQuantifier, PatternError } from '../../src/rules/patterns.js';

function match(pattern: string, text: string): string | null {
  return new RegExp(compilePattern(pattern), 'u').exec(foldText(text))?.[0] ?? null;
}

describe('pattern syntax', () => {
  it('matches whole words in sequence, across commas but not sentence ends', () => {
    expect(match('do our best', 'We will do our best.')).toBe('do our best');
    expect(match('we will improve', 'We will, improve')).toBe('we will, improve');
    expect(match('we will improve', 'We will. Improve')).toBeNull();
    expect(match('best', 'bestseller')).toBeNull();
  });

  it('supports alternatives, optional items, prefixes and gaps', () => {
    expect(match("(it|this) (won't|will not) happen again", 'This won’t happen again')).toBe("this won't happen again");
    expect(match('we (really)? care', 'we care')).toBe('we care');
    expect(match('we (really)? care', 'we really care')).toBe('we really care');
    expect(match('(truly)? sorry', 'sorry')).toBe('sorry');
    expect(match('we are sorry?', 'we are')).toBe('we are');
    expect(match('miglior*', 'Miglioreremo la qualità')).toBe('miglioreremo');
    expect(match('we will {0,3} improve', 'we will try hard to improve')).toBe('we will try hard to improve');
    expect(match('we will {0,2} improve', 'we will try very hard to improve')).toBeNull();
    expect(match('wir werden {0,4} verbessern', 'Wir werden unsere Prozesse deutlich verbessern')).toBe('wir werden unsere prozesse deutlich verbessern');
  });

  it('folds accents, case, apostrophes and dashes on both sides', () => {
    expect(match('non succederà più', 'NON SUCCEDERA PIU')).toBe('non succedera piu');
    expect(match("l'errore", 'l’errore è nostro')).toBe("l'errore");
    expect(match('re:\\d{3}-\\d{7}-\\d{7}', 'ordine 171–2345678–3456789')).toBe('171-2345678-3456789');
    expect(match('massnahmen', 'Maßnahmen')).toBe('massnahmen');
  });

  it('takes raw regular expressions as a whole pattern or as one token', () => {
    expect(match('re:\\bb0[0-9a-z]{8}\\b', 'ASIN B07XK9M2QP')).toBe('b07xk9m2qp');
    expect(match('every re:\\d+ (days|weeks)', 'every 3 weeks')).toBe('every 3 weeks');
  });

  it('refuses broken and catastrophic patterns with a clear message', () => {
    expect(() => compilePattern('we (will')).toThrow(PatternError);
    expect(() => compilePattern('re:(a')).toThrow(/invalid regular expression/);
    expect(() => compilePattern('re:(a+)+$')).toThrow(/nests quantifiers/);
    expect(() => compilePattern('we {5,2} x')).toThrow(/min ≤ max/);
    expect(hasNestedQuantifier('(?:\\w+\\s?)*x')).toBe(true);
    expect(hasNestedQuantifier('(?:ab)+c*')).toBe(false);
    expect(hasNestedQuantifier('[(+]+')).toBe(false);
  });
});
