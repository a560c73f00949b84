import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditEvents, notifications, programFlagRules, tasks } from '../../src/server/db/schema/index.js';
import { escalateOverdueAlerts } from '../../src/server/modules/alerts/escalate-alerts.js';
import { ALERT_ESCALATION_CRON, ALERT_ESCALATION_JOB, startJobs } from '../../src/server/platform/jobs.js';
import { defaultFlagRules } from '../../src/shared/schemas/caseload.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { addAlert } from '../helpers/caseload.js';
import { makeParticipant, makeWorld, type World } from '../helpers/factories.js';
import { openSocket } from '../helpers/sockets.js';

let t: TestApp;
let world: World;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const MINUTE = 60_000;
const p = () => ({ ...world.participant });
const other = () => ({ ...world.otherParticipant });
const alertRow = async (id: string) => (await t.database.db.select().from(alerts).where(eq(alerts.id, id)))[0]!;
const escalate = (now: Date) => escalateOverdueAlerts({ db: t.database.db, realtime: t.app.realtime }, now);

describe('the alerts inbox', () => {
  it('shows me the alerts of the people I walk alongside and nobody else’s, audited', async () => {
    const mine = await addAlert(t.database.db, p(), { kind: 'reported_use', severity: 'high', reason: 'Reported use since the last check-in.' });
    const theirs = await addAlert(t.database.db, other(), { kind: 'bam_risk', severity: 'high' });
    const peer = await signIn(t.app, world.users.peerA.email);
    const res = await peer.get('/api/alerts');
    expect(res.statusCode).toBe(200);
    const ids = res.json().alerts.map((a: { id: string }) => a.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(res.json().alerts.find((a: { id: string }) => a.id === mine.id)).toMatchObject({
      participantName: 'Alex Example',
      kind: 'reported_use',
      reason: 'Reported use since the last check-in.',
      status: 'open',
      can: { acknowledge: true, resolve: true },
    });
    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'alert.read'), eq(auditEvents.actorUserId, world.users.peerA.id), eq(auditEvents.resourceId, mine.id)));
    expect(reads).toHaveLength(1);

    // The supervisor sees every alert of the program; the other program's supervisor sees none.
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const seen = (await supervisor.get('/api/alerts')).json().alerts.map((a: { id: string }) => a.id);
    expect(seen).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const otherSupervisor = await signIn(t.app, world.users.supervisorB.email);
    expect((await otherSupervisor.get('/api/alerts')).json().alerts.map((a: { id: string }) => a.id)).not.toContain(mine.id);
  });

  it('filters by status, severity and escalation, and lists a participant’s alerts for those allowed', async () => {
    const urgent = await addAlert(t.database.db, p(), { kind: 'suicidality', severity: 'urgent' });
    const peer = await signIn(t.app, world.users.peerA.email);
    const onlyUrgent = (await peer.get('/api/alerts?severity=urgent')).json().alerts;
    expect(onlyUrgent.map((a: { id: string }) => a.id)).toContain(urgent.id);
    expect(onlyUrgent.every((a: { severity: string }) => a.severity === 'urgent')).toBe(true);
    expect((await peer.get('/api/alerts?status=resolved')).json().alerts.map((a: { id: string }) => a.id)).not.toContain(urgent.id);
    expect((await peer.get('/api/alerts?escalated=true')).json().alerts.map((a: { id: string }) => a.id)).not.toContain(urgent.id);
    expect((await peer.get('/api/alerts?status=everything')).statusCode).toBe(400);

    const own = await peer.get(`/api/participants/${world.participant.id}/alerts`);
    expect(own.statusCode).toBe(200);
    expect(own.json().alerts.map((a: { id: string }) => a.id)).toContain(urgent.id);
    const colleague = await signIn(t.app, world.users.peerA2.email);
    expect((await colleague.get(`/api/participants/${world.participant.id}/alerts`)).statusCode).toBe(404);
    // The participant does not see the alerts about them: they are for the people who support them.
    const participant = await signIn(t.app, world.users.participantUser.email);
    expect((await participant.get(`/api/participants/${world.participant.id}/alerts`)).statusCode).toBe(404);
  });
});

describe('acknowledging and resolving', () => {
  it('acknowledging an urgent alert puts a follow-up on my tasks for today, tells the supervisor live, and stops escalation', async () => {
    const alert = await addAlert(t.database.db, p(), { kind: 'suicidality', severity: 'urgent', createdAt: new Date(Date.now() - 10 * MINUTE) });
    const peer = await signIn(t.app, world.users.peerA.email);
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const socket = await openSocket(base, { cookie: supervisor.cookie });
    await socket.next((e) => e.type === 'ready');

    const res = await peer.post(`/api/alerts/${alert.id}/acknowledge`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: world.users.peerA.id }, can: { acknowledge: false, resolve: true } });
    expect(await socket.next((e) => e.type === 'alert.updated' && e.alertId === alert.id)).toMatchObject({ status: 'acknowledged', participantId: world.participant.id });
    socket.ws.close();

    const followUps = await t.database.db.select().from(tasks).where(and(eq(tasks.source, 'alert'), eq(tasks.sourceId, alert.id)));
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ ownerId: world.users.peerA.id, participantId: world.participant.id, doneAt: null });
    expect(followUps[0]!.title).toMatch(/Alex Example/);
    const today = (await peer.get('/api/tasks?view=today')).json().tasks.map((x: { id: string }) => x.id);
    expect(today).toContain(followUps[0]!.id);

    // Twice is once.
    expect((await peer.post(`/api/alerts/${alert.id}/acknowledge`)).statusCode).toBe(200);
    expect(await t.database.db.select().from(tasks).where(eq(tasks.sourceId, alert.id))).toHaveLength(1);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'alert.acknowledge'), eq(auditEvents.resourceId, alert.id)));
    expect(audit).toHaveLength(1);

    // Past its delay now, yet acknowledged: it stays with the peer worker. (Stand-ins for "later" move
    // the alert back rather than the clock forward, so other test files on a shared database are untouched.)
    await t.database.db.update(alerts).set({ createdAt: new Date(Date.now() - 120 * MINUTE) }).where(eq(alerts.id, alert.id));
    await escalate(new Date());
    expect((await alertRow(alert.id)).escalatedAt).toBeNull();
  });

  it('acknowledging a high alert adds no task', async () => {
    const alert = await addAlert(t.database.db, p(), { kind: 'bam_risk', severity: 'high' });
    const peer = await signIn(t.app, world.users.peerA.email);
    expect((await peer.post(`/api/alerts/${alert.id}/acknowledge`)).statusCode).toBe(200);
    expect(await t.database.db.select().from(tasks).where(eq(tasks.sourceId, alert.id))).toEqual([]);
  });

  it('resolving needs a note, closes the follow-up task, and cannot be done twice', async () => {
    const alert = await addAlert(t.database.db, p(), { kind: 'crisis_language', severity: 'urgent' });
    const peer = await signIn(t.app, world.users.peerA.email);
    await peer.post(`/api/alerts/${alert.id}/acknowledge`);

    for (const body of [{}, { note: '' }, { note: '   ' }]) {
      const bad = await peer.post(`/api/alerts/${alert.id}/resolve`, body);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('validation.failed');
    }
    expect((await alertRow(alert.id)).status).toBe('acknowledged');

    const res = await peer.post(`/api/alerts/${alert.id}/resolve`, { note: 'Called them; we went through the safety plan together.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'resolved',
      resolvedBy: { id: world.users.peerA.id },
      resolutionNote: 'Called them; we went through the safety plan together.',
      can: { acknowledge: false, resolve: false },
    });
    const [task] = await t.database.db.select().from(tasks).where(eq(tasks.sourceId, alert.id));
    expect(task!.doneAt).not.toBeNull();
    const again = await peer.post(`/api/alerts/${alert.id}/resolve`, { note: 'Again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('alert.already_resolved');
    expect((await peer.post(`/api/alerts/${alert.id}/acknowledge`)).statusCode).toBe(409);
    // The note stays out of the trail.
    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'alert.resolve'), eq(auditEvents.resourceId, alert.id)));
    expect(JSON.stringify(audit)).not.toMatch(/safety plan/);
  });

  it('a supervisor of the program may resolve too', async () => {
    const alert = await addAlert(t.database.db, p(), { kind: 'reported_use', severity: 'high' });
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    expect((await supervisor.post(`/api/alerts/${alert.id}/resolve`, { note: 'Spoke with Jordan; plan in place.' })).statusCode).toBe(200);
  });

  it('answers 404 to anyone acting on an alert of someone else’s participant, audits it, and changes nothing', async () => {
    const alert = await addAlert(t.database.db, p(), { kind: 'suicidality', severity: 'urgent' });
    const strangers: Array<[string, Session]> = [
      ['peerA2', await signIn(t.app, world.users.peerA2.email)],
      ['peerB', await signIn(t.app, world.users.peerB.email)],
      ['supervisorB', await signIn(t.app, world.users.supervisorB.email)],
      ['participantUser', await signIn(t.app, world.users.participantUser.email)],
      ['clinicianA', await signIn(t.app, world.users.clinicianA.email)],
    ];
    for (const [, s] of strangers) {
      const ack = await s.post(`/api/alerts/${alert.id}/acknowledge`);
      expect(ack.statusCode).toBe(404);
      expect(ack.json().error.code).toBe('alert.not_found');
      expect((await s.post(`/api/alerts/${alert.id}/resolve`, { note: 'Not mine to resolve' })).statusCode).toBe(404);
    }
    const row = await alertRow(alert.id);
    expect(row).toMatchObject({ status: 'open', acknowledgedAt: null, resolvedAt: null, resolutionNote: null });
    expect(await t.database.db.select().from(tasks).where(eq(tasks.sourceId, alert.id))).toEqual([]);
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, alert.id), eq(auditEvents.outcome, 'denied'), eq(auditEvents.actorUserId, world.users.peerA2.id)));
    expect(denied.map((d) => d.action).sort()).toEqual(['alert.acknowledge', 'alert.resolve']);
    // An id that does not exist is the same 404.
    const peer = await signIn(t.app, world.users.peerA.email);
    expect((await peer.post(`/api/alerts/${crypto.randomUUID()}/acknowledge`)).statusCode).toBe(404);
  });
});

describe('escalation of urgent alerts nobody acknowledged', () => {
  // Alerts left open by the tests above would escalate too; these tests count their own.
  beforeAll(async () => {
    await t.database.db.update(alerts).set({ status: 'resolved' }).where(eq(alerts.organizationId, world.org.id));
    await t.database.db.delete(notifications).where(eq(notifications.organizationId, world.org.id));
  });

  it('escalates after the program’s delay and not before, once, with a notification and a live event for the supervisors', async () => {
    const raisedAt = new Date(Date.now() - 60 * MINUTE);
    const alert = await addAlert(t.database.db, p(), { kind: 'suicidality', severity: 'urgent', createdAt: raisedAt });
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const socket = await openSocket(base, { cookie: supervisor.cookie });
    await socket.next((e) => e.type === 'ready');

    await escalate(new Date(raisedAt.getTime() + 29 * MINUTE));
    expect((await alertRow(alert.id)).escalatedAt).toBeNull();

    const at = new Date(raisedAt.getTime() + 30 * MINUTE);
    await escalate(at);
    expect((await alertRow(alert.id)).escalatedAt).toEqual(at);
    expect(await socket.next((e) => e.type === 'alert.escalated' && e.alertId === alert.id)).toMatchObject({ participantId: world.participant.id });
    socket.ws.close();
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, world.users.supervisorA.id), eq(notifications.kind, 'alert_escalated')));
    expect(notes.filter((n) => n.link === `/participants/${world.participant.id}`)).toHaveLength(1);
    expect(notes[0]!.title).toMatch(/Alex Example/);
    // The other program's supervisor hears nothing.
    expect(await t.database.db.select().from(notifications).where(eq(notifications.userId, world.users.supervisorB.id))).toEqual([]);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'alert.escalate'), eq(auditEvents.resourceId, alert.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBeNull();

    // Once only.
    await escalate(new Date(at.getTime() + 10 * MINUTE));
    expect(await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'alert.escalate'), eq(auditEvents.resourceId, alert.id)))).toHaveLength(1);

    // The supervisor finds it in their inbox under "escalated".
    const inbox = (await supervisor.get('/api/alerts?escalated=true')).json().alerts;
    expect(inbox.map((a: { id: string }) => a.id)).toContain(alert.id);
    await t.database.db.update(alerts).set({ status: 'resolved' }).where(eq(alerts.id, alert.id));
  });

  it('leaves acknowledged and non-urgent alerts alone, and follows the program’s own delay', async () => {
    const raisedAt = new Date(Date.now() - 100 * MINUTE);
    const acknowledged = await addAlert(t.database.db, p(), { kind: 'suicidality', severity: 'urgent', createdAt: raisedAt });
    await t.database.db.update(alerts).set({ status: 'acknowledged', acknowledgedAt: raisedAt }).where(eq(alerts.id, acknowledged.id));
    const high = await addAlert(t.database.db, p(), { kind: 'reported_use', severity: 'high', createdAt: raisedAt });
    const urgent = await addAlert(t.database.db, p(), { kind: 'crisis_language', severity: 'urgent', createdAt: raisedAt });

    await t.database.db.insert(programFlagRules).values({ programId: world.programA.id, organizationId: world.org.id, rules: defaultFlagRules, escalateAfterMinutes: 90 });
    try {
      await escalate(new Date(raisedAt.getTime() + 60 * MINUTE));
      expect((await alertRow(urgent.id)).escalatedAt).toBeNull();
      await escalate(new Date(raisedAt.getTime() + 90 * MINUTE));
      expect((await alertRow(urgent.id)).escalatedAt).not.toBeNull();
      expect((await alertRow(acknowledged.id)).escalatedAt).toBeNull();
      expect((await alertRow(high.id)).escalatedAt).toBeNull();
    } finally {
      await t.database.db.delete(programFlagRules).where(eq(programFlagRules.programId, world.programA.id));
    }
  });

  it('escalates to the program’s supervisors when the participant has no peer worker yet', async () => {
    const unmatched = await makeParticipant(t.database.db, { organizationId: world.org.id, programId: world.programA.id, name: 'Sky Unmatched' });
    const alert = await addAlert(t.database.db, unmatched, { kind: 'suicidality', severity: 'urgent', createdAt: new Date(Date.now() - 40 * MINUTE) });
    expect((await escalate(new Date())).escalated).toBeGreaterThanOrEqual(1);
    expect((await alertRow(alert.id)).escalatedAt).not.toBeNull();
  });

  it('runs every minute as a pg-boss job', async () => {
    const jobs = await startJobs(t.database, t.app.log, t.app.realtime);
    try {
      const schedules = await jobs.boss.getSchedules();
      expect(schedules.find((s) => s.name === ALERT_ESCALATION_JOB)?.cron).toBe(ALERT_ESCALATION_CRON);
      expect(ALERT_ESCALATION_CRON).toBe('* * * * *');
    } finally {
      await jobs.stop();
    }
  });
});
