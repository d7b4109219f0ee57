// The JSON report written draft by draft is byte for byte the one formatJson prints, in memory or spilled to disk.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportOutput } from '../../src/cli/output.js';
import { lintText, summarise } from '../../src/lint.js';
import { formatJson } from '../../src/report/json.js';
import { jsonReportStream } from '../../src/report/json-stream.js';
import type { LintReport } from '../../src/types.js';
import { fixture } from '../helpers.js';

function streamed(report: LintReport): string {
  let out = '';
  const stream = jsonReportStream((chunk) => (out += chunk));
  for (const file of report.files) stream.file(file);
  stream.end(report);
  return out;
}

describe('jsonReportStream', () => {
  const report = summarise([
    lintText(fixture('it/farmacia.txt'), { path: 'it/farmacia.txt' }),
    lintText(fixture('en/late-shipment.md'), { path: 'en/late-shipment.md' }),
    lintText('﻿## Oorzaak\n\n"quoted" \\ back\tslash \u2028 ’\n', { path: 'odd "name".md' }),
  ]);

  it('prints what formatJson prints', () => {
    expect(streamed(report)).toBe(formatJson(report));
    expect(streamed(summarise([report.files[0] as LintReport['files'][number]]))).toBe(formatJson(summarise([report.files[0] as LintReport['files'][number]])));
  });

  it('prints an empty report as formatJson does', () => {
    expect(streamed(summarise([]))).toBe(formatJson(summarise([])));
  });

  it('gives the same file when the report is spilled to a temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-output-'));
    const target = join(dir, 'report.json');
    const output = new ReportOutput(target, 100);
    const stream = jsonReportStream((chunk) => output.write(chunk));
    for (const file of report.files) stream.file(file);
    stream.end(report);
    await output.commit();
    output.dispose();
    expect(readFileSync(target, 'utf8')).toBe(formatJson(report));
  });
});
