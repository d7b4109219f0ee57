// The contract between poa's stages: source, parsed plan, rules and findings.

export type Severity = 'error' | 'warning' | 'info';

/** The parts of a plan of action reviewers look for. */
export const PLAN_PART_KINDS = ['problem', 'root-cause', 'corrective-actions', 'prevention', 'closing', 'evidence'] as const;
export type PlanPartKind = (typeof PLAN_PART_KINDS)[number];
/** `preamble` is text before the first recognised part; `other` a heading poa could not classify. */
export type SectionKind = PlanPartKind | 'preamble' | 'other';

export type HeadingStyle =
  | 'atx'
  | 'setext'
  | 'bold'
  | 'capitals'
  | 'numbered'
  | 'label'
  | 'line'
  | 'none';

/** A decoded draft: the text poa reports positions into, as the user's editor shows it. */
export interface Source {
  path: string;
  /** Text without the byte order mark; line endings as in the file. */
  text: string;
  /** Whether the file started with a byte order mark (positions are unaffected by it). */
  bom: boolean;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
}

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units as editors count them. */
  column: number;
}

export interface Section {
  kinds: SectionKind[];
  /** Heading text as written (without markup), or null for the preamble. */
  heading: string | null;
  headingStyle: HeadingStyle;
  /** Where the heading starts (or the section, for the preamble). */
  line: number;
  column: number;
  /** Offsets into Source.text: the whole section, heading included. */
  start: number;
  end: number;
  /** Offsets of the heading text itself. */
  headingStart: number;
  headingEnd: number;
  /** Offset where the section's body starts (after the heading; for a label heading, after the colon). */
  bodyStart: number;
}

/** A run of prose poa checks: a paragraph line group, a list item, a table cell, a heading's inline body. */
export interface TextBlock {
  start: number;
  end: number;
  /** Index into PlanDocument.sections. */
  section: number;
  type: 'paragraph' | 'list-item' | 'table-cell' | 'heading' | 'blockquote';
}

export interface FrontMatter {
  data: Record<string, unknown>;
  start: number;
  end: number;
}

export type LanguageSource = 'front-matter' | 'option' | 'detected' | 'fallback';

export interface PlanDocument {
  source: Source;
  frontMatter: FrontMatter | null;
  language: string;
  languageSource: LanguageSource;
  sections: Section[];
  blocks: TextBlock[];
  /** Offsets of source text that is not prose for the plan (comments, code, front matter, link definitions). */
  ignored: IgnoredRange[];
  /** Offsets of every line start, for offset → line/column. */
  lineStarts: number[];
  /** Suspension reason, when known. */
  reason: PlanReason | null;
  /** A plan of action, or a message to a buyer (`--kind message`): each rule applies to one kind. */
  kind: DocumentKind;
  /** The notification Amazon sent (`--notice`), for rules that compare the plan with it. */
  notice: Notice | null;
}

export interface IgnoredRange {
  start: number;
  end: number;
  /** What the range holds: `comment` (<!-- -->), `html`, `code`, `definition` ([1]: url), `front-matter`. */
  what: 'comment' | 'html' | 'code' | 'definition' | 'front-matter';
}

export type DocumentKind = 'plan' | 'message';

export type ReasonSource = 'front-matter' | 'option' | 'inferred';

export interface PlanReason {
  /** Reason key from rules/reasons.yaml (late-shipment, ip-complaint…). */
  key: string;
  source: ReasonSource;
}

export interface Notice {
  path: string;
  text: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  excerpt: string;
  section: SectionKind | null;
  help?: string;
  /** Extra facts some formats use, e.g. the phrase family that matched. */
  data?: Record<string, string | number>;
}

export interface SectionSummary {
  kinds: SectionKind[];
  heading: string | null;
  line: number;
  style: HeadingStyle;
}

export interface FileResult {
  path: string;
  language: string;
  languageSource: LanguageSource;
  /** Suspension reason (front matter, else `--reason` or config, else inferred from the text), when known. */
  reason?: string;
  /** True when poa inferred the reason from the plan's words rather than being told. */
  reasonInferred?: boolean;
  /** Marketplace (front matter, else config), when known. */
  marketplace?: string;
  sections: SectionSummary[];
  findings: Finding[];
  /** Readiness 0–100 from the findings (formula: `poa explain score`); always set by lintText and lintFiles. */
  score?: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export interface LintReport {
  version: 1;
  files: FileResult[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

/** What a rule is, for formats that describe the rules they report (SARIF). */
export interface RuleMeta {
  id: string;
  /** Severity the rule has unless configured otherwise. */
  severity: Severity;
  category?: string;
  /** One line. */
  description: string;
  /** Guidance on fixing what the rule finds. */
  help?: string;
  /** Why the rule exists and what reviewers expect (as `poa explain` prints it). */
  docs?: string;
}
