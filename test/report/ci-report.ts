// A fixed lint report for formatter tests: three clients, three languages, and the characters CI formats must escape.
import type { FileResult, Finding, LintReport } from '../../src/types.js';

function file(path: string, language: string, findings: Finding[]): FileResult {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return { path, language, languageSource: 'detected', sections: [], findings, errorCount: count('error'), warningCount: count('warning'), infoCount: count('info') };
}

export const CI_REPORT: LintReport = (() => {
  const files = [
    file('clients/acme-outdoor/plan-v3.md', 'en', [
      {
        ruleId: 'vague-promise',
        severity: 'error',
        message: 'Vague promise (an intention instead of a control): say what changed, who owns it, from when and how it is checked.',
        line: 14,
        column: 1,
        endLine: 14,
        endColumn: 30,
        excerpt: 'We will improve our processes',
        section: 'prevention',
        help: 'Name the control, its owner and its frequency, e.g. "Since 3 May our warehouse manager checks every order at 14:00".',
      },
      {
        ruleId: 'missing-order-id',
        severity: 'warning',
        message: 'No Amazon order ID in the plan: name the affected orders (for example 123-1234567-1234567).',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 1,
        excerpt: '',
        section: 'problem',
      },
    ]),
    file('clients/rossi farmacia/piano, v2.txt', 'it', [
      {
        ruleId: 'defensive-tone',
        severity: 'error',
        message: 'Tono difensivo: "è assurdo" — descrivete i fatti, non giudicate la decisione.',
        line: 9,
        column: 12,
        endLine: 10,
        endColumn: 5,
        excerpt: 'è assurdo,\nvi denuncerò',
        section: 'root-cause',
      },
      {
        ruleId: 'house-no-hardship',
        severity: 'info',
        message: 'Niente appelli emotivi: 100% dei fatti, 0% di drammi 🙏',
        line: 20,
        column: 1,
        endLine: 20,
        endColumn: 27,
        excerpt: 'abbiamo famiglie da sfamare',
        section: 'closing',
      },
    ]),
    file('clients/müller-gmbh/maßnahmenplan.md', 'de', [
      {
        ruleId: 'empty-section',
        severity: 'error',
        message: 'Der Teil „Ursache“ ist leer.',
        line: 7,
        column: 4,
        endLine: 7,
        endColumn: 11,
        excerpt: 'Ursache',
        section: 'root-cause',
        help: 'Füllen Sie diesen Teil aus oder entfernen Sie die Überschrift.',
      },
      {
        ruleId: 'empty-section',
        severity: 'error',
        message: 'Der Teil „Ursache“ ist leer.',
        line: 19,
        column: 4,
        endLine: 19,
        endColumn: 11,
        excerpt: 'Ursache',
        section: 'root-cause',
      },
    ]),
  ];
  return {
    version: 1,
    files,
    errorCount: files.reduce((n, f) => n + f.errorCount, 0),
    warningCount: files.reduce((n, f) => n + f.warningCount, 0),
    infoCount: files.reduce((n, f) => n + f.infoCount, 0),
  };
})();
