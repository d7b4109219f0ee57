// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers, with each rule's description and help.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../data.js';
import type { Finding, LintReport, RuleMeta, Severity } from '../types.js';
import { fingerprints, pathFromRoot, type PathOptions } from './locations.js';

export interface SarifOptions extends PathOptions {
  /** What each rule is (from `describeRules`); rules findings use but this lacks get a minimal entry. */
  rules?: RuleMeta[];
  /** poa's version (default: read from its package.json). */
  version?: string;
}

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** `vague-promise` → `VaguePromise`: SARIF's rule name is an identifier-like label. */
function ruleName(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** Placeholders such as `{family}` belong to a finding's message; in a rule's description they read as "…". */
function plain(text: string): string {
  return text.replace(/\{\w+\}/g, '…');
}

function sarifRule(meta: RuleMeta): Record<string, unknown> {
  const help = plain(meta.help ?? meta.description);
  const full = meta.docs === undefined ? undefined : plain(meta.docs);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: plain(meta.description) },
    ...(full === undefined ? {} : { fullDescription: { text: full } }),
    help: { text: full === undefined ? help : `${help}\n\n${full}`, markdown: full === undefined ? help : `${help}\n\n${full}` },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: ['poa', ...(meta.category === undefined ? [] : [meta.category])], ...(meta.category === undefined ? {} : { category: meta.category }) },
  };
}

/** A relative URI reference for a path (each segment percent-encoded), or a file: URI for an absolute one. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(f: Finding): Record<string, unknown> {
  return {
    startLine: f.line,
    startColumn: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(f.excerpt === '' ? {} : { snippet: { text: f.excerpt } }),
  };
}

export function formatSarif(report: LintReport, options: SarifOptions = {}): string {
  const metas = new Map((options.rules ?? []).map((m) => [m.id, m]));
  // Rules findings use but the caller did not describe still get an entry, so every ruleIndex resolves.
  for (const file of report.files) {
    for (const f of file.findings) {
      if (!metas.has(f.ruleId)) metas.set(f.ruleId, { id: f.ruleId, severity: f.severity, description: f.ruleId, ...(f.help === undefined ? {} : { help: f.help }) });
    }
  }
  const rules = [...metas.values()];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Array<Record<string, unknown>> = [];
  for (const file of report.files) {
    const path = pathFromRoot(file.path, options);
    const prints = fingerprints(file, path);
    file.findings.forEach((f, i) => {
      results.push({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(path), region: region(f) } }],
        partialFingerprints: { 'poaFinding/v1': prints[i] },
        properties: { language: file.language, ...(f.section === null ? {} : { section: f.section }) },
      });
    });
  }
  const root = options.root ?? options.cwd ?? process.cwd();
  const rootUri = pathToFileURL(root).href;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'poa', version: options.version ?? packageVersion(), rules: rules.map(sarifRule) } },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
