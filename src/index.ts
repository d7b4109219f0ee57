// poa as a library: the same results the CLI prints, for editor plugins and consultants' scripts.

export { lintText, lintFiles, lintSource, parseSource, getEngine, summarise } from './lint.js';
export type { LintOptions, LintFilesOptions } from './lint.js';
export { formatJson } from './report/json.js';
export { formatStylish } from './report/stylish.js';
export { PoaError } from './errors.js';
export type * from './types.js';
