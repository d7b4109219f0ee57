#!/usr/bin/env node
// poa command-line entry: runs the bundled CLI (dist/cli.cjs, built by `npm run build`, run on install by `prepare`).
//
// The bundle is compiled with the code V8 recorded when the build linted a few drafts (dist/cli.cache), so a
// start-up does not parse and compile what a lint runs again. V8 checks that the cache fits this Node and its flags,
// and the bundle's first line names its build; a cache that does not fit is ignored, and poa only starts slower.
// With --debug the bundle is loaded plainly, so stack traces are mapped back to poa's sources.
//
// This file is CommonJS (bin/package.json says so): measured, an ES module entry costs Node about 7 ms more to start.
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

// The heap grows by a fifth at a time instead of V8's default (up to fourfold): measured on 10,000 drafts, peak RSS
// 598 → about 370 MB for the same time. Set before the bundle is compiled, as the code cache was recorded with it.
setFlagsFromString('--heap-growing-percent=20');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'cli.cjs');
const cacheFile = join(dist, 'cli.cache');
/** The bundle's own require, resolving from dist/ as a loaded module's would. */
const bundleRequire = createRequire(file);

let source;
try {
  source = readFileSync(file, 'utf8');
} catch (error) {
  if (error && error.code === 'ENOENT') {
    process.stderr.write('poa: the CLI is not built — run `npm run build` in the poa-lint folder\n');
    process.exit(2);
  }
  throw error;
}

if (process.argv.includes('--debug')) {
  process.setSourceMapsEnabled(true);
  bundleRequire(file);
} else {
  const build = /^\/\/ poa-build ([0-9a-f]+)\n/.exec(source)?.[1];
  /**
   * The cache file: the build id and a digest of V8's data on one line, then the data. V8 trusts the data it is given
   * (damaged bytes crash the process), so they are used only when the digest matches.
   */
  let cachedData;
  try {
    const stored = readFileSync(cacheFile);
    const newline = stored.indexOf(10);
    const [id, digest] = newline > 0 ? stored.toString('latin1', 0, newline).split(' ') : [];
    const data = stored.subarray(newline + 1);
    if (build !== undefined && id === build && digest === createHash('sha1').update(data).digest('hex')) cachedData = data;
  } catch {
    // no cache: compile from source
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const recordTo = process.env.POA_WRITE_CODE_CACHE;
  // The build's training run: record what this lint compiled, for the next start-ups.
  if (recordTo && build !== undefined) {
    process.once('exit', () => {
      const data = script.createCachedData();
      writeFileSync(`${recordTo}.tmp`, Buffer.concat([Buffer.from(`${build} ${createHash('sha1').update(data).digest('hex')}\n`, 'latin1'), data]));
      renameSync(`${recordTo}.tmp`, recordTo);
    });
  }
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, bundleRequire, bundle, file, dist);
}
