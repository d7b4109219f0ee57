// Bundles the CLI into one CommonJS script (dist/cli.cjs) with V8's compiled code for it (dist/cli.cache), and
// lintFiles' worker thread (dist/worker.js), minified.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const chunks = join(dist, 'chunks');

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

/**
 * franc (language detection, used only when a draft's frequent words leave its language unclear) turns the trigram
 * tables of its 82 languages into lookup objects when it loads: measured, 13 ms of every start-up. The bundle builds
 * them on franc's first call instead. Should franc's source change, the bundle keeps it as it is and says so.
 */
const francTablesOnFirstUse = {
  name: 'franc-tables-on-first-use',
  setup(b) {
    b.onLoad({ filter: /[\\/]franc-min[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const loop = /\nfor \(script in data\) \{\n[\s\S]*?\n\}\n/.exec(source);
      const entry = 'export function francAll(value, options = {}) {\n';
      if (!loop || !source.includes(entry)) {
        console.warn(`poa build: ${args.path} is not the franc this build knows; its tables are built at start-up`);
        return { contents: source, loader: 'js' };
      }
      const contents = source
        .replace(loop[0], `\nlet numericDataBuilt = false\nfunction buildNumericData() {\nnumericDataBuilt = true\n${loop[0]}}\n`)
        .replace(entry, `${entry}  if (!numericDataBuilt) buildNumericData()\n`);
      return { contents, loader: 'js' };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Measured: a minified bundle parses in about half the time; `poa --debug` maps stack traces back with the source map.
  // POA_BUNDLE_READABLE=1 keeps names, for CPU profiles.
  minify: process.env.POA_BUNDLE_READABLE !== '1',
  sourcemap: 'linked',
  legalComments: 'none',
  plugins: [fdirWithoutPicomatch, francTablesOnFirstUse],
  logLevel: 'warning',
};

/**
 * Drafts the build lints once to record V8's compiled code: start-up then skips parsing and compiling what a lint
 * runs (measured: about 80 ms of a 290 ms cold start). Any realistic drafts do; these are in the repository.
 */
const TRAINING = ['examples/plan-en.md', 'examples/draft-en.md', 'examples/piano-it.txt'];

/**
 * The CLI as one CommonJS script. ES modules cannot be given V8's code cache on Node 20, a script can: bin/poa.js
 * compiles it with dist/cli.cache. The first line names the build, so a cache of another build is never used.
 */
async function bundleCliScript() {
  const file = join(dist, 'cli.cjs');
  await build({
    ...common,
    entryPoints: { cli: 'src/cli/run.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // data.ts finds poa's folders from its own URL.
    define: { 'import.meta.url': '__poaModuleUrl' },
    banner: { js: "var __poaModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const code = readFileSync(file, 'utf8');
  const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
  writeFileSync(file, `// poa-build ${id}\n${code}`);
  rmSync(join(dist, 'cli.cache'), { force: true });
  // The ES module bundle of earlier builds.
  for (const old of ['cli.js', 'cli.js.map']) rmSync(join(dist, old), { force: true });
}

/** Record dist/cli.cache by linting the training drafts with the bundled CLI (after dist/rules.json is built). */
export function recordCodeCache() {
  const cache = join(dist, 'cli.cache');
  rmSync(cache, { force: true });
  const training = TRAINING.map((f) => join(root, f));
  const r = spawnSync(process.execPath, [join(root, 'bin', 'poa.js'), 'lint', ...training, '--no-config', '--jobs', '1', '--format', 'stylish', '--no-color'], {
    cwd: root,
    env: { ...process.env, POA_WRITE_CODE_CACHE: cache },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  // Linting the examples finds problems (exit 1); anything else means the bundle is broken.
  if (r.status !== 0 && r.status !== 1) throw new Error(`the bundled CLI failed on the training drafts (exit ${r.status}): ${r.stderr}`);
}

/** The worker, as an ES module; the code only some commands need (formats, init) never loads in it. */
async function bundleWorker() {
  const result = await build({
    ...common,
    entryPoints: { worker: 'src/parallel/worker.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    banner: { js: "import { createRequire as __poaCreateRequire } from 'node:module'; const require = __poaCreateRequire(import.meta.url);" },
    metafile: true,
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

export async function bundleCli() {
  await bundleWorker();
  await bundleCliScript();
}

// `node scripts/bundle.mjs` rebuilds the bundles alone (faster than the full build while developing).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleCli();
  recordCodeCache();
}
