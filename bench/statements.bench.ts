/**
 * SQL statements per request: for each HTTP scenario, how many statements (BEGIN and COMMIT
 * included) our server sends to PostgreSQL. Round trips, not seconds: the count is the same on any
 * machine, so it shows plainly where the hot path does more database work than the ceiling's one
 * statement. The app runs in this process on the statewide dataset (`peerpath bench load`), with the
 * audit trail and the access policy on; background jobs and the audit sealer are off so that only the
 * request's own statements are counted. A measurement to read, not a test.
 */
import pg from 'pg';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { DEFAULT_SEED } from '../src/server/bench/sizes.js';
import { peerEmail, supervisorEmail } from '../src/server/bench/statewide-rows.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { createSession } from '../src/server/platform/auth/sessions.js';
import { createMemoryMailer } from '../src/server/platform/mail.js';
import { recordResult } from './lib/results.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/peerpath_bench';
const seed = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
const REPEATS = 5;

let counting = false;
let statements = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  if (counting) statements++;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof originalQuery;

/** `ceiling`: the statements the same scenario's hand-written bare route in ceiling-server.ts sends; null where there is none, or where it calls our own query function. */
type Scenario = { name: string; ceiling: number | null; request: () => InjectOptions };

async function main() {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  const one = async <T>(text: string, values: unknown[]) => (await database.pool!.query(text, values)).rows[0] as T | undefined;
  const peer = await one<{ id: string }>('select id from users where email = $1', [peerEmail(seed, 0)]);
  const supervisor = await one<{ id: string }>('select id from users where email = $1', [supervisorEmail(seed, 0)]);
  if (!peer || !supervisor) throw new Error(`No statewide dataset for seed ${seed} in ${url}: run \`peerpath bench load\` first.`);
  const participant = await one<{ id: string; user_id: string; program_id: string }>(
    `select p.id, p.user_id, p.program_id from peer_assignments a join participants p on p.id = a.participant_id
     where a.peer_worker_id = $1 and a.ended_at is null and p.user_id is not null order by p.id limit 1`,
    [peer.id],
  );
  const thread = await one<{ id: string }>('select id from message_threads where participant_id = $1', [participant!.id]);
  const config = testConfig({ AUDIT_SEAL_INTERVAL_MS: '3600000' });
  const app: FastifyInstance = await buildApp({ config, database, mailer: createMemoryMailer() });
  await app.ready();
  const session = async (userId: string) => {
    const s = await createSession(database.db, config, userId, { ip: '127.0.0.1', userAgent: 'peerpath-bench' });
    return { cookie: `peerpath_session=${s.token}`, 'x-csrf-token': s.csrfToken };
  };
  const asPeer = await session(peer.id);
  const asParticipant = await session(participant!.user_id);
  const asSupervisor = await session(supervisor.id);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const json = { 'content-type': 'application/json' };

  const scenarios: Scenario[] = [
    {
      name: 'check-in submit',
      ceiling: 2,
      request: () => ({ method: 'POST', url: `/api/participants/${participant!.id}/check-ins`, headers: { ...json, ...asParticipant }, payload: { mood: 3, craving: 2, usedSinceLast: 'no', triggers: [], private: false } }),
    },
    { name: 'caseload with risk flags', ceiling: 10, request: () => ({ method: 'GET', url: '/api/caseload', headers: asPeer }) },
    { name: 'participant home: own record', ceiling: 1, request: () => ({ method: 'GET', url: `/api/participants/${participant!.id}`, headers: asParticipant }) },
    { name: 'participant home: latest check-ins', ceiling: 1, request: () => ({ method: 'GET', url: `/api/participants/${participant!.id}/check-ins`, headers: asParticipant }) },
    ...(thread
      ? [{ name: 'message send', ceiling: null, request: (): InjectOptions => ({ method: 'POST', url: `/api/threads/${thread.id}/messages`, headers: { ...json, ...asPeer }, payload: { body: 'How did today go?' } }) }]
      : []),
    { name: 'resource search: text + category + 10 km + open now', ceiling: null, request: () => ({ method: 'GET', url: '/api/resources/search?q=housing&category=housing&lat=41.88&lon=-87.63&radiusKm=10&openNow=true', headers: asPeer }) },
    { name: 'meeting finder: Tuesday evening', ceiling: null, request: () => ({ method: 'GET', url: '/api/meetings?day=2&timeOfDay=evening', headers: asParticipant }) },
    { name: 'program outcomes report (12 months)', ceiling: null, request: () => ({ method: 'GET', url: `/api/reports/outcomes?programId=${participant!.program_id}&from=${day(-365)}&to=${day(0)}`, headers: asSupervisor }) },
  ];

  console.log(`Dataset seed ${seed}; ${REPEATS} requests per scenario after one warm-up.\n`);
  console.log('Scenario                                              status  statements/request');
  try {
    for (const s of scenarios) {
      await app.inject(s.request());
      let status = 0;
      statements = 0;
      counting = true;
      for (let i = 0; i < REPEATS; i++) status = (await app.inject(s.request())).statusCode;
      counting = false;
      const perRequest = statements / REPEATS;
      console.log(`  ${s.name.padEnd(52)} ${String(status).padStart(5)}  ${perRequest.toFixed(1).padStart(8)}`);
      recordResult({ bench: 'statements', scenario: `SQL statements per request: ${s.name}`, value: perRequest, unit: '', note: `HTTP ${status}; ${s.ceiling === null ? 'its ceiling, if any, calls our own query function' : `the ceiling sends ${s.ceiling}`}` });
    }
  } finally {
    await app.close();
    await database.close();
  }
}

await main();
