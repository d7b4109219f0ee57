// If the markdown parser ever exhausts the stack on a draft, poa reports the draft in one line instead of crashing.
import { describe, expect, it, vi } from 'vitest';
import { PoaError } from '../../src/errors.js';
import { lintText } from '../../src/lint.js';

vi.mock('unified', () => {
  const processor = {
    use: () => processor,
    data: () => ({}),
    parse: () => {
      throw new RangeError('Maximum call stack size exceeded');
    },
  };
  return { unified: () => processor };
});

describe('a parser stack overflow', () => {
  it('is one line naming the draft', () => {
    let message = '';
    try {
      lintText('> > > deep', { path: 'deep.md', language: 'en' });
    } catch (error) {
      expect(error).toBeInstanceOf(PoaError);
      message = (error as PoaError).format();
    }
    expect(message).toBe(
      'deep.md: cannot read this draft as markdown (Maximum call stack size exceeded) — poa reads plans of action: check the file is the draft you meant, and simplify its nesting',
    );
  });
});
