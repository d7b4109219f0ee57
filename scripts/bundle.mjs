// Bundles the CLI (dist/cli.js) and lintFiles' worker thread (dist/worker.js), minified, sharing chunks in dist/chunks/:
// one parse of a few files instead of hundreds of module resolutions, in the process and in every worker.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chunks = join(root, 'dist', 'chunks');

/**
 * fdir (tinyglobby's directory walker) loads picomatch from node_modules when it starts, for a glob API tinyglobby
 * does not use; the bundle already holds picomatch. Leaving that require out saves a module resolution at start-up.
 */
const fdirWithoutPicomatch = {
  name: 'fdir-without-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(/__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/, ''),
      loader: 'js',
    }));
  },
};

export async function bundleCli() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli/run.ts', worker: 'src/parallel/worker.ts' },
    outdir: 'dist',
    // Code only some commands need (poa init's prompts and templates, each format) goes to chunks loaded when used.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Measured: a minified bundle parses in about half the time; `poa --debug` maps stack traces back with the source map.
    // POA_BUNDLE_READABLE=1 keeps names, for CPU profiles.
    minify: process.env.POA_BUNDLE_READABLE !== '1',
    sourcemap: 'linked',
    legalComments: 'none',
    banner: { js: "import { createRequire as __poaCreateRequire } from 'node:module'; const require = __poaCreateRequire(import.meta.url);" },
    plugins: [fdirWithoutPicomatch],
    metafile: true,
    logLevel: 'warning',
  });
  // Chunks of earlier builds: removed once no poa started in the last minutes can still be loading them.
  const current = new Set(Object.keys(result.metafile.outputs).map((p) => join(root, p)));
  let names = [];
  try {
    names = readdirSync(chunks);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(chunks, name);
    if (!current.has(path) && Date.now() - statSync(path).mtimeMs > 10 * 60 * 1000) rmSync(path, { force: true });
  }
}

// `node scripts/bundle.mjs` rebuilds the bundles alone (faster than the full build while developing).
if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
