// Inline directives in drafts (<!-- poa-disable rule-a, rule-b -->, poa-enable, poa-disable-line, poa-disable-next-line).
//
// They work as ESLint's: `poa-disable` turns rules off from the comment to a `poa-enable` or the end of the
// draft; `poa-disable-line` covers the comment's own line, `poa-disable-next-line` the line after it. Without
// rule ids they cover every rule. Text after ` -- ` is a note for colleagues and is ignored.

import { positionAt } from '../document/lines.js';
import { nearest } from '../suggest.js';
import type { Finding, PlanDocument, Position } from '../types.js';

export const DIRECTIVE_NAMES = ['poa-disable', 'poa-enable', 'poa-disable-line', 'poa-disable-next-line'] as const;
type DirectiveName = (typeof DIRECTIVE_NAMES)[number];

/** Rule ids of the findings directives themselves produce. */
export const INVALID_DIRECTIVE = 'invalid-directive';
export const UNUSED_DIRECTIVE = 'unused-disable-directive';

export const DIRECTIVE_HELP =
  'Directives are HTML comments: <!-- poa-disable -->, <!-- poa-enable -->, <!-- poa-disable-line -->, <!-- poa-disable-next-line -->, each optionally followed by rule ids separated by commas, and by " -- " and a note.';

export interface Directive {
  name: DirectiveName;
  /** Rule ids, or null for every rule. */
  rules: string[] | null;
  /** Offsets of the whole comment. */
  start: number;
  end: number;
  from: Position;
  to: Position;
}

export interface DirectiveOptions {
  /** Rule ids the engine knows; others are reported as invalid. */
  ruleIds: ReadonlySet<string>;
  /** Report directives that suppressed nothing (`--report-unused-disable-directives`). */
  reportUnused?: boolean;
}

const COMMENT = /<!--([\s\S]*?)-->/g;
const NAME = /^(poa-[a-z-]+)(?:\s+([\s\S]*))?$/;

interface Parsed {
  directives: Directive[];
  problems: Finding[];
}

function problem(doc: PlanDocument, ruleId: string, start: number, end: number, message: string): Finding {
  const from = positionAt(doc.lineStarts, start);
  const to = positionAt(doc.lineStarts, end);
  return {
    ruleId,
    severity: 'error',
    message,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    excerpt: doc.source.text.slice(start, end),
    section: null,
    help: DIRECTIVE_HELP,
  };
}

/** Directives in a draft: only in HTML comments the parser saw (never inside code blocks or front matter). */
export function parseDirectives(doc: PlanDocument, ruleIds: ReadonlySet<string>): Parsed {
  const { text } = doc.source;
  const out: Parsed = { directives: [], problems: [] };
  for (const range of doc.ignored) {
    // HTML starts with `<` after at most three spaces; code blocks, inline code and front matter do not.
    if (!/^ {0,3}</.test(text.slice(range.start, range.start + 4))) continue;
    COMMENT.lastIndex = 0;
    const html = text.slice(range.start, range.end);
    for (const m of html.matchAll(COMMENT)) {
      const start = range.start + (m.index ?? 0);
      const end = start + m[0].length;
      const body = NAME.exec((m[1] ?? '').trim());
      if (!body) continue;
      const name = body[1] as string;
      if (!(DIRECTIVE_NAMES as readonly string[]).includes(name)) {
        // Only near misses are reported: other `poa-…` comments may belong to templates or notes.
        const suggestion = nearest(name, [...DIRECTIVE_NAMES]);
        if (suggestion) out.problems.push(problem(doc, INVALID_DIRECTIVE, start, end, `Unknown directive "${name}"; did you mean "${suggestion}"?`));
        continue;
      }
      const list = (body[2] ?? '').split(/(?:^|\s)--(?:\s|$)/)[0] ?? '';
      const requested = list.split(/[\s,]+/).filter((r) => r !== '');
      const known: string[] = [];
      for (const id of requested) {
        if (ruleIds.has(id)) known.push(id);
        else {
          const suggestion = nearest(id, [...ruleIds]);
          out.problems.push(
            problem(doc, INVALID_DIRECTIVE, start, end, `Unknown rule "${id}" in ${name}${suggestion ? `; did you mean "${suggestion}"?` : '.'}`),
          );
        }
      }
      // A directive whose every rule id is unknown disables nothing (rather than everything).
      if (requested.length > 0 && known.length === 0) continue;
      out.directives.push({
        name: name as DirectiveName,
        rules: requested.length === 0 ? null : known,
        start,
        end,
        from: positionAt(doc.lineStarts, start),
        to: positionAt(doc.lineStarts, end),
      });
    }
  }
  out.directives.sort((a, b) => a.start - b.start);
  return out;
}

function before(a: Position, b: { line: number; column: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

const ALL = '*';

/**
 * Which block directive (`poa-disable`) is in force for a rule just before a position. Positions must
 * come in order: the directives are walked once for all findings, however many there are.
 */
function blockSuppressors(blocks: Directive[]): (ruleId: string, at: { line: number; column: number }) => Directive | null {
  let all: Directive | null = null;
  const byRule = new Map<string, Directive>();
  const reenabled = new Set<string>();
  let next = 0;
  return (ruleId, at) => {
    for (let d = blocks[next]; d && before(d.from, at); d = blocks[++next]) {
      if (d.name === 'poa-disable') {
        if (d.rules === null) {
          all = d;
          reenabled.clear();
        } else {
          for (const r of d.rules) {
            byRule.set(r, d);
            reenabled.delete(r);
          }
        }
      } else if (d.rules === null) {
        all = null;
        byRule.clear();
        reenabled.clear();
      } else {
        for (const r of d.rules) {
          byRule.delete(r);
          if (all) reenabled.add(r);
        }
      }
    }
    return byRule.get(ruleId) ?? (all && !reenabled.has(ruleId) ? all : null);
  };
}

function covers(d: Directive, ruleId: string): boolean {
  return d.rules === null || d.rules.includes(ruleId);
}

function quote(ids: string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}

/** `poa-enable` directives that had nothing to re-enable. */
function unusedEnables(doc: PlanDocument, blocks: Directive[]): Finding[] {
  const out: Finding[] = [];
  let all = false;
  const disabled = new Set<string>();
  const reenabled = new Set<string>();
  for (const d of blocks) {
    if (d.name === 'poa-disable') {
      if (d.rules === null) {
        all = true;
        reenabled.clear();
      } else for (const r of d.rules) disabled.add(r);
      continue;
    }
    if (d.rules === null) {
      if (!all && disabled.size === 0) out.push(problem(doc, UNUSED_DIRECTIVE, d.start, d.end, 'Unused poa-enable directive (nothing was disabled).'));
      all = false;
      disabled.clear();
      reenabled.clear();
      continue;
    }
    const idle = d.rules.filter((r) => !disabled.has(r) && !(all && !reenabled.has(r)));
    if (idle.length > 0) out.push(problem(doc, UNUSED_DIRECTIVE, d.start, d.end, `Unused poa-enable directive (${quote(idle)} ${idle.length === 1 ? 'was' : 'were'} not disabled).`));
    for (const r of d.rules) {
      disabled.delete(r);
      if (all) reenabled.add(r);
    }
  }
  return out;
}

/**
 * Drop the findings the draft's directives disable, and add findings for invalid directives
 * (always) and for unused ones (when asked). Returns findings sorted by position.
 */
export function applyDirectives(doc: PlanDocument, findings: Finding[], options: DirectiveOptions): Finding[] {
  const { directives, problems } = parseDirectives(doc, options.ruleIds);
  if (directives.length === 0 && problems.length === 0) return findings;
  const blocks = directives.filter((d) => d.name === 'poa-disable' || d.name === 'poa-enable');
  const lines = directives.filter((d) => d.name === 'poa-disable-line' || d.name === 'poa-disable-next-line');
  const byLine = new Map<number, Directive[]>();
  for (const d of lines) {
    const line = d.name === 'poa-disable-line' ? d.from.line : d.to.line + 1;
    const list = byLine.get(line);
    if (list) list.push(d);
    else byLine.set(line, [d]);
  }
  const blockSuppressor = blockSuppressors(blocks);
  const used = new Set<string>();
  const kept: Finding[] = [];
  for (const finding of [...findings].sort((a, b) => a.line - b.line || a.column - b.column)) {
    const suppressors: Directive[] = [];
    const block = blockSuppressor(finding.ruleId, finding);
    if (block) suppressors.push(block);
    for (const d of byLine.get(finding.line) ?? []) if (covers(d, finding.ruleId)) suppressors.push(d);
    if (suppressors.length === 0) kept.push(finding);
    for (const d of suppressors) used.add(`${d.start}:${d.rules === null ? ALL : finding.ruleId}`);
  }
  const out = [...kept, ...problems];
  if (options.reportUnused) {
    for (const d of directives) {
      if (d.name === 'poa-enable') continue;
      if (d.rules === null) {
        if (!used.has(`${d.start}:${ALL}`)) out.push(problem(doc, UNUSED_DIRECTIVE, d.start, d.end, `Unused ${d.name} directive (no problems were reported here).`));
        continue;
      }
      const idle = d.rules.filter((r) => !used.has(`${d.start}:${r}`));
      if (idle.length > 0) out.push(problem(doc, UNUSED_DIRECTIVE, d.start, d.end, `Unused ${d.name} directive (no problems were reported from ${quote(idle)}).`));
    }
    out.push(...unusedEnables(doc, blocks));
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
