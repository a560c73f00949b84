import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../helpers/app.js';
import { fillPath, readOperations, sampleOf, type Operation } from '../../helpers/openapi.js';
import { actors, CONSENTS_WIRED, INTEGRATION_TOKENS_WIRED, standInFor, type ActorName } from './actors.js';
import { expected } from './expected.js';
import { BODIES, buildFixtures, callerFor, emailOf, pathParams, QUERIES, rank, type Fixtures } from './world.js';
import { reportFigure } from '../../helpers/figures.js';

/**
 * The authorization matrix: every route of /api/openapi.json, as every actor, against the reviewed
 * table in expected.ts (read its header for what "allowed" means and how to add a row).
 */

type Outcome = 'allow' | 'deny' | 'invalid' | 'error';

interface Cell {
  route: string;
  actor: ActorName;
  status: number;
  code?: string;
  outcome: Outcome;
  detail?: string;
  /** A successful answer that names the participant (their id or name). */
  mentions?: boolean;
}

export function classify(status: number, code: string | undefined): Outcome {
  if (status >= 500 || status === 429) return 'error';
  if (status < 400) return 'allow';
  if (status === 401 || status === 403 || status === 404) return 'deny';
  if (status === 400 && code === 'validation.failed') return 'invalid';
  return 'allow'; // 400 with a domain code, 409, 410, 413, 415, 422: past the policy
}

/** Actors with no relationship to the participant at all. */
const OUTSIDERS: ActorName[] = ['anonymous', 'sameProgramParticipant', 'unassignedPeer', 'otherProgramPeer', 'otherSupervisor', 'clinicianWithoutConsent', 'moderator', 'otherOrgAdmin'];

let t: TestApp;
let ops: Operation[];
const cells: Cell[] = [];

beforeAll(async () => {
  t = await createTestApp();
  ops = (await readOperations(t.app)).sort((a, b) => rank(a) - rank(b));
}, 120_000);
afterAll(() => t?.close());

async function runActor(actor: ActorName): Promise<void> {
  const f: Fixtures = await buildFixtures(t);
  const email = emailOf(actor, f);
  let session = email ? await signIn(t.app, email) : null;
  // Integration tokens call with their Bearer token and nothing else (see actors.ts).
  const bearer = actor === 'tokenRead' ? f.tokens.read : actor === 'tokenWrite' ? f.tokens.write : null;
  let call = callerFor(t, session, bearer);
  for (const op of ops) {
    // Signing in again (rank 90) rotated the session: sign out with a fresh one.
    if (op.key === 'POST /api/auth/sign-out' && email) {
      session = await signIn(t.app, email);
      call = callerFor(t, session, null);
    }
    const params = pathParams(op.path, f);
    const query = QUERIES[op.key]?.(f);
    const url = fillPath(op.path, params) + (query ? `?${new URLSearchParams(query)}` : '');
    const body = op.body ? (BODIES[op.key]?.(f, actor) ?? sampleOf(op.body)) : undefined;
    const res = await call({
      method: op.method as 'GET',
      url,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    let code: string | undefined;
    try {
      code = res.json()?.error?.code;
    } catch {
      code = undefined;
    }
    const outcome = classify(res.statusCode, code);
    const detail = outcome === 'invalid' || outcome === 'error' ? res.body.slice(0, 300) : undefined;
    const mentions = res.statusCode < 300 && (res.body.includes(f.world.participant.id) || res.body.includes(f.world.participant.preferredName));
    cells.push({ route: op.key, actor, status: res.statusCode, code, outcome, detail, mentions });
  }
}

describe('authorization matrix', () => {
  for (const actor of actors) {
    it(`calls every route as ${actor}`, async () => {
      await runActor(actor);
    }, 120_000);
  }

  it('matches the reviewed table: no route without a row, no unexpected allow or denial', () => {
    const failures: string[] = [];
    const missing = ops.filter((op) => !expected[op.key]).map((op) => op.key);
    for (const key of missing) failures.push(`${key}: no row in test/api/authorization/expected.ts`);
    let unexpectedAllows = 0;
    let unexpectedDenials = 0;
    let errors = 0;
    let invalid = 0;
    for (const c of cells) {
      const row = expected[c.route];
      if (!row) continue;
      const shouldAllow = row.allow.includes(standInFor(c.actor));
      const got = `${c.status}${c.code ? ` ${c.code}` : ''}`;
      if (c.outcome === 'error') {
        errors++;
        failures.push(`${c.route} ${c.actor}: server error ${got} ${c.detail}`);
      } else if (c.outcome === 'invalid') {
        invalid++;
        failures.push(`${c.route} ${c.actor}: the test's request was invalid (${got}); fix its recipe in world.ts: ${c.detail}`);
      } else if (c.outcome === 'allow' && !shouldAllow) {
        unexpectedAllows++;
        failures.push(`${c.route} ${c.actor}: UNEXPECTED ALLOW ${got} (rule: ${row.rule})`);
      } else if (c.outcome === 'deny' && shouldAllow) {
        unexpectedDenials++;
        failures.push(`${c.route} ${c.actor}: unexpected denial ${got} (rule: ${row.rule})`);
      }
    }
    // A second net for leaks through lists and embedded records: a successful answer to someone with
    // no relationship to Alex must not carry Alex's id or name (signing in AS Alex, of course, does).
    let outsiderMentions = 0;
    for (const c of cells) {
      if (!c.mentions || !OUTSIDERS.includes(standInFor(c.actor)) || c.route === 'POST /api/auth/sign-in') continue;
      outsiderMentions++;
      failures.push(`${c.route} ${c.actor}: the answer (${c.status}) names the participant to someone with no relationship to them`);
    }
    const stale = Object.keys(expected).filter((key) => !ops.some((op) => op.key === key));
    for (const key of stale) failures.push(`${key}: row for a route that no longer exists`);

    const totals = {
      database: process.env.PEERPATH_TEST_DB === 'postgres' ? 'postgres' : 'pglite',
      routes: ops.length,
      actors: actors.length,
      cells: cells.length,
      allowed: cells.filter((c) => c.outcome === 'allow').length,
      unexpectedAllows,
      unexpectedDenials,
      serverErrors: errors,
      invalidRequests: invalid,
      routesWithoutRow: missing.length,
      outsiderMentions,
      consentsWired: CONSENTS_WIRED,
      integrationTokensWired: INTEGRATION_TOKENS_WIRED,
    };
    reportFigure(`[authorization matrix] ${JSON.stringify(totals)}`);
    if (process.env.PEERPATH_MATRIX_DUMP) {
      mkdirSync('.tmp', { recursive: true });
      writeFileSync(process.env.PEERPATH_MATRIX_DUMP, JSON.stringify(cells, null, 1));
    }
    expect(cells.length).toBe(ops.length * actors.length);
    expect(failures, failures.slice(0, 200).join('\n')).toEqual([]);
  });
});
