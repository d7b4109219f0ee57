// Parses a draft (markdown or plain text, same path) into a PlanDocument: front matter, sections, prose blocks, language.

import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { PoaError } from '../errors.js';
import type { DocumentKind, FrontMatter, IgnoredRange, LanguageSource, Notice, PlanDocument, Source } from '../types.js';
import { collectFast } from './blocks.js';
import type { LanguageDetector } from './language.js';
import { lineStarts, positionAt } from './lines.js';
import { splitSections, type Leaf } from './sections.js';
import type { SectionVocabulary } from './vocabulary.js';

/**
 * poa reads a plan's block structure (headings, paragraphs, lists, quotes, code, comments) and finds
 * bold or numbered headings in the source lines itself, so the inline constructs that cost most to
 * parse (emphasis, links, references, escapes) are switched off; text keeps its exact offsets.
 */
function blocksAndCodeOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({
    disable: { null: ['attention', 'labelStartLink', 'labelStartImage', 'labelEnd', 'characterReference', 'characterEscape', 'autolink', 'hardBreakEscape'] },
  });
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(blocksAndCodeOnly);

/**
 * Columns of list and quote markers a line may open before poa reads the rest of the line as text.
 * The markdown parser takes time that grows with the square of the nesting depth (hours for a
 * draft of 10,000 nested lists); no plan nests more than a few levels.
 */
export const MAX_NESTING_COLUMNS = 100;
const NBSP = 0xa0;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The text the markdown parser reads: the draft itself, except that list and quote markers that
 * start beyond MAX_NESTING_COLUMNS on a line become no-break spaces, so they are read as text.
 * Same length as the draft, so every offset the parser reports points into the draft.
 */
export function flattenDeepNesting(text: string): string {
  let chars: Uint16Array | null = null;
  let pos = 0;
  while (pos < text.length) {
    const lineStart = pos;
    let column = 0;
    let deep: Array<[number, number]> | null = null;
    for (;;) {
      let c = text.charCodeAt(pos);
      while (c === 32 || c === 9) {
        column = c === 9 ? column + 4 - (column % 4) : column + 1;
        c = text.charCodeAt(++pos);
      }
      let end = pos;
      if (c === 62 || c === 45 || c === 43 || c === 42) end = pos + 1; // > - + *
      else {
        while (end - pos < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
        const after = text.charCodeAt(end);
        end = end > pos && (after === 46 || after === 41) ? end + 1 : pos; // 1. 1)
      }
      if (end === pos) break;
      // A list marker needs a space, a tab or the line's end after it; `>` does not.
      const next = text.charCodeAt(end);
      if (c !== 62 && !(next === 32 || next === 9 || next === 10 || next === 13 || Number.isNaN(next))) break;
      if (column >= MAX_NESTING_COLUMNS) (deep ??= []).push([pos, end]);
      column += end - pos;
      pos = end;
    }
    while (pos < text.length && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) pos++;
    // A long line of spaced dashes or stars is a thematic break, not a list: it costs nothing to parse.
    if (deep !== null && !THEMATIC_BREAK.test(text.slice(lineStart, pos))) {
      chars ??= Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
      for (const [from, to] of deep) chars.fill(NBSP, from, to);
    }
    pos++;
  }
  if (chars === null) return text;
  let out = '';
  for (let i = 0; i < chars.length; i += 8192) out += String.fromCharCode(...chars.subarray(i, i + 8192));
  return out;
}

export interface ParseContext {
  vocabulary: SectionVocabulary;
  detector: LanguageDetector;
}

export interface ParseOptions {
  /** Language from the command line or config; front matter `lang` still wins. */
  language?: string;
  kind?: DocumentKind;
  notice?: Notice;
}

/** What parsePlan needs from the markdown tree: leaf blocks, ranges rules skip, and the raw front matter. */
export interface Collected {
  leaves: Leaf[];
  ignored: IgnoredRange[];
  frontMatter: { value: string; start: number; end: number } | null;
}

function offsets(node: Nodes): [number, number] | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

// Iterative walk: drafts pasted from elsewhere may nest lists or quotes thousands deep.
function collect(tree: Root, text: string): Collected {
  const out: Collected = { leaves: [], ignored: [], frontMatter: null };
  const stack: Array<{ node: Nodes; block: 'paragraph' | 'list-item' | 'blockquote'; listItem: boolean }> = [];
  for (let i = tree.children.length - 1; i >= 0; i--) stack.push({ node: tree.children[i] as Nodes, block: 'paragraph', listItem: false });
  while (stack.length > 0) {
    const { node, block, listItem } = stack.pop() as (typeof stack)[number];
    const range = offsets(node);
    switch (node.type) {
      case 'yaml':
        if (range) {
          out.frontMatter = { value: node.value, start: range[0], end: range[1] };
          out.ignored.push({ start: range[0], end: range[1], what: 'front-matter' });
        }
        break;
      case 'heading': {
        if (!range) break;
        const first = node.children[0];
        const last = node.children[node.children.length - 1];
        const textStart = first ? (offsets(first)?.[0] ?? range[0]) : range[0];
        const textEnd = last ? (offsets(last)?.[1] ?? range[1]) : range[0];
        const style = text[range[0]] === '#' ? 'atx' : 'setext';
        out.leaves.push({ type: 'heading', start: range[0], end: range[1], textStart, textEnd, depth: node.depth, style });
        collectInlineIgnored(node, out);
        break;
      }
      case 'paragraph':
        if (range) out.leaves.push({ type: 'paragraph', start: range[0], end: range[1], block, listItem });
        collectInlineIgnored(node, out);
        break;
      case 'html':
        if (range) out.ignored.push({ start: range[0], end: range[1], what: isComment(node.value) ? 'comment' : 'html' });
        break;
      case 'code':
        if (range) out.ignored.push({ start: range[0], end: range[1], what: 'code' });
        break;
      case 'definition':
        if (range) out.ignored.push({ start: range[0], end: range[1], what: 'definition' });
        break;
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) {
            const r = offsets(cell);
            if (r) {
              const inner = cellRange(text, r[0], r[1]);
              if (inner[1] > inner[0]) out.leaves.push({ type: 'paragraph', start: inner[0], end: inner[1], block: 'table-cell', listItem: false });
            }
            collectInlineIgnored(cell, out);
          }
        }
        break;
      case 'list':
      case 'listItem':
      case 'blockquote': {
        const childBlock = node.type === 'blockquote' ? 'blockquote' : node.type === 'listItem' ? 'list-item' : block;
        const children = node.children as Nodes[];
        for (let i = children.length - 1; i >= 0; i--) {
          stack.push({ node: children[i] as Nodes, block: childBlock, listItem: listItem || node.type === 'listItem' });
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function isComment(html: string): boolean {
  return html.trimStart().startsWith('<!--');
}

function cellRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /[|\s]/.test(text[start] as string)) start++;
  while (end > start && /[|\s]/.test(text[end - 1] as string)) end--;
  return [start, end];
}

function collectInlineIgnored(node: Nodes, out: Collected): void {
  if (!('children' in node)) return;
  const stack = [...(node.children as Nodes[])];
  while (stack.length > 0) {
    const child = stack.pop() as Nodes;
    if (child.type === 'html' || child.type === 'inlineCode') {
      const r = offsets(child);
      const what = child.type === 'inlineCode' ? 'code' : isComment(child.value) ? 'comment' : 'html';
      if (r) out.ignored.push({ start: r[0], end: r[1], what });
    } else if ('children' in child) {
      stack.push(...(child.children as Nodes[]));
    }
  }
}

function readFrontMatter(collected: Collected, source: Source, starts: number[]): FrontMatter | null {
  const fm = collected.frontMatter;
  if (fm === null) return null;
  let data: unknown;
  try {
    data = parseYaml(fm.value.replace(/\r\n?/g, "\n"));
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = (error.linePos?.[0].line ?? 1) + positionAt(starts, fm.start).line;
      const col = error.linePos?.[0].col ?? 1;
      const what = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
      throw new PoaError(`front matter is not valid YAML (${what})`, {
        subject: `${source.path}:${line}:${col}`,
        hint: 'fix the YAML between the --- lines or remove it',
      });
    }
    throw error;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    const at = positionAt(starts, fm.start);
    throw new PoaError('front matter must be a mapping of keys to values', {
      subject: `${source.path}:${at.line + 1}:1`,
      hint: 'write one key per line between the --- lines, as in lang: it',
    });
  }
  return { data: data as Record<string, unknown>, start: fm.start, end: fm.end };
}

/** What remark reads in a draft, reduced to leaves and ignored ranges in tree order: what collectFast must match. */
export function collectWithRemark(text: string): Collected {
  return collect(processor.parse(flattenDeepNesting(text)) as Root, text);
}

/** Parse a decoded draft. Throws PoaError for broken front matter. */
export function parsePlan(source: Source, context: ParseContext, options: ParseOptions = {}): PlanDocument {
  const { text } = source;
  // Ordinary drafts are read by a line scanner that gives exactly what remark gives, in a fraction of the time;
  // remark reads the drafts it refuses (quotes, code, HTML, tabs...).
  let collected = collectFast(text);
  if (collected === null) {
    let tree: Root;
    try {
      tree = processor.parse(flattenDeepNesting(text)) as Root;
    } catch (error) {
      // The parser recurses; a draft built to exhaust the stack is refused, not a crash.
      if (error instanceof RangeError) {
        throw new PoaError(`cannot read this draft as markdown (${error.message})`, {
          subject: source.path,
          hint: 'poa reads plans of action: check the file is the draft you meant, and simplify its nesting',
          cause: error,
        });
      }
      throw error;
    }
    collected = collect(tree, text);
  }
  const starts = lineStarts(text);
  collected.leaves.sort((a, b) => a.start - b.start);
  const frontMatter = readFrontMatter(collected, source, starts);
  const bodyStart = frontMatter ? skipLineBreak(text, frontMatter.end) : 0;
  const position = (offset: number): { line: number; column: number } => positionAt(starts, offset);
  const { sections, blocks } = splitSections(text, collected.leaves, starts, bodyStart, context.vocabulary, position);

  let language: string;
  let languageSource: LanguageSource;
  const declared = frontMatter?.data['lang'] ?? frontMatter?.data['language'];
  if (typeof declared === 'string' && declared.trim() !== '') {
    language = context.detector.resolve(declared, `${source.path}: front matter lang`);
    languageSource = 'front-matter';
  } else if (options.language !== undefined) {
    language = options.language;
    languageSource = 'option';
  } else {
    // A few thousand characters tell the language as well as the whole draft, at a fraction of the cost.
    let sample = '';
    for (const b of blocks) {
      if (sample.length > 3000) break;
      sample += `${text.slice(b.start, b.end)}\n`;
    }
    const detected = context.detector.detect(sample);
    language = detected.language;
    languageSource = detected.fallback ? 'fallback' : 'detected';
  }
  collected.ignored.sort((a, b) => a.start - b.start);
  return {
    source,
    frontMatter,
    language,
    languageSource,
    sections,
    blocks,
    ignored: collected.ignored,
    lineStarts: starts,
    reason: null,
    kind: options.kind ?? 'plan',
    notice: options.notice ?? null,
  };
}

function skipLineBreak(text: string, offset: number): number {
  if (text[offset] === '\r') offset++;
  if (text[offset] === '\n') offset++;
  return offset;
}
