import { and, asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

/**
 * The clinician's view shows attendance and contact-note summaries only under a consent naming those
 * categories; a summary is the kind of contact, its date, length and what was done, never the note's text.
 */
let t: TestApp;
let world: World;
let me: Session;
let peer: Session;
let clinician: Session;
let pid: string;
let noteId: string;
const base = () => `/api/participants/${pid}`;
const tz = 'America/Chicago';
const daysFromToday = (n: number) => DateTime.now().setZone(tz).plus({ days: n }).toISODate()!;
const NOTE_TEXT = 'Talked through the custody hearing and the fear of using before it';
const NEXT_STEPS = 'Call the legal aid clinic together on Monday';

async function consentFor(categories: string[]): Promise<string> {
  const prepared = await peer.post(`${base()}/consents`, { recipient: { kind: 'clinician', userId: world.users.clinicianA.id }, purpose: 'treatment', categories, expiry: { kind: 'revocation' } });
  expect(prepared.statusCode).toBe(201);
  expect((await me.post(`${base()}/consents/${prepared.json().id}/sign`, { typedName: 'Alex Example', agreed: true })).statusCode).toBe(200);
  return prepared.json().id;
}
const revoke = async (id: string) => expect((await me.post(`${base()}/consents/${id}/revoke`)).statusCode).toBe(200);

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  pid = world.participant.id;
  [me, peer, clinician] = await Promise.all([
    signIn(t.app, world.users.participantUser.email),
    signIn(t.app, world.users.peerA.email),
    signIn(t.app, world.users.clinicianA.email),
  ]);
  const note = await peer.post(`${base()}/notes`, {
    contactType: 'phone',
    durationMinutes: 30,
    activities: ['emotional_support', 'resource_connection'],
    topics: ['legal'],
    summary: NOTE_TEXT,
    nextSteps: NEXT_STEPS,
  });
  expect(note.statusCode).toBe(201);
  noteId = note.json().id;
  // A group session today, with Alex marked present.
  const group = await peer.post('/api/groups', {
    programId: world.programA.id,
    topic: 'Morning check-in circle',
    description: 'A daily circle',
    mode: 'in_person',
    place: 'Room 2',
    capacity: 12,
    schedule: { frequency: 'daily', startTime: '09:00', durationMinutes: 45, startsOn: daysFromToday(-2) },
  });
  expect(group.statusCode).toBe(201);
  const g = group.json();
  expect((await peer.post(`/api/groups/${g.id}/enrolments`, { participantId: pid })).statusCode).toBe(200);
  const marked = await peer.put(`/api/groups/${g.id}/sessions/${daysFromToday(0)}/attendance`, { marks: [{ participantId: pid, status: 'present' }] });
  expect(marked.statusCode).toBe(200);
});
afterAll(() => t.close());

describe("the clinician's view: attendance and contact-note summaries", () => {
  it('a consent without those categories shows neither, and the notes and attendance stay closed', async () => {
    const id = await consentFor(['assessment_scores', 'goals']);
    const view = await clinician.get(`${base()}/clinician-view`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ attendance: null, contactSummaries: null });
    expect(JSON.stringify(view.json())).not.toContain('Morning check-in circle');
    expect((await clinician.get(`${base()}/notes`)).statusCode).toBe(404);
    expect((await clinician.get(`${base()}/attendance`)).statusCode).toBe(404);
    await revoke(id);
  });

  it('a consent for attendance shows group attendance, and nothing of the notes', async () => {
    const id = await consentFor(['attendance']);
    const view = (await clinician.get(`${base()}/clinician-view`)).json();
    expect(view.attendance.groups).toMatchObject({ present: 1 });
    expect(view.attendance.recent).toContainEqual(expect.objectContaining({ kind: 'group', title: 'Morning check-in circle', status: 'present' }));
    expect(view).toMatchObject({ contactSummaries: null, assessments: null, goals: null });
    await revoke(id);
  });

  it('a consent for contact-note summaries shows type, date, length and what was done, never the text', async () => {
    const id = await consentFor(['contact_note_summaries']);
    const view = (await clinician.get(`${base()}/clinician-view`)).json();
    expect(view.attendance).toBeNull();
    expect(view.contactSummaries).toEqual([
      { id: noteId, contactType: 'phone', occurredAt: expect.any(String), durationMinutes: 30, activities: ['emotional_support', 'resource_connection'] },
    ]);
    expect(JSON.stringify(view)).not.toContain('custody');
    // The notes routes hold the same line: the clinician gets the summary fields, the text withheld.
    const notes = await clinician.get(`${base()}/notes`);
    expect(notes.statusCode).toBe(200);
    expect(notes.json().notes[0]).toMatchObject({ id: noteId, contactType: 'phone', durationMinutes: 30, summary: '', nextSteps: null, topics: [] });
    expect(notes.body).not.toContain('custody');
    expect(notes.body).not.toContain('legal aid');
    expect((await clinician.get(`/api/notes/${noteId}/versions`)).statusCode).toBe(404);
    // The peer worker still reads their note in full.
    expect((await peer.get(`${base()}/notes`)).json().notes[0].summary).toBe(NOTE_TEXT);
    // Each read is a disclosure under the consent.
    const reads = await t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, world.users.clinicianA.id), eq(auditEvents.action, 'contact_note.read'), eq(auditEvents.outcome, 'allowed')))
      .orderBy(asc(auditEvents.id));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    for (const r of reads) expect(r.details).toMatchObject({ consentId: id, category: 'contact_notes' });
    await revoke(id);
    expect((await clinician.get(`${base()}/notes`)).statusCode).toBe(404);
  });

  it("a clinician's list views are disclosures under the consent: the participant list and the referrals list", async () => {
    const service = await peer.post('/api/resources/services', { name: 'Harbor House Shelter', providerName: 'Harbor House', categories: ['housing'], latitude: 41.88, longitude: -87.63, hours: [{ days: [0, 1, 2, 3, 4, 5, 6], opens: '00:00', closes: '00:00' }] });
    expect(service.statusCode).toBe(201);
    const referral = await peer.post(`${base()}/referrals`, { serviceId: service.json().id, category: 'housing', need: 'A bed this week', share: ['name', 'need'], followUpOn: daysFromToday(3), send: true, consentGiven: true });
    expect(referral.statusCode, referral.body).toBe(201);
    const id = await consentFor(['referrals']);
    const listed = (await clinician.get('/api/participants')).json();
    expect(listed.participants ?? listed).toContainEqual(expect.objectContaining({ id: pid, relationship: 'clinician_consent' }));
    const referrals = await clinician.get('/api/referrals?status=all');
    expect(referrals.statusCode).toBe(200);
    expect(referrals.json().referrals.map((r: { participantId: string }) => r.participantId)).toContain(pid);
    const { disclosures } = (await me.get(`${base()}/disclosures`)).json();
    const mine = disclosures.filter((d: { consentId: string }) => d.consentId === id);
    expect(mine).toContainEqual(expect.objectContaining({ action: 'participant.list', what: 'participant', recipient: expect.objectContaining({ id: world.users.clinicianA.id }) }));
    expect(mine).toContainEqual(expect.objectContaining({ action: 'referral.read', what: 'referral', recipient: expect.objectContaining({ id: world.users.clinicianA.id }) }));
    // The peer worker's own list views are no disclosures.
    await peer.get('/api/participants');
    const peerListed = await t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, world.users.peerA.id), eq(auditEvents.action, 'participant.list'), eq(auditEvents.participantId, pid)))
      .orderBy(asc(auditEvents.id));
    expect(peerListed.length).toBeGreaterThan(0);
    for (const r of peerListed) expect(r.details).not.toHaveProperty('consentId');
    await revoke(id);
    const after = (await clinician.get('/api/participants')).json();
    expect(after.participants ?? after).not.toContainEqual(expect.objectContaining({ id: pid }));
  });

  it('care coordination: only a clinician with an active consent writes to the peer worker; bad input writes nothing', async () => {
    const careMessages = () =>
      t.database.db
        .select({ body: notifications.body, link: notifications.link })
        .from(notifications)
        .where(and(eq(notifications.userId, world.users.peerA.id), eq(notifications.kind, 'care_coordination')))
        .orderBy(asc(notifications.createdAt));
    const url = `${base()}/care-messages`;
    // No active consent: the participant does not exist for the clinician.
    expect((await clinician.post(url, { body: 'Checking in about Alex' })).statusCode).toBe(404);
    const id = await consentFor(['goals']);
    for (const body of [{ body: '' }, { body: '   ' }, { body: 'x'.repeat(2001) }, {}, { body: 'Hi', cc: 'someone' }]) {
      expect((await clinician.post(url, body)).statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    // Nobody else sends one: the peer worker and the participant are not clinicians.
    expect((await peer.post(url, { body: 'Hello' })).statusCode).toBe(403);
    expect((await me.post(url, { body: 'Hello' })).statusCode).toBe(403);
    expect(await careMessages()).toEqual([]);
    const sent = await clinician.post(url, { body: 'Can we talk about the plan for next week?' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toEqual({ sent: true });
    expect(await careMessages()).toEqual([{ body: 'Can we talk about the plan for next week?', link: `/participants/${pid}` }]);
    const [audit] = await t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'consent.care_message'), eq(auditEvents.participantId, pid)))
      .orderBy(asc(auditEvents.id));
    expect(audit!.details).toMatchObject({ to: world.users.peerA.id, underConsent: id });
    await revoke(id);
    expect((await clinician.post(url, { body: 'One more thing' })).statusCode).toBe(404);
    expect(await careMessages()).toHaveLength(1);
  });
});
