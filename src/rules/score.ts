// The readiness score of a plan (0–100) from its findings, with weights from rules/score.yaml.

import type { Finding, Severity } from '../types.js';

export interface ScoreSettings {
  weights: Record<Severity, number>;
  perRuleCap: number;
}

export const DEFAULT_SCORE: ScoreSettings = { weights: { error: 10, warning: 4, info: 1 }, perRuleCap: 20 };

/** 100 minus the points of every finding by severity, each rule costing at most `perRuleCap`; never below 0. */
export function readiness(findings: Finding[], settings: ScoreSettings): number {
  const perRule = new Map<string, number>();
  for (const f of findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + settings.weights[f.severity]);
  let lost = 0;
  for (const points of perRule.values()) lost += Math.min(points, settings.perRuleCap);
  return Math.max(0, Math.round(100 - lost));
}

export function describeScore(settings: ScoreSettings): string {
  const w = settings.weights;
  return [
    'score (readiness, 0–100)',
    '',
    'How it is computed',
    `    100 − Σ over rules of min(${settings.perRuleCap}, Σ over the rule's findings of its weight)`,
    `    weights: error ${w.error}, warning ${w.warning}, info ${w.info}; never below 0.`,
    '    Findings switched off in the config or by poa-disable comments do not count; --quiet does not change the score.',
    '',
    'How to read it',
    '    90–100: ready for a final read; 70–89: a few faults to fix; below 70: a reviewer would likely reject it.',
    '    The weights live in rules/score.yaml.',
    '',
  ].join('\n');
}
