import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { openDatabase, type Db } from '../../src/server/db/client.js';
import { memberships, sessions, users } from '../../src/server/db/schema/index.js';
import { digestOf } from '../../src/server/platform/auth/tokens.js';
import { asSession, createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeUser, makeWorld, type World } from '../helpers/factories.js';
import { reportFigure } from '../helpers/figures.js';
import { testDatabaseUrl, testDbKind } from '../setup/template.js';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
});
afterAll(() => t.close());

const sessionIdOf = (s: Session) => digestOf(s.cookie.split('=')[1]!);
const onPostgres = testDbKind() === 'postgres';
// On PostgreSQL a change notice reaches the instance a moment after the commit (its own LISTEN
// connection); on the embedded database before the statement returns.
const promptly = { timeout: 3_000, interval: 10 };

/** Changes rows with the triggers switched off, as nothing in Peerpath ever does: no notice is sent. */
async function withoutNotice(db: Db, change: (db: Db) => Promise<unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await change(tx as unknown as Db);
  });
}

async function freshPeer(label: string): Promise<{ id: string; session: Session }> {
  const user = await makeUser(t.database.db, world.org.id, 'peer_worker', world.programA.id, label);
  const session = await signIn(t.app, user.email);
  expect((await session.get('/api/participants')).statusCode).toBe(200);
  return { id: user.id, session };
}

describe('signed-in sessions held in memory', () => {
  it('answers a repeated request from memory, and forgets the session once the database says its user changed', async () => {
    const { id, session } = await freshPeer('cached');
    // The row is gone, but no notice was sent: only the copy in memory can still answer.
    await withoutNotice(t.database.db, (db) => db.delete(sessions).where(eq(sessions.id, sessionIdOf(session))));
    expect((await session.get('/api/participants')).statusCode).toBe(200);
    // Any noticed change to the user (here their name) makes every instance read again.
    await t.database.db.update(users).set({ displayName: 'Renamed' }).where(eq(users.id, id));
    await vi.waitFor(async () => expect((await session.get('/api/participants')).statusCode).toBe(401), promptly);
  });

  it('a session deleted in the database stops working at once', async () => {
    const { session } = await freshPeer('deleted');
    await t.database.db.delete(sessions).where(eq(sessions.id, sessionIdOf(session)));
    await vi.waitFor(async () => expect((await session.get('/api/participants')).statusCode).toBe(401), promptly);
  });

  it('a session whose deadline is moved into the past stops working', async () => {
    const { session } = await freshPeer('shortened');
    await t.database.db.update(sessions).set({ idleExpiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, sessionIdOf(session)));
    await vi.waitFor(async () => expect((await session.get('/api/participants')).statusCode).toBe(401), promptly);
  });

  it('a disabled account stops working', async () => {
    const { id, session } = await freshPeer('disabled');
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
    await vi.waitFor(async () => expect((await session.get('/api/participants')).statusCode).toBe(401), promptly);
  });

  it('a role taken away is gone from the next requests', async () => {
    const { id, session } = await freshPeer('demoted');
    expect((await session.get('/api/caseload')).statusCode).toBe(200);
    await t.database.db.delete(memberships).where(eq(memberships.userId, id));
    await vi.waitFor(async () => expect((await session.get('/api/caseload')).statusCode).toBe(403), promptly);
  });

  it('signing out forgets the session on this instance before the answer is sent', async () => {
    const { session } = await freshPeer('signed-out');
    const copy = asSession(t.app, session.cookie, session.csrfToken);
    expect((await session.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await copy.get('/api/participants')).statusCode).toBe(401);
  });

  it.skipIf(!onPostgres)('two instances: a sign-out on one ends the session on the other within moments', async () => {
    const secondDb = await openDatabase({ kind: 'postgres', url: testDatabaseUrl(), poolSize: 3 });
    const second = await buildApp({ config: testConfig({ PUBLIC_URL: 'http://peerpath.test' }), database: secondDb });
    try {
      const { session } = await freshPeer('two-instances');
      const onSecond = asSession(second, session.cookie, session.csrfToken);
      expect((await onSecond.get('/api/participants')).statusCode).toBe(200);
      const started = performance.now();
      expect((await session.post('/api/auth/sign-out')).statusCode).toBe(200);
      await vi.waitFor(async () => expect((await onSecond.get('/api/participants')).statusCode).toBe(401), promptly);
      reportFigure(`session cache: a sign-out on one instance refused on another after ${Math.round(performance.now() - started)} ms`);
    } finally {
      await second.close();
      await secondDb.close();
    }
  });

  it.skipIf(!onPostgres)('when the change notices stop, nothing held in memory is served until they are back', async () => {
    // An instance of its own, named on its connections, so that only its listener is ended (the
    // PostgreSQL test database is shared with the other test files).
    const name = `peerpath-cache-test-${crypto.randomUUID().slice(0, 8)}`;
    const url = new URL(testDatabaseUrl());
    url.searchParams.set('application_name', name);
    const ownDb = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 3 });
    const own = await buildApp({ config: testConfig({ PUBLIC_URL: 'http://peerpath.test' }), database: ownDb });
    try {
      const { session } = await freshPeer('listener-lost');
      const onOwn = asSession(own, session.cookie, session.csrfToken);
      expect((await onOwn.get('/api/participants')).statusCode).toBe(200);
      await withoutNotice(t.database.db, (db) => db.delete(sessions).where(eq(sessions.id, sessionIdOf(session))));
      expect((await onOwn.get('/api/participants')).statusCode).toBe(200);
      await t.database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${name} and query like 'LISTEN%'`);
      await vi.waitFor(async () => expect((await onOwn.get('/api/participants')).statusCode).toBe(401), promptly);
    } finally {
      await own.close();
      await ownDb.close();
    }
  });
});
