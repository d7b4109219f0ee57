// Phrase findings point at the exact characters the user wrote: CRLF, front matter, typographic apostrophes, accents.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';

function at(text: string, line: number, column: number, endLine: number, endColumn: number): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (line === endLine) return (lines[line - 1] ?? '').slice(column - 1, endColumn - 1);
  return [(lines[line - 1] ?? '').slice(column - 1), ...lines.slice(line, endLine - 1), (lines[endLine - 1] ?? '').slice(0, endColumn - 1)].join('\n');
}

describe('phrase findings map back to the source', () => {
  const draft = ['---', 'lang: it', '---', 'PROBLEMA', 'L’account è stato sospeso per l’ordine 171-234567-3456789.', '', 'AZIONI CORRETTIVE', 'Abbiamo parlato con lo staff e d’ora in poi   non succederà più.', ''];

  for (const eol of ['\n', '\r\n', '\r']) {
    it(`with ${JSON.stringify(eol)} line endings`, () => {
      const text = draft.join(eol);
      const result = lintText(text);
      const invalid = result.findings.find((f) => f.ruleId === 'invalid-order-id');
      expect(invalid).toMatchObject({ line: 5, column: 40, endLine: 5, endColumn: 58, excerpt: '171-234567-3456789' });
      for (const f of result.findings) {
        expect(at(text, f.line, f.column, f.endLine, f.endColumn)).toBe(f.excerpt);
      }
    });
  }

  it('keeps messages in the draft language unless --locale says otherwise', () => {
    const text = 'La commande 402-12345-1234567 a été annulée.';
    expect(lintText(text, { language: 'fr' }).findings.find((f) => f.ruleId === 'invalid-order-id')?.message).toContain("n'est pas un numéro de commande Amazon valide");
    expect(lintText(text, { language: 'fr', locale: 'de' }).findings.find((f) => f.ruleId === 'invalid-order-id')?.message).toContain('ist keine gültige Amazon-Bestellnummer');
  });
});
