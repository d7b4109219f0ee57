import { describe, expect, it } from 'vitest';
import { lintText, summarise } from '../../src/lint.js';
import { formatJson } from '../../src/report/json.js';
import { formatStylish } from '../../src/report/stylish.js';

const report = summarise([lintText('## Root cause\n\n## Corrective actions\nOn 3 May we refunded all 12 buyers.\n', { path: 'plan.md' })]);

describe('stylish', () => {
  it('groups findings per file with positions, severity, message and rule id', () => {
    expect(formatStylish(report, { color: false })).toMatchInlineSnapshot(`
      "plan.md (en, detected)  score 60/100
        parts: root-cause@1, corrective-actions@3
        1:1   warning  Missing part: the problem. It should say what Amazon's notice says, which orders or ASINs are affected and what happened.  missing-section
        1:4   error    The part "Root cause" is empty.  empty-section
        4:1   warning  No Amazon order ID in the plan: name the affected orders (for example 123-1234567-1234567).  missing-order-id
        4:1   warning  No link to the Amazon policy that was breached: add the Seller Central help page (for example https://sellercentral.amazon.com/gp/help/external/G200386250).  missing-policy-link
        4:1   warning  No acceptance of responsibility: add one factual sentence owning the problem.  no-responsibility
        4:36  error    Missing part: the preventive measures. It should say which control now stops it from happening again, who owns it and how often it runs.  missing-section
        4:36  warning  Missing part: the closing statement. It should say a short acceptance of responsibility and a request to reinstate.  missing-section

      ✖ 7 problems (2 errors, 5 warnings) in 1 file
      "
    `);
  });

  it('lists hundreds of thousands of findings (a 10 MB draft of vague lines has them)', () => {
    const file = report.files[0] as (typeof report.files)[number];
    const finding = file.findings[0] as (typeof file.findings)[number];
    const findings = Array.from({ length: 300_000 }, (_, i) => ({ ...finding, line: i + 1 }));
    const huge = summarise([{ ...file, findings }]);
    const lines = formatStylish(huge, { color: false }).split('\n');
    expect(lines.filter((l) => l.endsWith('missing-section'))).toHaveLength(300_000);
    expect(lines[2]).toMatch(/^ {2}1:1 {7}warning/);
    expect(lines).toContain('  300000:1  warning  Missing part: the problem. It should say what Amazon\'s notice says, which orders or ASINs are affected and what happened.  missing-section');
  });

  it('colours only when asked', () => {
    expect(formatStylish(report, { color: false })).not.toContain('\u001b[');
    expect(formatStylish(report, { color: true })).toContain('\u001b[31m');
  });
});

describe('json', () => {
  it('is deterministic and carries the version', () => {
    const again = summarise([lintText('## Root cause\n\n## Corrective actions\nOn 3 May we refunded all 12 buyers.\n', { path: 'plan.md' })]);
    expect(formatJson(report)).toBe(formatJson(again));
    expect(JSON.parse(formatJson(report))).toMatchObject({ version: 1, errorCount: 2, warningCount: 5 });
    expect(JSON.parse(formatJson(report)).files[0].score).toBe(60);
  });
});
