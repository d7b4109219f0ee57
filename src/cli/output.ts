// Where `poa lint` puts a report written piece by piece: stdout or --output-file, and only once every draft was read.

import { closeSync, copyFileSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSystemError, PoaError } from '../errors.js';
import { discardTempFile } from '../temp-file.js';

/** Above this many characters the report goes to a temporary file instead of memory (an archive's JSON is hundreds of MB). */
const SPILL_CHARS = 8 * 1024 * 1024;

export function failure(error: unknown, subject: string): PoaError {
  const { what, hint } = describeSystemError(error, 'write');
  return new PoaError(`cannot write the report: ${what}`, { subject, hint, cause: error });
}

/**
 * Collects a report's text: in memory while small, then in a temporary file. `commit` writes it where it belongs;
 * until then nothing is shown, so a draft that cannot be read (exit 2) leaves no half report behind.
 */
export class ReportOutput {
  private chunks: string[] = [];
  private size = 0;
  private spill: { path: string; fd: number } | undefined;

  /** `file`: the --output-file path, or undefined for stdout. */
  constructor(
    private readonly file: string | undefined,
    private readonly spillChars = SPILL_CHARS,
  ) {}

  write(chunk: string): void {
    if (this.spill) {
      writeSync(this.spill.fd, chunk);
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size > this.spillChars) this.startSpill();
  }

  private startSpill(): void {
    const path = join(tmpdir(), `poa-report-${process.pid}-${Date.now().toString(36)}.tmp`);
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch {
      return; // no temporary folder: keep the report in memory
    }
    this.spill = { path, fd };
    writeSync(fd, this.chunks.join(''));
    this.chunks = [];
  }

  /** Write the report to stdout or the output file. */
  async commit(): Promise<void> {
    if (!this.spill) {
      const text = this.chunks.join('');
      this.chunks = [];
      if (this.file === undefined) process.stdout.write(text);
      else {
        try {
          writeFileSync(this.file, text);
        } catch (error) {
          throw failure(error, this.file);
        }
      }
      return;
    }
    const { path, fd } = this.spill;
    closeSync(fd);
    if (this.file !== undefined) {
      try {
        copyFileSync(path, this.file);
      } catch (error) {
        throw failure(error, this.file);
      }
      return;
    }
    const input = openSync(path, 'r');
    try {
      let buffer = Buffer.allocUnsafe(1 << 20);
      for (let n = readSync(input, buffer); n > 0; n = readSync(input, buffer)) {
        const drained = process.stdout.write(n === buffer.length ? buffer : buffer.subarray(0, n));
        // stdout written at once (a file, or a pipe on Linux) is done with the chunk; one that queued it keeps it,
        // and the next chunk needs a buffer of its own. Reusing the one buffer kept a 50 MB report from piling up
        // 50 MB of copies until the next collection.
        if (process.stdout.writableLength > 0) buffer = Buffer.allocUnsafe(1 << 20);
        if (!drained) await new Promise((resolve) => process.stdout.once('drain', resolve));
      }
    } finally {
      closeSync(input);
    }
  }

  /** Remove the temporary file, if any (after commit, or when linting failed). */
  dispose(): void {
    this.chunks = [];
    if (!this.spill) return;
    discardTempFile(this.spill);
    this.spill = undefined;
  }
}
