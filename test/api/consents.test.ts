import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, consents, notifications, participants } from '../../src/server/db/schema/index.js';
import { getInstrument } from '../../src/shared/instruments/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let me: Session;
let peer: Session;
let clinician: Session;
let pid: string;
const base = () => `/api/participants/${pid}`;
const phq9 = getInstrument('phq9')!;

const assessmentsOnly = (clinicianId: string) => ({
  recipient: { kind: 'clinician', userId: clinicianId },
  purpose: 'treatment',
  categories: ['assessment_scores'],
  expiry: { kind: 'revocation' },
});

async function signedConsent(body: object, who: Session = me): Promise<string> {
  const prepared = await who.post(`${base()}/consents`, body);
  expect(prepared.statusCode).toBe(201);
  const signed = await me.post(`${base()}/consents/${prepared.json().id}/sign`, { typedName: 'Alex Example', agreed: true, client: 'test' });
  expect(signed.statusCode).toBe(200);
  return prepared.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  pid = world.participant.id;
  [me, peer, clinician] = await Promise.all([
    signIn(t.app, world.users.participantUser.email),
    signIn(t.app, world.users.peerA.email),
    signIn(t.app, world.users.clinicianA.email),
  ]);
  // Something of every kind to (not) disclose.
  const answers = Object.fromEntries(phq9.items.map((i) => [i.id, 1]));
  expect((await me.post(`${base()}/assessments`, { instrumentId: 'phq9', answers, mode: 'self' })).statusCode).toBe(201);
  expect((await me.post(`${base()}/assessments`, { instrumentId: 'barc10', answers: Object.fromEntries([...Array(10).keys()].map((i) => [i + 1, 5])), mode: 'self' })).statusCode).toBe(201);
  expect((await me.post(`${base()}/check-ins`, { mood: 4, craving: 2, usedSinceLast: 'no', note: 'A private thought' })).statusCode).toBe(201);
  expect((await me.post(`${base()}/goals`, { domain: 'housing', title: 'Find a place of my own' })).statusCode).toBe(201);
});
afterAll(() => t.close());

const clinicianReads = async () => ({
  view: (await clinician.get(`${base()}/clinician-view`)).statusCode,
  assessments: (await clinician.get(`${base()}/assessments`)).statusCode,
  goals: (await clinician.get(`${base()}/goals`)).statusCode,
  checkins: (await clinician.get(`${base()}/check-ins`)).statusCode,
  profile: (await clinician.get(`${base()}`)).statusCode,
});

describe('a clinician and the consent policy', () => {
  it('without a consent, the participant does not exist for the clinician', async () => {
    expect(await clinicianReads()).toEqual({ view: 404, assessments: 404, goals: 404, checkins: 404, profile: 404 });
    const list = (await clinician.get('/api/participants')).json();
    expect(list.participants ?? list).not.toContainEqual(expect.objectContaining({ id: pid }));
  });

  it('a draft (prepared, unsigned) consent grants nothing', async () => {
    const res = await peer.post(`${base()}/consents`, assessmentsOnly(world.users.clinicianA.id));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', categories: ['assessment_scores'], tpo: true, can: { sign: false, revoke: false } });
    expect((await clinicianReads()).assessments).toBe(404);
  });

  it('a peer worker cannot sign for the participant; the attempt is refused, audited, and nothing is signed', async () => {
    const prepared = (await peer.post(`${base()}/consents`, assessmentsOnly(world.users.clinicianA.id))).json();
    const res = await peer.post(`${base()}/consents/${prepared.id}/sign`, { typedName: 'Alex Example', agreed: true });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('consent.participant_signs');
    const [row] = await t.database.db.select().from(consents).where(eq(consents.id, prepared.id));
    expect(row!.signedAt).toBeNull();
    const refused = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consent.sign_refused'), eq(auditEvents.resourceId, prepared.id)));
    expect(refused).toHaveLength(1);
    expect((await clinicianReads()).assessments).toBe(404);
  });

  it('bad input is refused and writes nothing', async () => {
    const before = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(consents))[0]!.n;
    for (const body of [
      { ...assessmentsOnly(world.users.clinicianA.id), categories: [] },
      { ...assessmentsOnly(world.users.clinicianA.id), categories: ['everything'] },
      { ...assessmentsOnly(world.users.clinicianA.id), purpose: 'research' }, // "until I revoke it" is for TPO only
      { ...assessmentsOnly(world.users.peerA.id) }, // a peer worker is no clinician
      { ...assessmentsOnly(world.users.clinicianA.id), expiry: { kind: 'date', on: '2001-01-01' } },
    ]) {
      expect((await me.post(`${base()}/consents`, body)).statusCode).toBe(400);
    }
    const res = await me.post(`${base()}/consents/${crypto.randomUUID()}/sign`, { typedName: 'Alex Example', agreed: false });
    expect(res.statusCode).toBe(400);
    expect((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(consents))[0]!.n).toBe(before);
  });

  let consentId: string;
  it('a signed consent for assessment scores opens assessments only; the signature records name, time and client', async () => {
    consentId = await signedConsent(assessmentsOnly(world.users.clinicianA.id), peer);
    const [row] = await t.database.db.select().from(consents).where(eq(consents.id, consentId));
    expect(row).toMatchObject({ signedName: 'Alex Example', signedBy: world.users.participantUser.id });
    expect(row!.signedAt).toBeInstanceOf(Date);
    expect(row!.signedClient).toContain('test');
    expect(await clinicianReads()).toEqual({ view: 200, assessments: 200, goals: 404, checkins: 404, profile: 200 });
    const view = (await clinician.get(`${base()}/clinician-view`)).json();
    expect(view.categories).toEqual(['assessment_scores']);
    expect(view.assessments.instruments.map((i: { instrumentId: string }) => i.instrumentId).sort()).toEqual(['barc10', 'phq9']);
    expect(view).toMatchObject({ goals: null, checkins: null, safetyPlan: null, referrals: null });
    expect(JSON.stringify(view)).not.toContain('A private thought');
    expect(JSON.stringify(view)).not.toContain('Find a place');
    // Listed among the clinician's participants now.
    const list = (await clinician.get('/api/participants')).json();
    expect(list.participants ?? list).toContainEqual(expect.objectContaining({ id: pid, relationship: 'clinician_consent' }));
  });

  it('another clinician, not named, still gets nothing', async () => {
    const other = await makeUser(t.database.db, world.org.id, 'clinician', world.programA.id, 'clinician-other');
    const s = await signIn(t.app, other.email);
    expect((await s.get(`${base()}/assessments`)).statusCode).toBe(404);
    expect((await s.get(`${base()}/clinician-view`)).statusCode).toBe(404);
  });

  it('every disclosure is audited with the consent it relied on', async () => {
    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, world.users.clinicianA.id), eq(auditEvents.action, 'assessment.read'), eq(auditEvents.outcome, 'allowed')));
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(r.details).toMatchObject({ consentId, category: 'assessments' });
  });

  it('the clinician can send the peer worker a care-coordination message', async () => {
    const res = await clinician.post(`${base()}/care-messages`, { body: 'Can we talk about the PHQ-9 trend?' });
    expect(res.statusCode).toBe(201);
    const rows = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, world.users.peerA.id), eq(notifications.kind, 'care_coordination')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toBe('Can we talk about the PHQ-9 trend?');
  });

  it('the accounting of disclosures matches the audit trail, and downloads as CSV', async () => {
    const res = await me.get(`${base()}/disclosures`);
    expect(res.statusCode).toBe(200);
    const { disclosures } = res.json();
    const trail = await t.database.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, pid), eq(auditEvents.outcome, 'allowed'), sql`${auditEvents.details} ? 'consentId'`));
    expect(disclosures.map((d: { id: number }) => d.id).sort()).toEqual(trail.map((r) => r.id).sort());
    expect(disclosures.length).toBeGreaterThan(0);
    for (const d of disclosures) expect(d).toMatchObject({ consentId, purpose: 'treatment', recipient: { id: world.users.clinicianA.id } });
    expect(disclosures.some((d: { action: string }) => d.action === 'assessment.read')).toBe(true);
    const csv = await me.get(`${base()}/disclosures.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('when,who,role,what,action,consent,purpose');
    expect(csv.body.trim().split('\r\n')).toHaveLength(disclosures.length + 1);
    // Only the participant sees their accounting.
    expect((await peer.get(`${base()}/disclosures`)).statusCode).toBe(404);
    expect((await clinician.get(`${base()}/disclosures`)).statusCode).toBe(404);
  });

  it('only the participant revokes; a revoked consent is a 404 on the very next request', async () => {
    expect((await peer.post(`${base()}/consents/${consentId}/revoke`)).statusCode).toBe(403);
    expect((await clinician.get(`${base()}/assessments`)).statusCode).toBe(200);
    const res = await me.post(`${base()}/consents/${consentId}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', can: { revoke: false } });
    expect(await clinicianReads()).toEqual({ view: 404, assessments: 404, goals: 404, checkins: 404, profile: 404 });
    const revoked = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consent.revoke'), eq(auditEvents.resourceId, consentId)));
    expect(revoked).toHaveLength(1);
    expect((await me.post(`${base()}/consents/${consentId}/revoke`)).statusCode).toBe(409);
  });

  it('an expired consent is a 404', async () => {
    const id = await signedConsent({ ...assessmentsOnly(world.users.clinicianA.id), purpose: 'care_coordination', expiry: { kind: 'date', on: '2099-12-31' } });
    expect((await clinician.get(`${base()}/assessments`)).statusCode).toBe(200);
    await t.database.db.update(consents).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(consents.id, id));
    expect((await clinician.get(`${base()}/assessments`)).statusCode).toBe(404);
    const list = (await me.get(`${base()}/consents`)).json();
    expect(list.consents.find((c: { id: string }) => c.id === id).status).toBe('expired');
  });

  it('a consent until discharge ends at discharge', async () => {
    await signedConsent({ ...assessmentsOnly(world.users.clinicianA.id), categories: ['goals'], expiry: { kind: 'event', event: 'discharge' } });
    expect((await clinician.get(`${base()}/goals`)).statusCode).toBe(200);
    expect((await clinician.get(`${base()}/assessments`)).statusCode).toBe(404);
    await t.database.db.update(participants).set({ status: 'discharged' }).where(eq(participants.id, pid));
    expect((await clinician.get(`${base()}/goals`)).statusCode).toBe(404);
    await t.database.db.update(participants).set({ status: 'active' }).where(eq(participants.id, pid));
  });

  it("a consent naming the clinician's care team opens it to that team's clinicians", async () => {
    const id = await signedConsent({ recipient: { kind: 'care_team', programId: world.programA.id }, purpose: 'treatment', categories: ['check_in_trends'].map(() => 'checkin_trends'), expiry: { kind: 'revocation' } });
    expect((await clinician.get(`${base()}/check-ins/trend`)).statusCode).toBe(200);
    await me.post(`${base()}/consents/${id}/revoke`);
    expect((await clinician.get(`${base()}/check-ins/trend`)).statusCode).toBe(404);
  });

  it("consents are the participant's, their peer worker's and supervisor's to see; nobody else's", async () => {
    expect((await me.get(`${base()}/consents`)).statusCode).toBe(200);
    expect((await peer.get(`${base()}/consents`)).statusCode).toBe(200);
    for (const who of ['peerB', 'peerA2', 'otherParticipantUser', 'clinicianA'] as const) {
      expect((await (await signIn(t.app, world.users[who].email)).get(`${base()}/consents`)).statusCode).toBe(404);
    }
  });
});
