// Sentence boundaries in folded prose, computed once per plan, for `unless` tests and per-sentence metrics.

import type { NormalisedProse } from '../document/text.js';

// Short words before a full stop that do not end a sentence: e.g., z.b., nr., sig., dott.
const ABBREVIATION = /(?:^|[^\p{L}])(?:\p{L}{1,3}|e\.g|i\.e|z\.b|u\.a|d\.h|etc|approx|dott|sig|sigg|ecc|art|nr|no|n|ca|vs)$/u;

/** A day of the month before a full stop, as German writes dates ("am 3. Mai"). */
const ORDINAL = /(?:^|[^\p{L}\p{N}.])\d{1,2}$/u;

/** The first letter or digit after a folded offset, in the original text (with its case). */
function firstLetterAfter(prose: NormalisedProse, offset: number): string {
  for (let i = offset; i < prose.text.length && i < offset + 4; i++) {
    const c = prose.text[i] as string;
    if (c === '\n') return '';
    if (/[\p{L}\p{N}]/u.test(c)) return prose.original[prose.starts[i] as number] ?? c;
  }
  return '';
}

const cache = new WeakMap<NormalisedProse, Int32Array>();

/** Offsets (exclusive) where sentences end in the folded prose, ascending. */
export function sentenceEnds(prose: NormalisedProse): Int32Array {
  const cached = cache.get(prose);
  if (cached) return cached;
  const text = prose.text;
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      ends.push(i + 1);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    const next = text[i + 1];
    if (next !== undefined && next !== ' ' && next !== '\n' && next !== '"' && next !== ')' && next !== "'") continue;
    if (c === '.') {
      const before = text.slice(Math.max(0, i - 8), i);
      // Folded text is all lower case: look at the next word as the user wrote it.
      const nextWord = firstLetterAfter(prose, i + 1);
      if (ABBREVIATION.test(before) && (nextWord === '' || /[\p{Ll}\p{N}]/u.test(nextWord))) continue;
      // A day as an ordinal ("3. Mai", "am 12. Juni") does not end a sentence.
      if (ORDINAL.test(before) && /\p{L}/u.test(nextWord)) continue;
    }
    ends.push(i + 1);
  }
  ends.push(text.length);
  const result = Int32Array.from(ends);
  cache.set(prose, result);
  return result;
}

/** Index of the first sentence end after a folded-prose offset (binary search, so walking every block stays linear). */
export function firstEndAfter(ends: Int32Array, offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [start, end) of the sentence that holds a folded-prose offset. */
export function sentenceAround(prose: NormalisedProse, offset: number): [number, number] {
  const ends = sentenceEnds(prose);
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  const start = lo === 0 ? 0 : (ends[lo - 1] as number);
  return [start, ends[lo] as number];
}
