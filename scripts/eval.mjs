// Scores poa's rules on the labelled drafts in test/fixtures/labelled/ and the labelled buyer messages in
// test/fixtures/labelled-messages/: precision and recall per rule and language.
//
// Usage: node scripts/eval.mjs [--verbose] [--lang <code>] [--rule <id>]
//   POA_EVAL_DIR=<folder> scores another labelled folder of plans (one sub-folder per language);
//   POA_EVAL_MESSAGES_DIR=<folder> another folder of buyer messages (with POA_EVAL_DIR alone, none are scored).
//
// Each draft <lang>/<name>.md (or .txt, .markdown) has <lang>/<name>.labels.yaml next to it:
//   spans:    [{ rule, quote, occurrence? }]   every instance of a span rule, quote = exact substring
//   document: { <rule>: true|false }           whether a document-level rule should fire
//             { missing-reason-facts: [<fact>, …] }  or the facts it should report (an empty list: none)
// A plan may have <lang>/<name>.notice.txt next to it: the notice Amazon sent, passed to poa as --notice is
// (notice-echo, notice-not-addressed). Messages are linted as --kind message.
// A span finding is a true positive when its range overlaps a labelled quote of the same rule, a false
// positive otherwise; a quote no finding overlaps is a false negative (several findings inside one quote
// count once). Document-level rules compare fired against expected per draft; where the facts are listed,
// the row <rule>/facts also compares the facts reported with the facts listed. Scores are reported, never
// asserted: the exit code is 0 whatever they are, 2 when the labelled set itself is broken.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** Rules the labelled set measures; labels may name more (a new rule is scored as soon as it is labelled). */
export const SPAN_RULES = [
  'vague-promise', 'defensive-tone', 'invalid-order-id', 'unimplemented-action', 'weak-root-cause', 'undated-action', 'no-owner', 'no-frequency',
  'template-copy', 'notice-echo',
  'message-mentions-suspension', 'message-admits-fault', 'message-off-platform',
];
export const DOCUMENT_RULES = [
  'missing-order-id', 'missing-policy-link', 'no-responsibility', 'no-evidence', 'long-closing', 'too-long', 'no-bullets',
  'missing-asin', 'missing-reason-facts', 'notice-not-addressed',
  'message-missing-order-id',
];
/** Rules that need the notice: a draft labelled for them needs <name>.notice.txt. */
export const NOTICE_RULES = ['notice-echo', 'notice-not-addressed'];
/** Document-level rules whose labels may list the facts the findings should name. */
export const FACT_RULES = ['missing-reason-facts'];
export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt'];
export const NOTICE_SUFFIX = '.notice.txt';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

class LabelError extends Error {}

function fail(message) {
  process.stderr.write(`poa eval: ${message}\n`);
  process.exit(2);
}

/** Offsets of every line start; LF, CRLF and CR all end a line (as poa counts lines). */
export function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Offset of a 1-based line and 1-based UTF-16 column. */
export function offsetAt(starts, line, column) {
  const start = starts[Math.min(Math.max(line, 1), starts.length) - 1];
  return start + column - 1;
}

/** 1-based line of an offset. */
export function lineAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Start offset of the n-th (1-based) occurrence of quote in text, each search starting one past the last hit; -1 if absent. */
export function findOccurrence(text, quote, occurrence = 1) {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) return -1;
  }
  return at;
}

/** Read and check one labels file against its draft; throws LabelError with a one-line reason. */
export function readLabels(labelsPath, text, displayDraft) {
  let data;
  try {
    data = parseYaml(readFileSync(labelsPath, 'utf8'));
  } catch (error) {
    throw new LabelError(`${labelsPath}: not valid YAML (${String(error.message).split('\n')[0]})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new LabelError(`${labelsPath}: expected a mapping with spans and document`);
  const spans = [];
  for (const [i, span] of (data.spans ?? []).entries()) {
    if (!span || typeof span.rule !== 'string' || typeof span.quote !== 'string' || span.quote === '') {
      throw new LabelError(`${labelsPath}: spans[${i}] needs a rule and a non-empty quote`);
    }
    const occurrence = span.occurrence ?? 1;
    if (!Number.isInteger(occurrence) || occurrence < 1) throw new LabelError(`${labelsPath}: spans[${i}].occurrence must be a whole number from 1`);
    const start = findOccurrence(text, span.quote, occurrence);
    if (start === -1) {
      const where = occurrence > 1 ? `occurrence ${occurrence} of the quote` : 'quote';
      throw new LabelError(`${labelsPath}: ${where} for ${span.rule} not found in ${displayDraft}: ${JSON.stringify(span.quote)}`);
    }
    spans.push({ rule: span.rule, quote: span.quote, start, end: start + span.quote.length });
  }
  const document = {};
  /** Facts a document-level rule should name, for the rules labelled with a list. */
  const facts = {};
  for (const [rule, value] of Object.entries(data.document ?? {})) {
    if (Array.isArray(value) && FACT_RULES.includes(rule)) {
      if (!value.every((v) => typeof v === 'string' && v !== '')) throw new LabelError(`${labelsPath}: document.${rule} lists facts by id, e.g. [metric-target]`);
      document[rule] = value.length > 0;
      facts[rule] = [...new Set(value)];
    } else if (typeof value === 'boolean') {
      document[rule] = value;
      if (value === false && FACT_RULES.includes(rule)) facts[rule] = [];
    } else {
      throw new LabelError(`${labelsPath}: document.${rule} must be true or false${FACT_RULES.includes(rule) ? ' or the list of facts it should report' : ''}`);
    }
  }
  return { spans, document, facts };
}

function readText(path) {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function existsDir(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path) {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The labelled set: every draft with its language, text, labels and, for plans, the notice next to it.
 * kind `plan` (drafts, optionally with <name>.notice.txt) or `message` (replies to buyers, linted as --kind message).
 */
export function loadLabelledSet(dir, kind = 'plan') {
  const display = (p) => relative(process.cwd(), p) || p;
  const what = kind === 'message' ? 'messages' : 'drafts';
  let languages;
  try {
    languages = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
  } catch {
    throw new LabelError(`${display(dir)}: no such folder of labelled ${what}`);
  }
  const drafts = [];
  for (const language of languages) {
    const folder = join(dir, language);
    const names = readdirSync(folder).sort();
    for (const name of names) {
      if (name.endsWith(NOTICE_SUFFIX)) {
        const base = name.slice(0, -NOTICE_SUFFIX.length);
        if (kind !== 'plan') throw new LabelError(`${display(join(folder, name))}: notices go with plans, not with buyer messages`);
        if (!DRAFT_EXTENSIONS.some((e) => e !== '.txt' && names.includes(`${base}${e}`))) {
          throw new LabelError(`${display(join(folder, name))}: notice with no draft next to it (expected ${base}.md)`);
        }
        continue;
      }
      const ext = DRAFT_EXTENSIONS.find((e) => name.endsWith(e));
      if (!ext) continue;
      const path = join(folder, name);
      const base = name.slice(0, -ext.length);
      const labelsPath = join(folder, `${base}.labels.yaml`);
      const text = readText(path);
      if (!exists(labelsPath)) throw new LabelError(`${display(path)}: no labels file ${display(labelsPath)}`);
      const noticePath = join(folder, `${base}${NOTICE_SUFFIX}`);
      const notice = kind === 'plan' && exists(noticePath) ? { path: display(noticePath), text: readText(noticePath) } : null;
      const labels = readLabels(display(labelsPath), text, display(path));
      if (!notice) {
        const needs = labels.spans.find((l) => NOTICE_RULES.includes(l.rule))?.rule ?? NOTICE_RULES.find((r) => labels.document[r] === true);
        if (needs) throw new LabelError(`${display(labelsPath)}: labels ${needs} but ${display(path)} has no notice (${base}${NOTICE_SUFFIX})`);
      }
      drafts.push({ language, kind, path, display: display(path), text, notice, labels });
    }
  }
  if (drafts.length === 0) {
    const layout = kind === 'message' ? '<lang>/<name>.txt with <name>.labels.yaml' : '<lang>/<name>.md with <name>.labels.yaml';
    throw new LabelError(`${display(dir)}: no labelled ${what} (expected ${layout})`);
  }
  return drafts;
}

/** Fact labels of a required-facts rule, in every language, mapped to the fact ids (from the rule's YAML). */
export function factLabels(ruleFile) {
  const labels = new Map();
  let data;
  try {
    data = parseYaml(readFileSync(ruleFile, 'utf8'));
  } catch {
    return labels;
  }
  for (const entry of Object.values(data?.languages ?? {})) {
    for (const [id, fact] of Object.entries(entry?.facts ?? {})) if (typeof fact?.label === 'string') labels.set(fact.label, id);
  }
  return labels;
}

/** The fact a finding names: the longest known label its message contains. */
function factOf(finding, labels) {
  let best = null;
  for (const [label, id] of labels) if (finding.message?.includes(label) && (!best || label.length > best.label.length)) best = { label, id };
  return best?.id ?? `? ${finding.message ?? ''}`;
}

function emptyCounts() {
  return { labels: 0, found: 0, tp: 0, fp: 0, fn: 0 };
}

function add(into, from) {
  for (const key of Object.keys(into)) into[key] += from[key];
}

function ratio(n, d) {
  return d === 0 ? null : n / d;
}

/** Row name of the fact-level score of a rule whose labels list facts. */
export const factRow = (rule) => `${rule}/facts`;

/**
 * Score one linted draft; returns per-rule counts and the FP/FN details for --verbose.
 * factLabelsOf(rule) gives the label → fact id map of a FACT_RULES rule; with it, drafts whose labels list
 * the facts also get a `<rule>/facts` row comparing the facts reported with those listed.
 */
export function scoreDraft(draft, findings, spanRules, documentRules, factLabelsOf = () => null) {
  const starts = lineStarts(draft.text);
  const counts = {};
  const misses = [];
  for (const rule of spanRules) {
    const c = (counts[rule] = emptyCounts());
    const labels = draft.labels.spans.filter((s) => s.rule === rule);
    const hit = new Set();
    for (const f of findings.filter((x) => x.ruleId === rule)) {
      c.found++;
      const start = offsetAt(starts, f.line, f.column);
      const end = Math.max(offsetAt(starts, f.endLine, f.endColumn), start + 1);
      const overlapping = labels.filter((l) => start < l.end && l.start < end);
      overlapping.forEach((l) => hit.add(l));
      if (overlapping.length === 0) {
        c.fp++;
        misses.push({ kind: 'FP', rule, line: f.line, column: f.column, text: f.excerpt || draft.text.slice(start, end) });
      }
    }
    c.labels = labels.length;
    c.tp = hit.size;
    for (const l of labels) {
      if (hit.has(l)) continue;
      c.fn++;
      misses.push({ kind: 'FN', rule, line: lineAt(starts, l.start), column: l.start - starts[lineAt(starts, l.start) - 1] + 1, text: l.quote });
    }
  }
  for (const rule of documentRules) {
    const c = (counts[rule] = emptyCounts());
    const fired = findings.some((f) => f.ruleId === rule);
    const expected = draft.labels.document[rule] === true;
    c.labels = expected ? 1 : 0;
    c.found = fired ? 1 : 0;
    if (fired && expected) c.tp = 1;
    else if (fired) {
      c.fp = 1;
      const f = findings.find((x) => x.ruleId === rule);
      misses.push({ kind: 'FP', rule, line: f.line, column: f.column, text: 'fired; labelled false' });
    } else if (expected) {
      c.fn = 1;
      misses.push({ kind: 'FN', rule, line: 1, column: 1, text: 'did not fire; labelled true' });
    }
    const expectedFacts = draft.labels.facts?.[rule] ?? (draft.labels.document[rule] === undefined && FACT_RULES.includes(rule) ? [] : undefined);
    const labels = factLabelsOf(rule);
    if (!FACT_RULES.includes(rule) || !labels) continue;
    const f = (counts[factRow(rule)] = emptyCounts());
    if (!expectedFacts) continue;
    const reported = new Map();
    for (const finding of findings.filter((x) => x.ruleId === rule)) {
      const fact = factOf(finding, labels);
      if (!reported.has(fact)) reported.set(fact, finding);
    }
    f.labels = expectedFacts.length;
    f.found = reported.size;
    for (const [fact, finding] of reported) {
      if (expectedFacts.includes(fact)) f.tp++;
      else {
        f.fp++;
        misses.push({ kind: 'FP', rule: factRow(rule), line: finding.line, column: finding.column, text: `reported ${fact}; not labelled` });
      }
    }
    for (const fact of expectedFacts) {
      if (reported.has(fact)) continue;
      f.fn++;
      misses.push({ kind: 'FN', rule: factRow(rule), line: 1, column: 1, text: `${fact} not reported; labelled` });
    }
  }
  return { counts, misses };
}

function plural(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function pct(value) {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}

function oneLine(text, max = 140) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function parseArgs(argv) {
  const options = { verbose: false, lang: null, rule: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--lang' || arg === '--rule') {
      const value = argv[++i];
      if (!value) fail(`${arg} needs a value — e.g. ${arg === '--lang' ? '--lang it' : '--rule vague-promise'}`);
      options[arg.slice(2)] = value;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: node scripts/eval.mjs [--verbose] [--lang <code>] [--rule <id>]   (POA_EVAL_DIR=<folder> for another labelled set of plans, POA_EVAL_MESSAGES_DIR=<folder> of buyer messages)\n');
      process.exit(0);
    } else fail(`unknown option ${arg} — use --verbose, --lang <code> or --rule <id>`);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dir = resolve(process.env.POA_EVAL_DIR || join(ROOT, 'test', 'fixtures', 'labelled'));
  // Buyer messages: the repository's own unless POA_EVAL_DIR points elsewhere (then only POA_EVAL_MESSAGES_DIR's).
  const messagesDir = process.env.POA_EVAL_MESSAGES_DIR
    ? resolve(process.env.POA_EVAL_MESSAGES_DIR)
    : process.env.POA_EVAL_DIR
      ? null
      : join(ROOT, 'test', 'fixtures', 'labelled-messages');
  let drafts;
  let messages = [];
  try {
    drafts = loadLabelledSet(dir, 'plan');
    if (messagesDir && (process.env.POA_EVAL_MESSAGES_DIR || existsDir(messagesDir))) messages = loadLabelledSet(messagesDir, 'message');
  } catch (error) {
    if (error instanceof LabelError) fail(error.message);
    throw error;
  }
  if (options.lang) {
    drafts = drafts.filter((d) => d.language === options.lang);
    messages = messages.filter((d) => d.language === options.lang);
  }
  if (drafts.length === 0 && messages.length === 0) fail(`no labelled drafts in language ${options.lang}`);
  const all = [...drafts, ...messages];

  let lintText;
  try {
    ({ lintText } = await import(new URL('../dist/index.js', import.meta.url).href));
  } catch (error) {
    fail(`cannot load poa from dist/ (${String(error.message).split('\n')[0]}) — run npm run build first`);
  }

  const spanRules = [...new Set([...SPAN_RULES, ...all.flatMap((d) => d.labels.spans.map((s) => s.rule))])];
  const documentRules = [...new Set([...DOCUMENT_RULES, ...all.flatMap((d) => Object.keys(d.labels.document))])];
  let rules = [...spanRules, ...documentRules];
  if (options.rule) {
    if (!rules.includes(options.rule)) fail(`no rule ${options.rule} in the labelled set — use one of ${rules.join(', ')}`);
    rules = [options.rule];
  }
  const labelsByRule = new Map(FACT_RULES.map((rule) => [rule, factLabels(join(ROOT, 'rules', `${rule}.yaml`))]));
  const factLabelsOf = (rule) => {
    const labels = labelsByRule.get(rule);
    return labels && labels.size > 0 ? labels : null;
  };
  // Each rule's row, then the fact-level row of a rule whose labels list the facts.
  const rows = rules.flatMap((rule) => (factLabelsOf(rule) && all.some((d) => d.labels.facts?.[rule]?.length) ? [rule, factRow(rule)] : [rule]));
  const languages = [...new Set(all.map((d) => d.language))].sort();

  const table = {};
  for (const rule of rows) {
    table[rule] = {};
    for (const language of [...languages, 'all']) table[rule][language] = emptyCounts();
  }
  const misses = [];
  for (const draft of all) {
    let result;
    try {
      const lintOptions = { language: draft.language, path: draft.display };
      if (draft.kind === 'message') lintOptions.kind = 'message';
      if (draft.notice) lintOptions.notice = draft.notice;
      result = lintText(draft.text, lintOptions);
    } catch (error) {
      fail(`${draft.display}: poa failed (${String(error.message).split('\n')[0]})`);
    }
    const scored = scoreDraft(
      draft,
      result.findings,
      spanRules.filter((r) => rules.includes(r)),
      documentRules.filter((r) => rules.includes(r)),
      factLabelsOf,
    );
    for (const rule of rows) {
      const counts = scored.counts[rule] ?? emptyCounts();
      add(table[rule][draft.language], counts);
      add(table[rule].all, counts);
    }
    for (const m of scored.misses) misses.push({ ...m, path: draft.display, language: draft.language });
  }

  const out = [];
  if (options.verbose) {
    for (const rule of rows) {
      const list = misses.filter((m) => m.rule === rule);
      if (list.length === 0) continue;
      const fp = list.filter((m) => m.kind === 'FP').length;
      const fn = list.length - fp;
      out.push(`${rule}: ${plural(fp, 'false positive')}, ${plural(fn, 'false negative')}`);
      for (const m of list) out.push(`  ${m.kind}  ${m.path}:${m.line}:${m.column}  ${oneLine(m.text)}`);
      out.push('');
    }
  }

  const perLanguage = (set) => languages.filter((l) => set.some((d) => d.language === l)).map((l) => `${l} ${set.filter((d) => d.language === l).length}`).join(', ');
  if (drafts.length > 0) {
    const withNotice = drafts.filter((d) => d.notice).length;
    const notices = withNotice > 0 ? `; ${withNotice} with a notice` : '';
    out.push(`poa eval: ${plural(drafts.length, 'labelled draft')} in ${relative(process.cwd(), dir) || dir} (${perLanguage(drafts)}${notices})`);
  }
  if (messages.length > 0) out.push(`poa eval: ${plural(messages.length, 'labelled buyer message')} in ${relative(process.cwd(), messagesDir) || messagesDir} (${perLanguage(messages)})`);
  out.push('');
  const header = ['rule', 'lang', 'labels', 'found', 'TP', 'FP', 'FN', 'precision', 'recall'];
  const widths = [Math.max(20, ...rows.map((r) => r.length)), 4, 6, 5, 4, 4, 4, 9, 7];
  const row = (cells) => cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
  out.push(row(header));
  const json = { drafts: drafts.length, messages: messages.length, languages, rules: {} };
  for (const rule of rows) {
    const kind = spanRules.includes(rule) ? 'span' : documentRules.includes(rule) ? 'document' : 'fact';
    json.rules[rule] = { kind };
    for (const language of [...languages, 'all']) {
      const c = table[rule][language];
      const na = c.labels === 0 && c.found === 0;
      const precision = ratio(c.tp, c.tp + c.fp);
      const recall = ratio(c.tp, c.tp + c.fn);
      json.rules[rule][language] = na ? null : { ...c, precision, recall };
      if (na) out.push(row([rule, language, c.labels, c.found, '', '', '', 'n/a', '']));
      else out.push(row([rule, language, c.labels, c.found, c.tp, c.fp, c.fn, pct(precision), pct(recall)]));
    }
  }
  out.push('');
  out.push('labels: labelled quotes (document rules: drafts where the rule should fire; /facts rows: facts it should report); found: findings (document rules: drafts where it fired; /facts rows: facts reported)');
  out.push(JSON.stringify(json));
  process.stdout.write(`${out.join('\n')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
