// The output formats poa knows, each loaded only when asked for (start-up stays quick for the default format).

import type { LintReport, RuleMeta } from '../types.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'gitlab'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatContext {
  /** Colour for people's formats (only stylish uses it). */
  color: boolean;
  /** Folder the report's relative paths start from. */
  cwd: string;
  /** Folder machine formats give paths from: the repository root in CI. */
  root: string;
  /** Rule metadata, asked for only by formats that describe rules. */
  rules: () => RuleMeta[];
  /** What the drafts are: buyer messages have no parts, so stylish does not list them. */
  kind?: 'plan' | 'message';
}

export type Formatter = (report: LintReport, context: FormatContext) => string;

const LOADERS: Record<FormatName, () => Promise<Formatter>> = {
  stylish: async () => {
    const { formatStylish } = await import('./stylish.js');
    return (report, c) => formatStylish(report, { color: c.color, showSections: c.kind !== 'message' });
  },
  json: async () => {
    const { formatJson } = await import('./json.js');
    return (report) => formatJson(report);
  },
  sarif: async () => {
    const { formatSarif } = await import('./sarif.js');
    return (report, c) => formatSarif(report, { cwd: c.cwd, root: c.root, rules: c.rules() });
  },
  github: async () => {
    const { formatGithub } = await import('./github.js');
    return (report, c) => formatGithub(report, { cwd: c.cwd, root: c.root });
  },
  gitlab: async () => {
    const { formatGitlab } = await import('./gitlab.js');
    return (report, c) => formatGitlab(report, { cwd: c.cwd, root: c.root });
  },
};

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

export function loadFormatter(name: FormatName): Promise<Formatter> {
  return LOADERS[name]();
}
