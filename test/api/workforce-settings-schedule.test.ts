import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criticalIncidents, notifications, peerWorkerProfiles, programWorkforceSettings, supervisionAttendees, supervisionSessions } from '../../src/server/db/schema/index.js';
import { isAfterHours } from '../../src/server/modules/workforce/read-team.js';
import { nextOccurrence } from '../../src/server/modules/workforce/supervision-recurrence.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

/**
 * Program workforce settings with their check-in thresholds, critical incidents a supervisor logs
 * for a worker, and recurring supervision ("every other Tuesday").
 */
let t: TestApp;
let world: World;
let peer: Session;
let supervisor: Session;
let otherSupervisor: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  [peer, supervisor, otherSupervisor, admin] = await Promise.all([
    signIn(t.app, world.users.peerA.email),
    signIn(t.app, world.users.supervisorA.email),
    signIn(t.app, world.users.supervisorB.email),
    signIn(t.app, world.users.orgAdmin.email),
  ]);
});
afterAll(() => t.close());

const settingsUrl = () => `/api/programs/${world.programA.id}/workforce-settings`;
const base = { cosignRule: 'billable', serviceCode: 'H0038', unitRule: 'whole_units' };
const thresholds = { caseloadSignalPercent: 50, urgentAlertsPerWeek: 2, afterHoursMessagesPerWeek: 10, workdayStartHour: 9, workdayEndHour: 17 };
const savedRow = async () => (await t.database.db.select().from(programWorkforceSettings).where(eq(programWorkforceSettings.programId, world.programA.id)))[0];
const signalsOf = async (workerId: string) =>
  ((await supervisor.get('/api/team')).json().members as Array<{ worker: { id: string }; signals: string[]; overCapacity: boolean }>).find((m) => m.worker.id === workerId)!;

describe('workload thresholds per program', () => {
  it('start at the defaults and are saved with the rest of the settings', async () => {
    expect((await supervisor.get(settingsUrl())).json().thresholds).toEqual({
      caseloadSignalPercent: 100,
      urgentAlertsPerWeek: 3,
      afterHoursMessagesPerWeek: 5,
      workdayStartHour: 8,
      workdayEndHour: 20,
    });
    const res = await supervisor.put(settingsUrl(), { ...base, thresholds });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ...base, thresholds });
  });

  it('are kept when a save leaves them out, and an org admin may change them', async () => {
    expect((await supervisor.put(settingsUrl(), base)).json().thresholds).toEqual(thresholds);
    const res = await admin.put(settingsUrl(), { ...base, thresholds: { ...thresholds, urgentAlertsPerWeek: 4 } });
    expect(res.json().thresholds.urgentAlertsPerWeek).toBe(4);
    await supervisor.put(settingsUrl(), { ...base, thresholds });
  });

  it.each([
    [{ ...thresholds, workdayEndHour: 9 }, 'body.thresholds.workdayEndHour'],
    [{ ...thresholds, caseloadSignalPercent: 10 }, 'body.thresholds.caseloadSignalPercent'],
    [{ ...thresholds, urgentAlertsPerWeek: 0 }, 'body.thresholds.urgentAlertsPerWeek'],
    [{ ...thresholds, afterHoursMessagesPerWeek: 2.5 }, 'body.thresholds.afterHoursMessagesPerWeek'],
    [{ ...thresholds, workdayStartHour: -1 }, 'body.thresholds.workdayStartHour'],
    [{ caseloadSignalPercent: 80 }, 'body.thresholds.urgentAlertsPerWeek'],
  ])('refuse %j with a 400 naming %s, changing nothing', async (bad, field) => {
    const res = await supervisor.put(settingsUrl(), { ...base, cosignRule: 'all', thresholds: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await savedRow()).toMatchObject({ cosignRule: 'billable', urgentAlertsPerWeek: 2, workdayEndHour: 17 });
  });

  it('refuse unknown threshold names with a 400', async () => {
    const res = await supervisor.put(settingsUrl(), { ...base, thresholds: { ...thresholds, messagesPerDay: 3 } });
    expect(res.statusCode).toBe(400);
  });

  it('cannot be changed by a peer worker or a supervisor of another program (404), and nothing changes', async () => {
    for (const s of [peer, otherSupervisor]) {
      expect((await s.put(settingsUrl(), { ...base, thresholds: { ...thresholds, urgentAlertsPerWeek: 99 } })).statusCode).toBe(404);
      expect((await s.get(settingsUrl())).statusCode).toBe(404);
    }
    expect(await savedRow()).toMatchObject({ urgentAlertsPerWeek: 2, caseloadSignalPercent: 50 });
  });

  it('decide when the team view suggests a check-in for caseload', async () => {
    await t.database.db.insert(peerWorkerProfiles).values({ userId: world.users.peerA.id, organizationId: world.org.id, capacity: 1 }).onConflictDoUpdate({ target: peerWorkerProfiles.userId, set: { capacity: 1 } });
    // Caseload 1 of 1: not over capacity, but above the program's 50 %.
    expect(await signalsOf(world.users.peerA.id)).toMatchObject({ overCapacity: false, signals: ['over_capacity'] });
    await supervisor.put(settingsUrl(), { ...base, thresholds: { ...thresholds, caseloadSignalPercent: 100 } });
    expect((await signalsOf(world.users.peerA.id)).signals).toEqual([]);
  });

  it('count after-hours messages on the program clock and workday', () => {
    const workday = { from: 9, to: 17 };
    // 15:30 UTC on a November Tuesday is 09:30 in Chicago; 23:30 UTC is 17:30.
    expect(isAfterHours(new Date('2026-11-10T15:30:00Z'), 'America/Chicago', workday)).toBe(false);
    expect(isAfterHours(new Date('2026-11-10T23:30:00Z'), 'America/Chicago', workday)).toBe(true);
    expect(isAfterHours(new Date('2026-11-10T14:59:00Z'), 'America/Chicago', workday)).toBe(true);
    expect(isAfterHours(new Date('2026-11-10T22:59:00Z'), 'America/Chicago', workday)).toBe(false);
  });
});

describe('a supervisor logs a critical incident for a worker', () => {
  const incident = () => ({ kind: 'death', occurredAt: '2026-11-20T18:00:00Z', participantId: world.participant.id, description: 'Alex’s brother died; Jordan took the call' });
  const incidentsOf = (workerId: string) => t.database.db.select().from(criticalIncidents).where(eq(criticalIncidents.workerId, workerId)).orderBy(asc(criticalIncidents.createdAt));

  it('records it as the worker’s, in the worker’s program, and it shows in the worker’s own list', async () => {
    const res = await supervisor.post(`/api/team/${world.users.peerA.id}/incidents`, incident());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ worker: { id: world.users.peerA.id }, kind: 'death', debriefAt: null });
    const [row] = await incidentsOf(world.users.peerA.id);
    expect(row).toMatchObject({ programId: world.programA.id, participantId: world.participant.id });
    expect((await peer.get('/api/me/incidents')).json().incidents.map((i: { id: string }) => i.id)).toEqual([res.json().id]);
    // The supervisor who logged it is not told about their own entry; the other program's supervisor never is.
    for (const who of [world.users.supervisorA.id, world.users.supervisorB.id]) {
      expect(await t.database.db.select().from(notifications).where(and(eq(notifications.userId, who), eq(notifications.kind, 'critical_incident')))).toHaveLength(0);
    }
    expect((await signalsOf(world.users.peerA.id)).signals).toContain('critical_incident');
  });

  it('is a 404 for a worker outside the supervisor’s programs, a 403 for a peer worker, and nothing is written', async () => {
    expect((await otherSupervisor.post(`/api/team/${world.users.peerA.id}/incidents`, { kind: 'crisis', occurredAt: '2026-11-20T18:00:00Z' })).statusCode).toBe(404);
    expect((await supervisor.post(`/api/team/${world.users.peerB.id}/incidents`, { kind: 'crisis', occurredAt: '2026-11-20T18:00:00Z' })).statusCode).toBe(404);
    expect((await peer.post(`/api/team/${world.users.peerA2.id}/incidents`, { kind: 'crisis', occurredAt: '2026-11-20T18:00:00Z' })).statusCode).toBe(403);
    expect(await incidentsOf(world.users.peerA2.id)).toHaveLength(0);
    expect(await incidentsOf(world.users.peerB.id)).toHaveLength(0);
    expect(await incidentsOf(world.users.peerA.id)).toHaveLength(1);
  });

  it.each([
    [{ kind: 'fire', occurredAt: '2026-11-20T18:00:00Z' }, 'body.kind'],
    [{ kind: 'crisis', occurredAt: 'yesterday' }, 'body.occurredAt'],
    [{ kind: 'crisis', occurredAt: '2026-11-20T18:00:00Z', description: 'x'.repeat(2001) }, 'body.description'],
  ])('refuses %j with a 400 naming %s, writing nothing', async (bad, field) => {
    const res = await supervisor.post(`/api/team/${world.users.peerA2.id}/incidents`, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await incidentsOf(world.users.peerA2.id)).toHaveLength(0);
  });

  it('refuses a participant from another program with nothing written', async () => {
    const res = await supervisor.post(`/api/team/${world.users.peerA2.id}/incidents`, { kind: 'crisis', occurredAt: '2026-11-20T18:00:00Z', participantId: world.noLoginParticipant.id });
    expect([400, 404]).toContain(res.statusCode);
    expect(await incidentsOf(world.users.peerA2.id)).toHaveLength(0);
  });
});

describe('recurring supervision', () => {
  // Tuesday 27 October 2026, 10:00 in Chicago (CDT, UTC−5); two weeks on, the clocks have gone back (CST, UTC−6).
  const series = () => ({ programId: world.programA.id, kind: 'group', workerIds: [world.users.peerA.id, world.users.peerA2.id], scheduledAt: '2026-10-27T15:00:00Z', durationMinutes: 45, recurrence: 'biweekly' });
  const sessionsOfProgram = () => t.database.db.select().from(supervisionSessions).where(eq(supervisionSessions.programId, world.programA.id)).orderBy(asc(supervisionSessions.scheduledAt));

  it('keeps the weekday and the wall-clock time across a daylight-saving change', () => {
    expect(nextOccurrence(new Date('2026-10-27T15:00:00Z'), 'biweekly', 'America/Chicago')?.toISOString()).toBe('2026-11-10T16:00:00.000Z');
    expect(nextOccurrence(new Date('2026-10-27T15:00:00Z'), 'weekly', 'America/Chicago')?.toISOString()).toBe('2026-11-03T16:00:00.000Z');
    expect(nextOccurrence(new Date('2026-01-31T16:00:00Z'), 'monthly', 'America/Chicago')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(nextOccurrence(new Date('2026-10-27T15:00:00Z'), 'none', 'America/Chicago')).toBeNull();
  });

  it('a supervisor schedules every other Tuesday; holding one schedules the next, once', async () => {
    const res = await supervisor.post('/api/supervision', series());
    expect(res.statusCode).toBe(201);
    const first = res.json();
    expect(first).toMatchObject({ status: 'scheduled', recurrence: 'biweekly', kind: 'group', durationMinutes: 45, nextAt: '2026-11-10T16:00:00.000Z' });
    expect(await sessionsOfProgram()).toHaveLength(1);
    await supervisor.patch(`/api/supervision/${first.id}`, { status: 'held', skills: 'Reflective listening' });
    await supervisor.patch(`/api/supervision/${first.id}`, { status: 'held' });
    const rows = await sessionsOfProgram();
    expect(rows.map((r) => [r.scheduledAt.toISOString(), r.status, r.followsId])).toEqual([
      ['2026-10-27T15:00:00.000Z', 'held', null],
      ['2026-11-10T16:00:00.000Z', 'scheduled', first.id],
    ]);
    const attendees = await t.database.db.select().from(supervisionAttendees).where(eq(supervisionAttendees.sessionId, rows[1]!.id)).orderBy(asc(supervisionAttendees.workerId));
    expect(attendees.map((a) => a.workerId).sort()).toEqual([world.users.peerA.id, world.users.peerA2.id].sort());
    const mine = (await peer.get('/api/me/supervision')).json().sessions.map((s: { scheduledAt: string }) => s.scheduledAt);
    expect(mine).toContain('2026-11-10T16:00:00.000Z');
  });

  it('a cancelled one also moves the series on; ending the series stops it', async () => {
    const second = (await sessionsOfProgram())[1]!;
    await supervisor.patch(`/api/supervision/${second.id}`, { status: 'cancelled' });
    const third = (await sessionsOfProgram())[2]!;
    expect(third).toMatchObject({ followsId: second.id, status: 'scheduled', recurrence: 'biweekly' });
    expect(third.scheduledAt.toISOString()).toBe('2026-11-24T16:00:00.000Z');
    const ended = await supervisor.patch(`/api/supervision/${third.id}`, { recurrence: 'none', status: 'held' });
    expect(ended.json()).toMatchObject({ recurrence: 'none', nextAt: null });
    expect(await sessionsOfProgram()).toHaveLength(3);
  });

  it('refuses a recurring series logged as already held, and a bad rhythm, writing nothing', async () => {
    const before = (await sessionsOfProgram()).length;
    for (const [bad, field] of [
      [{ ...series(), status: 'held' }, 'body.recurrence'],
      [{ ...series(), recurrence: 'fortnightly' }, 'body.recurrence'],
    ] as const) {
      const res = await supervisor.post('/api/supervision', bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect((await supervisor.patch(`/api/supervision/${(await sessionsOfProgram())[0]!.id}`, { recurrence: 'daily' })).statusCode).toBe(400);
    expect(await sessionsOfProgram()).toHaveLength(before);
  });

  it('a supervisor of another program cannot schedule for this program or move its series', async () => {
    expect((await otherSupervisor.post('/api/supervision', series())).statusCode).toBe(404);
    const third = (await sessionsOfProgram())[2]!;
    expect((await otherSupervisor.patch(`/api/supervision/${third.id}`, { recurrence: 'weekly' })).statusCode).toBe(404);
    expect((await sessionsOfProgram())[2]).toMatchObject({ recurrence: 'none' });
  });
});
