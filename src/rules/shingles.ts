// Word n-gram shingles over folded text: finds passages that repeat a stock text even after small edits.

import { foldText } from '../document/text.js';

const WORD = /[a-z0-9\u00c0-\uffff]+(?:'[a-z0-9\u00c0-\uffff]+)*/g;

/** The words of a folded text with their offsets. */
export function words(folded: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of folded.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** 32-bit FNV-1a of a shingle: a set of numbers is far smaller than a set of strings. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shingleHashes(list: string[], size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + size <= list.length; i++) out.push(hash(list.slice(i, i + size).join(' ')));
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
    const hashes = shingleHashes(list, this.size);
    if (hashes.length === 0) return 0;
    let hits = 0;
    for (const h of hashes) if (this.shingles.has(h)) hits++;
    return hits / hashes.length;
  }
}
