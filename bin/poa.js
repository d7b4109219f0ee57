#!/usr/bin/env node
// poa command-line entry: loads the built CLI bundle (built by `npm run build`, run on install by `prepare`).
// The bundle is minified: with --debug, stack traces are mapped back to poa's sources.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('poa: the CLI is not built — run `npm run build` in the poa-lint folder\n');
    process.exit(2);
  }
  throw error;
});
