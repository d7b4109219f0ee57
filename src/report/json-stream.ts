// `--format json` one draft at a time: byte for byte what formatJson prints, without the whole report in memory.

import type { FileResult, LintReport } from '../types.js';

export interface JsonReportStream {
  /** The next draft's result, in input order. */
  file(result: FileResult): void;
  /** The totals; closes the report. */
  end(totals: Pick<LintReport, 'errorCount' | 'warningCount' | 'infoCount'>): void;
}

/** Stands for a draft's findings while the rest of its result is laid out (no draft holds a NUL: binary ones are refused). */
const FINDINGS = '\u0000poa:findings\u0000';
const FINDINGS_KEY = '"findings": ';
const FINDINGS_JSON = `${FINDINGS_KEY}${JSON.stringify(FINDINGS)}`;
/** Findings are handed on in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 16;

/** JSON laid out by JSON.stringify, each line after the first starting with `newline` (JSON strings hold no raw newline). */
const indent = (json: string, newline: string): string => json.replace(/\n/g, newline);

/**
 * Writes `{ "version": 1, "files": [ … ], "errorCount": … }` as `JSON.stringify(report, null, 2)` lays it out: each
 * file is stringified alone and indented by the four spaces it sits at (JSON strings never hold a raw newline).
 */
export function jsonReportStream(write: (chunk: string) => void): JsonReportStream {
  let files = 0;
  write('{\n  "version": 1,\n  "files": [');
  return {
    file(result) {
      const head = files === 0 ? '\n    ' : ',\n    ';
      files++;
      const { findings } = result;
      if (findings.length === 0) {
        write(head + indent(JSON.stringify(result, null, 2), '\n    '));
        return;
      }
      // Findings are written a few at a time: a 10 MB draft can have hundreds of thousands, and its result as one
      // string (and the re-indented copy) took gigabytes.
      const text = indent(JSON.stringify({ ...result, findings: FINDINGS }, null, 2), '\n    ');
      const at = text.indexOf(FINDINGS_JSON);
      let chunk = `${head}${text.slice(0, at + FINDINGS_KEY.length)}[`;
      for (let i = 0; i < findings.length; i++) {
        chunk += `${i === 0 ? '\n' : ',\n'}        ${indent(JSON.stringify(findings[i], null, 2), '\n        ')}`;
        if (chunk.length >= CHUNK_CHARS) {
          write(chunk);
          chunk = '';
        }
      }
      write(`${chunk}\n      ]${text.slice(at + FINDINGS_JSON.length)}`);
    },
    end({ errorCount, warningCount, infoCount }) {
      write(`${files === 0 ? ']' : '\n  ]'},\n  "errorCount": ${errorCount},\n  "warningCount": ${warningCount},\n  "infoCount": ${infoCount}\n}\n`);
    },
  };
}
