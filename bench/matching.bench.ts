/**
 * Batch matching at statewide size: everyone waiting in the loaded dataset's matching program
 * (`peerpath bench load`: 5,000 people, 500 peer workers at full size) matched at once, as
 * `peerpath match --dry-run` does it (nothing written, so every run sees the same people waiting).
 * Timed in-process (median of a few runs) and once through the command itself (start-up included).
 * A measurement to read, not a test.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SEED } from '../src/server/bench/sizes.js';
import { MATCHING_PROGRAM_SLUG } from '../src/server/bench/statewide-records.js';
import { orgSlug } from '../src/server/bench/statewide-rows.js';
import { openDatabase } from '../src/server/db/client.js';
import { batchMatchProgram } from '../src/server/modules/matching/batch-assign.js';
import { root } from './lib/processes.js';
import { recordResult } from './lib/results.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/peerpath_bench';
const seed = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
const RUNS = 3;

const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
const samples: number[] = [];
let report: Awaited<ReturnType<typeof batchMatchProgram>> | undefined;
try {
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    report = await batchMatchProgram(database.db, { programSlug: MATCHING_PROGRAM_SLUG, organizationSlug: orgSlug(seed, 0), dryRun: true, requestId: 'bench:match' });
    samples.push(performance.now() - t0);
  }
} finally {
  await database.close();
}
const r = report!;
const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const label = `batch matching: ${r.waiting} waiting, ${r.peerWorkers} peer workers (dry run)`;
console.log(`${label}: median ${median.toFixed(0)} ms over ${RUNS} runs (${samples.map((s) => s.toFixed(0)).join(', ')} ms); matched ${r.assignments.length}, unmatched ${r.unmatched.length}, ${r.openPlaces} open places.`);
recordResult({ bench: 'matching', scenario: `${label}, in-process`, value: median, unit: 'ms', note: `median of ${RUNS}; matched ${r.assignments.length}, unmatched ${r.unmatched.length}, ${r.openPlaces} open places` });

// The command as an operator runs it: Node start-up, connection, the match, the printed report.
const t0 = performance.now();
const cli = spawnSync(process.execPath, [path.join(root, 'bin/peerpath.mjs'), 'match', '--program', MATCHING_PROGRAM_SLUG, '--org', orgSlug(seed, 0), '--dry-run'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: url },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const cliMs = performance.now() - t0;
if (cli.status !== 0) throw new Error(`peerpath match failed (${cli.status}): ${cli.stderr}`);
console.log(`peerpath match --dry-run: ${cliMs.toFixed(0)} ms wall clock (${cli.stdout.split('\n').length} lines printed).`);
recordResult({ bench: 'matching', scenario: `${label}, \`peerpath match --dry-run\``, value: cliMs, unit: 'ms', note: 'wall clock, Node start-up included' });
