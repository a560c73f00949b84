/**
 * HTTP scenarios on the synthetic statewide network (`peerpath bench load`, which scripts/bench.mjs
 * runs first), driven by autocannon against our server as `peerpath start` runs it — audit trail
 * and access policy on — and, side by side, against the ceiling: the same SQL behind a bare Fastify
 * route. Also memory under load (bench/startup.bench.ts measures the embedded database's start-up).
 * A measurement to read, not a test.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEFAULT_SEED, FULL_CASELOAD } from '../src/server/bench/sizes.js';
import { as, signIn, type Request, type Session } from './lib/http-client.js';
import { METROS } from '../src/server/bench/directory-data.js';
import { orgSlug, peerEmail, supervisorEmail } from '../src/server/bench/statewide-rows.js';
import { percentiles, recordResult } from './lib/results.js';
import { rssMb, serve } from './lib/processes.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/peerpath_bench';
const quick = process.env.BENCH_QUICK === '1';
const seed = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
const DURATION = Number(process.env.BENCH_DURATION ?? (quick ? 5 : 20));
const CONNECTIONS = 10;
// Sign-ins are limited to 20 a minute from one address: 1 peer worker + 2 × 6 participants.
const SESSIONS = 6;

/**
 * `ceiling` absent: not yet written for that scenario (the table leaves the ratio empty). `amount`:
 * a fixed number of requests instead of DURATION seconds (for a route with a rate limit).
 */
type Scenario = { name: string; ours: () => Request; ceiling?: () => Request; auditedCeiling?: () => Request; amount?: number; connections?: number; note?: string };

/** Runs autocannon for DURATION seconds (or `amount` requests), rotating through the requests `next` gives; our own latency samples give the percentiles. */
async function drive(base: string, next: () => Request, pid: number, opts: { amount?: number; connections?: number } = {}): Promise<{ rps: number; p50: number; p95: number; p99: number; errors: number; rssMb: number }> {
  const samples: number[] = [];
  let errors = 0;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid))), 250);
  const instance = autocannon({
    url: base,
    connections: opts.connections ?? CONNECTIONS,
    ...(opts.amount ? { amount: opts.amount } : { duration: DURATION }),
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...next() }) }],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    samples.push(ms);
    if (status >= 400) errors++;
  });
  const result = await instance;
  clearInterval(sampler);
  // With a fixed amount, autocannon's per-second average undercounts the last, partial second.
  const rps = opts.amount ? (samples.length * 1000) / Math.max(1, result.duration * 1000) : result.requests.average;
  return { rps, ...percentiles(samples), errors: errors + result.errors + result.timeouts, rssMb: peakRss };
}

/**
 * Lets the database catch up before a measurement: a checkpoint (the write scenario leaves dirty
 * pages behind) and any autovacuum it started, up to 30 s. Otherwise whichever side runs next —
 * ours or the ceiling — pays for the work the one before left.
 */
async function settle(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('checkpoint');
    for (let waited = 0; waited < 30_000; waited += 500) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker' and datname = current_database()`,
      );
      if (rows[0]!.n === 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await client.end();
  }
}

async function main() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const peer = (await client.query<{ id: string }>('select id from users where email = $1', [peerEmail(seed, 0)])).rows[0];
  const writersPeer = (await client.query<{ id: string }>('select id from users where email = $1', [peerEmail(seed, 1)])).rows[0];
  if (!peer || !writersPeer) throw new Error(`No statewide dataset for seed ${seed} in ${url}: run \`peerpath bench load${quick ? ' --quick' : ''}\` first.`);
  const withLogin = async (peerWorkerId: string) =>
    (
      await client.query<{ id: string; email: string }>(
        `select p.id, u.email from peer_assignments a join participants p on p.id = a.participant_id join users u on u.id = p.user_id
         where a.peer_worker_id = $1 and a.ended_at is null order by p.id limit $2`,
        [peerWorkerId, SESSIONS],
      )
    ).rows;
  // Readers are on the measured caseload; writers are someone else's participants, so the check-ins
  // the write scenario adds (thousands in seconds) do not swell the caseload that is read.
  const caseload = await withLogin(peer.id);
  const writerRows = await withLogin(writersPeer.id);
  const program = (await client.query<{ program_id: string }>('select program_id from memberships where user_id = $1', [peer.id])).rows[0]!.program_id;
  const [{ n: caseloadSize }] = (await client.query<{ n: number }>('select count(*)::int as n from peer_assignments where peer_worker_id = $1 and ended_at is null', [peer.id])).rows as [{ n: number }];
  const org = (await client.query<{ id: string }>('select id from organizations where slug = $1', [orgSlug(seed, 0)])).rows[0]!.id;
  const [{ services, meetings }] = (
    await client.query<{ services: number; meetings: number }>(
      'select (select count(*)::int from resource_services where organization_id = $1) as services, (select count(*)::int from meetings where organization_id = $1) as meetings',
      [org],
    )
  ).rows as [{ services: number; meetings: number }];
  const { server_version: pgVersion } = (await client.query<{ server_version: string }>('show server_version')).rows[0]!;
  await client.end();
  console.log(`Dataset seed ${seed}; peer worker ${peerEmail(seed, 0)} with ${caseloadSize} participants (expected ${FULL_CASELOAD}); PostgreSQL ${pgVersion}.`);

  // Our server, as `peerpath start` runs it, on the statewide database.
  const ours = await serve('serve-peerpath.ts', { DATABASE_URL: url, PEERPATH_JOURNAL_KEYS: `bench:${randomBytes(32).toString('base64')}` });
  const ceiling = await serve('ceiling-server.ts', { DATABASE_URL: url });
  const idleRss = rssMb(ours.child.pid!);
  console.log(`Our server started on PostgreSQL in ${ours.startMs.toFixed(0)} ms; RSS idle ${idleRss.toFixed(0)} MB.`);
  recordResult({ bench: 'server', scenario: 'start-up on PostgreSQL (statewide data)', value: ours.startMs, unit: 'ms' });
  recordResult({ bench: 'server', scenario: 'RSS idle on PostgreSQL', value: idleRss, unit: 'MB' });

  try {
    const peerSession = await signIn(ours.url, peerEmail(seed, 0));
    const supervisorSession = await signIn(ours.url, supervisorEmail(seed, 0));
    const signInAll = (rows: Array<{ id: string; email: string }>) => Promise.all(rows.map(async (p) => ({ ...(await signIn(ours.url, p.email)), participantId: p.id })));
    const readers = await signInAll(caseload);
    const writers = await signInAll(writerRows);
    let turn = 0;
    const nextParticipant = () => readers[turn++ % readers.length]!;
    const nextWriter = () => writers[turn++ % writers.length]!;
    const json = { 'content-type': 'application/json' };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const words = ['shelter', 'food pantry', 'counseling', 'job', 'legal aid', 'vivienda', 'despensa', 'buprenorphine', 'bus pass', 'child care'];
    const categories = ['housing', 'food', 'employment', 'mat', 'mental_health', 'legal'];
    const resourceQuery = (withText = true) => {
      const [, lat, lon] = METROS[turn % METROS.length]!;
      const n = turn++;
      return withText
        ? `q=${encodeURIComponent(words[n % words.length]!)}&category=${categories[n % categories.length]}&lat=${lat}&lon=${lon}&radiusKm=10&openNow=true`
        : `category=${categories[n % categories.length]}&lat=${lat}&lon=${lon}&radiusKm=25`;
    };
    const meetingQueries = ['', 'soon=true', 'day=2&time=evening', 'attend=online&types=O,D', 'near=38.5,-97.5&radius=50', 'q=serenity%20hall', 'q=harbor&day=5&attend=in_person'];
    const meetingQuery = () => meetingQueries[turn++ % meetingQueries.length]!;
    const checkIn = () => JSON.stringify({ mood: 1 + (turn % 5), craving: turn % 11, usedSinceLast: 'no', triggers: [], private: false });

    const scenarios: Scenario[] = [
      {
        name: 'check-in submit',
        ours: () => { const s = nextWriter(); return { method: 'POST', path: `/api/participants/${s.participantId}/check-ins`, headers: { ...json, ...as(s) }, body: checkIn() }; },
        ceiling: () => { const s = nextWriter(); return { method: 'POST', path: `/ceiling/participants/${s.participantId}/check-ins`, headers: json, body: checkIn() }; },
      },
      {
        name: `caseload with risk flags (${caseloadSize} participants)`,
        ours: () => ({ method: 'GET', path: '/api/caseload', headers: as(peerSession) }),
        ceiling: () => ({ method: 'GET', path: `/ceiling/caseload?peerWorkerId=${peer.id}`, headers: {} }),
      },
      {
        name: 'participant home: own record',
        ours: () => { const s = nextParticipant(); return { method: 'GET', path: `/api/participants/${s.participantId}`, headers: as(s) }; },
        ceiling: () => { const s = nextParticipant(); return { method: 'GET', path: `/ceiling/participants/${s.participantId}`, headers: {} }; },
        auditedCeiling: () => { const s = nextParticipant(); return { method: 'GET', path: `/ceiling/audited/participants/${s.participantId}`, headers: {} }; },
      },
      {
        name: 'participant home: latest check-ins',
        ours: () => { const s = nextParticipant(); return { method: 'GET', path: `/api/participants/${s.participantId}/check-ins`, headers: as(s) }; },
        ceiling: () => { const s = nextParticipant(); return { method: 'GET', path: `/ceiling/participants/${s.participantId}/check-ins`, headers: {} }; },
        auditedCeiling: () => { const s = nextParticipant(); return { method: 'GET', path: `/ceiling/audited/participants/${s.participantId}/check-ins`, headers: {} }; },
      },
      {
        // The aim is for one report (a supervisor asks for it), so one at a time.
        name: 'program outcomes report (12 months, one at a time)',
        ours: () => ({ method: 'GET', path: `/api/reports/outcomes?programId=${program}&from=${day(-365)}&to=${day(0)}`, headers: as(supervisorSession) }),
        connections: 1,
        note: '1 connection',
      },
      {
        name: `resource search: text + category + 10 km + open now (${services} services)`,
        ours: () => ({ method: 'GET', path: `/api/resources/search?${resourceQuery()}`, headers: as(peerSession) }),
        ceiling: () => ({ method: 'GET', path: `/ceiling/resources/search?organizationId=${org}&${resourceQuery()}`, headers: {} }),
      },
      {
        name: `resource search: category + 25 km (${services} services)`,
        ours: () => ({ method: 'GET', path: `/api/resources/search?${resourceQuery(false)}`, headers: as(peerSession) }),
        ceiling: () => ({ method: 'GET', path: `/ceiling/resources/search?organizationId=${org}&${resourceQuery(false)}`, headers: {} }),
      },
      {
        name: `meeting finder (${meetings} meetings)`,
        ours: () => { const s = nextParticipant(); return { method: 'GET', path: `/api/meetings?${meetingQuery()}`, headers: as(s) }; },
        ceiling: () => ({ method: 'GET', path: `/ceiling/meetings?organizationId=${org}&userId=${peer.id}&${meetingQuery()}`, headers: {} }),
      },
      {
        // The public feed allows 120 requests a minute from one address: 100 requests, 4 at a time.
        name: `Meeting Guide feed export (${meetings} meetings)`,
        ours: () => ({ method: 'GET', path: `/feeds/${orgSlug(seed, 0)}/meetings.json`, headers: {} }),
        ceiling: () => ({ method: 'GET', path: `/ceiling/feeds/${orgSlug(seed, 0)}/meetings.json`, headers: {} }),
        amount: 100,
        connections: 4,
        note: '100 requests, 4 connections (the feed is rate-limited to 120 a minute per address)',
      },
    ];

    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–').padStart(8);
    console.log(`\n${DURATION} s each, ${CONNECTIONS} connections       req/s    p50 ms   p95 ms   p99 ms  errors | ceiling req/s  ratio  | RSS MB`);
    // BENCH_SCENARIO=<words>: only the scenarios whose names contain them (e.g. "feed export").
    const wanted = process.env.BENCH_SCENARIO?.toLowerCase();
    for (const s of scenarios.filter((x) => !wanted || x.name.toLowerCase().includes(wanted))) {
      const opts = { ...(s.amount && { amount: s.amount }), ...(s.connections && { connections: s.connections }) };
      await settle();
      const a = await drive(ours.url, s.ours, ours.child.pid!, opts);
      if (s.ceiling) await settle();
      const b = s.ceiling ? await drive(ceiling.url, s.ceiling, ceiling.child.pid!, opts) : undefined;
      const ratio = b ? a.rps / b.rps : Number.NaN;
      console.log(`  ${s.name.padEnd(40)} ${f(a.rps)} ${f(a.p50)} ${f(a.p95)} ${f(a.p99)} ${String(a.errors).padStart(6)} | ${f(b?.rps ?? Number.NaN)}     ${b ? ratio.toFixed(2) : ' –  '}  | ${a.rssMb.toFixed(0)}`);
      // Beside the issue's ceiling, for a read that writes its audit event: the same read writing one too.
      let audited = '';
      if (s.auditedCeiling) {
        await settle();
        const c = await drive(ceiling.url, s.auditedCeiling, ceiling.child.pid!, opts);
        audited = `; the ceiling writing the same audit event: ${c.rps.toFixed(0)} req/s, ours ${(a.rps / c.rps).toFixed(2)} of it`;
        console.log(`    the same ceiling writing the read's audit event, as ours does: ${c.rps.toFixed(1)} req/s; ours is ${(a.rps / c.rps).toFixed(2)} of it`);
      }
      recordResult({
        bench: 'http', scenario: s.name, rps: a.rps, p50: a.p50, p95: a.p95, p99: a.p99, errors: a.errors,
        ...(b && { ceilingRps: b.rps, ratio }),
        note: `${b ? `ceiling p99 ${b.p99.toFixed(1)} ms` : 'no ceiling yet'}${audited}; our RSS under load ${a.rssMb.toFixed(0)} MB${s.note ? `; ${s.note}` : ''}`,
      });
    }
    const loadedRss = rssMb(ours.child.pid!);
    recordResult({ bench: 'server', scenario: 'RSS after the HTTP scenarios', value: loadedRss, unit: 'MB' });
  } finally {
    await ours.stop();
    await ceiling.stop();
  }
}

await main();
