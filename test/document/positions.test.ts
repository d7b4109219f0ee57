import { describe, expect, it } from 'vitest';
import { decodeDraft } from '../../src/document/decode.js';
import { lintSource, lintText } from '../../src/lint.js';
import type { Finding } from '../../src/types.js';

/** The source text a finding's line/column range points at. */
function sliceAt(text: string, f: Finding): string {
  const lines = text.split(/\r\n|\r|\n/);
  const offsetOf = (line: number, column: number): number => {
    let offset = 0;
    const re = /\r\n|\r|\n/g;
    for (let l = 1; l < line; l++) {
      const m = re.exec(text) as RegExpExecArray;
      offset = m.index + m[0].length;
    }
    void lines;
    return offset + column - 1;
  };
  return text.slice(offsetOf(f.line, f.column), offsetOf(f.endLine, f.endColumn));
}

const DRAFT = ['---', 'lang: it', 'reason: off-platform-payment', '---', 'Salve,', 'l’account è stato sospeso.', '', 'CAUSA', '', 'AZIONI CORRETTIVE', 'Il 19 novembre abbiamo rimborsato l’ordine 171-2345678-3456789.', ''];

describe('positions are exact in the original file', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`with ${name} line endings and front matter`, () => {
      const text = DRAFT.join(eol);
      const result = lintText(text);
      const empty = result.findings.find((f) => f.ruleId === 'empty-section') as Finding;
      expect(empty).toMatchObject({ line: 8, column: 1, endLine: 8, endColumn: 6, excerpt: 'CAUSA', section: 'root-cause' });
      expect(sliceAt(text, empty)).toBe('CAUSA');
      expect(result.sections.map((s) => [s.kinds[0], s.line])).toEqual([
        ['preamble', 5],
        ['root-cause', 8],
        ['corrective-actions', 10],
      ]);
      for (const f of result.findings) expect(sliceAt(text, f)).toBe(f.excerpt);
    });
  }

  it('with a UTF-8 byte order mark (columns do not count it)', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('## Causa\n\n## Azioni correttive\nIl 3 maggio abbiamo rimborsato l’ordine.\n')]);
    const source = decodeDraft(bytes, 'bom.md');
    expect(source.bom).toBe(true);
    const result = lintSource(source, { language: 'it' });
    const empty = result.findings.find((f) => f.ruleId === 'empty-section') as Finding;
    expect(empty).toMatchObject({ line: 1, column: 4, endColumn: 9, excerpt: 'Causa' });
  });

  it('after typographic apostrophes on the same line', () => {
    const text = 'L’account è stato sospeso per l’errore di un dipendente.\n\n**Causa:**\n\n## Azioni correttive\nIl 3 maggio abbiamo rimborsato l’ordine.\n';
    const result = lintText(text, { language: 'it' });
    const empty = result.findings.find((f) => f.ruleId === 'empty-section') as Finding;
    expect(empty).toMatchObject({ line: 3, column: 3, excerpt: 'Causa' });
  });

  it('points a missing part where it belongs', () => {
    const text = '## Root cause\nOur supplier sent the wrong items.\n\n## Preventive measures\nOur buyer checks every delivery.\n';
    const missing = lintText(text).findings.find((f) => f.ruleId === 'missing-section' && f.message.includes('corrective')) as Finding;
    expect(missing).toMatchObject({ line: 2, column: 35, endLine: 2, endColumn: 35, excerpt: '', severity: 'error' });
  });
});
