// Process entry for the bundled CLI (dist/cli.cjs, loaded by bin/poa.js): run main() and set the exit code, flushing output before exit.

import { describeSystemError } from '../errors.js';
import { main } from './main.js';

// `poa lint … | head` closes stdout early: that is the reader's choice, not an error to report.
// Any other failure to write (a full disk under `> report.json`) is one line and exit code 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    const { what, hint } = describeSystemError(error, 'write');
    if (stream === process.stdout) process.stderr.write(`poa: <stdout>: cannot write the output: ${what} — ${hint}, or write to a file with -o\n`);
    process.exit(2);
  });
}

// No top-level await: the bundle is a CommonJS script, so V8 can reuse its compiled code (see bin/poa.js).
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
