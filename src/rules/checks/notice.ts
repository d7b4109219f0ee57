// Check kinds comparing a plan with the notice Amazon sent (`--notice`): `notice-echo` (the root cause restates the notice)
// and `notice-coverage` (order IDs, ASINs and policies the notice names that the plan never mentions).

import { foldText, proseOf, toSource } from '../../document/text.js';
import type { PlanDocument, SectionKind } from '../../types.js';
import type { CheckKind, RawFinding } from '../model.js';
import { compileList } from './compile.js';
import { ShingleIndex, words } from '../shingles.js';


/** Folded prose of the parts of a plan with one of the kinds, with the first block's source start. */
function partText(doc: PlanDocument, kinds: SectionKind[]): { text: string; start: number; end: number } | null {
  const prose = proseOf(doc);
  const spans = prose.spans.filter((s) => {
    const section = doc.sections[doc.blocks[s.block]?.section ?? -1];
    return section?.kinds.some((k) => kinds.includes(k)) ?? false;
  });
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) return null;
  const [start] = toSource(prose, first.start, first.end);
  const [, end] = toSource(prose, last.start, last.end);
  return { text: spans.map((s) => prose.text.slice(s.start, s.end)).join('\n'), start, end };
}

export const noticeEcho: CheckKind = {
  name: 'notice-echo',
  compile(rule) {
    const threshold = (rule.options?.['threshold'] as number | undefined) ?? 0.5;
    const size = (rule.options?.['shingle'] as number | undefined) ?? 3;
    const scope = rule.scope ?? ['root-cause'];
    const minWords = 8;
    const cache = new WeakMap<object, ShingleIndex>();
    return {
      run(doc) {
        if (!doc.notice) return [];
        let index = cache.get(doc.notice);
        if (!index) {
          index = new ShingleIndex(size);
          index.add(doc.notice.text);
          cache.set(doc.notice, index);
        }
        const part = partText(doc, scope);
        if (!part) return [];
        const list = words(part.text).map((w) => w.word);
        if (list.length < minWords) return [];
        const share = index.containment(list);
        if (share < threshold) return [];
        return [{ start: part.start, end: part.end, params: { share: Math.round(share * 100) } }];
      },
    };
  },
};

const IDENTIFIERS = ['re:\\b(?:\\d{3}|d\\d{2})-\\d{7}-\\d{7}\\b', 're:\\bb0[0-9a-z]{8}\\b'];

export const noticeCoverage: CheckKind = {
  name: 'notice-coverage',
  compile(rule) {
    const identifiers = compileList(rule, [...IDENTIFIERS, ...((rule.options?.['patterns'] as string[] | undefined) ?? [])], 'options.patterns');
    // Policy names may be written in any language in the notice: every language's patterns apply to it.
    // Each pattern stays separate: the plan addresses a policy when the same pattern matches it, in any inflection.
    // Built when a draft comes with its notice (so drafts without one do not read every language's rules), or now
    // for a pack not yet validated, so a broken pattern is reported when it loads.
    let compiled: RegExp[] | undefined;
    const policiesOf = (): RegExp[] =>
      (compiled ??= Object.entries(rule.languages).flatMap(([lang, entry]) =>
        ((entry['patterns'] as string[] | undefined) ?? []).map((p, i) => compileList(rule, [p], `${lang}.patterns[${i}]`) as RegExp),
      ));
    if (!rule.validated) policiesOf();
    return {
      run(doc) {
        if (!doc.notice) return [];
        const policies = policiesOf();
        const notice = foldText(doc.notice.text);
        const plan = `${proseOf(doc).text}\n${doc.ignored
          .filter((r) => r.what !== 'comment' && r.what !== 'front-matter')
          .map((r) => foldText(doc.source.text.slice(r.start, r.end)))
          .join('\n')}`;
        /** Folded item → whether the plan addresses it. */
        const wanted = new Map<string, boolean>();
        if (identifiers) {
          identifiers.lastIndex = 0;
          for (const m of notice.matchAll(identifiers)) if (!wanted.has(m[0])) wanted.set(m[0], plan.includes(m[0]));
        }
        for (const regex of policies) {
          regex.lastIndex = 0;
          const m = regex.exec(notice);
          if (!m || m[0].trim() === '' || wanted.has(m[0])) continue;
          regex.lastIndex = 0;
          wanted.set(m[0], regex.test(plan));
        }
        const at = doc.sections.find((s) => !s.kinds.includes('preamble'))?.headingStart ?? doc.blocks[0]?.start ?? 0;
        const out: RawFinding[] = [];
        for (const [item, addressed] of wanted) {
          if (!addressed) out.push({ start: at, end: at, params: { item: noticeOriginal(doc.notice.text, item) } });
        }
        return out;
      },
    };
  },
};

/** The notice's own spelling of a folded item (ASINs in capitals, policy names as written). */
function noticeOriginal(text: string, folded: string): string {
  const lower = text.toLowerCase();
  const index = lower.indexOf(folded);
  if (index >= 0) return text.slice(index, index + folded.length);
  return /^[a-z0-9]{10}$/.test(folded) ? folded.toUpperCase() : folded;
}
