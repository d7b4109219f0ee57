// Types of the corpus generator (bench/corpus.mjs), for the tests that lint a generated corpus.

export function rng(seed: number): () => number;
export function makePlan(index: number, rand: () => number, bytes?: number): { lang: string; text: string };
export function writeCorpus(dir: string, count: number, seed?: number): number;
