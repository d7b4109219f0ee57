// Bundles the CLI into dist/cli.js (one file: faster start-up than resolving hundreds of modules).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function bundleCli() {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/run.ts'],
    outfile: 'dist/cli.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    banner: { js: "import { createRequire as __poaCreateRequire } from 'node:module'; const require = __poaCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

// `node scripts/bundle.mjs` rebuilds the bundle alone (faster than the full build while developing).
if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
