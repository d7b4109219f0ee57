// `npm run bench`: cold start on one draft against `node -e 0`, throughput on a generated corpus, peak memory.
// Figures are printed, never asserted: they depend on the machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePlan, rng, writeCorpus } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'poa.js');
const work = join(root, 'bench', '.corpus');
const sizes = (process.env.POA_BENCH_SIZES ?? '2000,10000').split(',').map(Number);
const runs = Number(process.env.POA_BENCH_RUNS ?? 15);

function timeCommand(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`command failed (${r.status}): ${args.join(' ')}\n${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { ms, rssMb: rssKb / 1024 };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

mkdirSync(work, { recursive: true });
const one = join(work, 'one.md');
writeFileSync(one, makePlan(0, rng(7)).text);

// Warm up the file cache, then alternate the two commands so both see the same machine state.
for (let i = 0; i < 3; i++) {
  timeCommand(['-e', '0']);
  timeCommand([bin, 'lint', one]);
}
const nodeTimes = [];
const poaTimes = [];
for (let i = 0; i < runs; i++) {
  nodeTimes.push(timeCommand(['-e', '0']).ms);
  poaTimes.push(timeCommand([bin, 'lint', one, '--format', 'json']).ms);
}
const result = {
  cpus: cpus().length,
  node: process.version,
  nodeColdMs: Math.round(median(nodeTimes)),
  poaColdMs: Math.round(median(poaTimes)),
};
result.coldRatio = Math.round((result.poaColdMs / result.nodeColdMs) * 100) / 100;

for (const n of sizes) {
  const dir = join(work, `corpus-${n}`);
  const bytes = writeCorpus(dir, n);
  timeCommand([bin, 'lint', dir, '--format', 'json']);
  const t = timeCommand([bin, 'lint', dir, '--format', 'json']);
  result[`files${n}`] = { mb: Math.round((bytes / 1e6) * 10) / 10, seconds: Math.round(t.ms) / 1000, peakRssMb: Math.round(t.rssMb) };
}

console.log('poa bench');
console.log(`  machine           ${result.cpus} cores, Node ${result.node}`);
console.log(`  node -e 0         ${result.nodeColdMs} ms (median of ${runs})`);
console.log(`  poa lint 1 draft  ${result.poaColdMs} ms (median of ${runs}), ${result.coldRatio}× node -e 0`);
for (const n of sizes) {
  const r = result[`files${n}`];
  console.log(`  ${String(n).padEnd(6)} drafts     ${r.seconds} s for ${r.mb} MB, peak RSS ${r.peakRssMb} MB`);
}
console.log(JSON.stringify(result));
