import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, auditEvents, notifications, tasks, users } from '../../src/server/db/schema/index.js';
import { sendAppointmentReminders } from '../../src/server/modules/appointments/send-reminders.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';
import { openSocket } from '../helpers/sockets.js';

let t: TestApp;
let world: World;
let peer: Session;
let me: Session;
let base: string;
const apptsOf = (participantId: string) => `/api/participants/${participantId}/appointments`;
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  peer = await signIn(t.app, world.users.peerA.email);
  me = await signIn(t.app, world.users.participantUser.email);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const session = { startsAt: inHours(48), durationMinutes: 45, mode: 'video', videoLink: 'https://meet.example.org/riverbend-42', note: 'Bring the housing form' };

const ids = (res: { json(): { appointments: Array<{ id: string }> } }) => res.json().appointments.map((a) => a.id);
const countFor = async (participantId: string) =>
  (await t.database.db.select({ id: appointments.id }).from(appointments).where(eq(appointments.participantId, participantId))).length;

describe('scheduling a session', () => {
  it('the peer worker schedules; both sides see it; nothing goes on a task list; the participant’s tab hears of it', async () => {
    const socket = await openSocket(base, { cookie: me.cookie });
    await socket.next((e) => e.type === 'ready');
    const res = await peer.post(apptsOf(world.participant.id), session);
    expect(res.statusCode).toBe(201);
    const appt = res.json();
    expect(appt).toMatchObject({
      participant: { id: world.participant.id, preferredName: 'Alex Example' },
      peerWorker: { id: world.users.peerA.id },
      mode: 'video',
      videoLink: session.videoLink,
      note: session.note,
      status: 'scheduled',
      durationMinutes: 45,
      timeZone: 'America/Chicago',
      can: { edit: true, changeStatusTo: ['cancelled'] },
    });
    expect(Date.parse(appt.endsAt) - Date.parse(appt.startsAt)).toBe(45 * 60_000);
    expect(await socket.next((e) => e.type === 'appointment.changed')).toMatchObject({ appointmentId: appt.id, participantId: world.participant.id });
    socket.ws.close();

    expect(ids(await peer.get('/api/appointments'))).toContain(appt.id);
    const mine = (await me.get('/api/appointments')).json().appointments.find((a: { id: string }) => a.id === appt.id);
    expect(mine).toMatchObject({ note: session.note, peerWorker: { id: world.users.peerA.id }, can: { edit: false, changeStatusTo: [] } });
    expect(ids(await me.get(apptsOf(world.participant.id)))).toContain(appt.id);
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    expect(ids(await supervisor.get(apptsOf(world.participant.id)))).toContain(appt.id);

    expect(await t.database.db.select().from(tasks).where(eq(tasks.sourceId, appt.id))).toHaveLength(0);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'appointment.create'), eq(auditEvents.resourceId, appt.id)));
    expect(audit).toHaveLength(1);
  });

  it('nobody else sees it: other peer workers, other participants, the other program (404, audited denial)', async () => {
    const appt = (await peer.post(apptsOf(world.participant.id), session)).json();
    for (const who of ['peerA2', 'otherParticipantUser', 'peerB', 'supervisorB', 'clinicianA'] as const) {
      const s = await signIn(t.app, world.users[who].email);
      expect((await s.get(apptsOf(world.participant.id))).statusCode, who).toBe(404);
      expect((await s.patch(`/api/appointments/${appt.id}`, { status: 'cancelled' })).statusCode, who).toBe(404);
      const own = await s.get('/api/appointments');
      expect(own.statusCode).toBe(200);
      expect(ids(own)).not.toContain(appt.id);
      const denied = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorUserId, world.users[who].id), eq(auditEvents.outcome, 'denied'), inArray(auditEvents.action, ['appointment.read', 'appointment.update'])));
      expect(denied.length, who).toBeGreaterThanOrEqual(2);
    }
    const [row] = await t.database.db.select().from(appointments).where(eq(appointments.id, appt.id));
    expect(row!.status).toBe('scheduled');
  });

  it('the participant sees their sessions but does not schedule or change them', async () => {
    const appt = (await peer.post(apptsOf(world.participant.id), session)).json();
    const before = await countFor(world.participant.id);
    expect((await me.post(apptsOf(world.participant.id), session)).statusCode).toBe(404);
    expect((await me.patch(`/api/appointments/${appt.id}`, { status: 'cancelled' })).statusCode).toBe(404);
    expect(await countFor(world.participant.id)).toBe(before);
  });

  it.each([
    [{ ...session, videoLink: 'javascript:alert(1)' }, 'body.videoLink'],
    [{ ...session, videoLink: 'http://meet.example.org/x' }, 'body.videoLink'],
    [{ ...session, durationMinutes: 0 }, 'body.durationMinutes'],
    [{ ...session, mode: 'carrier_pigeon' }, 'body.mode'],
    [{ ...session, startsAt: 'tomorrow at 3' }, 'body.startsAt'],
    [{ ...session, location: 'x'.repeat(301) }, 'body.location'],
  ])('refuses %j with a 400 naming %s, writing nothing', async (body, field) => {
    const before = await countFor(world.participant.id);
    const res = await peer.post(apptsOf(world.participant.id), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await countFor(world.participant.id)).toBe(before);
  });

  it('refuses a window that ends before it starts', async () => {
    const res = await peer.get(`/api/appointments?from=${inHours(10)}&to=${inHours(1)}`);
    expect(res.statusCode).toBe(400);
  });
});

describe('changing a session', () => {
  it('reschedules (a new time earns a new reminder), then cancels; a cancelled session stays closed', async () => {
    const appt = (await peer.post(apptsOf(world.participant.id), { ...session, mode: 'in_person', videoLink: undefined, location: 'Riverbend office' })).json();
    await t.database.db.update(appointments).set({ reminderSentAt: new Date() }).where(eq(appointments.id, appt.id));
    const later = inHours(72);
    const moved = await peer.patch(`/api/appointments/${appt.id}`, { startsAt: later, durationMinutes: 60 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: later, durationMinutes: 60, location: 'Riverbend office' });
    const [row] = await t.database.db.select().from(appointments).where(eq(appointments.id, appt.id));
    expect(row!.reminderSentAt).toBeNull();

    expect((await peer.patch(`/api/appointments/${appt.id}`, { status: 'cancelled' })).json()).toMatchObject({ status: 'cancelled', can: { edit: false, changeStatusTo: [] } });
    const edit = await peer.patch(`/api/appointments/${appt.id}`, { location: 'Library' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('appointment.closed');
    const back = await peer.patch(`/api/appointments/${appt.id}`, { status: 'completed' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('appointment.status_change_invalid');
    expect(ids(await me.get(apptsOf(world.participant.id)))).toContain(appt.id);
  });

  it('a session still to come cannot be marked missed or completed', async () => {
    const appt = (await peer.post(apptsOf(world.participant.id), session)).json();
    const res = await peer.patch(`/api/appointments/${appt.id}`, { status: 'missed' });
    expect(res.statusCode).toBe(409);
    expect(await t.database.db.select().from(tasks).where(eq(tasks.sourceId, appt.id))).toHaveLength(0);
  });

  it('marking a session missed puts one "reach out" task on the peer worker’s list; correcting it to completed takes it off', async () => {
    const appt = (await peer.post(apptsOf(world.participant.id), { ...session, startsAt: inHours(-3) })).json();
    expect(appt.can.changeStatusTo.sort()).toEqual(['cancelled', 'completed', 'missed']);
    expect((await peer.patch(`/api/appointments/${appt.id}`, { status: 'missed' })).json()).toMatchObject({ status: 'missed', can: { changeStatusTo: ['completed'] } });
    const open = () =>
      t.database.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.source, 'appointment'), eq(tasks.sourceId, appt.id), isNull(tasks.doneAt)));
    const [task, ...more] = await open();
    expect(more).toHaveLength(0);
    expect(task).toMatchObject({ ownerId: world.users.peerA.id, participantId: world.participant.id, title: 'Reach out to Alex Example after a missed appointment' });
    expect(task!.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect((await peer.patch(`/api/appointments/${appt.id}`, { status: 'completed' })).json()).toMatchObject({ status: 'completed' });
    expect(await open()).toHaveLength(0);
    const completedOnly = (await peer.post(apptsOf(world.participant.id), { ...session, startsAt: inHours(-2) })).json();
    await peer.patch(`/api/appointments/${completedOnly.id}`, { status: 'completed' });
    expect(await t.database.db.select().from(tasks).where(eq(tasks.sourceId, completedOnly.id))).toHaveLength(0);
  });
});

describe('reminders a day ahead', () => {
  // Far from every other test's sessions, so the job's sweep of the whole database finds only these.
  const T = new Date('2031-03-11T20:00:00Z');
  const at = (hoursBefore: number) => new Date(T.getTime() - hoursBefore * HOUR);
  const remindersOf = (userId: string) =>
    t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'appointment_reminder')));

  it('reminds the participant (in their language) and the peer worker once, and not before the window', async () => {
    await t.database.db.update(users).set({ locale: 'es' }).where(eq(users.id, world.users.participantUser.id));
    const appt = (await peer.post(apptsOf(world.participant.id), { ...session, startsAt: T.toISOString() })).json();

    await sendAppointmentReminders(t.database.db, at(30));
    expect(await remindersOf(world.users.participantUser.id)).toHaveLength(0);
    expect(await remindersOf(world.users.peerA.id)).toHaveLength(0);

    await sendAppointmentReminders(t.database.db, at(23));
    const [forParticipant, ...moreP] = await remindersOf(world.users.participantUser.id);
    const [forPeer, ...moreW] = await remindersOf(world.users.peerA.id);
    expect(moreP).toHaveLength(0);
    expect(moreW).toHaveLength(0);
    // 20:00 UTC on 11 March 2031 is 3:00 in the afternoon in Chicago (daylight time began on the 9th).
    expect(forParticipant!.title).toMatch(/^Sesión de acompañamiento: martes, 11 de marzo.*3:00/);
    expect(forParticipant!.title).not.toContain('Alex');
    expect(forParticipant!.link).toBe('/');
    expect(forPeer!.title).toMatch(/^Session with Alex Example: Tuesday, March 11.*3:00\sPM CDT/);
    expect(forPeer!.link).toBe(`/participants/${world.participant.id}`);
    const [row] = await t.database.db.select().from(appointments).where(eq(appointments.id, appt.id));
    expect(row!.reminderSentAt?.toISOString()).toBe(at(23).toISOString());

    await sendAppointmentReminders(t.database.db, at(22));
    await sendAppointmentReminders(t.database.db, at(1));
    expect(await remindersOf(world.users.participantUser.id)).toHaveLength(1);
    expect(await remindersOf(world.users.peerA.id)).toHaveLength(1);
  });

  it('a participant without a login: only the peer worker is reminded; cancelled sessions are not announced', async () => {
    const peerB = await signIn(t.app, world.users.peerB.email);
    const start = new Date(T.getTime() + 5 * HOUR).toISOString();
    const appt = (await peerB.post(apptsOf(world.noLoginParticipant.id), { ...session, startsAt: start })).json();
    const cancelled = (await peerB.post(apptsOf(world.noLoginParticipant.id), { ...session, startsAt: start })).json();
    await peerB.patch(`/api/appointments/${cancelled.id}`, { status: 'cancelled' });
    await sendAppointmentReminders(t.database.db, at(18));
    expect(await remindersOf(world.users.peerB.id)).toHaveLength(1);
    const rows = await t.database.db.select().from(appointments).where(inArray(appointments.id, [appt.id, cancelled.id]));
    expect(rows.find((r) => r.id === appt.id)!.reminderSentAt).not.toBeNull();
    expect(rows.find((r) => r.id === cancelled.id)!.reminderSentAt).toBeNull();
  });
});
