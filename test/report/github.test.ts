// GitHub workflow commands: one annotation per finding, properties and messages escaped as @actions/core does.
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { CI_REPORT } from './ci-report.js';

const CWD = '/work/consultancy';

describe('formatGithub', () => {
  it('prints one workflow command per finding and a summary line (snapshot)', () => {
    expect(formatGithub(CI_REPORT, { cwd: CWD })).toMatchSnapshot();
  });

  it('keeps every command on one line, whatever the message holds', () => {
    const lines = formatGithub(CI_REPORT, { cwd: CWD }).trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::(error|warning|notice) file=[^:,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]+::.+$/u);
    expect(lines[2]).toContain('file=clients/rossi farmacia/piano%2C v2.txt,line=9,col=12,endLine=10,endColumn=5,title=poa defensive-tone::');
    expect(lines[3]).toMatch(/^::notice /);
  });

  it('gives paths from the repository root when it differs from the working directory', () => {
    const out = formatGithub(CI_REPORT, { cwd: '/work/consultancy/appeals', root: '/work/consultancy' });
    expect(out).toContain('file=appeals/clients/acme-outdoor/plan-v3.md,');
  });
});

describe('escaping', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: line, two')).toBe('100%25 done%0D%0Anext: line, two');
    expect(escapeProperty('C:\\drafts\\a,b.md')).toBe('C%3A\\drafts\\a%2Cb.md');
  });

  it('leaves other Unicode as it is', () => {
    expect(escapeData('„Ursache“ è 🙏')).toBe('„Ursache“ è 🙏');
  });
});
