// `npm run bench`: cold start on one draft against `node -e 0`, throughput on generated corpora, peak memory.
// Figures are printed next to the targets, never asserted: they depend on the machine and its load.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePlan, rng, writeCorpus } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'poa.js');
const work = join(root, 'bench', '.corpus');
const sizes = (process.env.POA_BENCH_SIZES ?? '2000,10000').split(',').map(Number);
const runs = Number(process.env.POA_BENCH_RUNS ?? 15);
/** Also time the smallest corpus with --jobs 1, to show what the worker threads bring (POA_BENCH_SERIAL=0 skips it). */
const serialToo = process.env.POA_BENCH_SERIAL !== '0';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TARGETS = { coldRatio: 1.5, seconds2000: 1.2, peakRssMb: 150, growth: 5.5 };

/** Wall time of one run, and its peak RSS when /usr/bin/time is there to measure it. Output goes nowhere. */
function timeCommand(args) {
  const rssFile = join(work, '.rss');
  const argv = TIME ? [TIME, '-f', '%M', '-o', rssFile, process.execPath, ...args] : [process.execPath, ...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`command failed (${r.status}): ${args.join(' ')}\n${r.stderr}`);
  const rssKb = TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { ms, rssMb: rssKb / 1024 };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The corpus of `n` drafts, regenerated only when the generator changed. */
function corpus(n) {
  const dir = join(work, `corpus-${n}`);
  const stamp = join(dir, '.generated');
  const generator = createHash('sha256').update(readFileSync(join(root, 'bench', 'corpus.mjs'))).digest('hex');
  const wanted = JSON.stringify({ n, seed: 42, generator });
  if (existsSync(stamp)) {
    const saved = JSON.parse(readFileSync(stamp, 'utf8'));
    if (JSON.stringify({ n: saved.n, seed: saved.seed, generator: saved.generator }) === wanted) return { dir, bytes: saved.bytes };
  }
  rmSync(dir, { recursive: true, force: true });
  const bytes = writeCorpus(dir, n, 42);
  writeFileSync(stamp, JSON.stringify({ ...JSON.parse(wanted), bytes }));
  return { dir, bytes };
}

mkdirSync(work, { recursive: true });
const one = join(work, 'one.md');
writeFileSync(one, makePlan(0, rng(7)).text);

// Warm up the file cache, then alternate the two commands so both see the same machine state.
for (let i = 0; i < 3; i++) {
  timeCommand(['-e', '0']);
  timeCommand([bin, 'lint', one, '--format', 'json']);
}
const nodeTimes = [];
const poaTimes = [];
for (let i = 0; i < runs; i++) {
  nodeTimes.push(timeCommand(['-e', '0']).ms);
  poaTimes.push(timeCommand([bin, 'lint', one, '--format', 'json']).ms);
}
const result = {
  cpus: cpus().length,
  workers: availableParallelism(),
  node: process.version,
  draftBytes: Buffer.byteLength(readFileSync(one)),
  nodeColdMs: round(median(nodeTimes)),
  poaColdMs: round(median(poaTimes)),
};
result.coldRatio = round(result.poaColdMs / result.nodeColdMs, 2);

for (const n of sizes) {
  const { dir, bytes } = corpus(n);
  const t = timeCommand([bin, 'lint', dir, '--format', 'json']);
  result[`files${n}`] = { mb: round(bytes / 1e6, 1), seconds: round(t.ms / 1000, 2), draftsPerSecond: round(n / (t.ms / 1000)), peakRssMb: round(t.rssMb) };
}
const smallest = Math.min(...sizes);
if (serialToo) {
  const t = timeCommand([bin, 'lint', corpus(smallest).dir, '--format', 'json', '--jobs', '1']);
  result[`files${smallest}Serial`] = { seconds: round(t.ms / 1000, 2), peakRssMb: round(t.rssMb) };
}
/** Also time the smallest corpus again with --cache, its drafts unchanged since a first run (POA_BENCH_CACHE=0 skips it). */
if (process.env.POA_BENCH_CACHE !== '0') {
  const cacheFile = join(work, '.poacache');
  rmSync(cacheFile, { force: true });
  const args = [bin, 'lint', corpus(smallest).dir, '--format', 'json', '--cache-location', cacheFile];
  timeCommand(args);
  const t = timeCommand(args);
  result[`files${smallest}Cached`] = { seconds: round(t.ms / 1000, 2), peakRssMb: round(t.rssMb) };
  rmSync(cacheFile, { force: true });
}
const largest = Math.max(...sizes);
if (largest !== smallest) result.growth = round(result[`files${largest}`].seconds / result[`files${smallest}`].seconds, 2);

const mark = (ok) => (ok ? 'ok' : 'missed');
const rows = [
  ['node -e 0', `${result.nodeColdMs} ms`, `median of ${runs}`, ''],
  ['poa lint, 1 draft', `${result.poaColdMs} ms`, `${result.coldRatio}× node -e 0 (${result.draftBytes} bytes)`, `≤ ${TARGETS.coldRatio}× ${mark(result.coldRatio <= TARGETS.coldRatio)}`],
];
for (const n of sizes) {
  const r = result[`files${n}`];
  const target = n === 2000 ? `≤ ${TARGETS.seconds2000} s ${mark(r.seconds <= TARGETS.seconds2000)}` : n === largest && !Number.isNaN(r.peakRssMb) ? `RSS ≤ ${TARGETS.peakRssMb} MB ${mark(r.peakRssMb <= TARGETS.peakRssMb)}` : '';
  rows.push([`${n} drafts`, `${r.seconds} s`, `${r.mb} MB, ${r.draftsPerSecond} drafts/s, peak RSS ${r.peakRssMb} MB`, target]);
}
if (serialToo) {
  const r = result[`files${smallest}Serial`];
  rows.push([`${smallest} drafts, --jobs 1`, `${r.seconds} s`, `peak RSS ${r.peakRssMb} MB`, '']);
}
if (result[`files${smallest}Cached`]) {
  const r = result[`files${smallest}Cached`];
  rows.push([`${smallest} drafts, cached`, `${r.seconds} s`, `--cache, a second run over unchanged drafts, peak RSS ${r.peakRssMb} MB`, '']);
}
if (result.growth !== undefined) rows.push([`${largest} / ${smallest}`, `${result.growth}×`, 'time ratio', `≤ ${TARGETS.growth}× ${mark(result.growth <= TARGETS.growth)}`]);

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`poa bench — ${result.cpus} cores (${result.workers} threads for many drafts), Node ${result.node}`);
for (const r of rows) console.log(`  ${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`.trimEnd());
console.log(JSON.stringify(result));
