// Compiles poa's phrase patterns ("we will {0,3} improv*", "(it|this) won't happen again", "re:…") into regular expressions over folded prose.

import { foldText as foldAny } from '../document/text.js';

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

const foldedWords = new Map<string, string>();

/** A pattern word folded as prose is; rule packs repeat the same words thousands of times. */
function foldText(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldAny(word);
    foldedWords.set(word, folded);
  }
  return folded;
}

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

/** The first character-matching atom of an alternative (`a`, `\\.`, `[^.!?]`, `\\d`), or null when it cannot tell (groups, assertions, optional atoms). */
function firstAtom(alternative: string): string | null {
  const c = alternative[0];
  let atom: string;
  if (c === undefined || '()^$|*+?{'.includes(c)) return null;
  if (c === '\\') {
    const m = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[^bBk1-9])/u.exec(alternative);
    if (!m) return null;
    atom = m[0];
  } else if (c === '[') {
    let i = 1;
    if (alternative[i] === '^') i++;
    if (alternative[i] === ']') i++;
    while (i < alternative.length && alternative[i] !== ']') i += alternative[i] === '\\' ? 2 : 1;
    if (i >= alternative.length) return null;
    atom = alternative.slice(0, i + 1);
  } else {
    atom = String.fromCodePoint(alternative.codePointAt(0) as number);
  }
  return /^(?:[?*]|\{0[,}])/.test(alternative.slice(atom.length)) ? null : atom;
}

const overlapCache = new Map<string, boolean>();

/** Whether two first atoms can match the same character (tried on every character of the BMP). */
function atomsOverlap(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  const key = `${a}\u0000${b}`;
  let overlap = overlapCache.get(key);
  if (overlap === undefined) {
    overlap = false;
    try {
      const ra = new RegExp(`^(?:${a})$`, 'u');
      const rb = new RegExp(`^(?:${b})$`, 'u');
      for (let code = 0; code <= 0xffff && !overlap; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const ch = String.fromCharCode(code);
        overlap = ra.test(ch) && rb.test(ch);
      }
    } catch {
      overlap = true;
    }
    overlapCache.set(key, overlap);
  }
  return overlap;
}

/**
 * A choice repeated without bound whose alternatives can begin with the same character, such as
 * (a|aa)+ or (\\w|\\d)*: on a long run of that character the engine tries every way to split it,
 * which takes exponential time. (?:[^.!?]|\\.(?=\\d))*? is fine: its alternatives start differently.
 */
export function hasAmbiguousRepetition(regex: string): boolean {
  interface Group {
    open: number;
    /** Where the group's own text starts, after `(?:`, `(?<name>`, `(?=`… */
    body: number;
    bars: number[];
    close: number;
  }
  const stack: Group[] = [];
  const groups: Group[] = [];
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      i++;
      if (regex[i] === '^') i++;
      if (regex[i] === ']') i++;
      while (i < regex.length && regex[i] !== ']') i += regex[i] === '\\' ? 2 : 1;
    } else if (c === '(') {
      const prefix = /^\((?:\?(?::|=|!|<=|<!|<[^>]*>))?/.exec(regex.slice(i))?.[0] ?? '(';
      stack.push({ open: i, body: i + prefix.length, bars: [], close: -1 });
    } else if (c === '|') {
      stack[stack.length - 1]?.bars.push(i);
    } else if (c === ')') {
      const group = stack.pop();
      if (group) {
        group.close = i;
        groups.push(group);
      }
    }
  }
  const unbounded = groups.filter((g) => /^(?:[*+]|\{\d+,\})/.test(regex.slice(g.close + 1)));
  for (const outer of unbounded) {
    for (const inner of groups) {
      if (inner.bars.length === 0 || inner.open < outer.open || inner.close > outer.close) continue;
      const cuts = [inner.body - 1, ...inner.bars, inner.close];
      const atoms = cuts.slice(1).map((cut, k) => firstAtom(regex.slice((cuts[k] as number) + 1, cut)));
      for (let x = 0; x < atoms.length; x++) {
        for (let y = x + 1; y < atoms.length; y++) if (atomsOverlap(atoms[x] as string | null, atoms[y] as string | null)) return true;
      }
    }
  }
  return false;
}

/** Validate a raw regular expression from rule data. */
export function checkRaw(source: string): string {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    // V8 says "Invalid regular expression: /…/u: Unterminated group": the expression is named once.
    const why = (error as Error).message.replace(/^Invalid regular expression: /, '').replace(/^\/[\s\S]*\/[a-z]*: /, '');
    throw new PatternError(`invalid regular expression /${source}/: ${why}`);
  }
  if (hasNestedQuantifier(source)) {
    throw new PatternError(`regular expression /${source}/ nests quantifiers (like (a+)+) and could hang on long text; rewrite it without a repeated group that itself repeats`);
  }
  if (hasAmbiguousRepetition(source)) {
    throw new PatternError(
      `regular expression /${source}/ repeats a choice whose alternatives can match the same text (like (a|aa)+) and could hang on long text; make the alternatives start differently, or bound the repetition, as in {1,20}`,
    );
  }
  return nonCapturing(source);
}

/** Capturing groups would shift poa's own groups: make them non-capturing. */
function nonCapturing(source: string): string {
  return source.replace(/(^|[^\\])\((?!\?)/g, '$1(?:');
}

class Parser {
  private pos = 0;
  /** `check`: validate raw tokens (off for patterns already checked, by the build or earlier in this process). */
  constructor(
    private readonly text: string,
    private readonly check = true,
  ) {}

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
      return { type: 'raw', source: this.check ? checkRaw(out) : nonCapturing(out), optional: false };
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
    case 'group': {
      // A group of plain words checks the word end once for all of them: a far smaller expression.
      const plain = item.alternatives.every((a) => a.length === 1 && a[0]?.type === 'word' && !a[0].optional && !a[0].source.endsWith('*'));
      if (plain) return `(?:${item.alternatives.map((a) => escapeRegExp(foldText((a[0] as { source: string }).source))).join('|')})${AFTER}`;
      return `(?:${item.alternatives.map(sequenceRegex).join('|')})`;
    }
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

/**
 * Every match of a global expression in a text, line by line, with offsets in the whole text. No match
 * spans a line break, so a slow expression from a user's rule pack costs at most a line's worth per
 * position (poa's prose breaks long lines) instead of the whole draft's.
 */
export function* matchLines(regex: RegExp, text: string): Generator<RegExpExecArray> {
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    if (to > from) {
      regex.lastIndex = 0;
      for (const m of text.slice(from, to).matchAll(regex)) {
        m.index += from;
        yield m;
      }
    }
    from = to + 1;
  }
  regex.lastIndex = 0;
}

/** Whether an expression matches within one line of a text (see matchLines). */
export function testLines(regex: RegExp, text: string): boolean {
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    regex.lastIndex = 0;
    if (to > from && regex.test(text.slice(from, to))) {
      regex.lastIndex = 0;
      return true;
    }
    from = to + 1;
  }
  return false;
}

/** Where a pattern can start: the first word of each way it can begin, or null when it can start anywhere (raw, gap). */
interface Anchors {
  exact: Set<string>;
  prefixes: Set<string>;
}

const FIRST_RUN = new RegExp(`^[${W}]+`);

function anchorsOf(items: Item[], into: Anchors): boolean {
  for (const item of items) {
    if (item.type === 'gap' || item.type === 'raw') return false;
    if (item.type === 'word') {
      const folded = foldText(item.source);
      const stem = folded.endsWith('*') ? folded.slice(0, -1) : folded;
      const run = FIRST_RUN.exec(stem)?.[0];
      if (!run) return false;
      // A stem that is one run of letters is a prefix; anything longer anchors on its first run exactly.
      if (folded.endsWith('*') && run === stem) into.prefixes.add(run);
      else into.exact.add(run);
    } else {
      for (const alternative of item.alternatives) if (!anchorsOf(alternative, into)) return false;
    }
    if (!item.optional) return true;
  }
  return false;
}

export interface PhraseGroup {
  id: string;
  patterns: string[];
}

export interface PhraseMatch {
  start: number;
  end: number;
  /** Index of the group (family) that matched. */
  group: number;
}


interface Keyed {
  group: number;
  pattern: string;
}

/** Where a pattern is filed: its exact first words and first-word stems, or null when it can start anywhere. */
export type PatternAnchors = [exact: string[], prefixes: string[]] | null;

/**
 * Anchors of every pattern seen, by pattern. The build stores those of poa's own rules with the compiled pack
 * and seeds them back (seedAnchors), so a start-up files patterns without parsing them; a pattern is parsed
 * the first time a draft holds one of its words.
 */
const knownAnchors = new Map<string, PatternAnchors>();
const parsedItems = new Map<string, Item[]>();

/** Patterns known to be valid: checked by the build (seeded) or parsed without error in this process. */
const checkedPatterns = new Set<string>();

export function seedAnchors(anchors: Record<string, PatternAnchors>): void {
  for (const [pattern, a] of Object.entries(anchors)) {
    if (!knownAnchors.has(pattern)) knownAnchors.set(pattern, a);
    checkedPatterns.add(pattern);
  }
}

/** The expression of a `re:` pattern, checked unless it is known to be valid; it is then stored with the anchors. */
function rawPattern(pattern: string): string {
  if (checkedPatterns.has(pattern)) return nonCapturing(pattern.slice(3));
  const source = compilePattern(pattern);
  checkedPatterns.add(pattern);
  knownAnchors.set(pattern, null);
  return source;
}

/** The anchors of every pattern compiled so far in this process (the build stores them). */
export function anchorIndex(): Record<string, PatternAnchors> {
  return Object.fromEntries(knownAnchors);
}

/** A pattern's items, checked (raw tokens included) the first time it is parsed. */
function itemsOf(pattern: string): Item[] {
  let items = parsedItems.get(pattern);
  if (!items) {
    items = new Parser(pattern, !checkedPatterns.has(pattern)).parse();
    checkItems(pattern, items);
    checkedPatterns.add(pattern);
    parsedItems.set(pattern, items);
  }
  return items;
}

/** Where a pattern is filed, worked out from the pattern itself (never from stored anchors). */
export function patternAnchors(pattern: string): PatternAnchors {
  const trimmed = pattern.trim();
  // A whole `re:` pattern can start anywhere.
  return trimmed.startsWith('re:') ? null : anchorsFor(trimmed, false);
}

function anchorsFor(pattern: string, trusted: boolean): PatternAnchors {
  if (trusted) {
    const known = knownAnchors.get(pattern);
    if (known !== undefined) return known;
  }
  const anchors: Anchors = { exact: new Set(), prefixes: new Set() };
  const found: PatternAnchors = anchorsOf(itemsOf(pattern), anchors) ? [[...anchors.exact], [...anchors.prefixes]] : null;
  knownAnchors.set(pattern, found);
  return found;
}

/** A step of a compiled pattern: given the text and a position, the end of the whole match, or -1. */
type Step = (text: string, pos: number) => number;

/** The regular expression a pattern compiles to, as a tree of the constructs poa's patterns use. */
type Node =
  | { t: 'lit'; s: string; after: boolean }
  | { t: 'stem'; s: string }
  | { t: 'word' }
  | { t: 'sep' }
  | { t: 'alt'; alts: Node[][] }
  | { t: 'opt'; body: Node[] }
  | { t: 'rep'; body: Node[]; min: number; max: number };

// The character classes of W, WORD and SEP above, on UTF-16 code units. Lines with surrogates
// (emoji, rare scripts) go through the regular expressions, where `u` reads them as code points.
const isW = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0xc0;
const inWord = (c: number): boolean => isW(c) || c === 39 || c === 45;
const inSep = (c: number): boolean => c === c && !isW(c) && c !== 46 && c !== 33 && c !== 63 && c !== 10;
const SURROGATE = /[\ud800-\udfff]/;
/** A character of a word as the matchers split texts: W on code units (surrogate halves included, like [W] without `u`). */
const isTokenChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0xc0;

/** The same construction as sequenceRegex, as nodes. */
function sequenceNodes(items: Item[]): Node[] | null {
  const out: Node[] = [];
  let needSep = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    if (item.type === 'gap') {
      if (needSep) out.push({ t: 'sep' });
      out.push({ t: 'rep', body: [{ t: 'word' }, { t: 'sep' }], min: item.min, max: item.max });
      needSep = false;
      continue;
    }
    const body = itemNodes(item);
    if (body === null) return null;
    if (item.optional) {
      out.push({ t: 'opt', body: needSep ? [{ t: 'sep' }, ...body] : i === items.length - 1 ? body : [...body, { t: 'sep' }] });
      continue;
    }
    if (needSep) out.push({ t: 'sep' });
    out.push(...body);
    needSep = true;
  }
  return out;
}

/** An item as nodes; null for raw expressions, which only a regular expression can run. */
function itemNodes(item: Exclude<Item, { type: 'gap' }>): Node[] | null {
  if (item.type === 'raw') return null;
  if (item.type === 'word') {
    const folded = foldText(item.source);
    return [folded.endsWith('*') ? { t: 'stem', s: folded.slice(0, -1) } : { t: 'lit', s: folded, after: true }];
  }
  const alts: Node[][] = [];
  for (const alternative of item.alternatives) {
    const nodes = sequenceNodes(alternative);
    if (nodes === null) return null;
    alts.push(nodes);
  }
  return [{ t: 'alt', alts }];
}

/** A word's bucket in a long choice: its first letter and its length. */
const wordKey = (first: number, length: number): number => first * 4096 + Math.min(length, 4095);

/** Try the longest run first, then shorter ones, as a greedy quantifier backtracks. */
function backtrack(from: number, to: number, text: string, next: Step): number {
  for (let q = to; q >= from; q--) {
    const r = next(text, q);
    if (r >= 0) return r;
  }
  return -1;
}

function chain(nodes: Node[], next: Step): Step {
  let step = next;
  for (let i = nodes.length - 1; i >= 0; i--) step = stepOf(nodes[i] as Node, step, nodes[i + 1]?.t === 'sep');
  return step;
}

/**
 * Where a word run may end when a separator comes next: a separator cannot start on a word character,
 * so only the run's end and the positions before an apostrophe or a dash inside it are worth trying.
 */
function backtrackToSep(from: number, to: number, text: string, next: Step): number {
  const r = next(text, to);
  if (r >= 0) return r;
  for (let q = to - 1; q >= from; q--) {
    if (isW(text.charCodeAt(q))) continue;
    const s = next(text, q);
    if (s >= 0) return s;
  }
  return -1;
}

/** A node as a step; `sepNext` says the next node is a separator (so word runs backtrack only to non-word characters). */
function stepOf(node: Node, next: Step, sepNext = false): Step {
  const retreat = sepNext ? backtrackToSep : backtrack;
  switch (node.t) {
    case 'lit': {
      const { s, after } = node;
      return (text, pos) => (text.startsWith(s, pos) && !(after && isW(text.charCodeAt(pos + s.length))) ? next(text, pos + s.length) : -1);
    }
    case 'stem': {
      const { s } = node;
      return (text, pos) => {
        if (!text.startsWith(s, pos)) return -1;
        let end = pos + s.length;
        while (inWord(text.charCodeAt(end))) end++;
        return retreat(pos + s.length, end, text, next);
      };
    }
    case 'word':
      return (text, pos) => {
        if (!isW(text.charCodeAt(pos))) return -1;
        let end = pos + 1;
        while (inWord(text.charCodeAt(end))) end++;
        return retreat(pos + 1, end, text, next);
      };
    case 'sep':
      return (text, pos) => {
        let end = pos;
        while (inSep(text.charCodeAt(end))) end++;
        return end === pos ? -1 : backtrack(pos + 1, end, text, next);
      };
    case 'alt': {
      const alts = node.alts.map((a) => chain(a, next));
      if (alts.length < 4) {
        return (text, pos) => {
          for (const alt of alts) {
            const r = alt(text, pos);
            if (r >= 0) return r;
          }
          return -1;
        };
      }
      // A long choice of words ("(customer|buyer|carrier|…)") is tried only where its first word can match:
      // alternatives are bucketed by the first letter and length of the word they start with, and tried in
      // their order. The others (stems, options, words with an apostrophe or a dash) are always tried.
      const byWord = new Map<number, number[]>();
      const always: number[] = [];
      node.alts.forEach((a, i) => {
        const first = a[0];
        if (first?.t === 'lit' && first.after && ALL_WORD.test(first.s)) {
          const key = wordKey(first.s.charCodeAt(0), first.s.length);
          byWord.set(key, [...(byWord.get(key) ?? []), i]);
        } else {
          always.push(i);
        }
      });
      for (const [key, list] of byWord) byWord.set(key, [...list, ...always].sort((x, y) => x - y));
      return (text, pos) => {
        let end = pos;
        while (isW(text.charCodeAt(end))) end++;
        const tried = end > pos ? (byWord.get(wordKey(text.charCodeAt(pos), end - pos)) ?? always) : always;
        for (const i of tried) {
          const r = (alts[i] as Step)(text, pos);
          if (r >= 0) return r;
        }
        return -1;
      };
    }
    case 'opt': {
      const body = chain(node.body, next);
      return (text, pos) => {
        const r = body(text, pos);
        return r >= 0 ? r : next(text, pos);
      };
    }
    case 'rep': {
      // X{min,max}, greedy: min copies, then (?:X(?:X…)?)? nested, so no split of the repeats is tried twice.
      let tail = next;
      for (let j = 0; j < node.max - node.min; j++) {
        const more = chain(node.body, tail);
        tail = (text, pos) => {
          const r = more(text, pos);
          return r >= 0 ? r : next(text, pos);
        };
      }
      for (let j = 0; j < node.min; j++) tail = chain(node.body, tail);
      return tail;
    }
  }
}

const matchEnd: Step = (_text, pos) => pos;

/** Groups (families) of a matcher are numbered below this; a match packs its length and group in one number. */
const GROUPS = 65536;

/**
 * A pattern ready to run, shared by every key, rule and matcher that files it. `needs` are words a text must
 * hold for it to match anywhere (one of each list); `second` what the word after the one it starts at must be
 * (null: anything). It runs as a step, or as a sticky expression when it holds raw tokens, built the first time
 * it is tried.
 */
interface Program {
  needs: string[][];
  second: SecondWord | null;
  items: Item[];
  nodes: Node[] | null;
  run: Step | RegExp | null;
}

interface Unit {
  group: number;
  program: Program;
}

const programs = new Map<string, Program>();

function programOf(pattern: string): Program {
  let program = programs.get(pattern);
  if (!program) {
    const items = itemsOf(pattern);
    const nodes = sequenceNodes(items);
    program = { needs: nodes === null ? [] : needsOf(nodes), second: nodes === null ? null : secondWordOf(nodes), items, nodes, run: null };
    programs.set(pattern, program);
  }
  return program;
}

function runOf(program: Program): Step | RegExp {
  if (program.run === null) {
    if (program.nodes === null) {
      program.run = joinPatterns([BEFORE + sequenceRegex(program.items)], 'uy');
    } else {
      const body = chain(program.nodes, matchEnd);
      program.run = (text, pos) => (pos > 0 && isW(text.charCodeAt(pos - 1)) ? -1 : body(text, pos));
    }
  }
  return program.run;
}

const ALL_WORD = new RegExp(`^[${W}]+$`);

/**
 * What a text must hold for a sequence to match anywhere in it: lists of words, one of each list.
 * A literal outside options and gaps starts and ends at a word boundary, so it is a whole word of the
 * text; a choice needs one word from each of its alternatives' needs.
 */
function needsOf(nodes: Node[]): string[][] {
  const needs: string[][] = [];
  for (const node of nodes) {
    if (node.t === 'lit' && ALL_WORD.test(node.s)) needs.push([node.s]);
    if (node.t !== 'alt') continue;
    const anyOf: string[] = [];
    for (const alt of node.alts) {
      const first = needsOf(alt)[0];
      if (first === undefined) {
        anyOf.length = 0;
        break;
      }
      anyOf.push(...first);
    }
    if (anyOf.length > 0) needs.push([...new Set(anyOf)]);
  }
  return needs;
}

/** The second word of a match, as the matchers split texts into words: one of `exact`, or one starting with one of `prefixes`. */
interface SecondWord {
  exact: Set<string>;
  prefixes: string[];
}

/** Paths through choices and options tried before giving up on a pattern's second word (it then runs everywhere). */
const SECOND_WORD_PATHS = 512;

/**
 * What the second word of every match of a sequence is, or null when it cannot be told: a match may be one
 * word long, or a stem or any-word comes first (it may run over an apostrophe or a dash, so the words after
 * it are not counted). Worked out on the text a match reads, path by path through choices and options:
 * words are runs of word characters, as wordsOf splits texts, and a separator always ends one.
 */
function secondWordOf(nodes: Node[]): SecondWord | null {
  const second: SecondWord = { exact: new Set(), prefixes: [] };
  let paths = 0;
  /** The words finished so far on a path and the word being read; false once the path says nothing. */
  const walk = (rest: Node[][], finished: number, word: string): boolean => {
    if (++paths > SECOND_WORD_PATHS) return false;
    const list = rest[rest.length - 1];
    if (list === undefined) return false; // the match ends before a second word
    const node = list[0];
    if (node === undefined) return walk(rest.slice(0, -1), finished, word);
    const after = [...rest.slice(0, -1), list.slice(1)];
    switch (node.t) {
      case 'lit':
      case 'stem': {
        let done = finished;
        let current = word;
        for (let i = 0; i < node.s.length; i++) {
          const c = node.s.charCodeAt(i);
          if (isTokenChar(c)) current += node.s[i];
          else if (current !== '') {
            if (done === 1) {
              second.exact.add(current);
              return true;
            }
            done++;
            current = '';
          }
        }
        if (node.t === 'stem') {
          // The word the stem starts is the second one: it begins with what the stem spells out.
          if (done === 1 && current !== '') {
            second.prefixes.push(current);
            return true;
          }
          return false;
        }
        // A literal ends its word (nothing from the word set may follow it).
        if (current !== '' && node.after) {
          if (done === 1) {
            second.exact.add(current);
            return true;
          }
          return walk(after, done + 1, '');
        }
        return walk(after, done, current);
      }
      case 'sep':
        if (word === '') return walk(after, finished, '');
        if (finished === 1) {
          second.exact.add(word);
          return true;
        }
        return walk(after, finished + 1, '');
      case 'word':
        return false;
      case 'alt':
        return node.alts.every((alt) => walk([...after, alt], finished, word));
      case 'opt':
        return walk([...after, node.body], finished, word) && walk(after, finished, word);
      case 'rep': {
        // X{min,max} read as min copies of X, then (X(X…)?)? nested, as stepOf builds it.
        let more: Node[] = [];
        for (let j = node.min; j < node.max; j++) more = [{ t: 'opt', body: [...node.body, ...more] }];
        const copies: Node[] = [];
        for (let j = 0; j < node.min; j++) copies.push(...node.body);
        return walk([...after, [...copies, ...more]], finished, word);
      }
    }
  };
  return walk([nodes], 0, '') ? second : null;
}

/** A key of a matcher: its patterns as programs, and those that can match in the text scanned last. */
interface KeyEntry {
  key: string;
  units: Unit[];
  /** What the second word of a match of any of its units can be; null when one of them can have any. */
  second: SecondWord | null;
  forWords: Words | null;
  live: Unit[];
}

/** The second words of several programs together, or null when one of them takes any. */
function secondWordOfAll(programs: Program[]): SecondWord | null {
  const all: SecondWord = { exact: new Set(), prefixes: [] };
  for (const { second } of programs) {
    if (second === null) return null;
    for (const word of second.exact) all.exact.add(word);
    all.prefixes.push(...second.prefixes);
  }
  return all;
}

/** Whether a word (undefined: the text ends) can be the second word a SecondWord allows. */
function allows(second: SecondWord, next: string | undefined): boolean {
  return next !== undefined && (second.exact.has(next) || second.prefixes.some((p) => next.startsWith(p)));
}

interface Words {
  text: string;
  starts: number[];
  words: string[];
  /** Each word's number in `wordOfId`, for the matchers' per-word flags (-1 for numbers, which are not numbered). */
  ids: Int32Array;
  generation: number;
  surrogates: boolean;
  /** The distinct words, built on first use. */
  set?: Set<string>;
}

/**
 * The texts tokenised last, by content: every rule's matchers scan the same prose, items and sentences, so
 * their words are found once per draft. The oldest goes past RECENT_TEXTS.
 */
const recentWords = new Map<string, Words>();
const RECENT_TEXTS = 64;

/**
 * Every distinct word seen, numbered: a matcher remembers per number whether a word can start one of its
 * patterns, so most words of a text cost it one array read. Renumbered from scratch (a new generation)
 * once past MAX_WORD_IDS, so a long run over many drafts stays within bounded memory.
 *
 * The numbers live in an open-addressing table of the words' hashes, looked up on the text's characters:
 * a word seen before is neither cut out of the text nor hashed again as a string, and its `words` entry
 * is the one string kept for it (measured: a Map keyed by the cut-out words was most of tokenising's time).
 */
const MAX_WORD_IDS = 1 << 18;
/** Slots of the table (a power of two, kept at least twice the words numbered), each a word's number or -1. */
let wordTable = new Int32Array(1 << 12).fill(-1);
const wordOfId: string[] = [];
const hashOfId: number[] = [];
let wordGeneration = 0;

function fileWord(table: Int32Array, id: number): void {
  const mask = table.length - 1;
  let slot = (hashOfId[id] as number) & mask;
  while ((table[slot] as number) >= 0) slot = (slot + 1) & mask;
  table[slot] = id;
}

/** The number of the word text[start, end), numbering it if new (its hash `h` computed by the caller). */
function wordId(text: string, start: number, end: number, h: number): number {
  const length = end - start;
  const mask = wordTable.length - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const id = wordTable[slot] as number;
    if (id < 0) {
      const fresh = wordOfId.length;
      wordOfId.push(text.slice(start, end));
      hashOfId.push(h);
      if (wordOfId.length * 2 > wordTable.length) {
        wordTable = new Int32Array(wordTable.length * 2).fill(-1);
        for (let k = 0; k < wordOfId.length; k++) fileWord(wordTable, k);
      } else {
        wordTable[slot] = fresh;
      }
      return fresh;
    }
    if (hashOfId[id] !== h) continue;
    const known = wordOfId[id] as string;
    if (known.length !== length) continue;
    let k = 0;
    while (k < length && known.charCodeAt(k) === text.charCodeAt(start + k)) k++;
    if (k === length) return id;
  }
}

function wordsOf(text: string): Words {
  const seen = recentWords.get(text);
  if (seen !== undefined && seen.generation === wordGeneration) return seen;
  if (wordOfId.length > MAX_WORD_IDS) {
    wordTable = new Int32Array(1 << 12).fill(-1);
    wordOfId.length = 0;
    hashOfId.length = 0;
    wordGeneration++;
  }
  const starts: number[] = [];
  const words: string[] = [];
  const numbered: number[] = [];
  // Runs of word characters, found without a regular expression (no match object per word).
  for (let i = 0, n = text.length; i < n; ) {
    let c = text.charCodeAt(i);
    if (!isTokenChar(c)) {
      i++;
      continue;
    }
    const start = i;
    // Numbers (order IDs, dates, amounts) are nearly all distinct: they are not numbered, and are looked up each time.
    if (c >= 48 && c <= 57) {
      while (i < n && isTokenChar(text.charCodeAt(i))) i++;
      starts.push(start);
      words.push(text.slice(start, i));
      numbered.push(-1);
      continue;
    }
    let h = 0x811c9dc5;
    while (i < n && isTokenChar(c)) {
      h = Math.imul(h ^ c, 0x01000193);
      c = text.charCodeAt(++i);
    }
    const id = wordId(text, start, i, h >>> 0);
    starts.push(start);
    words.push(wordOfId[id] as string);
    numbered.push(id);
  }
  const ids = Int32Array.from(numbered);
  const w: Words = { text, starts, words, ids, generation: wordGeneration, surrogates: SURROGATE.test(text) };
  recentWords.delete(text);
  recentWords.set(text, w);
  if (recentWords.size > RECENT_TEXTS) recentWords.delete(recentWords.keys().next().value as string);
  return w;
}

/** The longest text a `whole` matcher reads whole: far longer than any item of a plan (about 3,000 words). */
const WHOLE_CHARS = 20_000;

/** The line around an offset, kept while the offsets stay on it. */
class LineAt {
  private current = { from: 0, to: -1, text: '', surrogates: false };
  /** `whole`: the text is one line, for matchers that read a text whole (see PhraseMatcher's `whole`). */
  constructor(
    readonly text: string,
    private readonly whole = false,
  ) {}

  at(offset: number): { from: number; text: string; surrogates: boolean } {
    const c = this.current;
    if (offset >= c.from && offset < c.to) return c;
    if (this.whole) {
      this.current = { from: 0, to: Infinity, text: this.text, surrogates: SURROGATE.test(this.text) };
      return this.current;
    }
    const from = this.text.lastIndexOf('\n', offset - 1) + 1;
    let to = this.text.indexOf('\n', offset);
    if (to === -1) to = this.text.length;
    const line = this.text.slice(from, to);
    this.current = { from, to, text: line, surrogates: SURROGATE.test(line) };
    return this.current;
  }
}

/**
 * A pattern as the program PhraseMatcher runs: the end of the match starting at a position, or -1.
 * Null for patterns with raw tokens, which run as expressions. (The tests hold it to compilePattern.)
 */
export function compileProgram(pattern: string): Step | null {
  const trimmed = pattern.trim();
  if (trimmed.startsWith('re:')) return null;
  const run = runOf(programOf(trimmed));
  return typeof run === 'function' ? run : null;
}

/** Check a parsed pattern as compilePattern does. */
function checkItems(pattern: string, items: Item[]): void {
  if (items.length === 0) throw new PatternError('empty pattern');
  if (items.every((i) => i.type === 'gap' || i.optional)) throw new PatternError(`"${pattern}" can match nothing but optional words`);
}

/**
 * All the patterns of a rule in one language. Most patterns begin with a known word, so they are
 * filed under that word and only tried where it occurs: a map lookup per word of the text, then the
 * patterns filed under it, run as small backtracking programs (the same semantics as the regular
 * expressions they stand for, without the cost of compiling those). Patterns that can begin
 * anywhere (raw expressions, leading gaps) are scanned as one expression.
 */
export class PhraseMatcher {
  private readonly keyed = new Map<string, Keyed[]>();
  private readonly compiled = new Map<string, RegExp>();
  /** Exact first words and first-word stems, each mapped to its key in `keyed`. */
  private readonly exactKeys = new Map<string, string>();
  private readonly prefixKeys = new Map<string, string>();
  /** Lengths of the stems, longest first, to look a word's beginnings up. */
  private prefixLengths: number[] = [];
  /** The first two letters of every stem (one for one-letter stems), as char codes: most words start with none of them. */
  private readonly prefixHeads1 = new Set<number>();
  private readonly prefixHeads2 = new Set<number>();
  /** Lines of the text being scanned, for the patterns that run as expressions. */
  private lines: LineAt | null = null;
  /**
   * Per word number (see wordOfId): 0 not looked at yet, 1 starts none of the patterns, 2 starts some, whose keys
   * (its exact key and the keys of its stems) are in `entriesById`. Most words of a text cost one byte read; a
   * byte per number, as numbers run up to MAX_WORD_IDS in a long run and few words start patterns.
   */
  private interest = new Uint8Array(0);
  private readonly entriesById = new Map<number, KeyEntry[]>();
  private entriesGeneration = -1;
  private readonly entries = new Map<string, KeyEntry>();
  private readonly free: RegExp | null;
  readonly size: number;

  /** Expressions read the text whole (anchors and look-behinds see past line ends) instead of line by line. */
  private readonly whole: boolean;

  /**
   * Whether expressions read this text whole: when asked, and the text is an item's length. A text longer than
   * WHOLE_CHARS (a draft whose thousands of lines make one paragraph) is read line by line, as prose is: an
   * expression such as ^(?:[^.!?])*?\bwe run over megabytes without a full stop overflows V8's stack.
   */
  private readsWhole(text: string): boolean {
    return this.whole && text.length <= WHOLE_CHARS;
  }

  /**
   * `eager` compiles every expression now, so a broken pattern is reported at once. `whole` runs the expressions
   * (raw tokens) on the whole text, as a regular expression's test would, for checks that test a short item.
   */
  constructor(groups: PhraseGroup[], options: { eager?: boolean; whole?: boolean } = {}) {
    this.whole = options.whole === true;
    const freeSources: string[] = [];
    if (groups.length >= GROUPS) throw new PatternError(`a rule can have at most ${GROUPS - 1} families of patterns`);
    groups.forEach((group, index) => {
      const free: string[] = [];
      for (const pattern of group.patterns) {
        const trimmed = pattern.trim();
        if (trimmed.startsWith('re:')) {
          free.push(rawPattern(trimmed));
          continue;
        }
        // Patterns of packs checked at build time are filed by their stored anchors, unparsed; others are parsed (and checked) now.
        const anchors = anchorsFor(trimmed, !options.eager);
        if (anchors === null) {
          free.push(BEFORE + sequenceRegex(itemsOf(trimmed)));
          continue;
        }
        for (const word of anchors[0]) {
          this.exactKeys.set(word, `=${word}`);
          this.file(`=${word}`, index, trimmed);
        }
        for (const prefix of anchors[1]) {
          this.prefixKeys.set(prefix, `*${prefix}`);
          if (prefix.length === 1) this.prefixHeads1.add(prefix.charCodeAt(0));
          else this.prefixHeads2.add(prefix.charCodeAt(0) * 65536 + prefix.charCodeAt(1));
          this.file(`*${prefix}`, index, trimmed);
        }
      }
      if (free.length > 0) freeSources.push(`(?<g${index}>${free.join('|')})`);
    });
    this.size = groups.reduce((n, g) => n + g.patterns.length, 0);
    this.prefixLengths = [...new Set([...this.prefixKeys.keys()].map((p) => p.length))].sort((a, b) => b - a);
    this.free = freeSources.length > 0 ? joinPatterns(freeSources, 'gu') : null;
    if (options.eager) for (const key of this.keyed.keys()) this.expression(key);
  }

  private file(key: string, group: number, pattern: string): void {
    const list = this.keyed.get(key) ?? [];
    list.push({ group, pattern });
    this.keyed.set(key, list);
  }

  /** The patterns filed under a key, in the order of the alternation `expression` builds. */
  private ordered(key: string): Keyed[] {
    const byGroup = new Map<number, Keyed[]>();
    for (const entry of this.keyed.get(key) ?? []) byGroup.set(entry.group, [...(byGroup.get(entry.group) ?? []), entry]);
    return [...byGroup.values()].flat();
  }

  /** One expression for a key: what lines with surrogates are matched with, and how `eager` checks patterns. */
  private expression(key: string): RegExp {
    let regex = this.compiled.get(key);
    if (!regex) {
      const byGroup = new Map<number, string[]>();
      for (const { group, pattern } of this.ordered(key)) byGroup.set(group, [...(byGroup.get(group) ?? []), BEFORE + sequenceRegex(itemsOf(pattern))]);
      regex = joinPatterns([...byGroup].map(([group, sources]) => `(?<g${group}>${sources.join('|')})`), 'uy');
      this.compiled.set(key, regex);
    }
    return regex;
  }

  private entry(key: string): KeyEntry {
    let e = this.entries.get(key);
    if (!e) {
      const units = this.ordered(key).map(({ group, pattern }) => ({ group, program: programOf(pattern) }));
      e = { key, units, second: secondWordOfAll(units.map((u) => u.program)), forWords: null, live: [] };
      this.entries.set(key, e);
    }
    return e;
  }

  /**
   * The units of a key that can match somewhere in this text (all the words they need are in it), worked
   * out once per text and key. Texts with surrogates keep every unit: their words may be split otherwise.
   */
  private static live(e: KeyEntry, words: Words): Unit[] {
    if (e.forWords !== words) {
      e.forWords = words;
      if (words.surrogates) e.live = e.units;
      else {
        const set = (words.set ??= new Set(words.words));
        e.live = e.units.filter((u) => u.program.needs.every((anyOf) => anyOf.some((w) => set.has(w))));
      }
    }
    return e.live;
  }

  private static group(m: RegExpExecArray): number {
    for (const key in m.groups) if (m.groups[key] !== undefined && /^g\d+$/.test(key)) return Number(key.slice(1));
    return 0;
  }

  /**
   * The first pattern filed under a key that matches at a position, as the key's alternation would find it:
   * its length × GROUPS + its group, or -1 (a number, not an object: this runs for most words of a draft).
   * `next` is the word after the one at `index`, which at() has read already.
   */
  private first(e: KeyEntry, words: Words, next: string | undefined, index: number, surrogates: LineAt | null): number {
    const { text } = words;
    if (surrogates?.at(index).surrogates) {
      const { from, text: lineText } = surrogates.at(index);
      const regex = this.expression(e.key);
      regex.lastIndex = index - from;
      const m = regex.exec(lineText);
      return m ? m[0].length * GROUPS + PhraseMatcher.group(m) : -1;
    }
    for (const unit of PhraseMatcher.live(e, words)) {
      const { second } = unit.program;
      // Most patterns filed under a common word ("we", "the") fail on the word after it: read that word only.
      if (second !== null && !allows(second, next)) continue;
      const run = runOf(unit.program);
      if (typeof run === 'function') {
        const end = run(text, index);
        if (end >= 0) return (end - index) * GROUPS + unit.group;
        continue;
      }
      // Expressions see one line, as they always have (anchors and lookbehinds stop at its ends).
      const { from, text: lineText } = (this.lines ??= new LineAt(text, this.readsWhole(text))).at(index);
      run.lastIndex = index - from;
      const m = run.exec(lineText);
      if (m) return m[0].length * GROUPS + unit.group;
    }
    return -1;
  }

  /** The keys whose patterns can start at a word of a text (null for none), remembered per word. */
  private entriesAt(tokens: Words, i: number): KeyEntry[] | null {
    if (this.entriesGeneration !== tokens.generation) {
      this.interest = new Uint8Array(Math.max(1024, wordOfId.length * 2));
      this.entriesById.clear();
      this.entriesGeneration = tokens.generation;
    }
    const id = tokens.ids[i] as number;
    if (id < 0) return this.entriesOf(tokens.words[i] as string);
    if (id >= this.interest.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.interest.length * 2));
      grown.set(this.interest);
      this.interest = grown;
    }
    const flag = this.interest[id] as number;
    if (flag === 1) return null;
    if (flag === 2) return this.entriesById.get(id) as KeyEntry[];
    const found = this.entriesOf(tokens.words[i] as string);
    this.interest[id] = found === null ? 1 : 2;
    if (found !== null) this.entriesById.set(id, found);
    return found;
  }

  /** The keys of a word: its exact key, then those of its stems, longest first (one-letter stems are filed under that letter, the others under their first two). */
  private entriesOf(word: string): KeyEntry[] | null {
    const c0 = word.charCodeAt(0);
    const exact = this.exactKeys.get(word);
    const head = this.prefixHeads1.has(c0) || (word.length > 1 && this.prefixHeads2.has(c0 * 65536 + word.charCodeAt(1)));
    if (exact === undefined && !head) return null;
    const list: KeyEntry[] = [];
    if (exact !== undefined) list.push(this.entry(exact));
    if (head) {
      for (const length of this.prefixLengths) {
        if (length > word.length) continue;
        const key = this.prefixKeys.get(word.length === length ? word : word.slice(0, length));
        if (key !== undefined) list.push(this.entry(key));
      }
    }
    return list.length > 0 ? list : null;
  }

  /** The longest match starting at a word, among the patterns filed under its keys (the first group on a tie). */
  private at(words: Words, word: number, keys: KeyEntry[], surrogates: LineAt | null): PhraseMatch | null {
    const index = words.starts[word] as number;
    if (this.lines?.text !== words.text) this.lines = null;
    let best = -1;
    const next = words.words[word + 1];
    for (let k = 0; k < keys.length; k++) {
      const e = keys[k] as KeyEntry;
      // A key none of whose patterns can go on with the next word is passed over whole (most are, at most words);
      // lines with surrogates are read by expressions, whose words may be split otherwise.
      if (e.second !== null && surrogates === null && !allows(e.second, next)) continue;
      const m = this.first(e, words, next, index, surrogates);
      // Longer wins; on equal length the lower group, which is the smaller packed number.
      if (m >= GROUPS && (best < 0 || Math.floor(m / GROUPS) > Math.floor(best / GROUPS) || (Math.floor(m / GROUPS) === Math.floor(best / GROUPS) && m < best))) best = m;
    }
    if (best < 0) return null;
    return { start: index, end: index + Math.floor(best / GROUPS), group: best % GROUPS };
  }

  /**
   * Every non-overlapping match in the text, leftmost first (the longest where several start together).
   * A match never spans a line break: the programs cannot cross one, and expressions run on one line at
   * a time, so however slow a user's expression is on long input, the work is bounded by the longest line
   * (poa's prose breaks long ones).
   */
  scan(text: string): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    if (this.keyed.size > 0) {
      const tokens = wordsOf(text);
      const { starts, surrogates } = tokens;
      const line = new LineAt(text, this.readsWhole(text));
      let resumeAt = 0;
      for (let i = 0; i < starts.length; i++) {
        const start = starts[i] as number;
        if (start < resumeAt) continue;
        const keys = this.entriesAt(tokens, i);
        if (keys === null) continue;
        const m = this.at(tokens, i, keys, surrogates ? line : null);
        if (m) {
          found.push(m);
          resumeAt = m.end;
        }
      }
    }
    if (!this.free) return found;
    for (const [from, m] of this.freeMatches(text)) found.push({ start: from + m.index, end: from + m.index + m[0].length, group: PhraseMatcher.group(m) });
    found.sort((x, y) => x.start - y.start || y.end - x.end);
    // The two scans may overlap where one expression would have matched once: keep the leftmost.
    const kept: PhraseMatch[] = [];
    for (const f of found) if (kept.length === 0 || f.start >= (kept[kept.length - 1] as PhraseMatch).end) kept.push(f);
    return kept;
  }

  /** Whether the text holds a match (stops at the first). */
  test(text: string): boolean {
    if (this.keyed.size > 0) {
      const tokens = wordsOf(text);
      const line = tokens.surrogates ? new LineAt(text, this.readsWhole(text)) : null;
      for (let i = 0; i < tokens.starts.length; i++) {
        const keys = this.entriesAt(tokens, i);
        if (keys !== null && this.at(tokens, i, keys, line)) return true;
      }
    }
    if (!this.free) return false;
    for (const _ of this.freeMatches(text)) return true;
    return false;
  }

  /** Non-empty matches of the patterns that can start anywhere, line by line (or in the whole text), with the offset of their line. */
  private *freeMatches(text: string): Generator<[number, RegExpExecArray]> {
    const free = this.free as RegExp;
    const whole = this.readsWhole(text);
    for (let from = 0; from < text.length; ) {
      let to = whole ? text.length : text.indexOf('\n', from);
      if (to === -1) to = text.length;
      if (to > from) {
        // exec on the shared expression: matchAll would copy it for every line.
        const line = from === 0 && to === text.length ? text : text.slice(from, to);
        free.lastIndex = 0;
        for (let m = free.exec(line); m; m = free.exec(line)) {
          if (m[0].length > 0) yield [from, m];
          else free.lastIndex++;
        }
      }
      from = to + 1;
    }
  }
}
