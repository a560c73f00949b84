import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditChain, verifyAuditChain } from '../../src/server/platform/audit-chain.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { arbitraryOf, diffCounts, HOSTILE_STRINGS, hostileBodies, orgRowCounts } from '../helpers/fuzz.js';
import { fillPath, readOperations, sampleOf, type Operation } from '../helpers/openapi.js';
import { type ActorName } from './authorization/actors.js';
import { expected } from './authorization/expected.js';
import { BODIES, buildFixtures, pathParams, QUERIES, rank, type Fixtures } from './authorization/world.js';
import { reportFigure } from '../helpers/figures.js';

/**
 * Fuzzing every route of /api/openapi.json: requests generated from each route's JSON schema
 * (fast-check), plus hostile raw bodies and hostile path and query values. Nothing may answer 500
 * or hang, and a rejected write must leave the database as it was: the organization's rows in
 * every table counted before and after, and the audit chain verifying at the end.
 *
 * PEERPATH_FUZZ_RUNS (default 2) generated requests per route. The seed is fixed by default, so CI
 * runs the same cases every time; PEERPATH_FUZZ_SEED=<n> replays another run and
 * PEERPATH_FUZZ_SEED=random explores new cases (the seed is printed, to replay what they find).
 */

const RUNS = Number(process.env.PEERPATH_FUZZ_RUNS ?? 2);
const SEED = process.env.PEERPATH_FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.PEERPATH_FUZZ_SEED ?? 20_261_126);
const REQUEST_TIMEOUT_MS = 20_000;
// Tables a refused request may still write to: the audit trail records denials, and failed
// sign-ins are counted for the brute-force limits.
const MAY_GROW_ON_REJECTION = ['audit_events', 'audit_chain', 'sign_in_attempts', 'login_attempts', 'auth_attempts'];

let t: TestApp;
let f: Fixtures;
let ops: Operation[];
const sessions = new Map<ActorName, Session>();
const failures: string[] = [];
const totals = { cases: 0, generated: 0, hostileBodies: 0, hostileParams: 0, serverErrors: 0, timeouts: 0, rejectedWrites: 0, changedByRejection: 0 };

/** Who sends a route's requests: someone the matrix says may call it, so the handler runs. */
const PREFERRED: ActorName[] = ['self', 'assignedPeer', 'supervisor', 'orgAdmin', 'otherOrgAdmin', 'moderator', 'clinicianWithoutConsent'];
function actorFor(op: Operation): ActorName | null {
  if (op.path.startsWith('/api/auth/') && op.method !== 'GET') return null; // signing in again would rotate the session
  const allow = expected[op.key]?.allow ?? [];
  return PREFERRED.find((a) => allow.includes(a)) ?? (allow.includes('anonymous') ? null : 'assignedPeer');
}

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixtures(t);
  const u = f.world.users;
  const emails: Partial<Record<ActorName, string>> = {
    self: u.participantUser.email,
    assignedPeer: u.peerA.email,
    supervisor: u.supervisorA.email,
    orgAdmin: u.orgAdmin.email,
    otherOrgAdmin: f.otherOrgAdminEmail,
    moderator: u.moderatorA.email,
    clinicianWithoutConsent: u.clinicianA.email,
  };
  for (const [actor, email] of Object.entries(emails)) sessions.set(actor as ActorName, await signIn(t.app, email!));
  ops = (await readOperations(t.app)).filter((op) => op.key !== 'POST /api/auth/sign-out').sort((a, b) => rank(a) - rank(b));
}, 180_000);

afterAll(async () => {
  await t?.close();
});

async function send(op: Operation, opts: InjectOptions, label: string): Promise<LightMyRequestResponse | null> {
  const actor = actorFor(op);
  const session = actor ? sessions.get(actor) : undefined;
  const headers = { ...(opts.headers ?? {}), ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) };
  totals.cases++;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), REQUEST_TIMEOUT_MS);
  });
  const res = await Promise.race([t.app.inject({ ...opts, headers, remoteAddress: '10.77.0.1' }), timeout]);
  clearTimeout(timer);
  if (res === 'timeout') {
    totals.timeouts++;
    failures.push(`${op.key} [${label}]: no answer within ${REQUEST_TIMEOUT_MS} ms`);
    return null;
  }
  if (res.statusCode >= 500 && res.statusCode !== 503) {
    totals.serverErrors++;
    failures.push(`${op.key} [${label}]: ${res.statusCode} ${res.body.slice(0, 200)} <- ${describePayload(opts.payload)}`);
  }
  return res;
}

function describePayload(payload: unknown): string {
  if (payload === undefined) return 'no body';
  const text = Buffer.isBuffer(payload) ? payload.toString('latin1') : typeof payload === 'string' ? payload : JSON.stringify(payload);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Sends a write and checks that, when refused, it changed nothing of the organization's. */
async function sendChecked(op: Operation, opts: InjectOptions, label: string): Promise<void> {
  if (!WRITE.has(op.method)) {
    await send(op, opts, label);
    return;
  }
  const before = await orgRowCounts(t.database.db, f.world.org.id, MAY_GROW_ON_REJECTION);
  const res = await send(op, opts, label);
  if (!res || res.statusCode < 400) return;
  totals.rejectedWrites++;
  const changed = diffCounts(before, await orgRowCounts(t.database.db, f.world.org.id, MAY_GROW_ON_REJECTION));
  if (changed.length) {
    totals.changedByRejection++;
    failures.push(`${op.key} [${label}]: answered ${res.statusCode} but changed ${changed.join(', ')}`);
  }
}

function urlFor(op: Operation, params: Record<string, string>, query?: Record<string, string>): string {
  return fillPath(op.path, params) + (query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : '');
}

const HOSTILE_PARAMS = ['../../etc/passwd', '%00', "1' or '1'='1", 'x'.repeat(400), '00000000-0000-0000-0000-000000000000', '-1', '9999-99-99', '🙂', '<script>'];

describe('fuzzing every route', () => {
  it('answers generated and hostile requests without a 500, a hang, or a half-written change', async () => {
    const ids = Object.values(f.ids).filter((v) => /^[0-9a-f-]{36}$/.test(v));
    for (const op of ops) {
      const params = pathParams(op.path, f);
      const baseQuery = QUERIES[op.key]?.(f);
      const validBody = op.body ? (BODIES[op.key]?.(f, actorFor(op) ?? 'anonymous') ?? sampleOf(op.body)) : undefined;

      // 1. Generated from the schema: body and query.
      const queryArb = fc.record(Object.fromEntries(op.query.map((q) => [q.name, arbitraryOf(q.schema, { ids })])), { requiredKeys: [] });
      const bodyArb = op.body ? arbitraryOf(op.body, { ids }) : fc.constant(undefined);
      const samples = fc.sample(fc.tuple(bodyArb, queryArb), { numRuns: RUNS, seed: SEED + op.key.length });
      for (const [body, query] of samples) {
        totals.generated++;
        const q = Object.fromEntries(
          Object.entries({ ...baseQuery, ...(query as object) }).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
        );
        await sendChecked(op, { method: op.method as 'GET', url: urlFor(op, params, q), ...(body !== undefined ? { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) }, 'generated');
      }

      // 2. Hostile raw bodies on every write.
      if (WRITE.has(op.method) && op.body) {
        for (const hostile of hostileBodies(validBody)) {
          totals.hostileBodies++;
          await sendChecked(op, { method: op.method as 'POST', url: urlFor(op, params, baseQuery), payload: hostile.payload, headers: { 'content-type': hostile.contentType } }, hostile.name);
        }
        // Each text field of a valid body, one hostile string at a time.
        if (validBody && typeof validBody === 'object' && !Array.isArray(validBody)) {
          for (const [key, value] of Object.entries(validBody)) {
            if (typeof value !== 'string') continue;
            for (const text of ['a\u0000b', '<script>window.__pwned=1</script>', '+275760-09-13T00:00:00.000Z']) {
              totals.hostileBodies++;
              await sendChecked(op, { method: op.method as 'POST', url: urlFor(op, params, baseQuery), payload: { ...validBody, [key]: text } }, `field ${key}=${JSON.stringify(text).slice(0, 30)}`);
            }
          }
        }
      }

      // 3. Hostile path parameters and query values.
      for (const name of op.pathParams) {
        // Writes get fewer (each is checked against the row counts); reads get them all.
        for (const bad of WRITE.has(op.method) ? HOSTILE_PARAMS.slice(0, 4) : HOSTILE_PARAMS) {
          totals.hostileParams++;
          await sendChecked(op, { method: op.method as 'GET', url: urlFor(op, { ...params, [name]: bad }, baseQuery), ...(validBody !== undefined ? { payload: validBody as object } : {}) }, `param ${name}=${bad.slice(0, 20)}`);
        }
      }
      for (const q of op.query.slice(0, 4)) {
        for (const bad of [HOSTILE_STRINGS[5]!, HOSTILE_STRINGS[20]!, 'x'.repeat(5000), '-1e309']) {
          totals.hostileParams++;
          await send(op, { method: op.method as 'GET', url: urlFor(op, params, { ...baseQuery, [q.name]: bad }) }, `query ${q.name}`);
        }
      }
    }

    await sealAuditChain(t.database.db);
    const chain = await verifyAuditChain(t.database.db);
    if (!chain.ok) failures.push(`audit chain broken: ${JSON.stringify(chain.firstBroken)}`);
    reportFigure(`[fuzz] ${JSON.stringify({ database: process.env.PEERPATH_TEST_DB === 'postgres' ? 'postgres' : 'pglite', routes: ops.length, runsPerRoute: RUNS, seed: SEED, ...totals, auditChain: chain.ok ? 'verifies' : 'BROKEN' })}`);
    expect(failures, failures.slice(0, 60).join('\n')).toEqual([]);
  }, 1_800_000);
});
