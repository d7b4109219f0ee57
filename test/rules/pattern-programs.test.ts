import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { foldText } from '../../src/document/text.js';
import { existsSync } from 'node:fs';
import { compilePattern, compileProgram, patternAnchors, PhraseMatcher, type PatternAnchors } from '../../src/rules/patterns.js';

// PhraseMatcher runs most patterns as small backtracking programs instead of compiling their regular
// expressions. These tests hold every pattern of poa's own rules to its expression, position by position,
// on real drafts in its language.

const root = join(import.meta.dirname, '..', '..');
const LISTS = new Set(['patterns', 'except', 'when', 'soft']);

/** Every pattern in the rule files, per language (lists under patterns/except/when/soft). */
function patternsByLanguage(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (value: unknown, language: string | null): void => {
    if (Array.isArray(value)) return;
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const lang = language ?? (/^[a-z]{2}$/.test(key) ? key : null);
      if (LISTS.has(key) && Array.isArray(child) && lang !== null) {
        const set = out.get(lang) ?? new Set<string>();
        for (const p of child) if (typeof p === 'string') set.add(p);
        out.set(lang, set);
      } else {
        walk(child, lang);
      }
    }
  };
  for (const file of readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.yaml'))) {
    const data = parse(readFileSync(join(root, 'rules', file), 'utf8')) as { languages?: unknown };
    walk(data.languages ?? {}, null);
  }
  return out;
}

/** The example and labelled drafts of a language, line by line and folded (matches never cross a line). */
function linesOf(language: string): string[] {
  return [join(root, 'test', 'fixtures', language), join(root, 'test', 'fixtures', 'labelled', language)].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.(md|txt)$/.test(f))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\r?\n|\r/))
      .map(foldText)
      .filter((l) => l.trim() !== ''),
  );
}

const WORD_START = /(?<![a-z0-9\u00c0-\uffff])[a-z0-9\u00c0-\uffff]/g;

const byLanguage = patternsByLanguage();

describe('pattern programs', () => {
  it('finds the patterns and drafts it compares', () => {
    for (const language of ['en', 'it', 'fr', 'de', 'es', 'nl']) {
      expect(byLanguage.get(language)?.size ?? 0, language).toBeGreaterThan(100);
      expect(linesOf(language).length, language).toBeGreaterThan(20);
    }
  });

  for (const language of ['en', 'it', 'fr', 'de', 'es', 'nl']) {
    it(`ends every match where the pattern's expression does (${language})`, () => {
      const lines = linesOf(language);
      let compared = 0;
      let matched = 0;
      for (const pattern of byLanguage.get(language) ?? []) {
        const program = compileProgram(pattern);
        if (program === null) continue;
        const regex = new RegExp(compilePattern(pattern), 'uy');
        for (const line of lines) {
          for (const start of line.matchAll(WORD_START)) {
            regex.lastIndex = start.index;
            const expected = regex.exec(line);
            const end = program(line, start.index);
            if ((expected === null ? -1 : start.index + expected[0].length) !== end) {
              expect({ pattern, line, at: start.index, end }).toEqual({ pattern, line, at: start.index, end: expected === null ? -1 : start.index + expected[0].length });
            }
            compared++;
            if (end >= 0) matched++;
          }
        }
      }
      expect(compared).toBeGreaterThan(100_000);
      expect(matched).toBeGreaterThan(100);
    });
  }

  for (const language of ['en', 'it', 'fr', 'de', 'es', 'nl']) {
    // A matcher reads the word after a pattern's first before running it (the pattern's second word): it must
    // still find every match its expression finds, where an apostrophe, a dash, an option or a gap comes between.
    it(`finds, pattern by pattern, the matches of each expression in a whole draft line (${language})`, () => {
      const lines = linesOf(language);
      const patterns = [...(byLanguage.get(language) ?? [])].filter((p) => compileProgram(p) !== null);
      const matchers = patterns.map((pattern) => ({ pattern, matcher: new PhraseMatcher([{ id: 'p', patterns: [pattern] }]), regex: new RegExp(compilePattern(pattern), 'gu') }));
      let found = 0;
      for (const line of lines) {
        for (const { pattern, matcher, regex } of matchers) {
          const got = matcher.scan(line).map((m) => [m.start, m.end]);
          const expected = [...line.matchAll(regex)].filter((m) => m[0].length > 0).map((m) => [m.index, m.index + m[0].length]);
          if (got.length !== expected.length || got.some((g, i) => g[0] !== expected[i]?.[0] || g[1] !== expected[i]?.[1])) {
            expect({ pattern, line, got }).toEqual({ pattern, line, got: expected });
          }
          found += got.length;
        }
      }
      expect(found).toBeGreaterThan(100);
    });
  }

  it('passes over a key only when none of its patterns can go on with the next word', () => {
    // Three patterns filed under "we", each with its own second word, and one that takes any second word.
    const matcher = new PhraseMatcher([
      { id: 'vague', patterns: ['we will improve', 'we are sorry', "we (did not|didn't|have not|haven't) check*"] },
      { id: 'gap', patterns: ['our {1,2} team'] },
    ]);
    const text = foldText("We are sorry. We will improve. We didn't check it. We haven't checked. Our whole team, our team.");
    expect(matcher.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['we are sorry', 'we will improve', "we didn't check", "we haven't checked", 'our whole team']);
  });

  it('reads the second word across apostrophes, dashes, options and gaps', () => {
    const cases: Array<[string, string, string[]]> = [
      ["we (will|we'll)? {0,3} improv*", "we'll try to improve. we improve. we will improve", ["we'll try to improve", 'we improve', 'we will improve']],
      ["(it|this) (won't|will not) happen again", "this won't happen again, it will not happen again", ["this won't happen again", 'it will not happen again']],
      ["didn't know", "we didn't know", ["didn't know"]],
      ['e-mail* (sent|answered)', 'e-mails sent, e-mail answered', ['e-mails sent', 'e-mail answered']],
      ['we (are|were)? (truly|deeply)? sorry', 'we sorry. we are sorry. we deeply sorry', ['we sorry', 'we are sorry', 'we deeply sorry']],
      ['we {1,2} care', "we don't care, we really do care", ["we don't care", 'we really do care']],
      ['never again', 'never again', ['never again']],
      ['(we|i) re-check*', 'we re-checked it, i re-check', ['we re-checked', 'i re-check']],
      ['sorry', 'so sorry', ['sorry']],
    ];
    for (const [pattern, text, expected] of cases) {
      const folded = foldText(text);
      const matcher = new PhraseMatcher([{ id: 'p', patterns: [pattern] }]);
      expect(matcher.scan(folded).map((m) => folded.slice(m.start, m.end)), pattern).toEqual(expected.map(foldText));
    }
  });

  it('agrees on hand-picked cases of backtracking, options and gaps', () => {
    const cases: Array<[string, string]> = [
      ["we (will|we'll)? {0,3} improv*", "we'll try to improve our process"],
      ['we (are|were) not responsible', 'we are not responsible for this'],
      ['(it|this) (won-t|will not) happen again', 'this won-t happen again'],
      ['we are sorry?', 'we are sorry'],
      ['we {1,2} care', "we don't care"],
      ['we {1,3} improve', "we can't-really-'improve"],
      ['improv* -', 'improve-ments - ok'],
      ['e-mail*', 'e-mails and e-mailing'],
      ['we will improve (our processes)?', 'we will improve our processes'],
      ['we will improve (our processes)?', 'we will improve.'],
      ['(truly)? sorry', 'truly sorry'],
      ['(we|i) (will|shall) (always|never)? {0,2} (check|verify)', 'i shall never again check'],
    ];
    for (const [pattern, text] of cases) {
      const folded = foldText(text);
      const program = compileProgram(pattern);
      expect(program, pattern).not.toBeNull();
      const regex = new RegExp(compilePattern(pattern), 'uy');
      for (let at = 0; at < folded.length; at++) {
        regex.lastIndex = at;
        const m = regex.exec(folded);
        expect(program?.(folded, at), `${pattern} @${at}`).toBe(m === null ? -1 : at + m[0].length);
      }
    }
  });

  it('reads lines with emoji through the expressions, as code points', () => {
    const matcher = new PhraseMatcher([{ id: 'vague', patterns: ['we will {0,3} improve'] }]);
    const text = foldText('We will 😀 improve. Also: we will really improve 😀');
    const regex = new RegExp(compilePattern('we will {0,3} improve'), 'gu');
    expect(matcher.scan(text).map((m) => text.slice(m.start, m.end))).toEqual([...text.matchAll(regex)].map((m) => m[0]));
    expect(matcher.scan(text)).toHaveLength(2);
  });

  it('leaves patterns with raw tokens to their expressions', () => {
    expect(compileProgram('every re:\\d+ (days|weeks)')).toBeNull();
    expect(compileProgram('re:\\bb0[0-9a-z]{8}\\b')).toBeNull();
    const matcher = new PhraseMatcher([{ id: 'f', patterns: ['every re:\\d+ (days|weeks)', 'every week'] }]);
    const text = foldText('We check every 3 weeks, and every week.');
    expect(matcher.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['every 3 weeks', 'every week']);
  });

  it('files patterns under the anchors the build stored for them', () => {
    const compiled = join(root, 'dist', 'rules.json');
    expect(existsSync(compiled), 'run the build first').toBe(true);
    const { anchors } = JSON.parse(readFileSync(compiled, 'utf8')) as { anchors: Record<string, PatternAnchors> };
    // Most are in the language files, next to the patterns they file.
    const files = readdirSync(join(root, 'dist')).filter((f) => /^rules-[a-z]{2}\.json$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(6);
    const perLanguage = files.map((f) => (JSON.parse(readFileSync(join(root, 'dist', f), 'utf8')) as { anchors: Record<string, PatternAnchors> }).anchors);
    const stored = [...Object.entries(anchors), ...perLanguage.flatMap((a) => Object.entries(a))];
    expect(stored.length).toBeGreaterThan(3000);
    for (const [pattern, a] of stored) expect(a, pattern).toEqual(patternAnchors(pattern));
  });

  it('reads a text far longer than an item line by line, even when asked to read it whole', () => {
    // A 10 MB draft whose lines make one paragraph: read whole, this expression ran out of V8's stack.
    const acted = new PhraseMatcher([{ id: 'acted', patterns: ['re:^(?:[^.!?]|\\.(?=\\d))*?\\bwe (?:changed|hired)\\b'] }], { whole: true });
    const notes = Array.from({ length: 250_000 }, (_, i) => `line ${i} of notes without a full stop`).join('\n');
    expect(notes.length).toBeGreaterThan(9_000_000);
    expect(acted.test(notes)).toBe(false);
    expect(acted.test(`${notes}\nthen we hired a manager`)).toBe(true);
    const start = new PhraseMatcher([{ id: 'start', patterns: ['re:^we hired'] }], { whole: true });
    expect(start.test(`${notes}\nwe hired a manager`)).toBe(true);
    // An item's length is read whole: ^ is the item's start.
    expect(start.test('notes\nwe hired a manager')).toBe(false);
    expect(start.test('we hired a manager')).toBe(true);
  });

  it('reads raw expressions line by line, or the whole text when asked', () => {
    const text = 'examples of orders confirmed late:\n203-4817265-1937402';
    const byLine = new PhraseMatcher([{ id: 'label', patterns: ['re::$', 're:^203'] }]);
    const whole = new PhraseMatcher([{ id: 'label', patterns: ['re::$', 're:^203'] }], { whole: true });
    expect(byLine.test(text)).toBe(true);
    expect(byLine.scan(text).map((m) => text.slice(m.start, m.end))).toEqual([':', '203']);
    expect(whole.test(text)).toBe(false);
    expect(whole.test(foldText('Examples of orders confirmed late:'))).toBe(true);
  });

  it('keeps matching when its numbering of words starts again after very many distinct words', () => {
    const matcher = new PhraseMatcher([{ id: 'vague', patterns: ['we will {0,3} improve'] }]);
    const find = (text: string): string[] => matcher.scan(text).map((m) => text.slice(m.start, m.end));
    expect(find('we will surely improve')).toEqual(['we will surely improve']);
    // 300,000 distinct words: past the limit, so the next text starts a new numbering.
    expect(find(Array.from({ length: 300_000 }, (_, i) => `w${i.toString(36)}`).join(' '))).toEqual([]);
    expect(find('and then we will improve')).toEqual(['we will improve']);
    expect(find('we will surely improve')).toEqual(['we will surely improve']);
    expect(matcher.test('nothing here')).toBe(false);
  });
});
