import { and, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  certifications,
  noteCosigns,
  notifications,
  peerWorkerProfiles,
  programWorkforceSettings,
  supervisionSessions,
  wellbeingChecks,
} from '../../src/server/db/schema/index.js';
import { sendCertificationReminders } from '../../src/server/modules/workforce/certification-reminders.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeParticipant, makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let peer: Session;
let supervisor: Session;
let otherSupervisor: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  [peer, supervisor, otherSupervisor] = await Promise.all([
    signIn(t.app, world.users.peerA.email),
    signIn(t.app, world.users.supervisorA.email),
    signIn(t.app, world.users.supervisorB.email),
  ]);
});
afterAll(() => t.close());

const settingsUrl = (programId: string) => `/api/programs/${programId}/workforce-settings`;
const note = (minutes: number, summary: string, billable = true) => ({ contactType: 'phone', durationMinutes: minutes, summary, billable });
const writeNote = async (body: ReturnType<typeof note>, occurredAt?: string) => {
  const res = await peer.post(`/api/participants/${world.participant.id}/notes`, occurredAt ? { ...body, occurredAt } : body);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; cosign: { status: string } | null; billable: boolean; serviceCode: string };
};
const all = (value: number) => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [String(i + 1), value]));

describe('program settings', () => {
  it('default to no co-sign, H0038 and the 8-minute rule; the program’s supervisor may change them', async () => {
    expect((await supervisor.get(settingsUrl(world.programA.id))).json()).toMatchObject({ cosignRule: 'none', serviceCode: 'H0038', unitRule: 'cms_8_minute' });
    const res = await supervisor.put(settingsUrl(world.programA.id), { cosignRule: 'billable', serviceCode: 'H0038', unitRule: 'cms_8_minute', onboardingChecklist: ['Read the ethics code'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cosignRule: 'billable', onboardingChecklist: ['Read the ethics code'] });
  });

  it('are a 404 to a supervisor of another program and to a peer worker, and nothing changes', async () => {
    for (const s of [otherSupervisor, peer]) {
      expect((await s.get(settingsUrl(world.programA.id))).statusCode).toBe(404);
      expect((await s.put(settingsUrl(world.programA.id), { cosignRule: 'none', serviceCode: 'H0038', unitRule: 'whole_units' })).statusCode).toBe(404);
    }
    const [row] = await t.database.db.select().from(programWorkforceSettings).where(eq(programWorkforceSettings.programId, world.programA.id));
    expect(row).toMatchObject({ cosignRule: 'billable', unitRule: 'cms_8_minute' });
  });

  it.each([
    [{ cosignRule: 'sometimes', serviceCode: 'H0038', unitRule: 'cms_8_minute' }, 'body.cosignRule'],
    [{ cosignRule: 'all', serviceCode: 'peer stuff', unitRule: 'cms_8_minute' }, 'body.serviceCode'],
    [{ cosignRule: 'all', serviceCode: 'H0038', unitRule: 'round' }, 'body.unitRule'],
  ])('refuse %j with a 400 naming %s, changing nothing', async (body, field) => {
    const res = await supervisor.put(settingsUrl(world.programA.id), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect((await supervisor.get(settingsUrl(world.programA.id))).json()).toMatchObject({ cosignRule: 'billable' });
  });
});

describe('co-signed notes', () => {
  let billableNote: string;
  let returnedNote: string;

  it('a billable note asks for a co-sign under the program’s "billable" rule; an unbillable one does not', async () => {
    const billable = await writeNote(note(30, 'Walked through the voucher form together.'));
    expect(billable).toMatchObject({ billable: true, serviceCode: 'H0038', cosign: { status: 'pending', noteVersion: 1 } });
    billableNote = billable.id;
    const plain = await writeNote(note(10, 'Quick check-in text.', false));
    expect(plain.cosign).toBeNull();
    returnedNote = (await writeNote(note(45, 'Court date prep; talked about the hearing.'))).id;
  });

  it('shows in the co-sign queue of the program’s supervisor only', async () => {
    const queue = (await supervisor.get('/api/cosign-queue')).json().items;
    expect(queue.map((i: { noteId: string }) => i.noteId)).toEqual(expect.arrayContaining([billableNote, returnedNote]));
    expect(queue.find((i: { noteId: string }) => i.noteId === billableNote)).toMatchObject({ author: { id: world.users.peerA.id }, participant: { id: world.participant.id }, billable: true });
    expect((await otherSupervisor.get('/api/cosign-queue')).json().items).toEqual([]);
    expect((await peer.get('/api/cosign-queue')).statusCode).toBe(403);
  });

  it('a supervisor of another program cannot co-sign (404), and the note stays pending', async () => {
    const res = await otherSupervisor.post(`/api/notes/${billableNote}/cosign`, { decision: 'approve' });
    expect(res.statusCode).toBe(404);
    expect((await peer.post(`/api/notes/${billableNote}/cosign`, { decision: 'approve' })).statusCode).toBe(404);
    const rows = await t.database.db.select().from(noteCosigns).where(eq(noteCosigns.noteId, billableNote));
    expect(rows.map((r) => r.status)).toEqual(['pending']);
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, world.users.supervisorB.id), eq(auditEvents.action, 'contact_note.cosign'), eq(auditEvents.outcome, 'denied')));
    expect(denied).toHaveLength(1);
  });

  it('returning a note needs a comment (400, nothing written)', async () => {
    const res = await supervisor.post(`/api/notes/${returnedNote}/cosign`, { decision: 'return' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.comment');
    const rows = await t.database.db.select().from(noteCosigns).where(eq(noteCosigns.noteId, returnedNote));
    expect(rows.map((r) => r.status)).toEqual(['pending']);
  });

  it('the supervisor co-signs one and returns another with a comment; the writer hears of it', async () => {
    const ok = await supervisor.post(`/api/notes/${billableNote}/cosign`, { decision: 'approve' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: { id: world.users.supervisorA.id } });
    const back = await supervisor.post(`/api/notes/${returnedNote}/cosign`, { decision: 'return', comment: 'Please add the next step you agreed.' });
    expect(back.json()).toMatchObject({ status: 'returned', comment: 'Please add the next step you agreed.' });
    expect((await supervisor.post(`/api/notes/${billableNote}/cosign`, { decision: 'approve' })).statusCode).toBe(409);

    const returned = (await peer.get('/api/me/returned-notes')).json().items;
    expect(returned).toEqual([expect.objectContaining({ noteId: returnedNote, comment: 'Please add the next step you agreed.' })]);
    const told = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, world.users.peerA.id), eq(notifications.kind, 'cosign_returned')));
    expect(told).toHaveLength(1);
    expect(told[0]!.body).not.toMatch(/Court date/);
    expect((await supervisor.get('/api/cosign-queue')).json().items.map((i: { noteId: string }) => i.noteId)).not.toContain(billableNote);
  });

  it('an edit after a co-sign asks for a new one and keeps the history', async () => {
    const edited = await peer.patch(`/api/notes/${billableNote}`, { summary: 'Walked through the voucher form together; mailed it.' });
    expect(edited.json()).toMatchObject({ version: 2, cosign: { status: 'pending', noteVersion: 2 } });
    const fixed = await peer.patch(`/api/notes/${returnedNote}`, { nextSteps: 'Meet at the courthouse at 8:30' });
    expect(fixed.json().cosign).toMatchObject({ status: 'pending', noteVersion: 2 });
    const history = (await supervisor.get(`/api/notes/${billableNote}/cosigns`)).json().entries;
    expect(history.map((e: { status: string; noteVersion: number }) => [e.status, e.noteVersion])).toEqual([
      ['approved', 1],
      ['pending', 2],
    ]);
    const queue = (await supervisor.get('/api/cosign-queue')).json().items;
    expect(queue.find((i: { noteId: string }) => i.noteId === billableNote)).toMatchObject({ resubmitted: true, noteVersion: 2 });
    expect((await supervisor.post(`/api/notes/${billableNote}/cosign`, { decision: 'approve' })).json().status).toBe('approved');
    expect((await peer.get('/api/me/returned-notes')).json().items).toEqual([]);
  });
});

describe('the monthly billing export', () => {
  const month = '2026-03';
  beforeAll(async () => {
    // Contacts in March 2026 on the program's clock (America/Chicago); one on 1 April UTC is still 31 March there.
    for (const [minutes, at] of [
      [7, '2026-03-02T15:00:00Z'],
      [8, '2026-03-03T15:00:00Z'],
      [22, '2026-03-04T15:00:00Z'],
      [23, '2026-03-05T15:00:00Z'],
      [60, '2026-04-01T02:00:00Z'],
    ] as const) {
      await writeNote(note(minutes, `SECRET-NOTE-TEXT ${minutes} minutes about relapse`), at);
    }
    await writeNote(note(40, 'SECRET-NOTE-TEXT not billable', false), '2026-03-06T15:00:00Z');
    await writeNote(note(40, 'SECRET-NOTE-TEXT April', true), '2026-04-02T15:00:00Z');
  });

  it('lists the month’s billable services with units by the 8-minute rule, and never the note text', async () => {
    const res = await supervisor.get(`/api/programs/${world.programA.id}/billing.csv?month=${month}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('participant_id,service_date,worker_id,worker,service_code,minutes,units,cosign_status,cosigned_by,cosigned_at');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => [r[1], r[5], r[6]])).toEqual([
      ['2026-03-03', '8', '1'],
      ['2026-03-04', '22', '1'],
      ['2026-03-05', '23', '2'],
      ['2026-03-31', '60', '4'],
    ]);
    expect(rows.every((r) => r[0] === world.participant.id && r[4] === 'H0038' && r[7] === 'pending')).toBe(true);
    expect(res.body).not.toMatch(/SECRET|relapse|minutes about/);
  });

  it('follows the program’s unit rule and service code', async () => {
    await supervisor.put(settingsUrl(world.programA.id), { cosignRule: 'billable', serviceCode: 'H0038', unitRule: 'whole_units', onboardingChecklist: ['Read the ethics code'] });
    const rows = (await supervisor.get(`/api/programs/${world.programA.id}/billing.csv?month=${month}`)).body.trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(rows.map((r) => [r[5], r[6]])).toEqual([
      ['22', '1'],
      ['23', '1'],
      ['60', '4'],
    ]);
    await supervisor.put(settingsUrl(world.programA.id), { cosignRule: 'billable', serviceCode: 'H0038', unitRule: 'cms_8_minute', onboardingChecklist: ['Read the ethics code'] });
  });

  it('names who co-signed', async () => {
    const rows = (await supervisor.get(`/api/programs/${world.programA.id}/billing.csv?month=2026-11`)).body.trim().split('\r\n');
    // notes written "now" in the co-sign tests fall in the current month; use that month instead when it differs
    expect(rows[0]).toMatch(/^participant_id/);
    const now = new Date();
    const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const body = (await supervisor.get(`/api/programs/${world.programA.id}/billing.csv?month=${current}`)).body;
    expect(body).toContain('approved,supervisor-a person');
  });

  it('is a 404 to a peer worker and to a supervisor of another program; a bad month is a 400', async () => {
    expect((await peer.get(`/api/programs/${world.programA.id}/billing.csv?month=${month}`)).statusCode).toBe(404);
    expect((await otherSupervisor.get(`/api/programs/${world.programA.id}/billing.csv?month=${month}`)).statusCode).toBe(404);
    const bad = await supervisor.get(`/api/programs/${world.programA.id}/billing.csv?month=2026-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('querystring.month');
  });
});

describe('ProQOL wellbeing self-check', () => {
  let checkId: string;

  it('shows the ProQOL with its author’s credit', async () => {
    const def = (await peer.get('/api/wellbeing/instrument')).json();
    expect(def).toMatchObject({ id: 'proqol5', shortName: 'ProQOL 5' });
    expect(def.termsOfUse).toMatch(/Stamm/);
    expect((await signIn(t.app, world.users.participantUser.email)).get('/api/wellbeing/instrument').then((r) => r.statusCode)).resolves.toBe(403);
  });

  it('refuses an unfinished or out-of-range form with a 400, writing nothing', async () => {
    const partial: Record<string, number> = all(3);
    delete partial['7'];
    const res = await peer.post('/api/me/wellbeing', { answers: partial });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.answers.7');
    const wrong = await peer.post('/api/me/wellbeing', { answers: { ...all(3), 4: 6 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.answers.4');
    expect(await t.database.db.select().from(wellbeingChecks).where(eq(wellbeingChecks.userId, world.users.peerA.id))).toHaveLength(0);
  });

  it('gives the worker three scores with bands, private by default', async () => {
    const res = await peer.post('/api/me/wellbeing', { answers: all(4) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      shared: false,
      scores: { compassion_satisfaction: 40, burnout: 5 * 4 + 5 * 2, secondary_traumatic_stress: 40 },
      bands: { compassion_satisfaction: { label: { en: 'Moderate' } }, burnout: { label: { en: 'Moderate' } }, secondary_traumatic_stress: { label: { en: 'Moderate' } } },
    });
    checkId = res.json().id;
    expect((await peer.get('/api/me/wellbeing')).json().checks).toHaveLength(1);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'wellbeing.create'), eq(auditEvents.resourceId, checkId)));
    expect(JSON.stringify(audit[0]!.details)).not.toMatch(/40|30/);
  });

  it('a supervisor sees only that it was done, not the scores, until the worker shares them', async () => {
    const team = (await supervisor.get('/api/team')).json();
    const me = team.members.find((m: { worker: { id: string } }) => m.worker.id === world.users.peerA.id);
    expect(me.wellbeingCheckedAt).toEqual(expect.any(String));
    expect(JSON.stringify(team)).not.toMatch(/compassion_satisfaction/);
    expect((await supervisor.get(`/api/team/${world.users.peerA.id}/wellbeing`)).json().checks).toEqual([]);

    expect((await supervisor.patch(`/api/me/wellbeing/${checkId}`, { shared: true })).statusCode).toBe(404);
    expect((await peer.patch(`/api/me/wellbeing/${checkId}`, { shared: true })).json().shared).toBe(true);
    const shared = (await supervisor.get(`/api/team/${world.users.peerA.id}/wellbeing`)).json().checks;
    expect(shared).toEqual([expect.objectContaining({ id: checkId, scores: expect.objectContaining({ burnout: 30 }) })]);

    expect((await otherSupervisor.get(`/api/team/${world.users.peerA.id}/wellbeing`)).statusCode).toBe(404);
    expect((await peer.get(`/api/team/${world.users.peerA.id}/wellbeing`)).statusCode).toBe(403);
  });

  it('team figures appear only once five workers have taken it', async () => {
    expect((await supervisor.get('/api/team')).json().wellbeing).toBeNull();
    const more = await Promise.all([1, 2, 3].map((i) => makeUser(t.database.db, world.org.id, 'peer_worker', world.programA.id, `peer-extra-${i}`)));
    for (const w of [world.users.peerA2, ...more.slice(0, 2)]) {
      await (await signIn(t.app, w.email)).post('/api/me/wellbeing', { answers: all(2) });
    }
    expect((await supervisor.get('/api/team')).json().wellbeing).toBeNull();
    await (await signIn(t.app, more[2]!.email)).post('/api/me/wellbeing', { answers: all(2) });
    const figures = (await supervisor.get('/api/team')).json().wellbeing;
    expect(figures).toMatchObject({ respondents: 5, averages: { compassion_satisfaction: (40 + 4 * 20) / 5 } });
  });
});

describe('the team view', () => {
  it('puts an over-capacity worker first', async () => {
    await t.database.db.insert(peerWorkerProfiles).values({ userId: world.users.peerA2.id, organizationId: world.org.id, capacity: 1 });
    await makeParticipant(t.database.db, { organizationId: world.org.id, programId: world.programA.id, peerWorkerId: world.users.peerA2.id, name: 'Casey Example' });
    const team = (await supervisor.get('/api/team')).json();
    expect(team.members[0]).toMatchObject({ worker: { id: world.users.peerA2.id }, caseload: 2, capacity: 1, overCapacity: true, signals: ['over_capacity'] });
    const peerA = team.members.find((m: { worker: { id: string } }) => m.worker.id === world.users.peerA.id);
    expect(peerA).toMatchObject({ caseload: 1, overCapacity: false, awaitingCosign: expect.any(Number) });
    expect(team.members.map((m: { worker: { id: string } }) => m.worker.id)).not.toContain(world.users.peerB.id);
    expect((await otherSupervisor.get('/api/team')).json().members.map((m: { worker: { id: string } }) => m.worker.id)).toEqual([world.users.peerB.id]);
    expect((await peer.get('/api/team')).statusCode).toBe(403);
  });
});

describe('supervision', () => {
  const session = () => ({
    programId: world.programA.id,
    kind: 'individual',
    workerIds: [world.users.peerA.id],
    scheduledAt: '2026-03-10T16:00:00Z',
    status: 'held',
    casesDiscussed: 'Two participants with court dates',
    boundaries: 'Texts after 9pm: agreed to use the on-call line',
    disclosure: 'When to share my own reentry story',
    selfCare: 'Walk at lunch',
    actions: [
      { text: 'Set an out-of-hours auto reply', dueOn: '2026-03-17' },
      { text: 'Read the dual-relationships guidance', dueOn: '2026-03-24' },
    ],
  });

  it('the supervisor logs a session with two agreed actions; the worker sees it in their record', async () => {
    const res = await supervisor.post('/api/supervision', session());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'held', workers: [{ id: world.users.peerA.id }], actions: [{ text: 'Set an out-of-hours auto reply' }, { dueOn: '2026-03-24' }] });
    const mine = (await peer.get('/api/me/supervision')).json().sessions;
    expect(mine).toHaveLength(1);
    expect(mine[0].actions).toHaveLength(2);
    const actionId = mine[0].actions[0].id;
    expect((await peer.patch(`/api/supervision-actions/${actionId}`, { done: true })).json().doneAt).toEqual(expect.any(String));
    const team = (await supervisor.get('/api/team')).json();
    expect(team.members.find((m: { worker: { id: string } }) => m.worker.id === world.users.peerA.id).lastSupervisionAt).toBe('2026-03-10T16:00:00.000Z');
    expect((await supervisor.get(`/api/supervision?workerId=${world.users.peerA.id}`)).json().sessions).toHaveLength(1);
    expect((await (await signIn(t.app, world.users.peerA2.email)).get('/api/me/supervision')).json().sessions).toEqual([]);
  });

  it.each([
    [{ workerIds: [] }, 'body.workerIds'],
    [{ kind: 'individual', workerIds: ['W1', 'W2'] }, 'body.workerIds'],
    [{ workerIds: ['PEER_B'] }, 'body.workerIds.0'],
    [{ scheduledAt: 'tuesday' }, 'body.scheduledAt'],
    [{ actions: [{ text: '' }] }, 'body.actions.0.text'],
  ])('refuses %j with a 400 naming %s, writing nothing', async (change, field) => {
    const before = (await t.database.db.select().from(supervisionSessions)).length;
    const swap = (ids: unknown) =>
      Array.isArray(ids) ? ids.map((x) => (x === 'W1' ? world.users.peerA.id : x === 'W2' ? world.users.peerA2.id : x === 'PEER_B' ? world.users.peerB.id : x)) : ids;
    const res = await supervisor.post('/api/supervision', { ...session(), ...change, workerIds: swap((change as { workerIds?: unknown }).workerIds ?? session().workerIds) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect((await t.database.db.select().from(supervisionSessions)).length).toBe(before);
  });

  it('a supervisor of another program can neither log nor change it', async () => {
    expect((await otherSupervisor.post('/api/supervision', session())).statusCode).toBe(404);
    const [s] = await t.database.db.select().from(supervisionSessions).where(eq(supervisionSessions.programId, world.programA.id));
    expect((await otherSupervisor.patch(`/api/supervision/${s!.id}`, { skills: 'x' })).statusCode).toBe(404);
    expect((await otherSupervisor.get(`/api/supervision?workerId=${world.users.peerA.id}`)).statusCode).toBe(404);
  });
});

describe('critical incidents', () => {
  it('the supervisor is told at once and schedules the debrief', async () => {
    const res = await peer.post('/api/me/incidents', { kind: 'overdose', occurredAt: new Date().toISOString(), participantId: world.participant.id, description: 'Used naloxone, called 911' });
    expect(res.statusCode).toBe(201);
    const told = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, world.users.supervisorA.id), eq(notifications.kind, 'critical_incident')));
    expect(told).toHaveLength(1);
    expect((await t.database.db.select().from(notifications).where(and(eq(notifications.userId, world.users.supervisorB.id), eq(notifications.kind, 'critical_incident'))))).toHaveLength(0);
    const me = (await supervisor.get('/api/team')).json().members.find((m: { worker: { id: string } }) => m.worker.id === world.users.peerA.id);
    expect(me.signals).toContain('critical_incident');
    const id = res.json().id;
    expect((await otherSupervisor.patch(`/api/incidents/${id}`, { debriefAt: '2026-03-12T15:00:00Z' })).statusCode).toBe(404);
    const updated = await supervisor.patch(`/api/incidents/${id}`, { debriefAt: '2026-03-12T15:00:00Z', timeOff: 'Friday off' });
    expect(updated.json()).toMatchObject({ debriefAt: '2026-03-12T15:00:00.000Z', timeOff: 'Friday off' });
    expect((await peer.post('/api/me/incidents', { kind: 'fire', occurredAt: 'now' })).statusCode).toBe(400);
  });
});

describe('training and certification', () => {
  it('records training hours towards a certification, and refuses bad dates with a 400', async () => {
    const cert = await peer.post('/api/me/certifications', { name: 'Certified Peer Recovery Specialist', issuer: 'State board', number: 'PRS-1', issuedOn: '2025-01-01', expiresOn: '2027-01-01', ceHoursRequired: 20 });
    expect(cert.statusCode).toBe(201);
    const training = await peer.post('/api/me/training', { course: 'Naloxone refresher', hours: 2.5, domain: 'naloxone_overdose', completedOn: '2025-06-01' });
    expect(training.json().certifications[0]).toMatchObject({ ceHoursRequired: 20, ceHoursDone: 2.5 });
    const bad = await peer.post('/api/me/certifications', { name: 'X', issuer: 'Y', issuedOn: '2025-01-01', expiresOn: '2024-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.expiresOn');
    expect((await peer.get('/api/me/training')).json().certifications).toHaveLength(1);
    const onboarding = (await peer.get('/api/me/training')).json().onboarding;
    expect(onboarding).toEqual([{ programId: world.programA.id, item: 'Read the ethics code', doneAt: null }]);
    expect((await peer.put('/api/me/onboarding', { programId: world.programA.id, item: 'Read the ethics code', done: true })).json().onboarding[0].doneAt).toEqual(expect.any(String));
    const elsewhere = await signIn(t.app, world.users.peerB.email);
    expect((await elsewhere.put('/api/me/onboarding', { programId: world.programA.id, item: 'Read the ethics code', done: true })).statusCode).toBe(404);
    expect((await peer.put('/api/me/onboarding', { programId: world.programA.id, item: 'Not on the list', done: true })).statusCode).toBe(404);
    expect((await supervisor.get(`/api/team/${world.users.peerA.id}/training`)).json().training).toHaveLength(1);
    expect((await otherSupervisor.get(`/api/team/${world.users.peerA.id}/training`)).statusCode).toBe(404);
  });

  it('reminds the worker once at 90 days and once at 30 days before expiry (jobs on a controlled clock)', async () => {
    const worker = await makeUser(t.database.db, world.org.id, 'peer_worker', world.programA.id, 'peer-cert');
    // Far from today, so a job running at the real time elsewhere cannot touch it.
    await t.database.db.insert(certifications).values({ organizationId: world.org.id, userId: worker.id, name: 'CPRS', issuer: 'State board', issuedOn: '2031-01-01', expiresOn: '2033-06-30' });
    const since = new Date('2030-01-01T00:00:00Z');
    const reminders = () => t.database.db.select().from(notifications).where(and(eq(notifications.userId, worker.id), gte(notifications.createdAt, since)));
    const at = (iso: string) => sendCertificationReminders(t.database.db, new Date(iso));

    await at('2033-03-01T12:00:00Z'); // 121 days before
    expect(await reminders()).toHaveLength(0);
    await at('2033-04-01T12:00:00Z'); // 90 days before
    await at('2033-04-01T13:00:00Z');
    await at('2033-05-01T12:00:00Z'); // 60 days before
    expect((await reminders()).map((n) => n.kind)).toEqual(['certification_expiry']);
    await at('2033-05-31T12:00:00Z'); // 30 days before
    await at('2033-06-10T12:00:00Z');
    await at('2033-06-29T12:00:00Z');
    const sent = await reminders();
    expect(sent).toHaveLength(2);
    expect(sent.map((n) => n.title)).toEqual(['CPRS expires on 2033-06-30', 'CPRS expires on 2033-06-30']);
    expect(sent.map((n) => n.body).sort()).toEqual([expect.stringMatching(/About 30 days/), expect.stringMatching(/About 90 days/)]);
  });

  it('a certification first seen inside 30 days gets only the 30-day reminder', async () => {
    const worker = await makeUser(t.database.db, world.org.id, 'peer_worker', world.programA.id, 'peer-late');
    await t.database.db.insert(certifications).values({ organizationId: world.org.id, userId: worker.id, name: 'CPRS', issuer: 'State board', issuedOn: '2031-01-01', expiresOn: '2034-06-30' });
    await sendCertificationReminders(t.database.db, new Date('2034-06-20T12:00:00Z'));
    await sendCertificationReminders(t.database.db, new Date('2034-06-21T12:00:00Z'));
    const sent = await t.database.db.select().from(notifications).where(eq(notifications.userId, worker.id));
    expect(sent.map((n) => n.body)).toEqual([expect.stringMatching(/About 30 days/)]);
  });
});
