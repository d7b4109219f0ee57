// "Did you mean …?" for the CLI: the shared suggestion (also used by config and rule pack validation).

export { nearest } from '../suggest.js';
