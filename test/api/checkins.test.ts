import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditEvents, checkIns, programs } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeParticipant, makeProgram, makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let elsewhere: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  elsewhere = await makeWorld(t.database.db);
});
afterAll(() => t.close());

type Who = keyof World['users'];
const as = (who: Who, w: World = world): Promise<Session> => signIn(t.app, w.users[who].email);
const url = (participantId: string, rest = '') => `/api/participants/${participantId}/check-ins${rest}`;

const calm = { mood: 4, craving: 2, usedSinceLast: 'no' as const };

/** Everything stored about one participant, to prove a refused request left nothing behind. */
async function storedFor(participantId: string) {
  const db = t.database.db;
  const [rows, raised, created] = await Promise.all([
    db.select({ id: checkIns.id }).from(checkIns).where(eq(checkIns.participantId, participantId)),
    db.select({ id: alerts.id }).from(alerts).where(eq(alerts.participantId, participantId)),
    db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, participantId), eq(auditEvents.action, 'checkin.create'), eq(auditEvents.outcome, 'allowed'))),
  ]);
  return { checkIns: rows.length, alerts: raised.length, createAudits: created.length };
}

/** A participant of their own, so counts in one test never depend on another's writes. */
async function freshParticipant(timeZone = 'America/Chicago') {
  const db = t.database.db;
  const program = await makeProgram(db, world.org.id);
  await db.update(programs).set({ timeZone }).where(eq(programs.id, program.id));
  const [user, peer, supervisor] = await Promise.all([
    makeUser(db, world.org.id, 'participant', program.id, 'fresh-participant'),
    makeUser(db, world.org.id, 'peer_worker', program.id, 'fresh-peer'),
    makeUser(db, world.org.id, 'supervisor', program.id, 'fresh-supervisor'),
  ]);
  const participant = await makeParticipant(db, { organizationId: world.org.id, programId: program.id, userId: user.id, peerWorkerId: peer.id });
  return { participant, user, peer, supervisor };
}

async function insertCheckIn(participantId: string, createdAt: string, values: Partial<typeof checkIns.$inferInsert> = {}) {
  const [row] = await t.database.db
    .insert(checkIns)
    .values({ organizationId: world.org.id, participantId, mood: 3, craving: 5, usedSinceLast: 'no', createdAt: new Date(createdAt), ...values })
    .returning();
  return row!;
}

describe('recording a check-in', () => {
  it('the participant checks in with every answer, and the write is audited with the change', async () => {
    const { participant, user } = await freshParticipant();
    const me = await signIn(t.app, user.email);
    const res = await me.post(url(participant.id), {
      mood: 3,
      craving: 6,
      usedSinceLast: 'prefer_not_to_say',
      triggers: ['stress', 'loneliness'],
      triggerNote: '  a hard phone call  ',
      sleepHours: 6.5,
      supportContact: true,
      note: 'Grateful for my sister.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      participantId: participant.id,
      mood: 3,
      craving: 6,
      usedSinceLast: 'prefer_not_to_say',
      triggers: ['stress', 'loneliness'],
      triggerNote: 'a hard phone call',
      sleepHours: 6.5,
      supportContact: true,
      note: 'Grateful for my sister.',
      private: false,
    });
    // The row and its audit event are written in one statement: the event names this check-in.
    const made = res.json() as { id: string; createdAt: string };
    expect(Math.abs(Date.parse(made.createdAt) - Date.now())).toBeLessThan(60_000);
    const [event] = await t.database.db
      .select({ resourceId: auditEvents.resourceId, resourceType: auditEvents.resourceType, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, participant.id), eq(auditEvents.action, 'checkin.create')));
    expect(event).toEqual({ resourceId: made.id, resourceType: 'check_in', actor: user.id });
    expect(await storedFor(participant.id)).toEqual({ checkIns: 1, alerts: 0, createAudits: 1 });
  });

  it('takes the three required answers alone; the extras are optional', async () => {
    const me = await as('participantUser');
    const res = await me.post(url(world.participant.id), calm);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ triggers: [], triggerNote: null, sleepHours: null, supportContact: null, note: null, private: false });
  });

  it('a participant cannot check in for another participant', async () => {
    const before = await storedFor(world.otherParticipant.id);
    const me = await as('participantUser');
    const res = await me.post(url(world.otherParticipant.id), calm);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('participant.not_found');
    expect(await storedFor(world.otherParticipant.id)).toEqual(before);
  });

  it.each(['peerA', 'supervisorA', 'orgAdmin'] as const)('%s cannot create a check-in for the participant', async (who) => {
    const before = await storedFor(world.participant.id);
    const s = await as(who);
    const res = await s.post(url(world.participant.id), { ...calm, usedSinceLast: 'yes' });
    expect(res.statusCode).toBe(404);
    expect(await storedFor(world.participant.id)).toEqual(before);
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, world.users[who].id), eq(auditEvents.action, 'checkin.create'), eq(auditEvents.outcome, 'denied')));
    expect(denied.length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['mood', { mood: 0 }],
    ['mood', { mood: 6 }],
    ['mood', { mood: 2.5 }],
    ['craving', { craving: -1 }],
    ['craving', { craving: 11 }],
    ['sleepHours', { sleepHours: 25 }],
    ['sleepHours', { sleepHours: -1 }],
    ['usedSinceLast', { usedSinceLast: 'maybe' }],
    ['triggers', { triggers: ['stress', 'not_a_trigger'] }],
  ])('an answer out of range (%s %j) is a 400 naming the field, and nothing is stored', async (field, change) => {
    const before = await storedFor(world.participant.id);
    const me = await as('participantUser');
    // Reported use too: a refused check-in must not raise an alert either.
    const res = await me.post(url(world.participant.id), { ...calm, usedSinceLast: 'yes', ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.fields.map((f: { path: string }) => f.path.split('.').slice(0, 2).join('.'))).toContain(`body.${field}`);
    expect(await storedFor(world.participant.id)).toEqual(before);
  });

  it('requires sign-in and the CSRF token', async () => {
    expect((await t.app.inject({ method: 'POST', url: url(world.participant.id), payload: calm })).statusCode).toBe(401);
    const me = await as('participantUser');
    const res = await me.request({ method: 'POST', url: url(world.participant.id), payload: calm, headers: { 'x-csrf-token': 'wrong' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('reported use reaches a person', () => {
  it('raises exactly one high alert for the peer worker, in the same transaction as the check-in', async () => {
    const { participant, user } = await freshParticipant();
    const me = await signIn(t.app, user.email);
    const res = await me.post(url(participant.id), { mood: 2, craving: 8, usedSinceLast: 'yes', triggers: ['conflict'] });
    expect(res.statusCode).toBe(201);
    const raised = await t.database.db.select().from(alerts).where(eq(alerts.participantId, participant.id));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      kind: 'reported_use',
      severity: 'high',
      status: 'open',
      reason: 'Reported use since the last check-in. Mood 2 of 5, craving 8 of 10.',
      sourceType: 'check_in',
      sourceId: res.json().id,
    });
    // now() is the transaction's start time, to the microsecond: equal stamps mean one transaction.
    const result = (await t.database.db.execute(
      sql`select c.created_at = a.created_at as same from check_ins c join alerts a on a.source_id = c.id::text where c.id = ${res.json().id}`,
    )) as { rows: Array<{ same: boolean }> };
    const same = result.rows[0];
    expect(same?.same).toBe(true);
    const audits = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, participant.id), eq(auditEvents.outcome, 'allowed')));
    expect(audits.map((a) => a.action).sort()).toEqual(['alert.raise', 'checkin.create']);
  });

  it('on a private check-in the alert says only that use was reported, and leads to nothing else', async () => {
    const { participant, user } = await freshParticipant();
    const me = await signIn(t.app, user.email);
    const res = await me.post(url(participant.id), {
      mood: 1,
      craving: 9,
      usedSinceLast: 'yes',
      triggers: ['people_who_use'],
      note: 'At the old place again.',
      private: true,
    });
    expect(res.statusCode).toBe(201);
    const raised = await t.database.db.select().from(alerts).where(eq(alerts.participantId, participant.id));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'reported_use', severity: 'high', reason: 'Reported use since the last check-in.', sourceType: 'check_in', sourceId: null });
  });

  it.each(['no', 'prefer_not_to_say'] as const)('"%s" raises no alert', async (usedSinceLast) => {
    const { participant, user } = await freshParticipant();
    const me = await signIn(t.app, user.email);
    expect((await me.post(url(participant.id), { ...calm, usedSinceLast })).statusCode).toBe(201);
    expect(await storedFor(participant.id)).toEqual({ checkIns: 1, alerts: 0, createAudits: 1 });
  });
});

describe('who sees which check-ins', () => {
  let fresh: Awaited<ReturnType<typeof freshParticipant>>;
  let sharedId: string;
  let privateId: string;
  beforeAll(async () => {
    fresh = await freshParticipant();
    const me = await signIn(t.app, fresh.user.email);
    sharedId = (await me.post(url(fresh.participant.id), { mood: 4, craving: 1, usedSinceLast: 'no' })).json().id;
    privateId = (await me.post(url(fresh.participant.id), { mood: 1, craving: 10, usedSinceLast: 'no', private: true })).json().id;
  });

  it('the participant sees their private check-ins, in the list and in the trend', async () => {
    const me = await signIn(t.app, fresh.user.email);
    const list = (await me.get(url(fresh.participant.id))).json();
    expect(list.checkIns.map((c: { id: string }) => c.id)).toEqual([privateId, sharedId]);
    const trend = (await me.get(url(fresh.participant.id, '/trend?days=2'))).json();
    expect(trend.days.at(-1)).toMatchObject({ mood: 2.5, craving: 5.5, checkIns: 2 });
  });

  it.each(['peer', 'supervisor'] as const)('the %s sees the shared check-ins only: no private row, count or average', async (who) => {
    const s = await signIn(t.app, fresh[who].email);
    const list = await s.get(url(fresh.participant.id, '?limit=1'));
    expect(list.statusCode).toBe(200);
    // One row per page and no further page: the private one does not even leave a cursor behind.
    expect(list.json()).toEqual({ checkIns: [expect.objectContaining({ id: sharedId, private: false })], nextCursor: null });
    const trend = (await s.get(url(fresh.participant.id, '/trend?days=2'))).json();
    expect(trend.days.at(-1)).toMatchObject({ mood: 4, craving: 1, checkIns: 1 });
    expect(trend.days.reduce((n: number, d: { checkIns: number }) => n + d.checkIns, 0)).toBe(1);
  });

  it('every read is audited, allowed or denied', async () => {
    const s = await signIn(t.app, fresh.peer.email);
    await s.get(url(fresh.participant.id));
    await s.get(url(fresh.participant.id, '/trend'));
    const rows = await t.database.db
      .select({ action: auditEvents.action, resourceType: auditEvents.resourceType, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, fresh.peer.id), eq(auditEvents.participantId, fresh.participant.id)));
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'checkin.read', resourceType: 'check_ins', outcome: 'allowed' },
        { action: 'checkin.read', resourceType: 'check_in_trend', outcome: 'allowed' },
      ]),
    );
  });

  it.each([
    ['a peer worker of another program', 'peerB'],
    ['a supervisor of another program', 'supervisorB'],
    ['a peer worker not assigned', 'peerA2'],
    ['another participant', 'otherParticipantUser'],
    ['a clinician without consent', 'clinicianA'],
    ['the org admin (who runs the organization, not its clinical content)', 'orgAdmin'],
  ] as const)('%s gets a 404 for the list and the trend', async (_label, who) => {
    const s = await as(who);
    for (const path of [url(world.participant.id), url(world.participant.id, '/trend')]) {
      const res = await s.get(path);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('participant.not_found');
    }
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, world.users[who].id), eq(auditEvents.action, 'checkin.read'), eq(auditEvents.outcome, 'denied')));
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it('nobody from another organization sees them, not even its org admin', async () => {
    for (const who of ['peerA', 'orgAdmin'] as const) {
      const s = await as(who, elsewhere);
      expect((await s.get(url(world.participant.id))).statusCode).toBe(404);
    }
  });
});

describe('history: pages and windows', () => {
  let fresh: Awaited<ReturnType<typeof freshParticipant>>;
  const stamps = [
    '2025-05-01T10:00:00.123456Z',
    '2025-05-02T10:00:00.123456Z',
    '2025-05-03T10:00:00.123456Z',
    '2025-05-03T10:00:00.123456Z', // the same microsecond: the id breaks the tie
    '2025-05-04T10:00:00.123456Z',
  ];
  beforeAll(async () => {
    fresh = await freshParticipant();
    // Microseconds matter: a cursor rounded to milliseconds would skip or repeat these.
    for (const stamp of stamps) {
      await t.database.db.execute(
        sql`insert into check_ins (organization_id, participant_id, mood, craving, used_since_last, created_at)
            values (${world.org.id}, ${fresh.participant.id}, 3, 3, 'no', ${stamp}::timestamptz)`,
      );
    }
  });

  it('pages newest first with a cursor, every check-in exactly once', async () => {
    const s = await signIn(t.app, fresh.peer.email);
    const seen: Array<{ id: string; createdAt: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await s.get(url(fresh.participant.id, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().checkIns);
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen.map((c) => c.id)).size).toBe(5);
    const times = seen.map((c) => Date.parse(c.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('keeps to the from/to window (from inclusive, to exclusive)', async () => {
    const s = await signIn(t.app, fresh.user.email);
    const res = await s.get(url(fresh.participant.id, '?from=2025-05-02T10:00:00.123456Z&to=2025-05-04T00:00:00Z'));
    expect(res.json().checkIns).toHaveLength(3);
  });

  it('refuses a window that ends before it starts, and a cursor it did not give', async () => {
    const s = await signIn(t.app, fresh.user.email);
    const backwards = await s.get(url(fresh.participant.id, '?from=2025-05-04T00:00:00Z&to=2025-05-01T00:00:00Z'));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.map((f: { path: string }) => f.path)).toContain('querystring.to');
    const forged = await s.get(url(fresh.participant.id, '?cursor=bm90LWEtY3Vyc29y'));
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.fields).toEqual([{ path: 'querystring.cursor', message: expect.any(String) }]);
    expect((await s.get(url(fresh.participant.id, '?limit=500'))).statusCode).toBe(400);
  });
});

describe('trend', () => {
  it("buckets days in the program's time zone (Chicago), averaging each day", async () => {
    const fresh = await freshParticipant('America/Chicago');
    // 04:30 UTC on 10 March is 11:30 pm on 9 March in Chicago.
    await insertCheckIn(fresh.participant.id, '2025-03-10T04:30:00Z', { mood: 2, craving: 8 });
    await insertCheckIn(fresh.participant.id, '2025-03-10T15:00:00Z', { mood: 4, craving: 2 });
    await insertCheckIn(fresh.participant.id, '2025-03-10T16:00:00Z', { mood: 5, craving: 1 });
    // 05:30 UTC on 11 March is already 12:30 am on 11 March (daylight time began on 9 March): outside.
    await insertCheckIn(fresh.participant.id, '2025-03-11T05:30:00Z', { mood: 1, craving: 10 });
    const s = await signIn(t.app, fresh.user.email);
    const res = await s.get(url(fresh.participant.id, '/trend?days=3&end=2025-03-10'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      timeZone: 'America/Chicago',
      days: [
        { date: '2025-03-08', mood: null, craving: null, checkIns: 0 },
        { date: '2025-03-09', mood: 2, craving: 8, checkIns: 1 },
        { date: '2025-03-10', mood: 4.5, craving: 1.5, checkIns: 2 },
      ],
    });
  });

  it('and the same instants fall on other days where the program is in Tokyo', async () => {
    const fresh = await freshParticipant('Asia/Tokyo');
    // 16:00 UTC on 9 March is 1 am on 10 March in Tokyo.
    await insertCheckIn(fresh.participant.id, '2025-03-09T16:00:00Z', { mood: 5, craving: 0 });
    await insertCheckIn(fresh.participant.id, '2025-03-09T14:00:00Z', { mood: 1, craving: 9 });
    const s = await signIn(t.app, fresh.peer.email);
    const res = await s.get(url(fresh.participant.id, '/trend?days=2&end=2025-03-10'));
    expect(res.json().days).toEqual([
      { date: '2025-03-09', mood: 1, craving: 9, checkIns: 1 },
      { date: '2025-03-10', mood: 5, craving: 0, checkIns: 1 },
    ]);
  });

  it('defaults to the last 30 days ending today, and checks its bounds', async () => {
    const me = await as('participantUser');
    const res = await me.get(url(world.participant.id, '/trend'));
    expect(res.statusCode).toBe(200);
    expect(res.json().days).toHaveLength(30);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());
    expect(res.json().days.at(-1).date).toBe(today);
    expect((await me.get(url(world.participant.id, '/trend?days=0'))).statusCode).toBe(400);
    expect((await me.get(url(world.participant.id, '/trend?days=400'))).statusCode).toBe(400);
    expect((await me.get(url(world.participant.id, '/trend?end=yesterday'))).statusCode).toBe(400);
  });
});
