// missing-section (check kind required-sections): a closing written without a heading of its own, as many plans
// end, is a closing; the request must sit in a paragraph of the last part after its first.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';

const BODY = `## Problem
Our late shipment rate reached 6.2 % in March.

## Root cause
The handling time was one day while our warehouse needs two.

## Corrective actions
On 3 May we set the handling time of all 140 SKUs to two days.

## Preventive measures
- Every Monday the warehouse manager, Dean Walsh, checks the handling time of new SKUs.
`;

const closingMissing = (text: string): boolean =>
  lintText(text, { language: 'en' }).findings.some((f) => f.ruleId === 'missing-section' && f.message.includes('the closing statement'));

describe('missing-section and a closing without a heading', () => {
  it('takes the last paragraphs that ask to reinstate the account for the closing', () => {
    const text = `${BODY}\nWe take full responsibility for these late orders and kindly ask you to reinstate our selling privileges.\n\nDean Walsh\n`;
    expect(closingMissing(text)).toBe(false);
    // The parts of the plan stay as written: no closing part is made up.
    expect(lintText(text, { language: 'en' }).sections.map((s) => s.kinds.join('+'))).toEqual(['problem', 'root-cause', 'corrective-actions', 'prevention']);
  });

  it('still reports a plan that ends on its measures', () => {
    expect(closingMissing(`${BODY}\nDean Walsh\n`)).toBe(true);
  });

  it('does not take a measure in the list for the closing', () => {
    expect(closingMissing(`${BODY}- When a listing is removed in error, the owner asks Amazon to reinstate the account listing the same day.\n`)).toBe(true);
  });

  it('does not take the first paragraph of the last part for the closing', () => {
    const text = `## Root cause\nThe handling time was one day.\n\n## Corrective actions\nOn 3 May we set it to two days.\n\n## Preventive measures\nThe warehouse manager checks it every Monday, and we ask you to reinstate our account.\n`;
    expect(closingMissing(text)).toBe(true);
  });
});
