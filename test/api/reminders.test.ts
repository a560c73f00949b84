import { and, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInReminders, checkIns, notifications, participants, programs, users } from '../../src/server/db/schema/index.js';
import { sendDueCheckInReminders } from '../../src/server/modules/notifications/send-due-reminders.js';
import { CHECKIN_REMINDER_CRON, CHECKIN_REMINDER_JOB, startJobs, type Jobs } from '../../src/server/platform/jobs.js';
import { createTestApp, signIn, type TestApp } from '../helpers/app.js';
import { makeParticipant, makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
});
afterAll(() => t.close());

const reminderUrl = (id: string) => `/api/participants/${id}/check-in-reminder`;

describe('the check-in reminder setting', () => {
  it('is off until the participant chooses a time', async () => {
    const me = await signIn(t.app, world.users.participantUser.email);
    const res = await me.get(reminderUrl(world.participant.id));
    expect(res.json()).toEqual({ enabled: false, localTime: null, timeZone: 'America/Chicago', lastSentAt: null });
  });

  it('the participant chooses a local time and can turn it off and on', async () => {
    const me = await signIn(t.app, world.users.participantUser.email);
    const on = await me.put(reminderUrl(world.participant.id), { enabled: true, localTime: '19:30' });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ enabled: true, localTime: '19:30', timeZone: 'America/Chicago' });
    expect((await me.put(reminderUrl(world.participant.id), { enabled: false, localTime: '19:30' })).json()).toMatchObject({ enabled: false });
    expect((await me.put(reminderUrl(world.participant.id), { enabled: true, localTime: '08:05' })).json()).toMatchObject({ enabled: true, localTime: '08:05' });
  });

  it.each([
    [{ enabled: true, localTime: '25:00' }, 'body.localTime'],
    [{ enabled: true, localTime: '7pm' }, 'body.localTime'],
    [{ enabled: 'sure', localTime: '07:00' }, 'body.enabled'],
    [{ enabled: true }, 'body.localTime'],
  ])('refuses %j with a 400 naming %s, changing nothing', async (body, field) => {
    const me = await signIn(t.app, world.users.participantUser.email);
    const res = await me.put(reminderUrl(world.participant.id), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect((await me.get(reminderUrl(world.participant.id))).json()).toMatchObject({ enabled: true, localTime: '08:05' });
  });

  it('the peer worker may see it but not set it; others may not even see it', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    expect((await peer.get(reminderUrl(world.participant.id))).json()).toMatchObject({ localTime: '08:05' });
    expect((await peer.put(reminderUrl(world.participant.id), { enabled: false, localTime: '08:05' })).statusCode).toBe(404);
    for (const who of ['otherParticipantUser', 'peerB', 'peerA2'] as const) {
      const s = await signIn(t.app, world.users[who].email);
      expect((await s.get(reminderUrl(world.participant.id))).statusCode).toBe(404);
      expect((await s.put(reminderUrl(world.participant.id), { enabled: false, localTime: '08:05' })).statusCode).toBe(404);
    }
    const [row] = await t.database.db.select().from(checkInReminders).where(eq(checkInReminders.participantId, world.participant.id));
    expect(row).toMatchObject({ enabled: true, localTime: '08:05:00' });
  });
});

/** A participant with a login and a reminder, in a program of their own time zone. */
async function personWithReminder(localTime: string, timeZone = 'America/Chicago') {
  const [program] = await t.database.db
    .insert(programs)
    .values({ organizationId: world.org.id, slug: `tz-${crypto.randomUUID().slice(0, 8)}`, name: `Program in ${timeZone}`, setting: 'community', timeZone })
    .returning();
  const user = await makeUser(t.database.db, world.org.id, 'participant', program!.id);
  const participant = await makeParticipant(t.database.db, { organizationId: world.org.id, programId: program!.id, userId: user.id });
  await t.database.db.insert(checkInReminders).values({ participantId: participant.id, organizationId: world.org.id, localTime });
  return { user, participant };
}

// Other test files may run the job at the real time on a shared database; these instants are far
// from it, and only notifications made at them are counted.
const remindersSince = (userId: string, since: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gte(notifications.createdAt, new Date(since))));

describe('the reminder job, with the clock in the test’s hands', () => {
  it('reminds once, after the chosen local time has passed in the program’s time zone', async () => {
    const { user } = await personWithReminder('19:30');
    const run = (instant: string) => sendDueCheckInReminders(t.database.db, new Date(instant));
    await run('2030-01-15T01:29:00Z'); // 19:29 in Chicago (CST, UTC−6) on Jan 14
    expect(await remindersSince(user.id, '2030-01-01')).toHaveLength(0);
    await run('2030-01-15T01:31:00Z'); // 19:31
    await run('2030-01-15T03:00:00Z'); // 21:00, same local day: not again
    await run('2030-01-15T05:59:00Z'); // 23:59, same local day: not again
    const sent = await remindersSince(user.id, '2030-01-01');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'checkin_reminder', title: 'Time for your check-in', link: '/check-in', readAt: null, createdAt: new Date('2030-01-15T01:31:00Z') });
    await run('2030-01-15T06:01:00Z'); // 00:01 on Jan 15: a new day, but 19:30 has not come yet
    expect(await remindersSince(user.id, '2030-01-01')).toHaveLength(1);
    await run('2030-01-16T01:30:00Z'); // 19:30 on Jan 15
    expect(await remindersSince(user.id, '2030-01-01')).toHaveLength(2);
  });

  it('works through more people than one batch holds, each reminded once', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => personWithReminder('06:00', 'Pacific/Auckland')));
    const at = new Date('2031-05-05T00:00:00Z'); // 12:00 in Auckland
    const { sent } = await sendDueCheckInReminders(t.database.db, at, 2);
    expect(sent).toBeGreaterThanOrEqual(5);
    for (const { user } of people) expect(await remindersSince(user.id, '2031-05-01')).toHaveLength(1);
    await sendDueCheckInReminders(t.database.db, new Date(at.getTime() + 60_000), 2);
    for (const { user } of people) expect(await remindersSince(user.id, '2031-05-01')).toHaveLength(1);
  });

  it('keeps to the local time across the spring-forward day (Chicago, 2030-03-10)', async () => {
    const { user } = await personWithReminder('19:30');
    const run = (instant: string) => sendDueCheckInReminders(t.database.db, new Date(instant));
    await run('2030-03-10T01:31:00Z'); // 19:31 CST on Mar 9
    await run('2030-03-11T00:29:00Z'); // 19:29 CDT (UTC−5) on Mar 10: not yet, although 01:29 UTC would be in winter
    expect(await remindersSince(user.id, '2030-03-01')).toHaveLength(1);
    await run('2030-03-11T00:30:00Z'); // 19:30 CDT
    expect(await remindersSince(user.id, '2030-03-01')).toHaveLength(2);
  });

  it('sends a reminder set in the hour the clocks skip as soon as that hour has passed', async () => {
    const { user } = await personWithReminder('02:30');
    await sendDueCheckInReminders(t.database.db, new Date('2030-03-10T07:59:00Z')); // 01:59 CST, the last minute before 03:00 CDT
    expect(await remindersSince(user.id, '2030-03-10')).toHaveLength(0);
    await sendDueCheckInReminders(t.database.db, new Date('2030-03-10T08:00:00Z')); // 03:00 CDT
    expect(await remindersSince(user.id, '2030-03-10')).toHaveLength(1);
  });

  it('follows each program’s own time zone', async () => {
    const auckland = await personWithReminder('08:00', 'Pacific/Auckland');
    const chicago = await personWithReminder('08:00', 'America/Chicago');
    // 2030-06-01T20:30Z is 08:30 on Jun 2 in Auckland (NZST, UTC+12) and 15:30 on Jun 1 in Chicago (CDT).
    await sendDueCheckInReminders(t.database.db, new Date('2030-06-01T20:30:00Z'));
    expect(await remindersSince(auckland.user.id, '2030-06-01')).toHaveLength(1);
    expect(await remindersSince(chicago.user.id, '2030-06-01')).toHaveLength(1);
    // 2030-06-02T10:00Z: 22:00 in Auckland (same day, already reminded), 05:00 on Jun 2 in Chicago (not yet 08:00).
    await sendDueCheckInReminders(t.database.db, new Date('2030-06-02T10:00:00Z'));
    expect(await remindersSince(auckland.user.id, '2030-06-01')).toHaveLength(1);
    expect(await remindersSince(chicago.user.id, '2030-06-01')).toHaveLength(1);
  });

  it('does not remind someone who already checked in today (in the program’s time zone)', async () => {
    const early = await personWithReminder('18:00');
    const yesterday = await personWithReminder('18:00');
    // 07:00 local on Aug 1 (CDT): today. 23:30 local on Jul 31: yesterday, although it is Aug 1 in UTC.
    await t.database.db.insert(checkIns).values([
      { organizationId: world.org.id, participantId: early.participant.id, mood: 4, craving: 1, usedSinceLast: 'no', createdAt: new Date('2030-08-01T12:00:00Z') },
      { organizationId: world.org.id, participantId: yesterday.participant.id, mood: 3, craving: 2, usedSinceLast: 'no', createdAt: new Date('2030-08-01T04:30:00Z') },
    ]);
    await sendDueCheckInReminders(t.database.db, new Date('2030-08-01T23:30:00Z')); // 18:30 CDT on Aug 1
    expect(await remindersSince(early.user.id, '2030-08-01')).toHaveLength(0);
    expect(await remindersSince(yesterday.user.id, '2030-08-01')).toHaveLength(1);
  });

  it('skips reminders turned off, and people discharged without continued support', async () => {
    const off = await personWithReminder('09:00');
    await t.database.db.update(checkInReminders).set({ enabled: false }).where(eq(checkInReminders.participantId, off.participant.id));
    const supported = await personWithReminder('09:00');
    const ended = await personWithReminder('09:00');
    await t.database.db.update(participants).set({ status: 'discharged', continuedSupport: true }).where(eq(participants.id, supported.participant.id));
    await t.database.db.update(participants).set({ status: 'discharged', continuedSupport: false }).where(eq(participants.id, ended.participant.id));
    await sendDueCheckInReminders(t.database.db, new Date('2030-09-02T15:00:00Z')); // 10:00 CDT
    expect(await remindersSince(off.user.id, '2030-09-01')).toHaveLength(0);
    expect(await remindersSince(supported.user.id, '2030-09-01')).toHaveLength(1);
    expect(await remindersSince(ended.user.id, '2030-09-01')).toHaveLength(0);
  });

  it('writes the reminder in the person’s language', async () => {
    const { user } = await personWithReminder('07:00');
    await t.database.db.update(users).set({ locale: 'es' }).where(eq(users.id, user.id));
    await sendDueCheckInReminders(t.database.db, new Date('2030-10-01T13:00:00Z'));
    expect((await remindersSince(user.id, '2030-10-01'))[0]).toMatchObject({ title: 'Es hora de tu registro' });
  });

  it('reminds once on the fall-back day, though the chosen time happens twice (Chicago, 2030-11-03)', async () => {
    const { user } = await personWithReminder('01:30');
    await sendDueCheckInReminders(t.database.db, new Date('2030-11-03T06:29:00Z')); // 01:29 CDT
    expect(await remindersSince(user.id, '2030-11-03')).toHaveLength(0);
    await sendDueCheckInReminders(t.database.db, new Date('2030-11-03T06:30:00Z')); // 01:30 CDT, the first time
    await sendDueCheckInReminders(t.database.db, new Date('2030-11-03T07:30:00Z')); // 01:30 CST, the second time
    expect(await remindersSince(user.id, '2030-11-03')).toHaveLength(1);
  });
});

describe('my notifications', () => {
  it('lists mine newest first with the unread count; read one, then all', async () => {
    // 23:59: a run at the real time (another test file's) almost never finds this reminder due.
    const { user } = await personWithReminder('23:59');
    await sendDueCheckInReminders(t.database.db, new Date('2030-11-05T05:59:00Z'));
    await sendDueCheckInReminders(t.database.db, new Date('2030-11-06T05:59:00Z'));
    const me = await signIn(t.app, user.email);
    const list = (await me.get('/api/notifications')).json();
    expect(list.unreadCount).toBe(2);
    expect(list.notifications.map((n: { createdAt: string }) => n.createdAt)).toEqual(['2030-11-06T05:59:00.000Z', '2030-11-05T05:59:00.000Z']);

    const first = list.notifications[0].id;
    const someoneElse = await signIn(t.app, world.users.participantUser.email);
    expect((await someoneElse.post(`/api/notifications/${first}/read`)).statusCode).toBe(404);
    expect((await someoneElse.get('/api/notifications')).json().notifications.map((n: { id: string }) => n.id)).not.toContain(first);

    const read = await me.post(`/api/notifications/${first}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    expect((await me.get('/api/notifications')).json().unreadCount).toBe(1);
    expect((await me.post('/api/notifications/read-all')).json()).toEqual({ marked: 1 });
    expect((await me.get('/api/notifications')).json().unreadCount).toBe(0);
    expect((await me.post('/api/notifications/not-a-uuid/read')).statusCode).toBe(400);
  });

  it('requires sign-in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});

describe('the reminder job through pg-boss', () => {
  let jobs: Jobs;
  beforeAll(async () => {
    jobs = await startJobs(t.database, t.app.log);
  });
  afterAll(() => jobs.stop());

  it('is scheduled every five minutes', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.find((s) => s.name === CHECKIN_REMINDER_JOB)?.cron).toBe(CHECKIN_REMINDER_CRON);
    expect(CHECKIN_REMINDER_CRON).toBe('*/5 * * * *');
  });

  it('a queued run reminds someone whose time has passed today', async () => {
    // Midnight has always passed today, in any time zone.
    const { user } = await personWithReminder('00:00');
    await jobs.boss.send(CHECKIN_REMINDER_JOB, {});
    const until = Date.now() + 20_000;
    let found = 0;
    while (Date.now() < until && found === 0) {
      found = (await t.database.db.select().from(notifications).where(eq(notifications.userId, user.id))).length;
      if (found === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toBe(1);
  });
});
