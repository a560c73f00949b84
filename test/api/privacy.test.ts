import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditChain, verifyAuditChain } from '../../src/server/platform/audit-chain.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeParticipant, makeUser, makeWorld, type World } from '../helpers/factories.js';
import { reportFigure } from '../helpers/figures.js';

let t: TestApp;
let world: World;
// A person of their own, with a name and email found nowhere else in the (possibly shared) database.
const tag = randomUUID().slice(0, 8);
const NAME = `Quinn Erasable ${tag}`;
let person: { participantId: string; userId: string; email: string };
let me: Session;
let admin: Session;
const JOURNAL = `Journal line ${tag}: the walk by the river helped today.`;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  const user = await makeUser(t.database.db, world.org.id, 'participant', world.programA.id, `quinn-${tag}`);
  const p = await makeParticipant(t.database.db, {
    organizationId: world.org.id,
    programId: world.programA.id,
    userId: user.id,
    peerWorkerId: world.users.peerA.id,
    name: NAME,
  });
  person = { participantId: p.id, userId: user.id, email: user.email };
  me = await signIn(t.app, user.email);
  admin = await signIn(t.app, world.users.orgAdmin.email);
  // Some of everything: a check-in, a journal entry, a message and a note about them.
  const base = `/api/participants/${person.participantId}`;
  expect((await me.post(`${base}/check-ins`, { mood: 4, craving: 2, usedSinceLast: 'no', note: `Check-in note ${tag}` })).statusCode).toBe(201);
  expect((await me.post(`${base}/journal`, { text: JOURNAL, shareWithPeer: false })).statusCode).toBe(201);
  const thread = (await me.get(`${base}/thread`)).json();
  expect((await me.post(`/api/threads/${thread.id}/messages`, { body: `Hello from ${NAME}` })).statusCode).toBe(201);
  const peer = await signIn(t.app, world.users.peerA.email);
  expect((await peer.post(`${base}/notes`, { contactType: 'phone', durationMinutes: 15, summary: `Called ${NAME} about housing` })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('a participant downloads everything held about them', () => {
  it('gives the participant a JSON file with every module’s rows, journal text readable, and no secrets', async () => {
    const res = await me.get(`/api/participants/${person.participantId}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="peerpath-my-data-\d{4}-\d{2}-\d{2}\.json"/);
    const data = res.json();
    expect(data.preferredName).toBe(NAME);
    for (const table of ['participants', 'users', 'check_ins', 'journal_entries', 'messages', 'contact_notes']) {
      expect(data.tables[table]?.length, table).toBeGreaterThan(0);
    }
    expect(data.tables.journal_entries[0].text).toBe(JOURNAL);
    const text = JSON.stringify(data);
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain('ciphertext');
    expect(data.tables.sessions).toBeUndefined();
  });

  it('gives a readable HTML page of the same, which runs no script', async () => {
    const res = await me.get(`/api/participants/${person.participantId}/export?format=html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(`Everything Peerpath holds about ${NAME}`);
    expect(res.body).toContain('Check ins');
    expect(res.body).not.toMatch(/<script/i);
  });

  it('answers 404 to anyone but the participant and an org admin', async () => {
    for (const who of [world.users.otherParticipantUser, world.users.peerA, world.users.supervisorA]) {
      const s = await signIn(t.app, who.email);
      expect((await s.get(`/api/participants/${person.participantId}/export`)).statusCode, who.email).toBe(404);
    }
    expect((await admin.get(`/api/participants/${person.participantId}/export`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/participants/${person.participantId}/export` })).statusCode).toBe(401);
  });
});

describe('an org admin erases a participant on a verified request', () => {
  const eraseUrl = () => `/api/admin/participants/${person.participantId}/erase`;

  it('refuses anyone but an org admin, and a name that does not match, changing nothing', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    expect((await peer.post(eraseUrl(), { confirmName: NAME, requestReference: 'REQ-1' })).statusCode).toBe(403);
    const wrong = await admin.post(eraseUrl(), { confirmName: 'Somebody Else', requestReference: 'REQ-1' });
    expect(wrong.statusCode).toBe(400);
    expect((await admin.post(eraseUrl(), { confirmName: NAME })).statusCode).toBe(400);
    expect((await me.get(`/api/participants/${person.participantId}/export`)).statusCode).toBe(200);
  });

  it('removes the person from every table; the audit trail keeps only pseudonymous ids and still verifies', async () => {
    const otherBefore = await count(sql`select count(*)::int as n from check_ins where participant_id = ${world.participant.id}`);
    const res = await admin.post(eraseUrl(), { confirmName: NAME.toUpperCase(), requestReference: "REQ-2026-117" });
    expect(res.statusCode).toBe(200);
    expect(res.json().rowsRemoved).toBeGreaterThan(5);

    // Search every column of every table for the name, the email, the journal text and the ids.
    const words = [NAME, person.email, tag];
    const ids = [person.participantId, person.userId];
    const tables = (await rows(
      sql`select table_schema as s, table_name as t from information_schema.tables
           where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    )) as Array<{ s: string; t: string }>;
    expect(tables.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const { s, t: table } of tables) {
      const name = sql.raw(`"${s}"."${table}"`);
      const needles = ['audit_events', 'audit_chain'].includes(table) ? words : [...words, ...ids];
      const patterns = needles.map((n) => `%${n.toLowerCase()}%`);
      const anyMatch = sql.join(patterns.map((p) => sql`lower(x::text) like ${p}`), sql` or `);
      const [hit] = await rows(sql`select count(*)::int as n from ${name} x where ${anyMatch}`);
      if (Number(hit!.n) > 0) found.push(`${s}.${table}: ${hit!.n}`);
    }
    reportFigure(`Erasure: ${tables.length} tables searched for the name, email, text and ids; ${found.length} with a trace`);
    expect(found).toEqual([]);

    // The audit trail still has the person's events under the bare id, and the chain verifies.
    const audit = await count(sql`select count(*)::int as n from audit_events where participant_id = ${person.participantId}`);
    expect(audit).toBeGreaterThan(3);
    await sealAuditChain(t.database.db);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);

    // Their session is gone; another participant's data is untouched.
    expect((await me.get('/api/auth/session')).json().user).toBeNull();
    expect(await count(sql`select count(*)::int as n from check_ins where participant_id = ${world.participant.id}`)).toBe(otherBefore);
    expect((await admin.post(eraseUrl(), { confirmName: NAME, requestReference: 'again' })).statusCode).toBe(404);
  });
});

async function rows(query: ReturnType<typeof sql>) {
  return ((await t.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}
async function count(query: ReturnType<typeof sql>) {
  return Number((await rows(query))[0]!.n);
}
