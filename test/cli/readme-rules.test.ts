// The README's rule table is what `poa rules --format markdown` prints: adding a rule without documenting it fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRules } from '../../src/cli/rules.js';
import { ROOT } from '../helpers.js';

describe('README rule table', () => {
  it('matches poa rules --format markdown', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- rules:start -->\n');
    const end = readme.indexOf('<!-- rules:end -->');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + '<!-- rules:start -->\n'.length, end)).toBe(listRules('en', 'markdown'));
  });
});
