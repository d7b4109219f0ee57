// Builds poa: the CLI bundle first (so `poa` keeps working while types are being fixed), then library modules and
// declarations with tsc, the rule pack as JSON, and last the CLI's code cache (recorded by linting with all of it).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { bundleCli, recordCodeCache } from './bundle.mjs';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

await bundleCli();
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/compile-rules.mjs'], { stdio: 'inherit' });
recordCodeCache();
