// Line index of a text: offsets of line starts (LF, CRLF and CR all end a line) and offset → line/column.

import type { Position } from '../types.js';

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column of an offset (binary search over line starts). */
export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/** End offset of the line that starts at starts[index], without its line break. */
export function lineEnd(text: string, starts: number[], index: number): number {
  const next = starts[index + 1];
  let end = next === undefined ? text.length : next;
  if (end > 0 && next !== undefined) {
    if (text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  }
  return end;
}
