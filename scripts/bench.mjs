#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --seed N] [-- name…]`: loads the synthetic statewide network
// (`peerpath bench load`), runs every bench/*.bench.ts through tsx one after another (each prints its
// own table), then writes bench/results/<timestamp>.md and .json with the machine it ran on.
// `npm run bench -- --soak [--minutes N] [--rate R]` runs bench/soak.ts instead: mixed traffic for N
// minutes (default 10) at R req/s (default: half the capacity a short probe measures), with memory
// and latency over time (issue 13's soak too).
// PostgreSQL: DATABASE_URL, or postgres://postgres@127.0.0.1:5432/peerpath_bench (created if missing).
// Benchmarks are measurements for people to read, not tests: nothing here passes or fails on time.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'bench');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const soak = args.includes('--soak');
/** The number after an option, or the default when the option is absent. */
function numberAfter(option, fallback) {
  const at = args.indexOf(option);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${option} needs a number`);
    process.exit(2);
  }
  return value;
}
const seed = numberAfter('--seed', 1);
if (!Number.isInteger(seed)) {
  console.error('--seed needs a whole number');
  process.exit(2);
}
const minutes = numberAfter('--minutes', 10);
const rate = numberAfter('--rate', undefined);
const valueAt = new Set(['--seed', '--minutes', '--rate'].map((o) => args.indexOf(o)).filter((i) => i >= 0).map((i) => i + 1));
const only = args.filter((a, i) => !a.startsWith('--') && !valueAt.has(i));
const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/peerpath_bench';
// Without DATABASE_URL and without a PostgreSQL at the default address, the benchmarks that need
// no PostgreSQL run on the embedded database (start-up, meeting directory, resource directory);
// `--embedded` asks for that even when PostgreSQL is there.
const EMBEDDED_BENCHES = ['meetings.bench.ts', 'resources.bench.ts', 'startup.bench.ts'];
async function reachable(databaseUrl) {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
const embedded = args.includes('--embedded') || (!process.env.DATABASE_URL && !(await reachable(url)));
if (embedded && soak) {
  console.error(`The soak needs PostgreSQL: none answers at ${new URL(url).host}; set DATABASE_URL.`);
  process.exit(2);
}
if (embedded) console.log(`No DATABASE_URL and no PostgreSQL at ${new URL(url).host}: running ${EMBEDDED_BENCHES.join(', ')} on the embedded database (the statewide HTTP scenarios need PostgreSQL).`);

const files = soak
  ? ['soak.ts']
  : readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
      .filter((f) => !embedded || EMBEDDED_BENCHES.includes(f))
      .sort();
if (files.length === 0) {
  console.error('No benchmarks found in bench/.');
  process.exit(1);
}

/** Runs a command, showing its output as it comes and keeping stdout for the results file. */
function run(command, commandArgs, env) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

const started = new Date();
const stamp = started.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
const resultsDir = path.join(dir, 'results');
mkdirSync(resultsDir, { recursive: true });
const rowsFile = path.join(os.tmpdir(), `peerpath-bench-${process.pid}.jsonl`);
rmSync(rowsFile, { force: true });

const env = {
  ...process.env,
  LOG_LEVEL: 'silent',
  ...(!embedded && { DATABASE_URL: url, BENCH_DATABASE_URL: url }),
  ...(embedded && { BENCH_SERVICES: process.env.BENCH_SERVICES ?? '2000', BENCH_MEETINGS: process.env.BENCH_MEETINGS ?? '2000' }),
  BENCH_SEED: String(seed),
  BENCH_RESULTS_FILE: rowsFile,
  ...(soak && { BENCH_SOAK_MINUTES: String(minutes), ...(rate !== undefined && { BENCH_SOAK_RATE: String(rate) }) }),
  ...(quick && { BENCH_QUICK: '1', BENCH_SCALE: process.env.BENCH_SCALE ?? '0.1', BENCH_SERVICES: process.env.BENCH_SERVICES ?? '2000', BENCH_MEETINGS: process.env.BENCH_MEETINGS ?? '2000' }),
};

if (embedded) {
  for (const key of ['DATABASE_URL', 'BENCH_DATABASE_URL', 'TEST_DATABASE_URL']) delete env[key];
} else {
  console.log(`=== statewide dataset (${quick ? 'quick' : 'full'}, seed ${seed}) ===`);
  // Quick runs start from a fresh database every time; full runs reuse a dataset already loaded.
  const load = await run(process.execPath, [path.join(root, 'bin/peerpath.mjs'), 'bench', 'load', '--seed', String(seed), ...(quick ? ['--quick', '--fresh'] : [])], env);
  if (load.code !== 0) {
    console.error('Loading the statewide dataset failed; see above.');
    process.exit(1);
  }
}

const outputs = [];
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const t0 = Date.now();
  const { code, out } = await run(process.execPath, ['--import', 'tsx', path.join(dir, file)], env);
  outputs.push({ file, code, seconds: (Date.now() - t0) / 1000, out });
}

let pgVersion = 'none (embedded database, PGlite)';
if (!embedded) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  pgVersion = (await client.query('show server_version')).rows[0].server_version;
  await client.end();
}
const git = spawnSync('git', ['describe', '--always', '--dirty', '--abbrev=7'], { cwd: root, encoding: 'utf8' });
const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  postgres: pgVersion,
  commit: git.status === 0 ? git.stdout.trim() : null,
};
const rows = existsSync(rowsFile) ? readFileSync(rowsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
rmSync(rowsFile, { force: true });

/**
 * The issue's aims, beside each HTTP figure: check-in submit above 1,500/s; every read at p99 under
 * 50 ms; the outcomes report for one program under 1 s; message delivery p99 under 100 ms; every
 * ratio to its ceiling above 0.5. Shown, never asserted.
 */
function judge(r) {
  if (r.bench !== 'http' && r.bench !== 'messages') return { target: '', met: '' };
  const aims = [];
  if (/^check-in submit/.test(r.scenario)) aims.push(['≥ 1500 req/s', r.rps >= 1500]);
  else if (/^message send/.test(r.scenario)) aims.push(['p99 < 100 ms', r.p99 < 100]);
  else if (/^program outcomes/.test(r.scenario)) aims.push(['p99 < 1000 ms', r.p99 < 1000]);
  else aims.push(['p99 < 50 ms', r.p99 < 50]);
  if (typeof r.ratio === 'number') aims.push(['ratio > 0.5', r.ratio > 0.5]);
  return { target: aims.map(([t]) => t).join(', '), met: aims.map(([, ok]) => (ok ? 'yes' : 'no')).join(', ') };
}

const n = (v, digits = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '');
const http = rows.filter((r) => r.rps !== undefined);
const values = rows.filter((r) => r.rps === undefined && r.value !== undefined);
const md = [
  `# ${soak ? `Soak (${minutes} min)` : 'Benchmark'} ${started.toISOString()} (${quick ? 'quick' : 'full'}, seed ${seed})`,
  '',
  `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; PostgreSQL ${machine.postgres}; load average at the end ${machine.loadAverage.join(' ')}; commit ${machine.commit ?? '?'}.`,
  '',
  '| Scenario | req/s | p50 ms | p95 ms | p99 ms | errors | ceiling req/s | ratio | target | met | notes |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|',
  ...http.map((r) => ({ ...r, ...judge(r) })).map((r) => `| ${r.scenario} | ${n(r.rps, 0)} | ${n(r.p50)} | ${n(r.p95)} | ${n(r.p99)} | ${r.errors ?? ''} | ${n(r.ceilingRps, 0)} | ${n(r.ratio, 2)} | ${r.target} | ${r.met} | ${r.note ?? ''} |`),
  '',
  '| Measure | value | notes |',
  '|---|---:|---|',
  ...values.map((r) => `| ${r.scenario} | ${n(r.value, Number.isInteger(r.value) ? 0 : 1)} ${r.unit ?? ''} | ${r.note ?? ''} |`),
  '',
  ...outputs.flatMap((o) => [`## ${o.file} (${o.seconds.toFixed(0)} s${o.code ? `, FAILED with exit code ${o.code}` : ''})`, '', '```', o.out.trimEnd(), '```', '']),
].join('\n');
const base = path.join(resultsDir, soak ? `${stamp}-soak` : stamp);
writeFileSync(`${base}.md`, md);
writeFileSync(`${base}.json`, `${JSON.stringify({ startedAt: started.toISOString(), quick, soak: soak ? { minutes, rate: rate ?? 'half the probed capacity' } : false, seed, machine, results: rows.map((r) => ({ ...r, ...judge(r) })), benches: outputs.map(({ out, ...o }) => ({ ...o, output: out })) }, null, 2)}\n`);
console.log(`\nResults: ${path.relative(root, base)}.md and .json`);
process.exit(outputs.some((o) => o.code !== 0) ? 1 : 0);
