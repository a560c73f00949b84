import { eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../src/server/db/schema/index.js';
import { recordAudit } from '../../src/server/platform/audit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditChain, verifyAuditChain } from '../../src/server/platform/audit-chain.js';
import { createTestApp, signIn, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

/** The database's own message: drizzle wraps it as the cause of a "Failed query" error. */
async function failureOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return e.cause?.message ?? e.message;
  }
  return 'no error';
}

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
});
afterAll(() => t.close());

describe('the audit trail is append-only and hash-chained', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const s = await signIn(t.app, world.users.peerA.email);
    await s.get(`/api/participants/${world.participant.id}`);
    const db = t.database.db;
    expect(await failureOf(db.execute(sql`update audit_events set action = 'nothing.happened' where participant_id = ${world.participant.id}`))).toMatch(/append-only/);
    expect(await failureOf(db.execute(sql`delete from audit_events where participant_id = ${world.participant.id}`))).toMatch(/append-only/);
    expect(await failureOf(db.execute(sql`truncate audit_events`))).toMatch(/append-only/);
    await sealAuditChain(db);
    expect(await failureOf(db.execute(sql`delete from audit_chain`))).toMatch(/append-only/);
  });

  it('seals committed events into a chain that verifies, and reports nothing left unsealed', async () => {
    const s = await signIn(t.app, world.users.orgAdmin.email);
    await s.get('/api/participants');
    await sealAuditChain(t.database.db);
    const report = await verifyAuditChain(t.database.db);
    expect(report.firstBroken).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.sealed).toBeGreaterThan(0);
  });

  it('an event that commits behind the newest sealed one is sealed by a look back that reaches it, and verifies', async () => {
    const db = t.database.db;
    const rows = async (q: ReturnType<typeof sql>) => {
      const r: any = await db.execute(q);
      return (Array.isArray(r) ? r : r.rows) as Array<Record<string, unknown>>;
    };
    await sealAuditChain(db);
    // Leave a gap of ids, seal an event after it, then commit one inside the gap: what a transaction
    // that took its id early and committed late looks like.
    await db.execute(sql`select setval(pg_get_serial_sequence('audit_events', 'id'), (select max(id) from audit_events) + 100)`);
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    await admin.get('/api/participants');
    await sealAuditChain(db);
    const [{ head }] = (await rows(sql`select max(event_id)::int as head from audit_chain`)) as [{ head: number }];
    await db.execute(sql`insert into audit_events (id, action, outcome, request_id) overriding system value values (${head - 50}, 'audit.read', 'allowed', 'late-commit')`);
    const lateSealed = async () => (await rows(sql`select count(*)::int as n from audit_chain where event_id = ${head - 50}`))[0]!.n;

    expect(await sealAuditChain(db, { lookBack: 10 })).toBe(0);
    expect(await lateSealed()).toBe(0);
    expect((await verifyAuditChain(db)).unsealed).toBe(1);
    expect(await sealAuditChain(db, { lookBack: 100 })).toBe(1);
    expect(await lateSealed()).toBe(1);
    const report = await verifyAuditChain(db);
    expect([report.ok, report.unsealed]).toEqual([true, 0]);
  });

  it('an event rolled back with its change never enters the trail', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    // The email is taken, so the invitation's transaction (user, membership, audit event) rolls back whole.
    const res = await admin.post('/api/admin/invitations', { email: world.users.peerA.email, displayName: 'Dup', role: 'peer_worker', programId: world.programA.id });
    expect(res.statusCode).toBe(409);
    const result: any = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'invitation.create' and actor_user_id = ${world.users.orgAdmin.id}`,
    );
    expect((Array.isArray(result) ? result : result.rows)[0].n).toBe(0);
    const ok = await admin.post('/api/admin/invitations', { email: `fresh-${Date.now()}@test.example`, displayName: 'Fresh', role: 'peer_worker', programId: world.programA.id });
    expect(ok.statusCode).toBe(201);
    const after: any = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'invitation.create' and actor_user_id = ${world.users.orgAdmin.id}`,
    );
    expect((Array.isArray(after) ? after : after.rows)[0].n).toBe(1);
  });
});

describe('many events in one request', () => {
  it('a batch of events is stored field for field as single events are, and rolls back whole', async () => {
    const db = t.database.db;
    const actor = { userId: world.users.peerA.id, organizationId: world.org.id, displayName: 'A', memberships: [{ role: 'peer_worker' as const, programId: world.programA.id }], participantId: null, sessionId: 's' };
    const ctx = { actor, requestId: `batch-${Date.now()}`, ip: '203.0.113.9', db };
    const events = [
      { action: 'caseload.read' as const, participantId: world.participant.id, resourceType: 'caseload', resourceId: world.users.peerA.id },
      { action: 'caseload.read' as const, participantId: world.otherParticipant.id, outcome: 'denied' as const, details: { why: 'a "quoted" word, ünïcode' } },
      { action: 'auth.sign_in_failed' as const, actorUserId: world.users.orgAdmin.id, organizationId: null },
    ];
    const stored = async (requestId: string) =>
      (await db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId)).orderBy(auditEvents.id)).map(({ id: _id, occurredAt: _at, requestId: _r, ...rest }) => rest);
    await recordAudit(ctx, ...events);
    const one = { ...ctx, requestId: `${ctx.requestId}-one` };
    for (const e of events) await recordAudit(one, e);
    const batch = await stored(ctx.requestId);
    expect(batch).toHaveLength(3);
    expect(batch).toEqual(await stored(one.requestId));
    expect(batch[2]).toMatchObject({ actorUserId: world.users.orgAdmin.id, organizationId: world.org.id, actorRole: 'peer_worker', outcome: 'allowed', details: {} });

    // Inside a transaction that fails, none of the batch remains.
    const failing = { ...ctx, requestId: `${ctx.requestId}-rolled-back` };
    await expect(
      db.transaction(async (tx) => {
        await recordAudit({ ...failing, db: tx as unknown as typeof db }, ...events);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await stored(failing.requestId)).toEqual([]);
  });
});
