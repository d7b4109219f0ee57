// Registry of check kinds the engine knows; rule files name one in `check:`.

import type { CheckKind } from '../model.js';
import { conditional } from './conditional.js';
import { eachItem } from './each-item.js';
import { emptySection } from './empty-section.js';
import { metric } from './metric.js';
import { noticeCoverage, noticeEcho } from './notice.js';
import { phrases } from './phrases.js';
import { placeholder } from './placeholder.js';
import { requiredFacts } from './required-facts.js';
import { requiredPattern } from './required-pattern.js';
import { requiredSections } from './required-sections.js';
import { stockText } from './stock-text.js';

export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map([requiredSections, emptySection, phrases, requiredPattern, metric, placeholder, eachItem, conditional, requiredFacts, stockText, noticeEcho, noticeCoverage].map((k) => [k.name, k]));
