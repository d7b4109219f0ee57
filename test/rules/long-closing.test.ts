// long-closing reads a closing written without a heading of its own: from the plea that opens it, in the plan's
// last part, to the signature (rules/long-closing.yaml `starts`).
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';

const PREVENTION = '## Preventive measures\n\nEvery Monday the owner checks the account users and removes anyone who no longer works for us.\n\n';
const PLEA =
  'Please understand that this shop is my only income and that I have sold on Amazon for six years without a single complaint. Since the deactivation I have not been able to pay my suppliers, and my two packers have had to stay at home. I accept that the account is my responsibility and I promise that nothing like this will ever happen again. I am asking you to reinstate my account as soon as you can, because every week without sales puts the business at risk.';

const closing = (text: string) => lintText(text, { language: 'en', path: 'plan.md' }).findings.filter((f) => f.ruleId === 'long-closing');

describe('a closing without its own heading', () => {
  it('runs from the plea that opens it to the signature, and is reported there', () => {
    const text = `## Root cause\n\nOur assistant kept access after she left.\n\n${PREVENTION}${PLEA}\n\nThank you,\nClaire Benson\n`;
    const [finding, ...rest] = closing(text);
    expect(rest).toEqual([]);
    expect(finding?.line).toBe(text.slice(0, text.indexOf('Please understand')).split('\n').length);
    expect(finding?.column).toBe(1);
    expect(finding?.endLine).toBe(text.trimEnd().split('\n').length);
    // The plea and the sign-off, not the part's first paragraph.
    const words = `${PLEA} Thank you, Claire Benson`.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu)?.length;
    expect(finding?.message).toContain(`The closing runs to ${words} words`);
  });

  it('is not the first paragraph of the last part, which is that part’s own text', () => {
    expect(closing(`## Closing words\n\n${PLEA}\n`).length).toBe(1);
    expect(closing(`## Preventive measures\n\n${PLEA}\n\nThank you,\nClaire Benson\n`)).toEqual([]);
  });

  it('is not looked for when the plan has a closing part with a heading', () => {
    expect(closing(`${PREVENTION}${PLEA}\n\n## Conclusion\n\nWe ask you to reinstate our account.\n`)).toEqual([]);
  });

  it('is not a paragraph that only mentions a request in passing', () => {
    expect(closing(`${PREVENTION}From 3 May we ask every new user to sign our account policy before their first login, and please note that the owner reviews the list of users every Monday. ${PLEA.replace('Please understand that', 'We know that')}\n`)).toEqual([]);
  });
});
