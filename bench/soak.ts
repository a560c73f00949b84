/**
 * Soak: `npm run bench -- --soak [--minutes N] [--rate R]` (scripts/bench.mjs runs this after
 * loading the dataset). Mixed traffic against our server as `peerpath start` runs it — check-ins,
 * participant home, caseload, resource search, meeting finder, message sends — for N minutes
 * (default 10) at R requests a second, or, without --rate, at half the capacity a 15-second probe
 * of the same mix measured first. Reports, minute by minute: requests, errors, p50/p95/p99, the
 * server's RSS and heap, and event-loop delay; then the latency drift between the first and last
 * minute and the memory slope (least squares, MB per minute, first minute left out as warm-up).
 * This is also issue 13's soak. A measurement to read, not a test.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { METROS } from '../src/server/bench/directory-data.js';
import { DEFAULT_SEED } from '../src/server/bench/sizes.js';
import { peerEmail } from '../src/server/bench/statewide-rows.js';
import { as, signIn, type Request, type Session } from './lib/http-client.js';
import { serve } from './lib/processes.js';
import { percentiles, recordResult } from './lib/results.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/peerpath_bench';
const seed = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const fixedRate = process.env.BENCH_SOAK_RATE ? Number(process.env.BENCH_SOAK_RATE) : undefined;
const CONNECTIONS = 10;
const PROBE_SECONDS = 15;
const SESSIONS = 6;

interface MemoryReport { at: number; rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number; loopP50Ms: number; loopP99Ms: number; loopMaxMs: number }

const highest = (values: number[]) => values.reduce((a, b) => (Number.isFinite(b) && !(b <= a) ? b : a), Number.NaN);

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

async function main() {
  if (!(minutes > 0)) throw new Error('--minutes must be more than 0');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const peer = (await client.query<{ id: string }>('select id from users where email = $1', [peerEmail(seed, 0)])).rows[0];
  const writersPeer = (await client.query<{ id: string }>('select id from users where email = $1', [peerEmail(seed, 1)])).rows[0];
  if (!peer || !writersPeer) throw new Error(`No statewide dataset for seed ${seed} in ${url}: run \`peerpath bench load\` first.`);
  const withLogin = async (peerWorkerId: string) =>
    (
      await client.query<{ id: string; email: string; thread_id: string }>(
        `select p.id, u.email, tm.thread_id from peer_assignments a join participants p on p.id = a.participant_id join users u on u.id = p.user_id
         join thread_members tm on tm.user_id = u.id
         where a.peer_worker_id = $1 and a.ended_at is null order by p.id limit $2`,
        [peerWorkerId, SESSIONS],
      )
    ).rows;
  const readerRows = await withLogin(peer.id);
  const writerRows = await withLogin(writersPeer.id);
  await client.end();

  const memory: MemoryReport[] = [];
  const ours = await serve('serve-peerpath.ts', { DATABASE_URL: url, PEERPATH_JOURNAL_KEYS: `bench:${randomBytes(32).toString('base64')}`, BENCH_MEMORY_EVERY_MS: '5000' }, (line) => {
    if (line.startsWith('memory ')) memory.push(JSON.parse(line.slice(7)) as MemoryReport);
  });
  try {
    const peerSession = await signIn(ours.url, peerEmail(seed, 0));
    const signInAll = (rows: typeof readerRows) => Promise.all(rows.map(async (p) => ({ ...(await signIn(ours.url, p.email)), participantId: p.id, threadId: p.thread_id })));
    const readers = await signInAll(readerRows);
    const writers = await signInAll(writerRows);
    let turn = 0;
    const json = { 'content-type': 'application/json' };
    const words = ['shelter', 'food pantry', 'counseling', 'job', 'legal aid', 'vivienda', 'despensa'];
    const meetingQueries = ['', 'soon=true', 'day=2&time=evening', 'attend=online&types=O,D', 'near=38.5,-97.5&radius=50', 'q=serenity%20hall'];
    const reader = () => readers[turn % readers.length]!;
    const writer = () => writers[turn % writers.length]! as Session & { participantId: string; threadId: string };
    // The mix, by weight: what a statewide day looks like from the server (reads outnumber writes).
    const mix: Array<[number, string, () => Request]> = [
      [25, 'check-in submit', () => { const s = writer(); return { method: 'POST', path: `/api/participants/${s.participantId}/check-ins`, headers: { ...json, ...as(s) }, body: JSON.stringify({ mood: 1 + (turn % 5), craving: turn % 11, usedSinceLast: 'no', triggers: [], private: false }) }; }],
      [15, 'participant home', () => { const s = reader(); return { method: 'GET', path: `/api/participants/${s.participantId}`, headers: as(s) }; }],
      [15, 'latest check-ins', () => { const s = reader(); return { method: 'GET', path: `/api/participants/${s.participantId}/check-ins`, headers: as(s) }; }],
      [5, 'caseload', () => ({ method: 'GET', path: '/api/caseload', headers: as(peerSession) })],
      [15, 'resource search', () => { const [, lat, lon] = METROS[turn % METROS.length]!; return { method: 'GET', path: `/api/resources/search?q=${encodeURIComponent(words[turn % words.length]!)}&lat=${lat}&lon=${lon}&radiusKm=10&openNow=true`, headers: as(peerSession) }; }],
      [15, 'meeting finder', () => { const s = reader(); return { method: 'GET', path: `/api/meetings?${meetingQueries[turn % meetingQueries.length]}`, headers: as(s) }; }],
      [10, 'message send', () => { const s = writer(); return { method: 'POST', path: `/api/threads/${s.threadId}/messages`, headers: { ...json, ...as(s) }, body: JSON.stringify({ body: `Soak ${turn}: how did today go?` }) }; }],
    ];
    const total = mix.reduce((sum, [w]) => sum + w, 0);
    const next = (): Request => {
      turn++;
      let roll = (turn * 7919) % total; // deterministic, evenly spread
      for (const [w, , make] of mix) {
        if (roll < w) return make();
        roll -= w;
      }
      return mix[0]![2]();
    };

    const run = (seconds: number, rate: number | undefined, onResponse: (status: number, ms: number) => void) => {
      const instance = autocannon({
        url: ours.url,
        connections: CONNECTIONS,
        duration: seconds,
        ...(rate && { overallRate: rate }),
        requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...next() }) }],
      });
      instance.on('response', (_c: unknown, status: number, _b: number, ms: number) => onResponse(status, ms));
      return instance;
    };

    let rate = fixedRate;
    if (rate === undefined) {
      let count = 0;
      const probe = await run(PROBE_SECONDS, undefined, () => count++);
      rate = Math.max(1, Math.floor(probe.requests.average / 2));
      console.log(`Probe: the mix at ${CONNECTIONS} connections gave ${probe.requests.average.toFixed(0)} req/s (${count} responses); soaking at half: ${rate} req/s.`);
    } else {
      console.log(`Soaking at ${rate} req/s (--rate).`);
    }
    const mixText = mix.map(([w, name]) => `${name} ${Math.round((100 * w) / total)}%`).join(', ');
    console.log(`Mix: ${mixText}. ${minutes} minute${minutes === 1 ? '' : 's'}, ${CONNECTIONS} connections.\n`);

    const startedAt = Date.now();
    const buckets = Array.from({ length: Math.ceil(minutes) }, () => ({ latencies: [] as number[], errors: 0 }));
    const errorsByStatus = new Map<number, number>();
    const memoryFrom = memory.length;
    const result = await run(Math.round(minutes * 60), rate, (status, ms) => {
      const b = buckets[Math.min(buckets.length - 1, Math.floor((Date.now() - startedAt) / 60_000))]!;
      b.latencies.push(ms);
      if (status >= 400) {
        b.errors++;
        errorsByStatus.set(status, (errorsByStatus.get(status) ?? 0) + 1);
      }
    });
    const endedAt = Date.now();
    const soakMemory = memory.slice(memoryFrom).filter((m) => m.at <= endedAt);

    const f = (v: number, w = 8) => (Number.isFinite(v) ? v.toFixed(1) : '–').padStart(w);
    console.log('minute  requests  errors   p50 ms   p95 ms   p99 ms   RSS MB  heap MB  loop p99 ms');
    const perMinute = buckets.map((b, i) => {
      const p = percentiles(b.latencies);
      const mem = soakMemory.filter((m) => m.at - startedAt >= i * 60_000 && m.at - startedAt < (i + 1) * 60_000);
      const last = mem.at(-1);
      const loop = highest(mem.map((m) => m.loopP99Ms));
      console.log(`${String(i + 1).padStart(6)} ${String(b.latencies.length).padStart(9)} ${String(b.errors).padStart(7)} ${f(p.p50)} ${f(p.p95)} ${f(p.p99)} ${f(last?.rssMb ?? Number.NaN)} ${f(last?.heapUsedMb ?? Number.NaN)} ${f(loop, 12)}`);
      return { minute: i + 1, requests: b.latencies.length, errors: b.errors, ...p, rssMb: last?.rssMb, heapUsedMb: last?.heapUsedMb, loopP99Ms: loop };
    });
    const first = perMinute[0]!;
    const lastMinute = perMinute.at(-1)!;
    // The first minute is warm-up (caches, JIT, pools filling); with under three minutes there is no slope worth the name.
    const warm = minutes >= 3 ? soakMemory.filter((m) => m.at - startedAt >= 60_000) : [];
    const rssSlope = slope(warm.map((m) => [(m.at - startedAt) / 60_000, m.rssMb]));
    const heapSlope = slope(warm.map((m) => [(m.at - startedAt) / 60_000, m.heapUsedMb]));
    const errors = buckets.reduce((s, b) => s + b.errors, 0) + result.errors + result.timeouts;
    const requests = buckets.reduce((s, b) => s + b.latencies.length, 0);
    const loopMax = highest(soakMemory.map((m) => m.loopMaxMs));
    console.log(`\nRequests ${requests} (${(requests / (minutes * 60)).toFixed(0)} req/s), errors ${errors}${errorsByStatus.size ? ` (${[...errorsByStatus].map(([s, n]) => `${n}× ${s}`).join(', ')})` : ''}, timeouts ${result.timeouts}.`);
    console.log(`Latency drift, first → last minute: p50 ${first.p50.toFixed(1)} → ${lastMinute.p50.toFixed(1)} ms, p99 ${first.p99.toFixed(1)} → ${lastMinute.p99.toFixed(1)} ms.`);
    console.log(
      minutes >= 3
        ? `Memory slope after the first minute: RSS ${rssSlope.toFixed(2)} MB/min, heap ${heapSlope.toFixed(2)} MB/min; event-loop delay max ${loopMax.toFixed(1)} ms.`
        : `Memory slope: needs at least 3 minutes (--minutes 3); event-loop delay max ${loopMax.toFixed(1)} ms.`,
    );
    const rec = (scenario: string, value: number, unit: string, note?: string) => recordResult({ bench: 'soak', scenario, value, unit, ...(note && { note }) });
    rec('soak: requests a second (target half of capacity)', requests / (minutes * 60), 'req/s', `${rate} req/s asked; ${minutes} min; ${CONNECTIONS} connections`);
    rec('soak: errors', errors, '', `of ${requests} requests; timeouts ${result.timeouts}`);
    rec('soak: p99 first minute', first.p99, 'ms', `p50 ${first.p50.toFixed(1)} ms`);
    rec('soak: p99 last minute', lastMinute.p99, 'ms', `p50 ${lastMinute.p50.toFixed(1)} ms`);
    rec('soak: RSS slope', rssSlope, 'MB/min', `RSS ${soakMemory[0]?.rssMb ?? '?'} → ${soakMemory.at(-1)?.rssMb ?? '?'} MB`);
    rec('soak: heap slope', heapSlope, 'MB/min', `heap used ${soakMemory[0]?.heapUsedMb ?? '?'} → ${soakMemory.at(-1)?.heapUsedMb ?? '?'} MB`);
    rec('soak: event-loop delay max', loopMax, 'ms');
    recordResult({ bench: 'soak-detail', scenario: 'per minute', note: JSON.stringify({ perMinute, memory: soakMemory.map((m) => ({ ...m, at: m.at - startedAt })) }) });
  } finally {
    await ours.stop();
  }
}

await main();
