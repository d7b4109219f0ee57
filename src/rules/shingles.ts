// Word n-gram shingles over folded text: finds passages that repeat a stock text even after small edits.

import { foldText } from '../document/text.js';

const WORD = /[a-z0-9\u00c0-\uffff]+(?:'[a-z0-9\u00c0-\uffff]+)*/g;

/** The words of a folded text with their offsets. */
export function words(folded: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of folded.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * 32-bit FNV-1a of a shingle (`size` words from `from`, joined by single spaces), computed without building the
 * string: a set of numbers is far smaller than a set of strings.
 */
function shingleHash(list: string[], from: number, size: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < from + size; k++) {
    if (k > from) {
      h ^= 32;
      h = Math.imul(h, 0x01000193);
    }
    const word = list[k] as string;
    for (let i = 0; i < word.length; i++) {
      h ^= word.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

export function shingleHashes(list: string[], size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + size <= list.length; i++) out.push(shingleHash(list, i, size));
  return out;
}

/** A corpus of stock texts, indexed by shingle. */
export class ShingleIndex {
  private readonly shingles = new Set<number>();

  constructor(readonly size: number) {}

  get empty(): boolean {
    return this.shingles.size === 0;
  }

  add(text: string): void {
    for (const h of shingleHashes(words(foldText(text)).map((w) => w.word), this.size)) this.shingles.add(h);
  }

  /** Share of a word sequence's shingles found in the corpus (0 when it is too short to have any). */
  containment(list: string[]): number {
    const count = list.length - this.size + 1;
    if (count <= 0) return 0;
    let hits = 0;
    for (let i = 0; i < count; i++) if (this.shingles.has(shingleHash(list, i, this.size))) hits++;
    return hits / count;
  }
}
