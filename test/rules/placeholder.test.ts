// unfilled-placeholder: every placeholder and piece of template residue once, at its exact position; comments, code and links left alone.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';

function placeholders(text: string, language = 'en'): Array<{ excerpt: string; line: number; column: number; endColumn: number; severity: string }> {
  return lintText(text, { language })
    .findings.filter((f) => f.ruleId === 'unfilled-placeholder')
    .map(({ excerpt, line, column, endColumn, severity }) => ({ excerpt, line, column, endColumn, severity }));
}

describe('unfilled-placeholder', () => {
  it('reports each [[placeholder]] at its exact position, as an error', () => {
    const text = '## Corrective actions taken\n\n- **[[date]]**: We refunded [[order IDs]].\n';
    expect(placeholders(text)).toEqual([
      { excerpt: '[[date]]', line: 3, column: 5, endColumn: 13, severity: 'error' },
      { excerpt: '[[order IDs]]', line: 3, column: 29, endColumn: 42, severity: 'error' },
    ]);
  });

  it('finds the residue of templates copied from the web', () => {
    const text = [
      'Seller: [Your Store Name] (Seller ID: [Seller ID])',
      'We removed ASIN B0XXXXXXXX and refunded order XXX-XXXXXXX-XXXXXXX.',
      'On [insert date] we met {{staff_name}}.',
    ].join('\n\n');
    expect(placeholders(text).map((f) => f.excerpt)).toEqual(['[Your Store Name]', '[Seller ID]', 'B0XXXXXXXX', 'XXX-XXXXXXX-XXXXXXX', '[insert date]', '{{staff_name}}']);
  });

  it('finds residue in the words of each language', () => {
    expect(placeholders('Il [inserire data] abbiamo formato il personale.', 'it').map((f) => f.excerpt)).toEqual(['[inserire data]']);
    expect(placeholders('Le [insérer la date], nous avons formé l’équipe.', 'fr').map((f) => f.excerpt)).toEqual(['[insérer la date]']);
    expect(placeholders('Am [Datum einfügen] haben wir geschult.', 'de').map((f) => f.excerpt)).toEqual(['[Datum einfügen]']);
    expect(placeholders('El [fecha] formamos al equipo.', 'es').map((f) => f.excerpt)).toEqual(['[fecha]']);
    expect(placeholders('Op [datum invullen] hebben we getraind.', 'nl').map((f) => f.excerpt)).toEqual(['[datum invullen]']);
  });

  it('reports residue matched by two patterns once', () => {
    expect(placeholders('We relisted [insert ASIN B0XXXXXXXX] on 3 May.').map((f) => f.excerpt)).toEqual(['[insert ASIN B0XXXXXXXX]']);
  });

  it('leaves guidance comments, code, front matter, links and real identifiers alone', () => {
    const text = [
      '---',
      'lang: en',
      'note: "[[not prose]]"',
      '---',
      '<!-- Replace every [[...]] with facts; [insert ASIN] is what templates leave. -->',
      '',
      'See [order 203-4918273-5521904](https://sellercentral.amazon.co.uk/orders-v3/order/203-4918273-5521904) and [your orders][1].',
      '',
      'The template field `[[seller name]]` is filled by our tool; ASIN B07XK9M2QP was relisted on 3 May.',
      '',
      '[1]: https://sellercentral.amazon.co.uk/orders-v3',
    ].join('\n');
    expect(placeholders(text)).toEqual([]);
  });
});
