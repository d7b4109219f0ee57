// The line scanner (collectFast) must read a draft exactly as remark + collect() do, or refuse it (null) so remark
// reads it: real drafts, the generated benchmark corpus, and snippets at the edges of each construct it handles.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePlan, rng } from '../../bench/corpus.mjs';
import { collectFast } from '../../src/document/blocks.js';
import { collectWithRemark, type Collected } from '../../src/document/parse.js';
import { FIXTURES, SEEDS } from '../helpers.js';

/** Leaves and ignored ranges in the order parsePlan sorts them into. */
function sorted(c: Collected): Collected {
  return { leaves: [...c.leaves].sort((a, b) => a.start - b.start), ignored: [...c.ignored].sort((a, b) => a.start - b.start), frontMatter: c.frontMatter };
}

/** Whether the fast path accepted the draft; when it did, its result must be remark's. */
function agrees(text: string, name: string): boolean {
  const fast = collectFast(text);
  if (fast === null) return false;
  expect(sorted(fast), name).toEqual(sorted(collectWithRemark(text)));
  return true;
}

function drafts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...drafts(path));
    else if (/\.(md|txt)$/.test(name)) out.push(path);
  }
  return out;
}

describe('collectFast on real drafts', () => {
  it('reads the fixtures as remark does, and accepts nearly all of them', () => {
    const files = drafts(FIXTURES);
    let accepted = 0;
    for (const file of files) if (agrees(readFileSync(file, 'utf8'), file)) accepted++;
    expect(files.length).toBeGreaterThan(150);
    // Refused today: a notice quoting HTML tags and a README with code spans.
    expect(accepted).toBeGreaterThanOrEqual(files.length - 5);
  });

  it('reads the source documents beside the repo (../shared/seeds) as remark does', () => {
    const files = drafts(SEEDS);
    let accepted = 0;
    for (const file of files) if (agrees(readFileSync(file, 'utf8'), file)) accepted++;
    // The texts themselves (not their README, which has code spans) are plain prose.
    if (files.length > 0) expect(accepted).toBeGreaterThanOrEqual(files.length - 1);
  });

  it('reads generated plans (every heading style, lists, front matter) as remark does, and accepts all of them', () => {
    const rand = rng(20260504);
    let accepted = 0;
    let total = 0;
    for (const bytes of [1500, 5000, 12000]) {
      for (let i = 0; i < 120; i++) {
        const { text } = makePlan(i, rand, bytes);
        total++;
        if (agrees(text, `plan ${i} (${bytes} bytes)`)) accepted++;
        if (i % 3 === 0) {
          total++;
          if (agrees(text.replace(/\n/g, '\r\n'), `plan ${i} (${bytes} bytes, CRLF)`)) accepted++;
        }
      }
    }
    // The generator writes only what the scanner handles: if this drops, poa lost its speed on ordinary drafts.
    expect(total).toBe(480);
    expect(accepted).toBe(total);
  });
});

/** Snippets the scanner must accept: the result is compared with remark's. */
const ACCEPTED: Record<string, string> = {
  'empty file': '',
  'only line breaks': '\n\n\r\n\r',
  'only spaces': '   \n  ',
  'one word': 'word',
  'front matter only': '---\nlang: it\n---',
  'front matter and line break': '---\nlang: it\n---\n',
  'empty front matter': '---\n---\n\nText',
  'front matter with blank lines and spaces after fences': '---  \n\nlang: it\n\n---  \nText',
  'front matter with CRLF': '---\r\nlang: de\r\nreason: late-shipment\r\n---\r\n\r\n## Ursache\r\n',
  'front matter with CR': '---\rlang: de\r---\rText',
  'front matter then setext': '---\na: 1\n---\nTitle\n---\n',
  'front matter then ===': '---\na: 1\n---\n===\n',
  '--- alone is a thematic break': '---',
  '--- not at the start': 'Text\n\n---\nlang: it\n---\n',
  '--- after a space': ' ---\nlang: it\n---\n',
  'four dashes are no front matter': '----\nlang: it\n---\n',
  'setext h1 and h2': 'Title\n=====\n\nPart\n----\n',
  'setext with trailing spaces': 'Title  \n---  \nText',
  'setext over two lines': 'Root\ncause  \n   ===',
  'setext after a hard break': 'Multi  \nline   \n---',
  'one dash underlines': 'Problem\n-\n',
  'dash and space underline': 'Problem\n- \n',
  'thematic break after blank line': 'Text\n\n---\n\nMore',
  'spaced thematic break interrupts': 'Text\n- - -\nMore',
  'star and underscore breaks': 'Text\n***\nMore\n___\n_ _ _',
  '= = is text': 'Text\n= =\n',
  'underlined #hashtag': '#hashtag\n---\n',
  'ATX levels': '# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\n####### Seven',
  'ATX closing sequences': '# Title ##\n## Title ##   \n### Title#\n#### Title # #\n# foo #  #\n# #\n#\n##   \n# # x',
  'ATX indented': '   ## Root cause\nText\n    ## continues the text',
  'ATX interrupts a paragraph': 'Text\n# Heading\nText',
  'hashtag is text': '#hashtag\n#1 seller',
  'paragraph continuation indented': 'Text\n    more text\n        still',
  'lazy continuation in a list': '- item\ncontinues lazily\n- next',
  'lazy line that is a heading': '- item\n# Heading',
  'lazy thematic break': '- item\n---\nText',
  'lazy === is text': '- item\n===',
  'setext inside a list item': '- item\n  ---\n',
  'list item with blank lines': '- first\n\n  second paragraph\n\n- next\n\n\nafter',
  'bullet styles': '- dash\n* star\n+ plus\n- dash',
  'ordered list from 7': '7. seven\n8. eight\n9) nine',
  'ordered list cannot interrupt unless 1': 'Text\n7. not a list\n1. a list',
  'bullet interrupts a paragraph': 'Text\n- item\nText',
  'nested lists': '- a\n  - b\n    - c\n  - d\n- e\n\n1. one\n   - sub\n     more\n2. two',
  'nested on one line': '- - a\n- 1. b\n1) + c',
  'item then ordered text': 'para\n- 2. foo',
  'sibling ordered items': '1. a\n2. b\n10. c',
  'item with wide marker space': '-    four spaces\n     continued',
  'list then paragraph': '- a\n\nb',
  'numbered headings': '1. Problem\n\nText.\n\n2. Root cause\n\nMore text.',
  'heading in a list item': '1. # h\n   text',
  'long numbers': '123456789. nine digits\n1234567890. ten digits',
  'bold line is a paragraph': '**Root cause**\n\nText',
  'trailing spaces': 'Text   \nmore  \n\n- item  \n  more  ',
  'CRLF': '# Title\r\n\r\nText\r\nmore\r\n\r\n- a\r\n- b\r\n',
  'CR': '# Title\r\rText\rmore\r\r- a\r- b\r',
  'mixed line breaks': 'a\r\nb\rc\nd',
  'no-break space is text': '\u00a0- not a list\n\u00a0\u00a0\u00a0\u00a0x',
  'form feed is not blank': 'a\n\f\nb',
  'less-than and brackets inside text': 'Rate < 1 % and 2 <3 [see] ~~x~~',
  'nesting up to column 98': `${'- '.repeat(50)}item`,
  'nesting forty deep': `${'- '.repeat(40)}item\n${' '.repeat(80)}more`,
  'long line of text': `${'word '.repeat(100)}\n${'- '.repeat(20)}x`,
};

/** Snippets holding constructs the scanner leaves to remark. */
const REFUSED: Record<string, string> = {
  'block quote': '> quoted notice',
  'block quote in a list': '- > quoted',
  'fenced code': '```\ncode\n```',
  'tilde fence': '~~~\ncode\n~~~',
  'indented code': 'Text\n\n    code',
  'inline code': 'Use `poa lint`',
  'HTML comment': '<!-- poa-disable -->\nText',
  'inline HTML': 'Dear <name>,',
  'tab': '1.\tProblem',
  'link reference definition': '[1]: https://sellercentral.amazon.com',
  'unterminated front matter': '---\nlang: it\n- a list remark reads as text',
  'empty list item': '-\n  text',
  'byte order mark': '\ufeff# Title',
  'deep nesting': `${'- '.repeat(60)}item`,
  'a marker at column 100 (flattenDeepNesting rewrites it)': `${'- '.repeat(51)}item`,
};

describe('collectFast on snippets', () => {
  for (const [name, text] of Object.entries(ACCEPTED)) {
    it(`reads ${name} as remark does`, () => {
      expect(agrees(text, name)).toBe(true);
    });
  }
  for (const [name, text] of Object.entries(REFUSED)) {
    it(`leaves ${name} to remark`, () => {
      expect(collectFast(text)).toBeNull();
    });
  }

  it('keeps the exact front matter remark gives', () => {
    const text = '---\r\n\r\nlang: it\r\n\r\n---  \r\nText';
    expect(collectFast(text)?.frontMatter).toEqual({ value: '\r\nlang: it\r\n', start: 0, end: 24 });
    expect(agrees(text, 'front matter')).toBe(true);
  });
});
