// Registry of check kinds the engine knows; rule files name one in `check:`.

import type { CheckKind } from '../model.js';
import { emptySection } from './empty-section.js';
import { metric } from './metric.js';
import { phrases } from './phrases.js';
import { requiredPattern } from './required-pattern.js';
import { requiredSections } from './required-sections.js';

export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map([requiredSections, emptySection, phrases, requiredPattern, metric].map((k) => [k.name, k]));
