// `--format json`: the versioned report other tools rely on (shape in DESIGN.md; keep it stable).

import type { LintReport } from '../types.js';

export function formatJson(report: LintReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
