// Process entry for the bundled CLI: run main() and set the exit code, flushing output before exit.

import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
