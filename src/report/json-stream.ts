// `--format json` one draft at a time: byte for byte what formatJson prints, without the whole report in memory.

import type { FileResult, LintReport } from '../types.js';

export interface JsonReportStream {
  /** The next draft's result, in input order. */
  file(result: FileResult): void;
  /** The totals; closes the report. */
  end(totals: Pick<LintReport, 'errorCount' | 'warningCount' | 'infoCount'>): void;
}

/**
 * Writes `{ "version": 1, "files": [ … ], "errorCount": … }` as `JSON.stringify(report, null, 2)` lays it out: each
 * file is stringified alone and indented by the four spaces it sits at (JSON strings never hold a raw newline).
 */
export function jsonReportStream(write: (chunk: string) => void): JsonReportStream {
  let files = 0;
  write('{\n  "version": 1,\n  "files": [');
  return {
    file(result) {
      write(`${files === 0 ? '\n' : ',\n'}    ${JSON.stringify(result, null, 2).replace(/\n/g, '\n    ')}`);
      files++;
    },
    end({ errorCount, warningCount, infoCount }) {
      write(`${files === 0 ? ']' : '\n  ]'},\n  "errorCount": ${errorCount},\n  "warningCount": ${warningCount},\n  "infoCount": ${infoCount}\n}\n`);
    },
  };
}
