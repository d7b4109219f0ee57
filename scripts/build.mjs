// Builds poa: the CLI bundle first (so `poa` keeps working while types are being fixed), then library modules and declarations with tsc.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { bundleCli } from './bundle.mjs';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

await bundleCli();
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/compile-rules.mjs'], { stdio: 'inherit' });
