// Property tests: whatever text a user lints, lintText returns a result whose findings point inside the text, quote it
// exactly, and come out the same every time. Fixed seed and bounded runs, so `npm test` stays quick and repeatable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PoaError } from '../../src/errors.js';
import { lintText, type LintOptions } from '../../src/lint.js';
import type { FileResult } from '../../src/types.js';

const SEED = 20260504;

/** Offset of a 1-based line and column (UTF-16 code units); lines end at \n, \r\n or \r. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    let i = offset;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    if (i >= text.length) return Number.NaN;
    offset = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return offset + column - 1;
}

function checkFindings(text: string, result: FileResult): void {
  for (const f of result.findings) {
    const start = offsetOf(text, f.line, f.column);
    const end = offsetOf(text, f.endLine, f.endColumn);
    expect(Number.isInteger(start) && Number.isInteger(end), `${f.ruleId} at ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`).toBe(true);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThanOrEqual(start);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(f.excerpt, f.ruleId).toBe(text.slice(start, end));
  }
}

/** lintText, allowing only the documented refusal: front matter that is not valid YAML. */
function lintOrRefuse(text: string, options: LintOptions): FileResult | null {
  try {
    return lintText(text, options);
  } catch (error) {
    if (error instanceof PoaError && text.startsWith('---') && /front matter/.test(error.message)) return null;
    throw error;
  }
}

const options = fc.record(
  { language: fc.constantFrom('en', 'it', 'fr', 'de', 'es', 'nl'), reason: fc.constantFrom('late-shipment', 'inauthentic', 'ip-complaint') },
  { requiredKeys: [] },
);

// Any UTF-16 code unit, lone surrogates included, with line breaks and markup characters made common.
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r', ' ', '\t', '.', '!', '?', '#', '*', '-', '>', '|', '[', ']', '`', '<', '\u00a0', '\u200d', '\u0301') },
  { weight: 2, arbitrary: fc.constantFrom('😀', '𝔸', '👩‍👩‍👧', 'é', 'ß', 'İ', 'ﬁ', '…', '’', 'ـ', 'א', '中') },
);
const unicodeText = fc.string({ unit, maxLength: 400 });

const words = ['we', 'will', 'improve', 'our', 'processes', 'never', 'happen', 'again', 'the', 'carrier', 'was', 'late', 'On', '3 May', 'every', 'Monday',
  'compliance', 'manager', 'ASIN', 'B0XXXXXXXX', '171-1234567-1234567', '171-123', 'non', 'succederà', 'più', 'nous', 'allons', 'améliorer', 'wir', 'werden',
  'verbessern', 'vamos', 'a', 'mejorar', 'we', 'zullen', 'verbeteren', 'https://sellercentral.amazon.com/help/hub/reference/G200370560', '[[date]]', '{{name}}',
  'NOT', 'OUR', 'FAULT', '!!', 'sorry', 'please', 'reinstate', 'Root cause:', 'Causa:', 'Ursache:', '`code`', '<!-- poa-disable -->', '<!-- poa-enable -->',
  '<!-- poa-disable-next-line vague-promise -->', '**', '_', 'z.B.', 'e.g.', '3.', '1)', '😀', 'x'];
const word = fc.constantFrom(...words);
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).chain((ws) =>
  fc.constantFrom('.', '!', '?', '', ':', ',').map((end) => `${ws.join(' ')}${end}`),
);
const heading = fc.constantFrom(
  '# Plan of Action', '## Root cause', '## Corrective actions', '## Preventive measures', '## Conclusion', '### Problem', 'PROBLEMA', 'CAUSA PRINCIPALE',
  '**Ursache**', '1. Het probleem', 'Root cause', 'Medidas preventivas', 'Title\n=====', 'Sub\n---', '#', '## ', '#### **Evidence:**',
);
const line = fc.oneof(
  { weight: 4, arbitrary: sentence },
  { weight: 2, arbitrary: heading },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '> ', '> > ', '  - ', '    ', '\t', '- [ ] '), sentence).map(([p, s]) => p + s) },
  { weight: 1, arbitrary: fc.constantFrom('```', '~~~', '---', '***', '| a | b |', '|---|---|', '<div>', '</div>', '<!--', '-->', '', '   ', '[x]: https://example.com') },
  { weight: 1, arbitrary: fc.string({ unit, maxLength: 30 }) },
);
const frontMatter = fc.constantFrom('', '---\nlang: en\n---\n', '---\nlang: it\nreason: late-shipment\n---\n', '---\n---\n', '---\r\nlang: de\r\n---\r\n', '---\nmarketplace: amazon.fr\n');
const markdown = fc
  .tuple(frontMatter, fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([fm, lines, eol, trailing]) => fm + lines.join(eol) + (trailing ? eol : ''));

describe('lintText on any input', () => {
  it('never throws on arbitrary Unicode text, and every finding lies inside the text and quotes it', () => {
    fc.assert(
      fc.property(unicodeText, options, (text, opts) => {
        const result = lintOrRefuse(text, opts);
        if (result) checkFindings(text, result);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('never throws on arbitrary markdown, and every finding lies inside the text and quotes it', () => {
    fc.assert(
      fc.property(markdown, options, (text, opts) => {
        const result = lintOrRefuse(text, opts);
        if (result) checkFindings(text, result);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('gives the same JSON every time, whatever was linted before', () => {
    fc.assert(
      fc.property(markdown, markdown, (text, other) => {
        const first = lintOrRefuse(text, {});
        if (!first) return;
        lintOrRefuse(other, { language: 'it' });
        expect(JSON.stringify(lintOrRefuse(text, {}))).toBe(JSON.stringify(first));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
