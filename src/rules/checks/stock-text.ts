// Check kind `stock-text`: passages that repeat stock text (poa's own template guidance, generic stock sentences, a consultant's folder of circulating templates).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { templatesDir } from '../../data.js';
import { proseOf, toSource } from '../../document/text.js';
import { PoaError } from '../../errors.js';
import type { CheckKind, RawFinding } from '../model.js';
import { sentenceEnds } from '../sentences.js';
import { ShingleIndex, words } from '../shingles.js';

interface Options {
  /** Words per shingle (default 5): long enough to be distinctive, short enough to survive edits. */
  shingle?: number;
  /** Share of a sentence's shingles found in the corpus that makes it a copy (default 0.6). */
  threshold?: number;
  /** Sentences with fewer words are not checked (default 8). */
  minWords?: number;
  /** Folder of stock sentences next to the rule file, one `<lang>.txt` per language (default `stock`). */
  stockDir?: string;
  /** Folders of circulating templates (any .md/.txt inside), from the config's `stockTexts`. */
  stockTexts?: string[];
  /** Also index the guidance comments of poa's own plan templates (default true). */
  templates?: boolean;
}

function readIfFile(path: string): string | null {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries.filter((e) => pattern.test(e)).map((e) => join(dir, e));
}

/** Guidance left in poa's templates: the text of their comments, without template expressions. */
function templateGuidance(language: string): string[] {
  const root = join(templatesDir(), 'plan');
  const files = [join(root, `${language}.md.hbs`), ...filesUnder(join(root, 'partials'), /\.hbs$/)];
  const out: string[] = [];
  for (const file of files) {
    const text = readIfFile(file);
    if (!text) continue;
    for (const m of text.matchAll(/<!--([\s\S]*?)-->/g)) out.push((m[1] as string).replace(/\{\{[\s\S]*?\}\}/g, ' '));
  }
  return out;
}

type Word = ReturnType<typeof words>[number];

export const stockText: CheckKind = {
  name: 'stock-text',
  compile(rule) {
    const options = (rule.options ?? {}) as Options;
    const size = options.shingle ?? 5;
    const threshold = options.threshold ?? 0.6;
    const minWords = options.minWords ?? 8;
    if (size < 3 || size > 12) throw new PoaError('options.shingle must be between 3 and 12 words', { subject: rule.file, hint: 'see the check kinds in docs/rule-packs.md' });
    if (threshold <= 0 || threshold > 1) throw new PoaError('options.threshold must be above 0 and at most 1', { subject: rule.file, hint: 'see the check kinds in docs/rule-packs.md' });
    const stockDir = join(dirname(rule.file), options.stockDir ?? 'stock');
    const userTexts: string[] = [];
    for (const dir of options.stockTexts ?? []) {
      const files = filesUnder(dir, /\.(md|markdown|txt)$/i);
      if (files.length === 0 && readIfFile(dir) === null) {
        throw new PoaError('stockTexts: no .md or .txt files in this folder', { subject: isAbsolute(dir) ? dir : join(process.cwd(), dir), hint: 'point stockTexts at a folder of known circulating templates' });
      }
      for (const file of files) userTexts.push(readIfFile(file) ?? '');
    }
    const indexes = new Map<string, ShingleIndex>();
    // The corpus of a language is built on first use: most runs see one or two languages.
    const indexFor = (language: string): ShingleIndex => {
      let index = indexes.get(language);
      if (!index) {
        index = new ShingleIndex(size);
        const stock = readIfFile(join(stockDir, `${language}.txt`));
        if (stock) for (const line of stock.split(/\r?\n/)) if (line.trim() !== '' && !line.startsWith('#')) index.add(line);
        if (options.templates !== false) for (const text of templateGuidance(language)) index.add(text);
        for (const text of userTexts) index.add(text);
        indexes.set(language, index);
      }
      return index;
    };
    return {
      run(doc, { language }) {
        const index = indexFor(language);
        if (index.empty) return [];
        const prose = proseOf(doc);
        const out: RawFinding[] = [];
        let start = 0;
        let open: RawFinding | null = null;
        // The prose's words are found once; a sentence takes those inside it (or finds its own if one straddles its ends).
        const all = words(prose.text);
        let k = 0;
        for (const end of sentenceEnds(prose)) {
          while (k < all.length && (all[k] as Word).end <= start) k++;
          let j = k;
          while (j < all.length && (all[j] as Word).end <= end) j++;
          const straddles = (k < all.length && (all[k] as Word).start < start) || (j < all.length && (all[j] as Word).start < end);
          const list = straddles ? words(prose.text.slice(start, end)).map((w) => ({ word: w.word, start: start + w.start, end: start + w.end })) : all.slice(k, j);
          if (list.length >= minWords && index.containment(list.map((w) => w.word)) >= threshold) {
            const first = list[0] as Word;
            const last = list[list.length - 1] as Word;
            const [from, to] = toSource(prose, first.start, last.end);
            // Consecutive copied sentences are one passage.
            if (open && /^[\s.!?"')\]]*$/u.test(doc.source.text.slice(open.end, from))) open.end = to;
            else {
              open = { start: from, end: to };
              out.push(open);
            }
          } else if (list.length > 0) {
            open = null;
          }
          start = end;
        }
        return out;
      },
    };
  },
};
