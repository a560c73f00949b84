import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, goals, goalSteps, programFlagRules, recoveryStarts } from '../../src/server/db/schema/index.js';
import { defaultFlagRules } from '../../src/shared/schemas/caseload.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { addAlert, addCheckIns, addContact, ago } from '../helpers/caseload.js';
import { makeParticipant, makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
});
afterAll(() => t.close());

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A peer worker of program A with a caseload of their own, so each test's numbers are its own. */
async function newPeer() {
  const user = await makeUser(t.database.db, world.org.id, 'peer_worker', world.programA.id, 'peer');
  return { user, session: await signIn(t.app, user.email) };
}
async function enrol(peerWorkerId: string, name: string) {
  return makeParticipant(t.database.db, { organizationId: world.org.id, programId: world.programA.id, peerWorkerId, name });
}

type Entry = { participant: { id: string; preferredName: string }; flags: Array<{ kind: string; severity: string; params: Record<string, unknown> }> } & Record<string, any>;
async function caseload(s: Session, query = ''): Promise<Entry[]> {
  const res = await s.get(`/api/caseload${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().entries;
}

describe('a peer worker’s caseload', () => {
  it('lists only the people I walk alongside, with what is coming up, and audits each one listed', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const p = world.participant;
    await addCheckIns(t.database.db, p, range(1, 10), { craving: 2 });
    await addContact(t.database.db, p, world.users.peerA.id, 3);
    const [goal] = await t.database.db
      .insert(goals)
      .values({ organizationId: world.org.id, participantId: p.id, domain: 'housing', title: 'Find a place of my own', targetDate: isoDate(ago(-60)) })
      .returning();
    await t.database.db.insert(goalSteps).values([
      { organizationId: world.org.id, goalId: goal!.id, title: 'Call the housing office', dueDate: isoDate(ago(-3)) },
      { organizationId: world.org.id, goalId: goal!.id, title: 'Visit in the autumn', dueDate: isoDate(ago(-40)) },
    ]);
    await t.database.db.insert(recoveryStarts).values({ organizationId: world.org.id, participantId: p.id, startDate: isoDate(ago(25)) });

    const entries = await caseload(peer);
    expect(entries.map((e) => e.participant.id)).toEqual([p.id]);
    const [entry] = entries;
    expect(entry).toMatchObject({
      participant: { preferredName: 'Alex Example', programName: world.programA.name },
      timeZone: 'America/Chicago',
      goalsDue: [{ goalTitle: 'Find a place of my own', stepTitle: 'Call the housing office', overdue: false }],
      nextMilestone: { kind: 'standard', unit: 'days', amount: 30 },
      openAlerts: [],
      flags: [],
      attention: 'none',
    });
    expect(Date.parse(entry!.lastContactAt)).toBeCloseTo(ago(3).getTime(), -5);
    expect(Date.parse(entry!.lastCheckInAt)).toBeCloseTo(ago(1).getTime(), -5);
    expect(entry!.trend.days).toHaveLength(14);
    expect(entry!.trend.cravingAverage).toBe(2);

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'caseload.read'), eq(auditEvents.actorUserId, world.users.peerA.id)));
    expect(audit.map((a) => a.participantId)).toEqual([p.id]);
  });

  it('puts whoever needs me most first, each flag with its reason', async () => {
    const { user, session } = await newPeer();
    const quiet = await enrol(user.id, 'Quinn Quiet');
    const craving = await enrol(user.id, 'Casey Craving');
    const urgent = await enrol(user.id, 'Uma Urgent');
    const longGap = await enrol(user.id, 'Lee Longgap');
    for (const p of [quiet, craving, urgent, longGap]) await addCheckIns(t.database.db, p, range(1, 14), { craving: 1 });
    await addCheckIns(t.database.db, craving, [0.1], { craving: 8 });
    const alert = await addAlert(t.database.db, urgent, { kind: 'suicidality', severity: 'urgent' });
    for (const p of [quiet, craving, urgent]) await addContact(t.database.db, p, user.id, 2);
    await addContact(t.database.db, longGap, user.id, 20);

    const entries = await caseload(session);
    expect(entries.map((e) => e.participant.preferredName)).toEqual(['Uma Urgent', 'Casey Craving', 'Lee Longgap', 'Quinn Quiet']);
    expect(entries[0]).toMatchObject({ attention: 'urgent', openAlerts: [{ id: alert.id, kind: 'suicidality', status: 'open' }] });
    expect(entries[0]!.flags[0]).toMatchObject({ kind: 'suicidality', severity: 'urgent', alertId: alert.id });
    expect(entries[1]!.flags).toEqual([
      expect.objectContaining({ kind: 'craving_high', severity: 'high', params: expect.objectContaining({ craving: 8 }) }),
      expect.objectContaining({ kind: 'craving_rising', severity: 'high', params: { craving: 8, average: 1, riseBy: 3 } }),
    ]);
    expect(entries[2]!.flags).toEqual([expect.objectContaining({ kind: 'no_contact', severity: 'normal', params: { days: 20, never: 0 } })]);
    expect(entries[3]!.flags).toEqual([]);
  });

  it('flags missed check-ins against the person’s own rhythm', async () => {
    const { user, session } = await newPeer();
    const p = await enrol(user.id, 'Morgan Missed');
    await addCheckIns(t.database.db, p, range(6, 30));
    await addContact(t.database.db, p, user.id, 1);
    const [entry] = await caseload(session);
    expect(entry!.flags).toEqual([{ kind: 'missed_checkins', severity: 'normal', params: { days: 6, usualEveryDays: 1 }, alertId: null }]);
  });

  it('lets nothing of a private check-in show: no flag, no date, no trend', async () => {
    const { user, session } = await newPeer();
    const p = await enrol(user.id, 'Pat Private');
    await addCheckIns(t.database.db, p, range(3, 20), { craving: 1 });
    await addCheckIns(t.database.db, p, [0.1, 1, 2], { craving: 9, private: true });
    await addContact(t.database.db, p, user.id, 1);
    const [entry] = await caseload(session);
    expect(entry!.flags.map((f) => f.kind)).toEqual(['missed_checkins']);
    expect(Date.parse(entry!.lastCheckInAt)).toBeCloseTo(ago(3).getTime(), -5);
    expect(entry!.trend.days.slice(-2).every((d: { craving: number | null }) => d.craving === null)).toBe(true);
    expect(entry!.trend.days.some((d: { craving: number | null }) => (d.craving ?? 0) > 1)).toBe(false);
  });

  it('follows the program’s rules: a higher threshold quiets a craving flag, a disabled rule stays silent', async () => {
    const { user, session } = await newPeer();
    const p = await enrol(user.id, 'Riley Rules');
    await addCheckIns(t.database.db, p, [0.1], { craving: 8 });
    await addContact(t.database.db, p, user.id, 30);
    expect((await caseload(session))[0]!.flags.map((f) => f.kind)).toEqual(['craving_high', 'no_contact']);

    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const rules = { ...defaultFlagRules, craving_high: { enabled: true, threshold: 9 }, no_contact: { enabled: false, days: 14 } };
    expect((await supervisor.put(`/api/programs/${world.programA.id}/flag-rules`, { rules, escalateAfterMinutes: 30 })).statusCode).toBe(200);
    try {
      expect((await caseload(session))[0]!.flags).toEqual([]);
    } finally {
      await t.database.db.delete(programFlagRules).where(eq(programFlagRules.programId, world.programA.id));
    }
  });

  it('reads a whole caseload in a fixed number of queries, however many people are on it', async () => {
    const { user, session } = await newPeer();
    const queries = countQueries();
    const first = await enrol(user.id, 'One');
    await addCheckIns(t.database.db, first, range(1, 5));
    queries.reset();
    expect(await caseload(session)).toHaveLength(1);
    const forOne = queries.count();
    for (let i = 0; i < 12; i++) {
      const p = await enrol(user.id, `Person ${i}`);
      await addCheckIns(t.database.db, p, range(1, 5));
      await addContact(t.database.db, p, user.id, i);
    }
    queries.reset();
    expect(await caseload(session)).toHaveLength(13);
    expect(queries.count()).toBe(forOne);
    expect(forOne).toBeGreaterThan(5);
    expect(forOne).toBeLessThanOrEqual(16);
    queries.restore();
  });
});

describe('who may see a caseload', () => {
  it('lets a supervisor look at the caseload of a peer worker in their program', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const res = await supervisor.get(`/api/caseload?peerWorkerId=${world.users.peerA.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().peerWorker).toEqual({ id: world.users.peerA.id, displayName: 'peer-a person' });
    expect(res.json().entries.map((e: Entry) => e.participant.id)).toEqual([world.participant.id]);
  });

  it('answers 404 for a peer worker outside my supervision, or when a peer worker asks for a colleague’s caseload', async () => {
    const otherSupervisor = await signIn(t.app, world.users.supervisorB.email);
    expect((await otherSupervisor.get(`/api/caseload?peerWorkerId=${world.users.peerA.id}`)).statusCode).toBe(404);
    const colleague = await signIn(t.app, world.users.peerA2.email);
    const res = await colleague.get(`/api/caseload?peerWorkerId=${world.users.peerA.id}`);
    expect(res.statusCode).toBe(404);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'caseload.read'), inArray(auditEvents.actorUserId, [world.users.peerA2.id, world.users.supervisorB.id])));
    expect(audit.filter((a) => a.participantId === world.participant.id)).toEqual([]);
  });

  it('is for peer workers and supervisors only', async () => {
    const participant = await signIn(t.app, world.users.participantUser.email);
    expect((await participant.get('/api/caseload')).statusCode).toBe(403);
    const clinician = await signIn(t.app, world.users.clinicianA.email);
    expect((await clinician.get('/api/caseload')).statusCode).toBe(403);
  });
});

describe('a program’s flag rules', () => {
  const url = () => `/api/programs/${world.programA.id}/flag-rules`;

  it('gives the defaults until a supervisor saves, and audits the read', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const res = await supervisor.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ programId: world.programA.id, isDefault: true, escalateAfterMinutes: 30, rules: defaultFlagRules });
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'flag_rules.read'), eq(auditEvents.actorUserId, world.users.supervisorA.id)));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('lets the program’s supervisor and the org admin change them, audited with what changed', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const rules = { ...defaultFlagRules, missed_checkins: { enabled: true, multiplier: 2.5, minDays: 2 } };
    const saved = await supervisor.put(url(), { rules, escalateAfterMinutes: 45 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, escalateAfterMinutes: 45, rules });
    expect((await supervisor.get(url())).json().rules.missed_checkins).toEqual({ enabled: true, multiplier: 2.5, minDays: 2 });
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'flag_rules.update'), eq(auditEvents.actorUserId, world.users.supervisorA.id)));
    expect(audit.map((a) => a.details)).toContainEqual({ changed: ['missed_checkins'], escalateAfterMinutes: 45 });

    const admin = await signIn(t.app, world.users.orgAdmin.email);
    try {
      expect((await admin.put(url(), { rules: defaultFlagRules, escalateAfterMinutes: 30 })).json()).toMatchObject({ escalateAfterMinutes: 30, rules: defaultFlagRules });
    } finally {
      await t.database.db.delete(programFlagRules).where(eq(programFlagRules.programId, world.programA.id));
    }
  });

  it('refuses out-of-range thresholds and switching off a safety flag, writing nothing', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const bad = [
      { rules: { ...defaultFlagRules, craving_high: { enabled: true, threshold: 11 } }, escalateAfterMinutes: 30 },
      { rules: { ...defaultFlagRules, no_contact: { enabled: true, days: 0 } }, escalateAfterMinutes: 30 },
      { rules: { ...defaultFlagRules, suicidality: { enabled: false } }, escalateAfterMinutes: 30 },
      { rules: defaultFlagRules, escalateAfterMinutes: 2 },
      { rules: { craving_high: { enabled: true, threshold: 8 } }, escalateAfterMinutes: 30 },
    ];
    for (const body of bad) {
      const res = await supervisor.put(url(), body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
    }
    expect(await t.database.db.select().from(programFlagRules).where(eq(programFlagRules.programId, world.programA.id))).toEqual([]);
  });

  it('is not found for a supervisor of another program (audited), and not for peer workers at all', async () => {
    const otherSupervisor = await signIn(t.app, world.users.supervisorB.email);
    expect((await otherSupervisor.get(url())).statusCode).toBe(404);
    expect((await otherSupervisor.put(url(), { rules: defaultFlagRules, escalateAfterMinutes: 30 })).statusCode).toBe(404);
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, world.users.supervisorB.id), eq(auditEvents.resourceId, world.programA.id)));
    expect(denied.map((d) => [d.action, d.outcome]).sort()).toEqual([
      ['flag_rules.read', 'denied'],
      ['flag_rules.update', 'denied'],
    ]);
    const peer = await signIn(t.app, world.users.peerA.email);
    expect((await peer.get(url())).statusCode).toBe(403);
    expect(await t.database.db.select().from(programFlagRules).where(eq(programFlagRules.programId, world.programA.id))).toEqual([]);
  });
});

/** Counts the statements sent to the database (either driver). */
/**
 * The statements the caseload itself sends. Reading the session is left out: after a session's first
 * request it is answered from memory, until a change notice (which may come at any moment) drops it.
 */
function countQueries() {
  const target = (t.database.pglite ?? t.database.pool) as unknown as { query: (...args: unknown[]) => unknown };
  const spy = vi.spyOn(target, 'query');
  const textOf = (arg: unknown) => (typeof arg === 'string' ? arg : ((arg as { text?: string } | undefined)?.text ?? ''));
  const caseloadOnly = () => spy.mock.calls.filter(([arg]) => !textOf(arg).includes('from "sessions"'));
  return { reset: () => spy.mockClear(), count: () => caseloadOnly().length, restore: () => spy.mockRestore() };
}
