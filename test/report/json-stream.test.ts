// The JSON report written draft by draft is byte for byte the one formatJson prints, in memory or spilled to disk.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('prints a draft with thousands of findings, written a few at a time, as formatJson does', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `Line ${i}: we will improve our processes and we will be more careful.`);
    const many = summarise([lintText(`# Plan of action\n\n${lines.join('\n\n')}\n`, { path: 'many.md' }), report.files[1] as LintReport['files'][number]]);
    expect(many.files[0]?.findings.length).toBeGreaterThan(3000);
    const out = streamed(many);
    expect(out.length).toBeGreaterThan(2 * 65536);
    expect(out).toBe(formatJson(many));
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

  describe('spilled to stdout', () => {
    // Three and a half chunks of the 1 MiB that commit copies at a time, each line different so a reused buffer shows.
    const text = Array.from({ length: 120_000 }, (_, i) => `line ${String(i).padStart(8, '0')} of the spilled report\n`).join('');

    async function commitToStdout(keep: (chunk: Uint8Array) => Uint8Array): Promise<string> {
      const seen: Uint8Array[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: Uint8Array) => {
        seen.push(keep(chunk));
        return true;
      }) as typeof process.stdout.write);
      const output = new ReportOutput(undefined, 1000);
      for (let i = 0; i < text.length; i += 5000) output.write(text.slice(i, i + 5000));
      await output.commit();
      output.dispose();
      return Buffer.concat(seen).toString('utf8');
    }

    afterEach(() => {
      vi.restoreAllMocks();
      delete (process.stdout as { writableLength?: number }).writableLength;
    });

    it('writes every byte when stdout takes each chunk at once', async () => {
      expect(text.length).toBeGreaterThan(3.5 * 2 ** 20);
      expect(await commitToStdout((chunk) => Buffer.from(chunk))).toBe(text);
    });

    it('never refills a chunk that stdout still holds', async () => {
      // stdout queues every chunk (a pipe that is not drained): it keeps the very buffers it was given.
      Object.defineProperty(process.stdout, 'writableLength', { value: 1, configurable: true });
      expect(await commitToStdout((chunk) => chunk)).toBe(text);
    });
  });
});
