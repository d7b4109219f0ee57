// poa as a library: the same results the CLI prints, for editor plugins and consultants' scripts.

export { lintText, lintFiles, lintSource, parseSource, getEngine, summarise, describeRules } from './lint.js';
export type { LintOptions, LintFilesOptions, RuleEntry } from './lint.js';
export { formatJson } from './report/json.js';
export { formatStylish } from './report/stylish.js';
export type { StylishOptions } from './report/stylish.js';
export { formatSarif } from './report/sarif.js';
export type { SarifOptions } from './report/sarif.js';
export { formatGithub } from './report/github.js';
export { formatGitlab } from './report/gitlab.js';
export type { CodeQualityIssue } from './report/gitlab.js';
export type { PathOptions } from './report/locations.js';
export { FORMAT_NAMES, loadFormatter } from './report/formats.js';
export type { FormatName, FormatContext, Formatter } from './report/formats.js';
export { PoaError } from './errors.js';
export type * from './types.js';
