// Glob patterns as consultants write them in `ignore`, `overrides[].files` and --ignore-pattern.
import { describe, expect, it } from 'vitest';
import { compileGlobDecider, compileGlobs } from '../../src/config/glob.js';

function matching(patterns: string[], paths: string[]): string[] {
  const match = compileGlobs(patterns);
  return paths.filter((p) => match(p));
}

const TREE = [
  'README.md',
  'clients/acme-outdoor/plan-v1.md',
  'clients/acme-outdoor/plan-v2.bak.md',
  'clients/rossi-farmacia/piano.txt',
  'clients/rossi-farmacia/archive/piano-2024.txt',
  'clients/müller-gmbh/maßnahmenplan.md',
  'templates/skeleton.md',
  'archive/old.md',
  'notes/README.md',
];

describe('compileGlobs', () => {
  it('matches a name without a slash at any depth', () => {
    expect(matching(['README.md'], TREE)).toEqual(['README.md', 'notes/README.md']);
    expect(matching(['*.bak.md'], TREE)).toEqual(['clients/acme-outdoor/plan-v2.bak.md']);
  });

  it('matches a folder name and everything inside it', () => {
    expect(matching(['archive'], TREE)).toEqual(['clients/rossi-farmacia/archive/piano-2024.txt', 'archive/old.md']);
    expect(matching(['archive/'], TREE)).toEqual(['clients/rossi-farmacia/archive/piano-2024.txt', 'archive/old.md']);
  });

  it('anchors a pattern with a slash to the base folder', () => {
    expect(matching(['/archive'], TREE)).toEqual(['archive/old.md']);
    expect(matching(['templates/*'], TREE)).toEqual(['templates/skeleton.md']);
    expect(matching(['clients/rossi-farmacia/**'], TREE)).toEqual(['clients/rossi-farmacia/piano.txt', 'clients/rossi-farmacia/archive/piano-2024.txt']);
    expect(matching(['./templates/'], TREE)).toEqual(['templates/skeleton.md']);
  });

  it('keeps * inside one segment and lets ** span segments', () => {
    expect(matching(['clients/*.md'], TREE)).toEqual([]);
    expect(matching(['clients/**/*.md'], TREE)).toEqual(['clients/acme-outdoor/plan-v1.md', 'clients/acme-outdoor/plan-v2.bak.md', 'clients/müller-gmbh/maßnahmenplan.md']);
    expect(matching(['**/piano*.txt'], TREE)).toEqual(['clients/rossi-farmacia/piano.txt', 'clients/rossi-farmacia/archive/piano-2024.txt']);
  });

  it('supports braces, classes and ?', () => {
    expect(matching(['clients/{acme-outdoor,müller-gmbh}/**'], TREE)).toHaveLength(3);
    expect(matching(['plan-v[12].md'], TREE)).toEqual(['clients/acme-outdoor/plan-v1.md']);
    expect(matching(['plan-v?.md'], TREE)).toEqual(['clients/acme-outdoor/plan-v1.md']);
    expect(matching(['plan-v[!1]*.md'], TREE)).toEqual(['clients/acme-outdoor/plan-v2.bak.md']);
  });

  it('lets a later !pattern re-include, last match wins', () => {
    expect(matching(['clients/rossi-farmacia/', '!piano.txt'], TREE)).toEqual(['clients/rossi-farmacia/archive/piano-2024.txt']);
    const decide = compileGlobDecider(['archive/', '!archive/old.md']);
    expect(decide('archive/old.md')).toBe(false);
    expect(decide('archive/new.md')).toBe(true);
    expect(decide('clients/x.md')).toBeUndefined();
  });

  it('treats regular-expression characters literally and never matches outside the base folder', () => {
    expect(matching(['(draft)+.md'], ['(draft)+.md', 'draftdraft.md'])).toEqual(['(draft)+.md']);
    expect(matching(['**'], ['../outside.md', 'inside.md'])).toEqual(['inside.md']);
    expect(compileGlobs([])('README.md')).toBe(false);
  });

  it('accepts Windows separators in paths and patterns', () => {
    expect(compileGlobs(['clients\\acme-outdoor\\*.md'])('clients\\acme-outdoor\\plan-v1.md')).toBe(true);
  });
});
