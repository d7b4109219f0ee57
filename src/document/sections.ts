// Recognises headings in every style drafts use and splits a plan into its parts.

import type { HeadingStyle, Section, SectionKind, TextBlock } from '../types.js';
import { lineEnd } from './lines.js';
import type { SectionVocabulary } from './vocabulary.js';

/** A block of the markdown tree reduced to what section detection needs. */
export type Leaf =
  | { type: 'heading'; start: number; end: number; textStart: number; textEnd: number; depth: number; style: 'atx' | 'setext' }
  | { type: 'paragraph'; start: number; end: number; block: TextBlock['type']; listItem: boolean };

export interface HeadingEvent {
  style: HeadingStyle;
  depth: number;
  kinds: SectionKind[];
  /** Offset where the heading's line content starts (numbering included). */
  start: number;
  textStart: number;
  textEnd: number;
  /** Where the section's own text starts. */
  bodyStart: number;
}

interface ProseEvent {
  start: number;
  end: number;
  type: TextBlock['type'];
}

// Headings that are not markdown headings must be short: a plan's part titles are a few words.
const MAX_HEADING_WORDS = 16;
const MAX_LABEL_WORDS = 6;
const MAX_HEADING_CHARS = 100;

const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)*/;
const BULLET = /^[-*+•·▪◦‣][ \t]+/;
const NUMBERING = /^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?(?:[ivx]{1,4}|[IVX]{1,4})[.)]|\(?[a-hA-H][.)]|\d{1,2}[ \t]*[-–—])[ \t]+/;
const BOLD_START = /^(\*\*|__)(?=\S)([^\n]*?\S)\1/;
const LABEL = /^([^:\n/]{2,80}?)[ \t]*:(?!\/\/)[ \t]*/;

function wordCount(text: string): number {
  const words = text.trim().split(/\s+/u);
  return words[0] === '' ? 0 : words.length;
}

function kindsOrOther(kinds: SectionKind[]): SectionKind[] {
  return kinds.length > 0 ? kinds : ['other'];
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return [start, end];
}

/** Strip markup that wraps a heading's words (`*`, `_`, trailing colon) from a range. */
function headingTextRange(text: string, start: number, end: number): [number, number] {
  [start, end] = trimRange(text, start, end);
  while (start < end && /[*_]/.test(text[start] as string)) start++;
  while (end > start && /[*_:：]/.test(text[end - 1] as string)) end--;
  return trimRange(text, start, end);
}

interface LineContext {
  firstInParagraph: boolean;
  previousEndsSentence: boolean;
}

/** Decide whether one source line of a paragraph is a heading, and of which kind. */
export function detectLineHeading(
  text: string,
  lineStart: number,
  lineStop: number,
  context: LineContext,
  vocabulary: SectionVocabulary,
): HeadingEvent | null {
  let pos = lineStart;
  const at = (): string => text.slice(pos, lineStop);
  pos += (QUOTE_PREFIX.exec(at()) as RegExpExecArray)[0].length;
  const contentStart = pos;
  const bullet = BULLET.exec(at());
  if (bullet) pos += bullet[0].length;
  const numbering = bullet ? null : NUMBERING.exec(at());
  if (numbering) pos += numbering[0].length;
  let end = lineStop;
  while (end > pos && /\s/u.test(text[end - 1] as string)) end--;
  const rest = text.slice(pos, end);
  if (rest.length === 0) return null;
  // A long line can still open with a run-in label ("Corrective actions: on 3 June we replaced…"); nothing else
  // on it is a heading, and the label is looked for in its first characters only.
  const long = rest.length > MAX_HEADING_CHARS * 2;

  const make = (style: HeadingStyle, textStart: number, textEnd: number, bodyStart: number, kinds: SectionKind[]): HeadingEvent => {
    const [s, e] = headingTextRange(text, textStart, textEnd);
    return { style, depth: 7, kinds, start: contentStart, textStart: s, textEnd: e, bodyStart };
  };

  // **Bold line** or **Label:** text
  const bold = BOLD_START.exec(long ? rest.slice(0, MAX_HEADING_CHARS) : rest);
  if (bold) {
    const inner = (bold[2] as string).replace(/[:：]\s*$/u, '');
    const after = rest.slice(bold[0].length);
    const innerStart = pos + (bold[1] as string).length;
    const innerEnd = innerStart + (bold[2] as string).length;
    const c = vocabulary.classify(inner);
    if (/^\s*[:：]?\s*$/u.test(after)) {
      if (!bullet && (context.firstInParagraph || c.kinds.length > 0) && wordCount(inner) <= MAX_HEADING_WORDS) {
        return make('bold', innerStart, innerEnd, end, kindsOrOther(c.kinds));
      }
      return null;
    }
    const colonAfter = /^\s*[:：]\s*/u.exec(after);
    if ((/[:：]$/u.test(bold[2] as string) || colonAfter) && c.kinds.length > 0 && wordCount(inner) <= MAX_LABEL_WORDS) {
      const bodyStart = pos + bold[0].length + (colonAfter ? colonAfter[0].length : 0);
      return make('label', innerStart, innerEnd, bodyStart + leadingSpace(text, bodyStart, end), c.kinds);
    }
    return null;
  }

  // Label: text on the same line ("Root cause: our supplier…")
  const label = LABEL.exec(rest);
  if (label) {
    const name = label[1] as string;
    const c = vocabulary.classify(name);
    const coverage = c.normalised.length > 0 ? c.covered / c.normalised.length : 0;
    const bodyStart = pos + label[0].length;
    if (c.kinds.length > 0 && wordCount(name) <= MAX_LABEL_WORDS && (coverage >= 0.5 || c.firstMatch === 0)) {
      return make(numbering ? 'numbered' : 'label', pos, pos + name.length, bodyStart, c.kinds);
    }
    if (bodyStart < end) return null;
  }
  if (bullet || long) return null;

  const words = wordCount(rest);
  if (words > MAX_HEADING_WORDS || rest.length > MAX_HEADING_CHARS) return null;
  const c = vocabulary.classify(rest);
  const endsSentence = /[.!;,]$/u.test(rest);

  // A short line in capitals alone on its line: PROBLEMA, ROOT CAUSE
  const letters = rest.match(/\p{L}/gu)?.length ?? 0;
  if (letters >= 3 && !/\p{Ll}/u.test(rest) && !endsSentence && words <= 10 && (!/\d/.test(rest) || c.kinds.length > 0)) {
    return make('capitals', pos, end, end, kindsOrOther(c.kinds));
  }
  if (c.kinds.length === 0 || /[.!;]$/u.test(rest)) return null;

  // A numbered part title: "1. Het probleem", "2. Wat heb je al gedaan om het probleem te verhelpen?"
  if (numbering) {
    if (context.firstInParagraph || context.previousEndsSentence) return make('numbered', pos, end, end, c.kinds);
    return null;
  }

  // A part title alone on its line: "Root cause", "What was the root cause that led to the issue?"
  if (!(context.firstInParagraph || context.previousEndsSentence)) return null;
  if (!/^[\p{Lu}\p{N}¿]/u.test(rest)) return null;
  const coverage = c.normalised.length > 0 ? c.covered / c.normalised.length : 0;
  const firstWords = c.normalised.split(' ').slice(0, 3).join(' ').length;
  if (coverage >= 0.5 || (/[?:：]$/u.test(rest) && c.firstMatch >= 0 && c.firstMatch <= firstWords)) {
    return make('line', pos, end, end, c.kinds);
  }
  return null;
}

function leadingSpace(text: string, from: number, to: number): number {
  let n = 0;
  while (from + n < to && /[ \t]/.test(text[from + n] as string)) n++;
  return n;
}

/** Turn the tree's leaves into headings and prose, line by line inside paragraphs. */
function events(text: string, leaves: Leaf[], starts: number[], vocabulary: SectionVocabulary): Array<HeadingEvent | ProseEvent> {
  const out: Array<HeadingEvent | ProseEvent> = [];
  for (const leaf of leaves) {
    if (leaf.type === 'heading') {
      const c = vocabulary.classify(text.slice(leaf.textStart, leaf.textEnd));
      const [s, e] = headingTextRange(text, leaf.textStart, leaf.textEnd);
      out.push({ style: leaf.style, depth: leaf.depth, kinds: kindsOrOther(c.kinds), start: leaf.start, textStart: s, textEnd: e, bodyStart: leaf.end });
      continue;
    }
    let line = lineIndexOf(starts, leaf.start);
    let proseStart = leaf.start;
    let previousEndsSentence = false;
    for (;;) {
      const ls = starts[line] as number;
      if (ls >= leaf.end) break;
      const lineStop = Math.min(lineEnd(text, starts, line), leaf.end);
      const from = Math.max(ls, leaf.block === 'table-cell' ? leaf.start : ls);
      const heading: HeadingEvent | null = leaf.block === 'table-cell' ? null : detectLineHeading(text, from, lineStop, { firstInParagraph: ls <= leaf.start, previousEndsSentence }, vocabulary);
      if (heading) {
        if (heading.start > proseStart) pushProse(out, text, proseStart, heading.start, leaf.block);
        out.push(heading);
        proseStart = heading.bodyStart;
      }
      const content = text.slice(Math.max(ls, leaf.start), lineStop).trimEnd();
      previousEndsSentence = heading !== null || /[.!?:：;]["'”’»)]*$/u.test(content);
      line++;
      if (line >= starts.length) break;
    }
    pushProse(out, text, proseStart, leaf.end, leaf.block);
  }
  return out;
}

function pushProse(out: Array<HeadingEvent | ProseEvent>, text: string, start: number, end: number, type: TextBlock['type']): void {
  const [s, e] = trimRange(text, start, end);
  if (e > s) out.push({ start: s, end: e, type });
}

function lineIndexOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isKnown(section: Section): boolean {
  return !section.kinds.includes('preamble') && !section.kinds.includes('other');
}

export interface SectionSplit {
  sections: Section[];
  blocks: TextBlock[];
  /** Heading depth per section (7 for headings that are not markdown headings), for nesting. */
  depths: number[];
}

/** Split a plan into sections. `bodyStart` is where the plan starts (after front matter). */
export function splitSections(
  text: string,
  leaves: Leaf[],
  starts: number[],
  bodyStart: number,
  vocabulary: SectionVocabulary,
  position: (offset: number) => { line: number; column: number },
): SectionSplit {
  const first = position(bodyStart);
  const sections: Section[] = [
    { kinds: ['preamble'], heading: null, headingStyle: 'none', line: first.line, column: first.column, start: bodyStart, end: text.length, headingStart: bodyStart, headingEnd: bodyStart, bodyStart },
  ];
  const depths = [0];
  const blocks: TextBlock[] = [];
  for (const event of events(text, leaves, starts, vocabulary)) {
    const current = sections[sections.length - 1] as Section;
    if ('style' in event) {
      const unknown = event.kinds.includes('other');
      // An unknown sub-heading inside a recognised part ("### Week 1" under "## Corrective actions") stays in it.
      if (unknown && isKnown(current) && event.depth > (depths[depths.length - 1] as number)) {
        blocks.push({ start: event.textStart, end: event.textEnd, section: sections.length - 1, type: 'heading' });
        continue;
      }
      current.end = event.start;
      const p = position(event.start);
      sections.push({
        kinds: event.kinds,
        heading: text.slice(event.textStart, event.textEnd),
        headingStyle: event.style,
        line: p.line,
        column: p.column,
        start: event.start,
        end: text.length,
        headingStart: event.textStart,
        headingEnd: event.textEnd,
        bodyStart: event.bodyStart,
      });
      depths.push(event.depth);
    } else {
      blocks.push({ start: event.start, end: event.end, section: sections.length - 1, type: event.type });
    }
  }
  // A title that names the whole plan ("PIANO D'AZIONE – TASSO DI SPEDIZIONI IN RITARDO"): the first part heading, with
  // no text of its own, whose parts all come again in the headings after it, is a title, not an empty part.
  const firstPart = sections.findIndex(isKnown);
  const title = sections[firstPart];
  if (title && firstPart + 1 < sections.length && !blocks.some((b) => b.section === firstPart)) {
    const later = new Set(sections.slice(firstPart + 1).flatMap((s) => s.kinds));
    if (title.kinds.every((k) => later.has(k))) title.kinds = ['other'];
  }
  // The preamble is reported only when it holds text.
  if (!blocks.some((b) => b.section === 0)) {
    sections.shift();
    depths.shift();
    for (const b of blocks) b.section--;
  }
  return { sections, blocks, depths };
}
