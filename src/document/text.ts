// Normalised prose of a plan for matching (case, accents, apostrophes, dashes, whitespace folded) with a map back to source offsets.

import type { PlanDocument } from '../types.js';

/** Fold one string the way prose is folded (used for patterns, so both sides agree). */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out.replace(/\s+/gu, ' ');
}

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  let folded = cache.get(ch);
  if (folded === undefined) {
    if (/[’‘‚‛`´ʼʹ′]/u.test(ch)) folded = "'";
    else if (/[“”„‟«»″]/u.test(ch)) folded = '"';
    else if (/[‐‑‒–—―−﹘﹣－]/u.test(ch)) folded = '-';
    else if (/\s/u.test(ch)) folded = ' ';
    else if (ch === 'ß' || ch === 'ẞ') folded = 'ss';
    else if (ch === '…') folded = '...';
    else {
      folded = ch
        .normalize('NFKC')
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}+/gu, '');
      if (folded === '' || /\p{M}/u.test(folded)) folded = ch.toLowerCase();
    }
    cache.set(ch, folded);
  }
  return folded;
}

export interface ProseSpan {
  /** Start of this block's text in the normalised string. */
  start: number;
  end: number;
  /** Index into PlanDocument.blocks. */
  block: number;
}

/** The plan's prose folded for matching, with offsets back into the source text. */
export interface NormalisedProse {
  text: string;
  /** The source text the offsets point into (case and accents as written). */
  original: string;
  /** Source offset of each normalised character. */
  starts: Int32Array;
  /** Source offset just after each normalised character. */
  ends: Int32Array;
  spans: ProseSpan[];
}

const LOWER_START = /^\s*[\p{Ll}]/u;

/**
 * A sentence runs at most this many characters, and a line ends at the first sentence end after
 * this many: longer ones (a draft pasted as one line, text with no full stops) are broken there,
 * so the work per sentence and per line stays bounded however the draft is laid out.
 */
export const MAX_SENTENCE_CHARS = 1000;
const MAX_LINE_CHARS = 1000;
/** A run this long without a space (a pasted blob, a data URL) is broken too. */
const MAX_WORD_CHARS = 500;

/**
 * Fold every prose block of a plan into one string. Blocks are separated by a newline (a hard
 * sentence boundary); inside a block a line break stays a boundary unless the next line continues
 * in lower case (a hard-wrapped sentence). Ignored ranges (comments, inline code) become spaces.
 */
export function normaliseProse(doc: PlanDocument): NormalisedProse {
  const source = doc.source.text;
  let capacity = 64;
  for (const b of doc.blocks) capacity += b.end - b.start + 1;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let text = '';
  const spans: ProseSpan[] = [];
  let length = 0;
  let ignoredIndex = 0;
  const ignored = doc.ignored;
  let lineLength = 0;
  let sentenceLength = 0;
  let wordLength = 0;
  let lastChar = 0;
  const push = (s: string, from: number, to: number): void => {
    lastChar = s.charCodeAt(s.length - 1);
    if (s === '\n') {
      lineLength = 0;
      sentenceLength = 0;
      wordLength = 0;
    } else {
      lineLength += s.length;
      sentenceLength = s === '.' || s === '!' || s === '?' ? 0 : sentenceLength + s.length;
      wordLength = s === ' ' ? 0 : wordLength + s.length;
    }
    if (length + s.length > starts.length) {
      const grown = Math.max(starts.length * 2, length + s.length);
      const ns = new Int32Array(grown);
      ns.set(starts);
      starts = ns;
      const ne = new Int32Array(grown);
      ne.set(ends);
      ends = ne;
    }
    for (let k = 0; k < s.length; k++) {
      starts[length + k] = from;
      ends[length + k] = to;
    }
    text += s;
    length += s.length;
  };
  /** A space between words, or a line break where a sentence or line has grown too long. */
  const space = (from: number, to: number): void => {
    const sentenceEnd = lastChar === 46 || lastChar === 33 || lastChar === 63;
    push(sentenceLength >= MAX_SENTENCE_CHARS || (lineLength >= MAX_LINE_CHARS && sentenceEnd) ? '\n' : ' ', from, to);
  };
  doc.blocks.forEach((block, index) => {
    if (length > 0) push('\n', block.start, block.start);
    const spanStart = length;
    let lastWasSpace = true;
    let i = block.start;
    while (i < block.end) {
      while (ignoredIndex < ignored.length && (ignored[ignoredIndex] as { end: number }).end <= i) ignoredIndex++;
      const ig = ignored[ignoredIndex];
      if (ig && ig.start <= i && i < ig.end) {
        if (!lastWasSpace) space(i, i);
        lastWasSpace = true;
        i = Math.min(ig.end, block.end);
        continue;
      }
      if (wordLength >= MAX_WORD_CHARS) push('\n', i, i);
      const code = source.charCodeAt(i);
      // ASCII letters, digits and punctuation: the common case, without building strings per character.
      if (code < 128 && code !== 10 && code !== 13 && code !== 32 && code !== 9) {
        push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : source[i] as string, i, i + 1);
        lastWasSpace = false;
        i++;
        continue;
      }
      const cp = source.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      const next = i + ch.length;
      if (ch === '\n' || ch === '\r') {
        let j = next;
        if (ch === '\r' && source[j] === '\n') j++;
        const continues = LOWER_START.test(source.slice(j, Math.min(j + 8, block.end)));
        if (continues) {
          if (!lastWasSpace) space(i, j);
        } else {
          push('\n', i, j);
        }
        lastWasSpace = true;
        i = j;
        continue;
      }
      const folded = foldChar(ch);
      if (folded === ' ') {
        if (!lastWasSpace) space(i, next);
        lastWasSpace = true;
      } else {
        push(folded, i, next);
        lastWasSpace = false;
      }
      i = next;
    }
    spans.push({ start: spanStart, end: length, block: index });
  });
  return { text, original: source, starts: starts.subarray(0, length), ends: ends.subarray(0, length), spans };
}

/** Source range of a normalised range. */
export function toSource(prose: NormalisedProse, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < prose.starts.length ? (prose.starts[start] as number) : (prose.ends[prose.ends.length - 1] ?? 0);
    return [at, at];
  }
  return [prose.starts[start] as number, prose.ends[end - 1] as number];
}

/** Index into prose.spans of the block holding a normalised offset (binary search). */
export function spanAt(prose: NormalisedProse, offset: number): number {
  let lo = 0;
  let hi = prose.spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((prose.spans[mid] as ProseSpan).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The block span that holds a folded-prose offset, if any (offsets between blocks belong to none). */
export function spanContaining(prose: NormalisedProse, offset: number): ProseSpan | undefined {
  const span = prose.spans[spanAt(prose, offset)];
  return span && span.start <= offset && offset < span.end ? span : undefined;
}

const proseCache = new WeakMap<PlanDocument, NormalisedProse>();

/** Normalised prose of a plan, computed once per plan and shared by all rules. */
export function proseOf(doc: PlanDocument): NormalisedProse {
  let prose = proseCache.get(doc);
  if (!prose) {
    prose = normaliseProse(doc);
    proseCache.set(doc, prose);
  }
  return prose;
}

const extraCache = new WeakMap<PlanDocument, string>();

/**
 * Folded text a plan carries outside its prose: section headings ("Plan of Action – ASIN B0C2HQ7LKZ"),
 * link definitions, HTML and code spans. Rules that look for a fact anywhere in the plan read it too;
 * comments and front matter are left out (template guidance lives in comments).
 */
export function extraTextOf(doc: PlanDocument): string {
  let extra = extraCache.get(doc);
  if (extra === undefined) {
    const parts: string[] = [];
    for (const s of doc.sections) if (s.heading !== null) parts.push(foldText(s.heading));
    for (const r of doc.ignored) if (r.what === 'definition' || r.what === 'html' || r.what === 'code') parts.push(foldText(doc.source.text.slice(r.start, r.end)));
    extra = parts.join('\n');
    extraCache.set(doc, extra);
  }
  return extra;
}
