// Inline directives in markdown and plain-text drafts: which findings they disable, and which directives are unused or invalid.
import { describe, expect, it } from 'vitest';
import { applyDirectives, parseDirectives } from '../../src/config/directives.js';
import { lintText, parseSource } from '../../src/lint.js';
import type { Finding } from '../../src/types.js';

const RULES = new Set(['vague-promise', 'defensive-tone', 'empty-section', 'missing-section']);

function doc(text: string) {
  return parseSource({ path: 'plan.md', text, bom: false, encoding: 'utf-8' }, { language: 'en' });
}

function finding(ruleId: string, line: number, column = 1): Finding {
  return { ruleId, severity: 'error', message: `${ruleId} here`, line, column, endLine: line, endColumn: column + 4, excerpt: 'text', section: null };
}

function kept(text: string, findings: Finding[], reportUnused = false): string[] {
  return applyDirectives(doc(text), findings, { ruleIds: RULES, reportUnused }).map((f) => `${f.ruleId}@${f.line}${f.ruleId.endsWith('directive') ? `: ${f.message}` : ''}`);
}

const LINES = ['We will improve.', 'It is not our fault.', 'We will do our best.', 'The carrier lost it.', 'Fine.'];

describe('poa-disable / poa-enable', () => {
  it('disables the named rules from the comment to poa-enable', () => {
    const text = ['<!-- poa-disable vague-promise -->', ...LINES.slice(0, 3), '<!-- poa-enable vague-promise -->', 'We will improve again.'].join('\n');
    expect(kept(text, [finding('vague-promise', 2), finding('defensive-tone', 3), finding('vague-promise', 4), finding('vague-promise', 6)])).toEqual([
      'defensive-tone@3',
      'vague-promise@6',
    ]);
  });

  it('disables every rule without ids, to the end of the draft, and can re-enable one', () => {
    const text = ['Intro.', '<!-- poa-disable -->', ...LINES, '<!-- poa-enable defensive-tone -->', 'Amazon made a mistake.'].join('\n');
    expect(kept(text, [finding('vague-promise', 1), finding('vague-promise', 3), finding('defensive-tone', 4), finding('missing-section', 7), finding('defensive-tone', 9)])).toEqual([
      'vague-promise@1',
      'defensive-tone@9',
    ]);
  });

  it('takes comma- or space-separated ids and ignores a note after --', () => {
    const text = ['<!-- poa-disable vague-promise, defensive-tone -- approved by the client on 3 May -->', ...LINES].join('\n');
    expect(kept(text, [finding('vague-promise', 2), finding('defensive-tone', 3), finding('empty-section', 4)])).toEqual(['empty-section@4']);
    const spaced = ['<!-- poa-disable vague-promise defensive-tone -->', ...LINES].join('\n');
    expect(kept(spaced, [finding('vague-promise', 2), finding('defensive-tone', 3)])).toEqual([]);
  });

  it('counts from the comment position, so a finding earlier on the same line stays', () => {
    const text = 'We will improve. <!-- poa-disable vague-promise --> We will do our best.';
    expect(kept(text, [finding('vague-promise', 1, 1), finding('vague-promise', 1, 53)])).toEqual(['vague-promise@1']);
  });
});

describe('poa-disable-line / poa-disable-next-line', () => {
  it('covers the comment line, or the line after the comment', () => {
    const text = ['We will improve. <!-- poa-disable-line vague-promise -->', '<!-- poa-disable-next-line -->', 'It is not our fault.', 'We will do our best.'].join('\n');
    expect(kept(text, [finding('vague-promise', 1), finding('defensive-tone', 1), finding('defensive-tone', 3), finding('vague-promise', 4)])).toEqual([
      'defensive-tone@1',
      'vague-promise@4',
    ]);
  });

  it('counts the next line from the end of a comment spread over lines', () => {
    const text = ['<!-- poa-disable-next-line vague-promise', '     -- the client insists on this wording -->', 'We will improve.'].join('\n');
    expect(kept(text, [finding('vague-promise', 3)])).toEqual([]);
  });
});

describe('where directives count', () => {
  it('works in plain-text drafts', () => {
    const text = 'CAUSA\nIl corriere ha sbagliato. <!-- poa-disable-line defensive-tone -->\n';
    expect(kept(text, [finding('defensive-tone', 2, 1)])).toEqual([]);
  });

  it('ignores comments inside code blocks, inline code and front matter', () => {
    const text = ['---', 'note: "<!-- poa-disable -->"', '---', '```', '<!-- poa-disable -->', '```', '`<!-- poa-disable -->`', '', '    <!-- poa-disable -->', '', 'We will improve.'].join('\n');
    expect(parseDirectives(doc(text), RULES).directives).toEqual([]);
    expect(kept(text, [finding('vague-promise', 11)])).toEqual(['vague-promise@11']);
  });

  it('leaves other comments alone, including other poa- comments that are not near misses', () => {
    const text = '<!-- TODO: ask the client for the invoices -->\n<!-- poa-template: late-shipment -->\nWe will improve.\n';
    expect(kept(text, [finding('vague-promise', 3)], true)).toEqual(['vague-promise@3']);
  });
});

describe('invalid and unused directives', () => {
  it('reports an unknown rule id with the nearest one, and does not widen the directive to every rule', () => {
    const text = ['<!-- poa-disable-next-line vauge-promise -->', 'We will improve. It is not our fault.'].join('\n');
    expect(kept(text, [finding('vague-promise', 2), finding('defensive-tone', 2)])).toEqual([
      'invalid-directive@1: Unknown rule "vauge-promise" in poa-disable-next-line; did you mean "vague-promise"?',
      'defensive-tone@2',
      'vague-promise@2',
    ]);
  });

  it('reports a misspelt directive', () => {
    expect(kept('<!-- poa-disble vague-promise -->\nWe will improve.\n', [finding('vague-promise', 2)])).toEqual([
      'invalid-directive@1: Unknown directive "poa-disble"; did you mean "poa-disable"?',
      'vague-promise@2',
    ]);
  });

  it('reports unused directives only when asked, per rule', () => {
    const text = ['<!-- poa-disable vague-promise, defensive-tone -->', 'We will improve.', '<!-- poa-enable -->', '<!-- poa-disable-next-line -->', 'Fine.', '<!-- poa-enable empty-section -->'].join('\n');
    const findings = [finding('vague-promise', 2)];
    expect(kept(text, findings)).toEqual([]);
    expect(kept(text, findings, true)).toEqual([
      'unused-disable-directive@1: Unused poa-disable directive (no problems were reported from "defensive-tone").',
      'unused-disable-directive@4: Unused poa-disable-next-line directive (no problems were reported here).',
      'unused-disable-directive@6: Unused poa-enable directive ("empty-section" was not disabled).',
    ]);
  });

  it('gives directive findings exact positions and the comment as excerpt', () => {
    const text = 'Intro.\n  <!-- poa-disable-line nope -->\n';
    const [problem] = applyDirectives(doc(text), [], { ruleIds: RULES });
    expect(problem).toMatchObject({ ruleId: 'invalid-directive', severity: 'error', line: 2, column: 3, endLine: 2, endColumn: 33, excerpt: '<!-- poa-disable-line nope -->' });
  });
});

describe('lintText with directives', () => {
  const PLAN = ['<!-- poa-disable missing-order-id, missing-policy-link -- the notice named no orders -->', '## Root cause', '', '## Corrective actions', 'On 3 May we set the handling time to two days.'].join('\n');

  it('drops the disabled findings and counts what remains', () => {
    const plain = lintText(PLAN.split('\n').slice(1).join('\n'), { language: 'en' });
    const directed = lintText(PLAN, { language: 'en' });
    expect(plain.findings.map((f) => f.ruleId)).toContain('missing-order-id');
    expect(directed.findings.map((f) => f.ruleId)).not.toContain('missing-order-id');
    expect(directed.findings.map((f) => f.ruleId)).not.toContain('missing-policy-link');
    expect(directed.errorCount + directed.warningCount + directed.infoCount).toBe(directed.findings.length);
  });

  it('reports an unused directive with reportUnusedDisableDirectives', () => {
    const text = `<!-- poa-disable-next-line empty-section -->\n${PLAN}`;
    const result = lintText(text, { language: 'en', reportUnusedDisableDirectives: true });
    expect(result.findings.filter((f) => f.ruleId === 'unused-disable-directive').map((f) => f.line)).toEqual([1]);
  });
});
