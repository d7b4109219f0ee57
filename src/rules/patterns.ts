// Compiles poa's phrase patterns ("we will {0,3} improv*", "(it|this) won't happen again", "re:…") into regular expressions over folded prose.

import { foldText } from '../document/text.js';

/**
 * A word character of folded prose. Folding leaves only lower-case ASCII, digits and letters from
 * U+00C0 up (punctuation above it, such as typographic quotes and dashes, is folded to ASCII), so
 * this small class stands in for [\p{L}\p{N}], which costs V8 far more to compile in every pattern.
 */
const W = 'a-z0-9\\u00c0-\\uffff';
/** Characters that may separate two words of a phrase: anything but letters, digits and sentence ends. */
const SEP = `[^${W}.!?\\n]+`;
const WORD = `[${W}][${W}'\\-]*`;
const BEFORE = `(?<![${W}])`;
const AFTER = `(?![${W}])`;

export class PatternError extends Error {}

type Item =
  | { type: 'word'; source: string; optional: boolean }
  | { type: 'raw'; source: string; optional: boolean }
  | { type: 'group'; alternatives: Item[][]; optional: boolean }
  | { type: 'gap'; min: number; max: number; optional: false };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Nested quantifiers such as (a+)+ or (a*)* can take exponential time on a long line. */
export function hasNestedQuantifier(regex: string): boolean {
  const stack: boolean[] = [];
  let quantifiedInside = false;
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < regex.length && regex[i] !== ']') {
        if (regex[i] === '\\') i++;
        i++;
      }
      continue;
    }
    if (c === '(') {
      stack.push(quantifiedInside);
      quantifiedInside = false;
      continue;
    }
    if (c === ')') {
      const inner: boolean = quantifiedInside;
      quantifiedInside = stack.pop() ?? false;
      const next = regex[i + 1];
      const quantified = next === '+' || next === '*' || (next === '{' && /^\{\d+,\d*\}/.test(regex.slice(i + 1)) && !/^\{(\d+),\1\}/.test(regex.slice(i + 1)));
      if (inner && quantified) return true;
      quantifiedInside = quantifiedInside || inner || quantified;
      continue;
    }
    if (c === '+' || c === '*' || (c === '{' && /^\{\d+,\d*\}/.test(regex.slice(i)))) quantifiedInside = true;
  }
  return false;
}

/** Validate a raw regular expression from rule data. */
export function checkRaw(source: string): string {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    throw new PatternError(`invalid regular expression /${source}/: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  if (hasNestedQuantifier(source)) {
    throw new PatternError(`regular expression /${source}/ nests quantifiers (like (a+)+) and could hang on long text; rewrite it without a repeated group that itself repeats`);
  }
  // Capturing groups would shift poa's own groups: make them non-capturing.
  return source.replace(/(^|[^\\])\((?!\?)/g, '$1(?:');
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): Item[] {
    const items = this.sequence();
    if (this.pos < this.text.length) throw new PatternError(`unexpected "${this.text[this.pos]}" at ${this.pos + 1} in "${this.text}"`);
    return items;
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    for (;;) {
      this.skipSpaces();
      const c = this.text[this.pos];
      if (c === undefined || c === ')' || c === '|') return items;
      items.push(this.item());
    }
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  private optional(): boolean {
    if (this.text[this.pos] === '?') {
      this.pos++;
      return true;
    }
    return false;
  }

  private item(): Item {
    const c = this.text[this.pos];
    if (c === '(') {
      this.pos++;
      const alternatives: Item[][] = [this.sequence()];
      while (this.text[this.pos] === '|') {
        this.pos++;
        alternatives.push(this.sequence());
      }
      if (this.text[this.pos] !== ')') throw new PatternError(`missing ")" in "${this.text}"`);
      this.pos++;
      if (alternatives.some((a) => a.length === 0)) throw new PatternError(`empty alternative in "${this.text}"`);
      return { type: 'group', alternatives, optional: this.optional() };
    }
    if (c === '{') {
      const m = /^\{(\d+),(\d+)\}/.exec(this.text.slice(this.pos));
      if (!m) throw new PatternError(`a gap is written {min,max}, as in {0,3}, in "${this.text}"`);
      this.pos += m[0].length;
      const min = Number(m[1]);
      const max = Number(m[2]);
      if (min > max || max > 12) throw new PatternError(`gap ${m[0]} must have min ≤ max ≤ 12 in "${this.text}"`);
      return { type: 'gap', min, max, optional: false };
    }
    if (this.text.startsWith('re:', this.pos)) {
      this.pos += 3;
      let depth = 0;
      let out = '';
      while (this.pos < this.text.length) {
        const ch = this.text[this.pos] as string;
        if (ch === '\\') {
          out += ch + (this.text[this.pos + 1] ?? '');
          this.pos += 2;
          continue;
        }
        if (depth === 0 && (ch === ' ' || ch === '|' || ch === ')')) break;
        if (ch === '(') depth++;
        if (ch === ')') depth--;
        out += ch;
        this.pos++;
      }
      if (out === '') throw new PatternError(`empty re: token in "${this.text}"`);
      return { type: 'raw', source: checkRaw(out), optional: false };
    }
    let word = '';
    while (this.pos < this.text.length && !/[\s()|{]/.test(this.text[this.pos] as string)) {
      word += this.text[this.pos];
      this.pos++;
    }
    let optional = false;
    if (word.endsWith('?')) {
      optional = true;
      word = word.slice(0, -1);
    }
    if (word === '') throw new PatternError(`unexpected "${this.text[this.pos]}" in "${this.text}"`);
    return { type: 'word', source: word, optional };
  }
}

function wordRegex(word: string): string {
  const folded = foldText(word);
  if (folded.endsWith('*')) return `${escapeRegExp(folded.slice(0, -1))}[${W}'\\-]*`;
  return `${escapeRegExp(folded)}${AFTER}`;
}

function itemRegex(item: Item): string {
  switch (item.type) {
    case 'word':
      return wordRegex(item.source);
    case 'raw':
      return `(?:${item.source})`;
    case 'group':
      return `(?:${item.alternatives.map(sequenceRegex).join('|')})`;
    case 'gap':
      return '';
  }
}

/** A sequence of items, separators between them, gaps and optional items folded in. */
function sequenceRegex(items: Item[]): string {
  let out = '';
  let needSep = false;
  items.forEach((item, i) => {
    if (item.type === 'gap') {
      out += `${needSep ? SEP : ''}(?:${WORD}${SEP}){${item.min},${item.max}}`;
      needSep = false;
      return;
    }
    const body = itemRegex(item);
    const isLast = i === items.length - 1;
    if (item.optional) {
      // The separator goes inside the optional part, on whichever side has a neighbour.
      // (?:SEP x)? keeps the separator owed to the next item; (?:x SEP)? pays it inside.
      out += needSep ? `(?:${SEP}${body})?` : isLast ? `(?:${body})?` : `(?:${body}${SEP})?`;
      return;
    }
    out += (needSep ? SEP : '') + body;
    needSep = true;
  });
  return out;
}

/** Compile one pattern to a regular-expression source (no flags; use with `u`). */
export function compilePattern(pattern: string): string {
  const trimmed = pattern.trim();
  if (trimmed.startsWith('re:')) return checkRaw(trimmed.slice(3));
  const items = new Parser(trimmed).parse();
  if (items.length === 0) throw new PatternError('empty pattern');
  if (items.every((i) => i.type === 'gap' || i.optional)) throw new PatternError(`"${pattern}" can match nothing but optional words`);
  return BEFORE + sequenceRegex(items);
}

/** Join compiled patterns into one regular expression; a failure is a PatternError naming the cause. */
export function joinPatterns(sources: string[], flags: string): RegExp {
  try {
    return new RegExp(sources.join('|'), flags);
  } catch (error) {
    throw new PatternError(`the patterns do not combine into a valid regular expression: ${(error as Error).message}`);
  }
}
