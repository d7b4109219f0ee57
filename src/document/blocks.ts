// A line scanner for the markdown that plans of action use: front matter, headings, paragraphs, thematic breaks and
// lists. It gives exactly what remark and collect() give for such drafts, at a small fraction of the cost, and gives up
// (returns null, so remark reads the draft) at the first construct it does not fully handle.
//
// The scanner follows micromark's own steps (micromark/lib/initialize/document.js and the list, content, heading,
// setext and thematic break constructs of micromark-core-commonmark), including where they differ from the letter
// of CommonMark, since remark is the reference: a draft where the two could disagree must be read by remark.

import type { Collected } from './parse.js';

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const RPAREN = 41;
const EQUALS = 61;
const UNDERSCORE = 95;
const GT = 62;
const BRACKET = 91;
const TILDE = 126;
const DIGIT_1 = 49;

/** Column from which flattenDeepNesting rewrites markers: parse.ts's MAX_NESTING_COLUMNS (not imported, to keep the
 * two modules acyclic; the tests check a marker at this column is refused and one before it read as remark does). */
const NESTING_COLUMNS = 100;

/**
 * Characters the scanner never reads past: tabs (they count as up to four columns), code spans and fences (`),
 * and `<` where it may open inline or block HTML. A BOM at the start shifts remark's offsets by one.
 */
const UNHANDLED = /[\t`]|<[A-Za-z!/?]/;

/** An open list: micromark keeps one container per list and tracks its current item's indent in `size`. */
interface List {
  ordered: boolean;
  /** `-`, `+`, `*`, `.` or `)`: a line with another marker starts a new list. */
  marker: number;
  /** Columns a line must be indented by to continue the current item. */
  size: number;
}

interface Item {
  ordered: boolean;
  marker: number;
  size: number;
  /** Offset where the item's content starts on its first line. */
  content: number;
}

/** The scanner met something it does not handle. */
const GIVE_UP = -1;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `***`, `- - -`, `___ `: three or more of one marker, spaces between, nothing else up to the line's end. */
function isThematicBreak(text: string, pos: number, end: number): boolean {
  const marker = text.charCodeAt(pos);
  if (marker !== STAR && marker !== DASH && marker !== UNDERSCORE) return false;
  let count = 0;
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === marker) count++;
    else if (c !== SPACE) return false;
  }
  return count >= 3;
}

/** `===` or `---` (any length), trailing spaces allowed: underlines the paragraph above into a heading. */
function isSetextUnderline(text: string, pos: number, end: number): boolean {
  const marker = text.charCodeAt(pos);
  let i = pos;
  while (i < end && text.charCodeAt(i) === marker) i++;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i === end;
}

function spacesAt(text: string, pos: number, end: number): number {
  let i = pos;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i - pos;
}

/**
 * A list item starting at `pos` (after `initial` spaces of line prefix), as micromark's tokenizeListStart reads it:
 * `list` is the list it would continue (a sibling item), or null for a new list. `interrupt` is micromark's flag for
 * a line that could still continue an open paragraph. Returns the item, null when there is none, or GIVE_UP for an
 * item that starts with a blank line (micromark tracks those across lines; drafts do not write them).
 */
function listItemAt(text: string, pos: number, end: number, initial: number, list: List | null, interrupt: boolean): Item | null | typeof GIVE_UP {
  const c = text.charCodeAt(pos);
  const ordered = list ? list.ordered : !(c === STAR || c === PLUS || c === DASH);
  let markerEnd: number;
  let marker: number;
  if (!ordered) {
    if (list ? c !== list.marker : !(c === STAR || c === PLUS || c === DASH)) return null;
    if ((c === STAR || c === DASH) && isThematicBreak(text, pos, end)) return null;
    marker = c;
    markerEnd = pos + 1;
  } else {
    if (!isDigit(c)) return null;
    if (interrupt && c !== DIGIT_1) return null;
    let i = pos;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    const digits = i - pos;
    if (digits > 9 || (interrupt && digits > 1)) return null;
    marker = text.charCodeAt(i);
    if (list ? marker !== list.marker : marker !== DOT && marker !== RPAREN) return null;
    markerEnd = i + 1;
  }
  const spaces = spacesAt(text, markerEnd, end);
  if (markerEnd + spaces === end) return interrupt ? null : GIVE_UP;
  if (spaces === 0) return null;
  // One to four spaces belong to the marker; from five, the content is indented code and one space does.
  const prefix = markerEnd - pos + (spaces <= 4 ? spaces : 1);
  return { ordered, marker, size: initial + prefix, content: pos + prefix };
}

/**
 * A container starting on a line at `pos` (up to three spaces of prefix): a list item, null, or GIVE_UP for a
 * block quote or an item micromark reads in ways the scanner does not follow.
 */
function containerAt(text: string, pos: number, end: number, list: List | null, interrupt: boolean): Item | null | typeof GIVE_UP {
  const initial = Math.min(spacesAt(text, pos, end), 3);
  const at = pos + initial;
  if (list === null && text.charCodeAt(at) === GT) return GIVE_UP;
  return listItemAt(text, at, end, initial, list, interrupt);
}

/** Offsets of an ATX heading's text, as micromark's resolveHeadingAtx finds it; [start, start] when empty. */
function atxText(text: string, start: number, end: number): [number, number] {
  // Tokens after the opening sequence: runs of spaces, runs of `#`, and text (which stops at a space or `#`).
  const kinds: number[] = [HASH];
  const starts: number[] = [start];
  const ends: number[] = [];
  let i = start;
  while (i < end && text.charCodeAt(i) === HASH) i++;
  ends.push(i);
  while (i < end) {
    const c = text.charCodeAt(i);
    const from = i;
    if (c === SPACE || c === HASH) {
      while (i < end && text.charCodeAt(i) === c) i++;
      kinds.push(c);
    } else {
      while (i < end && text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== HASH) i++;
      kinds.push(0);
    }
    starts.push(from);
    ends.push(i);
  }
  const last = kinds.length - 1;
  let first = 1;
  let final = last;
  if (last >= 1 && kinds[1] === SPACE) first = 2;
  if (final > first && kinds[final] === SPACE) final--;
  if (kinds[final] === HASH && (first === final || (final >= first + 2 && kinds[final - 1] === SPACE))) final -= first === final ? 1 : 2;
  return final >= first ? [starts[first] as number, ends[final] as number] : [start, start];
}

/**
 * The leaves, ignored ranges and front matter remark + collect() would give for this draft, or null when the
 * draft holds a construct the scanner does not handle. Leaves come in document order.
 */
export function collectFast(text: string): Collected | null {
  if (text.charCodeAt(0) === 0xfeff || UNHANDLED.test(text)) return null;
  const out: Collected = { leaves: [], ignored: [], frontMatter: null };
  const length = text.length;

  let lineStart = 0;
  let lineEnd = 0;
  let next = 0;
  /** Find the line starting at lineStart: its end before the line break, and where the next one starts. */
  const readLine = (): void => {
    let i = lineStart;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) break;
      i++;
    }
    lineEnd = i;
    next = i < length ? (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1) : length + 1;
  };

  // Front matter (remark-frontmatter, yaml): `---` on the first line, up to a line that is `---`, spaces allowed after both.
  readLine();
  if (isFence(text, 0, lineEnd) && next <= length) {
    const open = lineEnd;
    lineStart = next;
    for (;;) {
      readLine();
      if (lineEnd - lineStart > NESTING_COLUMNS && startsWithMarkerChain(text, lineStart)) return null;
      if (isFence(text, lineStart, lineEnd)) {
        const value = text.slice(open, lineStart).replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
        out.frontMatter = { value, start: 0, end: lineEnd };
        out.ignored.push({ start: 0, end: lineEnd, what: 'front-matter' });
        lineStart = next;
        break;
      }
      // Unterminated: micromark then reads the whole draft without lists (the pending front matter blocks them).
      if (next > length) return null;
      lineStart = next;
    }
  } else {
    lineStart = 0;
  }

  const lists: List[] = [];
  // The open paragraph: where it starts, where its last line ends, whether it sits in a list item.
  let paraStart = -1;
  let paraEnd = -1;
  let paraInList = false;
  const closeParagraph = (): void => {
    if (paraStart < 0) return;
    out.leaves.push({ type: 'paragraph', start: paraStart, end: paraEnd, block: paraInList ? 'list-item' : 'paragraph', listItem: paraInList });
    paraStart = -1;
  };

  while (lineStart <= length) {
    readLine();
    const end = lineEnd;
    // Deep marker chains are rewritten by flattenDeepNesting before remark reads them.
    if (end - lineStart > NESTING_COLUMNS && startsWithMarkerChain(text, lineStart)) return null;
    let pos = lineStart;
    const blank = spacesAt(text, pos, end) === end - pos;

    // 1. Which open lists the line continues: indented by the item's size, blank, or a sibling item.
    let continued = 0;
    let sibling = false;
    while (continued < lists.length) {
      const list = lists[continued] as List;
      const spaces = spacesAt(text, pos, end);
      if (blank || spaces >= list.size) {
        pos += Math.min(spaces, list.size);
        continued++;
        continue;
      }
      const item = containerAt(text, pos, end, list, false);
      if (item === GIVE_UP) return null;
      if (item !== null) {
        closeParagraph();
        lists.length = continued + 1;
        list.size = item.size;
        pos = item.content;
        continued++;
        sibling = true;
      }
      break;
    }

    // 2. New lists opened on this line. An open paragraph restricts what may interrupt it (micromark's `interrupt`).
    let lazy = false;
    let interrupt = false;
    let opened = sibling;
    if (!sibling) {
      interrupt = continued === lists.length && paraStart >= 0;
      const item = containerAt(text, pos, end, null, interrupt);
      if (item === GIVE_UP) return null;
      if (item !== null) {
        closeParagraph();
        lists.length = continued;
        lists.push({ ordered: item.ordered, marker: item.marker, size: item.size });
        pos = item.content;
        opened = true;
      } else {
        lazy = continued !== lists.length;
      }
    }
    if (opened) {
      for (;;) {
        const item = containerAt(text, pos, end, null, interrupt);
        if (item === GIVE_UP) return null;
        if (item === null) break;
        lists.push({ ordered: item.ordered, marker: item.marker, size: item.size });
        pos = item.content;
      }
    }

    // 3. The line's block content.
    const spaces = spacesAt(text, pos, end);
    const first = pos + spaces;
    if (first === end) {
      closeParagraph();
    } else if (paraStart >= 0 && spaces >= 4) {
      paraEnd = end; // indented lines continue a paragraph, lazily too
    } else {
      if (spaces >= 4) return null; // indented code
      const c = text.charCodeAt(first);
      if (c === TILDE && text.charCodeAt(first + 1) === TILDE && text.charCodeAt(first + 2) === TILDE) return null; // fenced code
      let depth = 0;
      let setext = false;
      if (c === HASH) {
        let i = first;
        while (i < end && i - first < 7 && text.charCodeAt(i) === HASH) i++;
        if (i - first <= 6 && (i === end || text.charCodeAt(i) === SPACE)) depth = i - first;
      } else if ((c === EQUALS || c === DASH) && paraStart >= 0 && !lazy && isSetextUnderline(text, first, end)) {
        setext = true;
      }
      if (setext) {
        // collect() names the style after the heading's first character, so `#hashtag` underlined is `atx` too.
        let textEnd = paraEnd;
        while (text.charCodeAt(textEnd - 1) === SPACE) textEnd--;
        const style = text.charCodeAt(paraStart) === HASH ? 'atx' : 'setext';
        out.leaves.push({ type: 'heading', start: paraStart, end, textStart: paraStart, textEnd, depth: c === EQUALS ? 1 : 2, style });
        paraStart = -1;
      } else if (depth > 0 || isThematicBreak(text, first, end)) {
        closeParagraph();
        if (lazy) lists.length = continued;
        if (depth > 0) {
          const [textStart, textEnd] = atxText(text, first, end);
          out.leaves.push({ type: 'heading', start: first, end, textStart, textEnd, depth, style: 'atx' });
        }
      } else if (paraStart >= 0) {
        paraEnd = end;
      } else {
        if (c === BRACKET) return null; // may be a link reference definition
        if (lazy) lists.length = continued;
        paraStart = first;
        paraEnd = end;
        paraInList = lists.length > 0;
      }
    }
    lineStart = next;
  }
  closeParagraph();
  return out;
}

/** A front matter fence: `---` from the line's start, then only spaces. */
function isFence(text: string, start: number, end: number): boolean {
  if (end - start < 3 || text.charCodeAt(start) !== DASH || text.charCodeAt(start + 1) !== DASH || text.charCodeAt(start + 2) !== DASH) return false;
  return spacesAt(text, start + 3, end) === end - start - 3;
}

/** Whether a line's first NESTING_COLUMNS + 1 characters are all spaces and list or quote marker characters. */
function startsWithMarkerChain(text: string, start: number): boolean {
  for (let i = start; i <= start + NESTING_COLUMNS; i++) {
    const c = text.charCodeAt(i);
    if (!(c === SPACE || c === GT || c === DASH || c === PLUS || c === STAR || c === DOT || c === RPAREN || isDigit(c))) return false;
  }
  return true;
}
