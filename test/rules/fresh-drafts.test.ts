// Fresh drafts (and one round more, written after the first was fixed) to judge poa the way a consultant would: each one was linted before the rules were tuned on
// it, and what it showed was fixed (a title read as the wrong part, a random check read as an accusation, a closing
// paragraph reported missing, threats and defences let through). The parts and the findings, at their positions,
// are held here so a later change that brings a false report back, or loses a true one, is seen.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';
import { FIXTURES } from '../helpers.js';

const DIR = join(FIXTURES, 'fresh');

/** File, its recognised parts (after the preamble), and every finding as `rule line:column`. */
const EXPECTED: Array<[string, string[], string[]]> = [
  ['de-form.md', ["root-cause","corrective-actions","prevention"], ["missing-section 7:1","no-evidence 12:114"]],
  ['de-labels.txt', ["problem","root-cause","corrective-actions","prevention"], ["missing-order-id 1:1","missing-policy-link 1:1","no-responsibility 1:1"]],
  ['de-mixed.md', ["other","problem","root-cause","corrective-actions","prevention","closing"], ["missing-policy-link 5:1","defensive-tone 9:299","undated-action 14:3","no-owner 19:3","vague-promise 19:3","vague-promise 19:72"]],
  ['en-angry.md', ["root-cause","corrective-actions","prevention"], ["missing-order-id 1:1","missing-policy-link 1:1","no-responsibility 1:1","missing-section 3:1","defensive-tone 3:22","defensive-tone 3:49","defensive-tone 3:68","defensive-tone 3:103","no-frequency 7:13","no-owner 7:13","vague-promise 7:16","vague-promise 7:51","vague-promise 7:75","defensive-tone 9:1","defensive-tone 9:80","defensive-tone 9:83","missing-section 12:4"]],
  ['en-good.md', ["root-cause","corrective-actions","prevention"], ["missing-policy-link 1:1","missing-section 4:1"]],
  ['en-inline.md', ["root-cause","corrective-actions","prevention"], ["missing-section 3:1"]],
  ['es-cuentas.md', ["other","problem","root-cause","corrective-actions","prevention","closing"], ["missing-policy-link 5:1","no-owner 19:3"]],
  ['es-emocional.md', ["problem","root-cause","corrective-actions","prevention"], ["missing-order-id 3:1","missing-policy-link 3:1","no-responsibility 3:1","defensive-tone 3:84","defensive-tone 7:73","defensive-tone 7:91","undated-action 11:1","no-owner 15:1","vague-promise 15:1","vague-promise 15:24","vague-promise 15:50","defensive-tone 17:76"]],
  ['es-plain.txt', ["problem","root-cause","corrective-actions","prevention","closing"], ["missing-policy-link 1:1","no-owner 17:3","vague-promise 17:3","vague-promise 17:41"]],
  ['fr-defensif.md', ["problem","root-cause","corrective-actions","prevention"], ["missing-asin 1:1","missing-order-id 1:1","missing-policy-link 1:1","no-responsibility 1:1","defensive-tone 5:74","defensive-tone 9:94","weak-root-cause 9:145","defensive-tone 9:157","defensive-tone 9:188","defensive-tone 9:222","undated-action 14:3","no-owner 18:3","vague-promise 18:3","vague-promise 18:42","defensive-tone 21:50"]],
  ['fr-questions.md', ["root-cause","corrective-actions","prevention"], ["missing-policy-link 1:1","missing-section 3:1","no-owner 16:3","vague-promise 16:8"]],
  ['it-etichette.md', ["root-cause","corrective-actions","prevention"], ["missing-order-id 1:1","missing-section 5:1","no-owner 15:3","vague-promise 15:10"]],
  ['it-plain-ritardi.txt', ["other","problem","root-cause","corrective-actions","prevention"], ["missing-policy-link 4:1","no-responsibility 4:1","no-owner 16:3","vague-promise 16:3"]],
  ['it-recensioni.md', ["problem","root-cause","corrective-actions","prevention"], ["missing-order-id 2:1","missing-policy-link 2:1","no-responsibility 2:1","defensive-tone 5:323","defensive-tone 5:346","no-owner 12:3","no-owner 13:3","no-owner 14:3","vague-promise 14:3"]],
  ['nl-labels.md', ["problem","root-cause","corrective-actions","prevention"], ["no-owner 14:3","vague-promise 14:3"]],
  ['nl-odr.md', ["other","problem","root-cause","corrective-actions","prevention"], ["missing-policy-link 4:1"]],
];

describe('fresh drafts in six languages', () => {
  it('covers every draft in the folder', () => {
    expect(readdirSync(DIR).sort()).toEqual(EXPECTED.map(([file]) => file).sort());
  });

  it.each(EXPECTED)('%s', (file, parts, findings) => {
    const result = lintText(readFileSync(join(DIR, file), 'utf8'), { path: join(DIR, file) });
    expect(result.sections.filter((s) => !s.kinds.includes('preamble')).map((s) => s.kinds.join('+'))).toEqual(parts);
    expect(result.findings.map((f) => `${f.ruleId} ${f.line}:${f.column}`)).toEqual(findings);
  });
});
