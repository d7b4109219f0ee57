// Messages between lintFiles and its worker threads: plain data only, so they survive the structured clone.

import type { PreparedSpec } from '../lint.js';
import type { FileResult } from '../types.js';

/** Given to each worker when it starts: how drafts are read, as lintFiles reads them. */
export interface WorkerSetup {
  cwd: string;
  maxBytes: number;
}

/** One draft to lint: its position in lintFiles' input order, its path as reported, and the spec it is linted with. */
export interface DraftTask {
  index: number;
  path: string;
  spec: number;
}

/** An error as the worker saw it: a PoaError keeps what `poa: <file>: <what> — <fix>` needs. */
export type WorkerError =
  | { kind: 'poa'; message: string; subject?: string; hint?: string; stack?: string }
  | { kind: 'other'; message: string; stack?: string };

export type ToWorker =
  | { type: 'spec'; id: number; spec: PreparedSpec }
  | { type: 'lint'; batch: number; tasks: DraftTask[] };

/**
 * A batch done: a result for each task in order, up to the first that failed (then `error` is that task's error and
 * the rest of the batch was not linted, as lintFiles stops at the first failing draft).
 */
export interface BatchDone {
  type: 'done';
  batch: number;
  results: FileResult[];
  error?: WorkerError;
}

export type FromWorker = BatchDone;
