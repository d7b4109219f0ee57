// A worker thread of lintFiles' pool: builds poa's engine once, then reads and lints the batches of drafts it is sent.

import { parentPort, workerData } from 'node:worker_threads';
import { PoaError } from '../errors.js';
import { draftLinter, getEngine } from '../lint.js';
import type { FileResult } from '../types.js';
import type { BatchDone, ToWorker, WorkerError, WorkerSetup } from './protocol.js';

function serialise(error: unknown): WorkerError {
  if (error instanceof PoaError) {
    return {
      kind: 'poa',
      message: error.message,
      ...(error.subject === undefined ? {} : { subject: error.subject }),
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(error.stack === undefined ? {} : { stack: error.stack }),
    };
  }
  if (error instanceof Error) return { kind: 'other', message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  return { kind: 'other', message: String(error) };
}

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const linters = new Map<number, (path: string) => FileResult>();
  // poa's own engine is in every spec: build it while the main thread is still resolving configs.
  getEngine();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'spec') {
      try {
        linters.set(message.id, draftLinter(message.spec, setup));
      } catch (error) {
        // Reported by the first draft that needs it, as the main thread would have thrown it there.
        linters.set(message.id, () => {
          throw error;
        });
      }
      return;
    }
    const done: BatchDone = { type: 'done', batch: message.batch, results: [] };
    for (const task of message.tasks) {
      try {
        const lint = linters.get(task.spec);
        if (!lint) throw new Error(`no spec ${task.spec} in this worker`);
        done.results.push(lint(task.path));
      } catch (error) {
        done.error = serialise(error);
        break;
      }
    }
    port.postMessage(done);
  });
}
