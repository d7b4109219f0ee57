// Property test for the line scanner: on markdown built from the block constructs drafts use (and some it refuses),
// collectFast either refuses the draft or reads it exactly as remark + collect() do. Fixed seed, bounded runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectFast } from '../../src/document/blocks.js';
import { collectWithRemark, type Collected } from '../../src/document/parse.js';

const SEED = 20260504;

function sorted(c: Collected): Collected {
  return { leaves: [...c.leaves].sort((a, b) => a.start - b.start), ignored: [...c.ignored].sort((a, b) => a.start - b.start), frontMatter: c.frontMatter };
}

const indent = fc.oneof(
  { weight: 12, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.constantFrom(' ', '  ', '   ') },
  { weight: 1, arbitrary: fc.constantFrom('    ', '     ', '      ') },
);
const marker = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('- ', '* ', '+ ', '1. ', '2. ', '7) ', '1) ', '10. ', '-  ', '1.  ') },
  { weight: 1, arbitrary: fc.constantFrom('-    ', '-     ', '- - ', '123456789. ', '1234567890. ', '-', '1.') },
);
const content = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.constantFrom(
      'We changed the handling time.', 'Root cause', 'more words here  ', 'x   ', '**Bold heading**', 'Label: text', '2. not first',
      '# Heading', '## Root cause ##', '### H #  #', '#', '# #', '#hashtag', '####### seven', '  # indented',
      '---', '===', '--', '-', '=', '***', '* * *', '___', '- - -', '= =', '--- -', '----',
      '', '', '  ', '\u00a0nbsp', '\f', 'a > b', 'rate < 1 %', '~~ x', '[[date]]',
    ),
  },
  // Constructs the scanner refuses, so that its refusals are exercised too.
  { weight: 1, arbitrary: fc.constantFrom('> quote', '~~~', '[x]: https://example.com', '`code`', '<!-- note -->') },
);
const line = fc
  .tuple(indent, fc.array(fc.tuple(marker, indent), { maxLength: 2 }), content)
  .map(([i, markers, c]) => i + markers.map(([m, s]) => m + s).join('') + c);
const frontMatter = fc.constantFrom('', '', '', '---\nlang: en\n---\n', '---\n---\n', '---  \n\na: 1\n---  \n', '---\nlang: it\n', '---\n', ' ---\n');
const markdown = fc
  .tuple(frontMatter, fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.boolean())
  .map(([fm, lines, eol, trailing]) => fm.replace(/\n/g, eol) + lines.join(eol) + (trailing ? eol : ''));

describe('collectFast on generated markdown', () => {
  it('refuses the draft or reads it exactly as remark does', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(markdown, (text) => {
        runs++;
        const fast = collectFast(text);
        if (fast === null) return;
        accepted++;
        expect(sorted(fast)).toEqual(sorted(collectWithRemark(text)));
      }),
      { seed: SEED, numRuns: 5000 },
    );
    // About a third are accepted (empty list items, indented code and the refused constructs make up the rest),
    // nesting lists, underlining headings and continuing lines lazily: the comparison must not be vacuous.
    expect(runs).toBe(5000);
    expect(accepted).toBeGreaterThan(1200);
  });
});
