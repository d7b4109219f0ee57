// A one-line progress count on stderr while `poa lint` works through many drafts on a terminal (never in CI or pipes).

import type { FormatName } from '../report/formats.js';

/** Fewer drafts than this finish before a count would be worth reading. */
export const PROGRESS_MIN_DRAFTS = 64;
/** Redraw at most this often: writing to a terminal on every draft would cost more than the linting. */
const REDRAW_MS = 100;

export interface ProgressStream {
  isTTY?: boolean;
  write(chunk: string): boolean;
}

/** CI services set CI (to true, 1, or their name); an empty value or "false"/"0" means not CI. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/** Whether to show progress: people's format only, stderr a terminal, not in CI. */
export function wantsProgress(format: FormatName, stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return format === 'stylish' && stream.isTTY === true && !inCi(env);
}

export interface Progress {
  /** lintFiles' progress callback. */
  update: (done: number, total: number) => void;
  /** Erase the line, before the report is printed or an error is shown. */
  clear: () => void;
}

export function createProgress(stream: ProgressStream, now: () => number = Date.now): Progress {
  let shown = false;
  let last = -Infinity;
  return {
    update(done, total) {
      if (total < PROGRESS_MIN_DRAFTS) return;
      const t = now();
      if (done < total && t - last < REDRAW_MS) return;
      last = t;
      shown = true;
      stream.write(`\r\x1b[Kpoa: linting ${done}/${total} drafts`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
