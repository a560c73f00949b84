import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_JOURNAL_KEYS } from '../../src/server/config.js';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { verifyAuditChain } from '../../src/server/platform/audit-chain.js';
import { makeWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { templatePath, testDbKind } from '../setup/template.js';
import { reportFigure } from '../helpers/figures.js';

/**
 * Crash durability: a real server process takes writes over HTTP and is killed with SIGKILL in the
 * middle of them (and, on PostgreSQL, its database server is stopped abruptly and started again).
 * Every write answered with a 2xx must be there afterwards, whole, and the audit chain must verify.
 */

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});
const tempDir = (label: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `peerpath-${label}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

interface Client {
  cookie: string;
  csrf: string;
}

async function signInOver(url: string, email: string): Promise<Client> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('peerpath_session='))!.split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function post(url: string, who: Client, route: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

interface Ack {
  kind: 'check-in' | 'message' | 'note';
  id: string;
  marker: string;
}

/**
 * Writers that keep sending check-ins (as the participant), messages and notes (as the peer worker)
 * until told to stop; every 2xx answer is recorded with the id it returned.
 */
function driveWrites(url: () => string, world: World, participant: Client, peer: Client, threadId: string) {
  const acks: Ack[] = [];
  let attempts = 0;
  let failures = 0;
  let running = true;
  let n = 0;
  const one = async (kind: Ack['kind']) => {
    const marker = `w${n++}-${Math.random().toString(36).slice(2, 8)}`;
    attempts++;
    try {
      const res =
        kind === 'check-in'
          ? await post(url(), participant, `/api/participants/${world.participant.id}/check-ins`, { mood: 3, craving: 2, usedSinceLast: 'no', note: marker })
          : kind === 'message'
            ? await post(url(), peer, `/api/threads/${threadId}/messages`, { body: `message ${marker}` })
            : await post(url(), peer, `/api/participants/${world.participant.id}/notes`, { contactType: 'phone', durationMinutes: 10, summary: `note ${marker}` });
      if (res.status >= 200 && res.status < 300) acks.push({ kind, id: res.json.id ?? res.json.message?.id, marker });
      else failures++;
    } catch {
      failures++;
    }
  };
  const loops = (['check-in', 'message', 'note'] as const).map(async (kind) => {
    while (running) {
      await one(kind);
      if (!running) break;
    }
  });
  return {
    acks,
    stats: () => ({ attempts, failures, acknowledged: acks.length }),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

const waitFor = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** Every acknowledged write is in the database, whole: the row, its text, and its audit event. */
async function lostWrites(database: Database, acks: Ack[]): Promise<Ack[]> {
  const rows = async (q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as { rows: any[] }).rows;
  const lost: Ack[] = [];
  for (const ack of acks) {
    const table = ack.kind === 'check-in' ? 'check_ins' : ack.kind === 'message' ? 'messages' : 'contact_notes';
    const found = await rows(sql`select row_to_json(t)::text as j from ${sql.raw(table)} t where id = ${ack.id}`);
    if (found.length !== 1) {
      lost.push(ack);
      continue;
    }
    // Notes and messages keep their text; the check-in's note may be stored apart, so its row is enough.
    if (ack.kind === 'message') expect(found[0].j).toContain(ack.marker);
  }
  return lost;
}

async function auditedWithoutRow(database: Database): Promise<number> {
  // Nothing half-written: a check-in's audit event and its row are committed together or not at all.
  const res = (await database.db.execute(
    sql`select count(*)::int as n from check_ins c where not exists (select 1 from audit_events a where a.action = 'checkin.create' and a.resource_id = c.id::text)`,
  )) as unknown as { rows: Array<{ n: number }> };
  return res.rows[0]!.n;
}

async function prepareWorld(database: Database): Promise<World> {
  await database.migrate();
  return makeWorld(database.db);
}

async function threadOf(url: string, who: Client, participantId: string): Promise<string> {
  const res = await fetch(`${url}/api/participants/${participantId}/thread`, { headers: { cookie: who.cookie } });
  if (res.status !== 200) throw new Error(`thread ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

describe.runIf(testDbKind() === 'pglite')('crash durability of the embedded database', () => {
  it('keeps every acknowledged write after SIGKILL mid-load; the folder opens cleanly and the audit chain verifies', async () => {
    const dir = tempDir('crash');
    const pg = await PGlite.create({ dataDir: path.join(dir, 'pgdata'), loadDataDir: new Blob([readFileSync(templatePath)]) });
    await pg.close();
    let database = await openDatabase({ kind: 'pglite', dataDir: dir });
    const world = await prepareWorld(database);
    await database.close();
    const env = { PEERPATH_DATA_DIR: dir, JOBS: 'false', AUDIT_SEAL_INTERVAL_MS: '500' };

    let server: ServerProcess = await startServerProcess(env);
    cleanups.push(() => server.kill());
    expect(server.output()).toMatch(/crash-safe|durab/i);
    const participant = await signInOver(server.url, world.users.participantUser.email);
    const peer = await signInOver(server.url, world.users.peerA.email);
    const threadId = await threadOf(server.url, peer, world.participant.id);
    const load = driveWrites(() => server.url, world, participant, peer, threadId);
    await waitFor('60 acknowledged writes', () => load.acks.length >= 60, 180_000);
    await server.kill(); // SIGKILL with requests in flight
    await load.stop();
    const stats = load.stats();

    // Start again on the same folder: it opens, and serves.
    server = await startServerProcess(env);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const again = await signInOver(server.url, world.users.participantUser.email);
    expect((await post(server.url, again, `/api/participants/${world.participant.id}/check-ins`, { mood: 4, craving: 1, usedSinceLast: 'no' })).status).toBe(201);
    await server.stop();

    database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const lost = await lostWrites(database, load.acks);
      expect(await auditedWithoutRow(database)).toBe(0);
      const chain = await verifyAuditChain(database.db);
      expect(chain.ok).toBe(true);
      reportFigure(
        `Crash (embedded, SIGKILL): ${stats.attempts} writes sent, ${stats.acknowledged} acknowledged, ${lost.length} acknowledged writes lost; audit chain ${chain.ok ? 'intact' : 'BROKEN'} (${chain.sealed} links)`,
      );
      expect(lost).toEqual([]);
    } finally {
      await database.close();
    }
  }, 600_000);
});

const PG_BIN = '/usr/lib/postgresql/15/bin';
const havePgBinaries = existsSync(path.join(PG_BIN, 'initdb')) && existsSync(path.join(PG_BIN, 'pg_ctl'));
if (testDbKind() === 'postgres' && !havePgBinaries) console.log(`Skipping the PostgreSQL outage test: no initdb/pg_ctl in ${PG_BIN}.`);

describe.runIf(testDbKind() === 'postgres' && havePgBinaries)('crash durability on PostgreSQL (a throwaway cluster of its own)', () => {
  it('reports unhealthy while the database is down, recovers by itself, and loses no acknowledged write (nor after SIGKILL of the app)', async () => {
    const root = tempDir('pgcluster');
    const data = path.join(root, 'data');
    const port = await freePort();
    // The shared PostgreSQL of this machine is never touched: this cluster is the test's own.
    const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
    if (asPostgres.length) execFileSync('chown', ['-R', 'postgres', root]);
    const run = (cmd: string, args: string[]) => {
      const [bin, ...rest] = asPostgres.length ? [...asPostgres, path.join(PG_BIN, cmd), ...args] : [path.join(PG_BIN, cmd), ...args];
      return execFileSync(bin!, rest, { stdio: 'pipe' });
    };
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    const pgCtl = (action: 'start' | 'stop') =>
      action === 'start'
        ? run('pg_ctl', ['-D', data, '-l', path.join(root, 'log'), '-w', '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`, 'start'])
        : run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    pgCtl('start');
    cleanups.push(() => {
      try {
        pgCtl('stop');
      } catch {
        /* already stopped */
      }
    });
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    const world = await prepareWorld(database);
    await database.close();

    const env = { DATABASE_URL: url, PEERPATH_JOURNAL_KEYS: TEST_JOURNAL_KEYS, JOBS: 'true', AUDIT_SEAL_INTERVAL_MS: '500' };
    let server: ServerProcess = await startServerProcess(env);
    cleanups.push(() => server.kill());
    const participant = await signInOver(server.url, world.users.participantUser.email);
    const peer = await signInOver(server.url, world.users.peerA.email);
    const threadId = await threadOf(server.url, peer, world.participant.id);
    const load = driveWrites(() => server.url, world, participant, peer, threadId);
    await waitFor('30 acknowledged writes', () => load.acks.length >= 30, 120_000);

    // The database goes away abruptly (as in a crash), under load.
    pgCtl('stop');
    await waitFor('/healthz to report unhealthy', async () => (await fetch(`${server.url}/healthz`).catch(() => null))?.status === 503);
    const beforeBack = load.acks.length;
    pgCtl('start');
    await waitFor('/healthz to recover by itself', async () => (await fetch(`${server.url}/healthz`).catch(() => null))?.status === 200);
    await waitFor('writes acknowledged again', () => load.acks.length >= beforeBack + 20, 120_000);

    // And then the app itself is killed mid-load, and started again.
    await server.kill();
    await load.stop();
    const stats = load.stats();
    server = await startServerProcess(env);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.stop();

    database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    try {
      const lost = await lostWrites(database, load.acks);
      expect(await auditedWithoutRow(database)).toBe(0);
      const chain = await verifyAuditChain(database.db);
      expect(chain.ok).toBe(true);
      reportFigure(
        `Crash (PostgreSQL: immediate stop of the database + SIGKILL of the app): ${stats.attempts} writes sent, ${stats.acknowledged} acknowledged, ${stats.failures} refused during the outage, ${lost.length} acknowledged writes lost; audit chain intact`,
      );
      expect(lost).toEqual([]);
    } finally {
      await database.close();
    }
  }, 600_000);
});
