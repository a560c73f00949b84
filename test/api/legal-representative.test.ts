import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, consents, legalRepresentatives } from '../../src/server/db/schema/index.js';
import { validateFhir } from '../../src/server/modules/fhir/validate.js';
import { getInstrument } from '../../src/shared/instruments/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeOrganization, makeUser, makeWorld, type World } from '../helpers/factories.js';

/**
 * "Only the participant (or a legal representative recorded on the record) signs": a supervisor
 * records the representative from the papers; the representative, with their own login, reads and
 * signs; the consent states who signed and as what. A peer worker still cannot sign.
 */
let t: TestApp;
let world: World;
let me: Session;
let peer: Session;
let supervisor: Session;
let clinician: Session;
let rep: Session;
let repUserId: string;
let repEmail: string;
let pid: string;
const base = () => `/api/participants/${pid}`;

const assessmentsFor = (clinicianId: string) => ({
  recipient: { kind: 'clinician', userId: clinicianId },
  purpose: 'treatment',
  categories: ['assessment_scores'],
  expiry: { kind: 'revocation' },
});
const repCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(legalRepresentatives).where(eq(legalRepresentatives.participantId, pid)))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  pid = world.participant.id;
  // The representative's own login: someone of the organization who holds no staff role.
  const repUser = await makeUser(t.database.db, world.org.id, 'participant', world.programA.id, 'guardian');
  repUserId = repUser.id;
  repEmail = repUser.email;
  [me, peer, supervisor, clinician, rep] = await Promise.all([
    signIn(t.app, world.users.participantUser.email),
    signIn(t.app, world.users.peerA.email),
    signIn(t.app, world.users.supervisorA.email),
    signIn(t.app, world.users.clinicianA.email),
    signIn(t.app, repUser.email),
  ]);
  const phq9 = getInstrument('phq9')!;
  expect((await me.post(`${base()}/assessments`, { instrumentId: 'phq9', answers: Object.fromEntries(phq9.items.map((i) => [i.id, 1])), mode: 'self' })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('a legal representative recorded on the record', () => {
  it('only a supervisor or org admin records one; the peer worker and the participant cannot', async () => {
    const body = { name: 'Jordan Example', relationship: 'Court-appointed guardian', userId: repUserId };
    expect((await peer.put(`${base()}/legal-representative`, body)).statusCode).toBe(403);
    expect((await me.put(`${base()}/legal-representative`, body)).statusCode).toBe(403);
    expect((await clinician.put(`${base()}/legal-representative`, body)).statusCode).toBe(404);
    expect(await repCount()).toBe(0);
    // Before anyone is recorded, the would-be representative sees nothing of the participant.
    expect((await rep.get(`${base()}/consents`)).statusCode).toBe(404);
  });

  it('bad input is refused with a 400 and records nothing: a staff login, the participant\'s own login, another organization\'s, unknown fields', async () => {
    const other = await makeOrganization(t.database.db);
    const outsider = await makeUser(t.database.db, other.id, 'participant', null, 'outsider');
    for (const body of [
      { name: 'Jordan Example', relationship: 'Guardian', userId: world.users.peerA.id },
      { name: 'Jordan Example', relationship: 'Guardian', userId: world.users.clinicianA.id },
      { name: 'Jordan Example', relationship: 'Guardian', userId: world.users.participantUser.id },
      { name: 'Jordan Example', relationship: 'Guardian', userId: outsider.id },
      { name: 'J', relationship: 'Guardian' },
      { name: 'Jordan Example', relationship: '' },
      { name: 'Jordan Example', relationship: 'Guardian', signsEverything: true },
      { name: 'Jordan Example', relationship: 'Guardian', userEmail: 'nobody@test.example' },
      { name: 'Jordan Example', relationship: 'Guardian', userEmail: world.users.peerA.email },
      { name: 'Jordan Example', relationship: 'Guardian', userId: repUserId, userEmail: 'x@test.example' },
    ]) {
      const res = await supervisor.put(`${base()}/legal-representative`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await repCount()).toBe(0);
  });

  it('the supervisor records the representative with their login; the record shows it to those who keep the consents', async () => {
    // The login named by its email, as the form does (any case).
    const res = await supervisor.put(`${base()}/legal-representative`, { name: 'Jordan Example', relationship: 'Court-appointed guardian', userEmail: repEmail.toUpperCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ representative: { name: 'Jordan Example', relationship: 'Court-appointed guardian', user: { id: repUserId } }, can: { record: true } });
    for (const who of [me, peer, rep]) {
      const seen = await who.get(`${base()}/legal-representative`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).toMatchObject({ representative: { name: 'Jordan Example' }, can: { record: false } });
    }
    expect((await clinician.get(`${base()}/legal-representative`)).statusCode).toBe(404);
    const recorded = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'legal_representative.record'), eq(auditEvents.participantId, pid), eq(auditEvents.outcome, 'allowed')));
    expect(recorded).toHaveLength(1);
  });

  let consentId: string;
  it('a peer worker still cannot sign; the representative can, and the consent states they signed as the representative', async () => {
    const prepared = await peer.post(`${base()}/consents`, assessmentsFor(world.users.clinicianA.id));
    expect(prepared.statusCode).toBe(201);
    consentId = prepared.json().id;

    const byPeer = await peer.post(`${base()}/consents/${consentId}/sign`, { typedName: 'Jordan Example', agreed: true });
    expect(byPeer.statusCode).toBe(403);
    expect(byPeer.json().error.code).toBe('consent.participant_signs');
    expect((await clinician.get(`${base()}/assessments`)).statusCode).toBe(404);

    // The representative reads the consent in full before signing.
    const read = await rep.get(`${base()}/consents/${consentId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ status: 'draft', categories: ['assessment_scores'], can: { sign: true } });

    const signed = await rep.post(`${base()}/consents/${consentId}/sign`, { typedName: 'Jordan Example', agreed: true, client: 'guardian-phone' });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({
      status: 'active',
      signedName: 'Jordan Example',
      signedAs: 'legal_representative',
      signedRepresentative: { name: 'Jordan Example', relationship: 'Court-appointed guardian' },
    });
    const [row] = await t.database.db.select().from(consents).where(eq(consents.id, consentId));
    expect(row).toMatchObject({ signedBy: repUserId });
    expect(row!.signedAt).toBeInstanceOf(Date);
    expect(row!.signedClient).toContain('guardian-phone');
    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consent.sign'), eq(auditEvents.resourceId, consentId)));
    expect(audit!.actorUserId).toBe(repUserId);
    expect(audit!.details).toMatchObject({ signedAs: 'legal_representative', relationship: 'Court-appointed guardian' });

    // The consent works like any other; the participant sees who signed it on their copy.
    expect((await clinician.get(`${base()}/assessments`)).statusCode).toBe(200);
    const copy = (await me.get(`${base()}/consents/${consentId}`)).json();
    expect(copy).toMatchObject({ signedAs: 'legal_representative', signedRepresentative: { name: 'Jordan Example' } });
    // The FHIR export names who agreed: the representative, as what; and it still validates.
    const bundle = await peer.get(`${base()}/consents/${consentId}/fhir`);
    expect(bundle.statusCode).toBe(200);
    const consent = bundle.json().entry.map((e: { resource: { resourceType: string } }) => e.resource).find((r: { resourceType: string }) => r.resourceType === 'Consent');
    expect(consent.performer).toEqual([{ display: 'Jordan Example (legal representative: Court-appointed guardian)' }]);
    expect(() => validateFhir(bundle.json())).not.toThrow();
    const refused = await t.database.db
      .select({ actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'consent.sign_refused'), eq(auditEvents.resourceId, consentId)))
      .orderBy(asc(auditEvents.id));
    expect(refused).toEqual([{ actor: world.users.peerA.id }]);
  });

  it("the participant's own signature says so", async () => {
    const prepared = (await peer.post(`${base()}/consents`, assessmentsFor(world.users.clinicianA.id))).json();
    const signed = await me.post(`${base()}/consents/${prepared.id}/sign`, { typedName: 'Alex Example', agreed: true });
    expect(signed.json()).toMatchObject({ signedAs: 'participant', signedRepresentative: null });
    const consent = (await peer.get(`${base()}/consents/${prepared.id}/fhir`)).json().entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Consent').resource;
    expect(consent.performer).toEqual([{ reference: `Patient/${pid}`, display: expect.any(String) }]);
  });

  it("the representative is the representative of this participant only", async () => {
    const otherPid = world.otherParticipant.id;
    expect((await rep.get(`/api/participants/${otherPid}/consents`)).statusCode).toBe(404);
  });

  it('once ended, the representative signs nothing more and sees nothing; what they signed still says who signed', async () => {
    const draft = (await peer.post(`${base()}/consents`, assessmentsFor(world.users.clinicianA.id))).json();
    expect((await peer.post(`${base()}/legal-representative/end`)).statusCode).toBe(403);
    const ended = await supervisor.post(`${base()}/legal-representative/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json().representative).toBeNull();
    expect((await rep.post(`${base()}/consents/${draft.id}/sign`, { typedName: 'Jordan Example', agreed: true })).statusCode).toBe(404);
    expect((await rep.get(`${base()}/consents`)).statusCode).toBe(404);
    const [row] = await t.database.db.select().from(consents).where(eq(consents.id, draft.id));
    expect(row!.signedAt).toBeNull();
    expect((await me.get(`${base()}/consents/${consentId}`)).json()).toMatchObject({ signedAs: 'legal_representative', signedRepresentative: { name: 'Jordan Example' } });
  });

  it('a representative recorded without a login signs only on paper: no account can sign through them', async () => {
    expect((await supervisor.put(`${base()}/legal-representative`, { name: 'Sam Example', relationship: 'Health care proxy' })).json()).toMatchObject({ representative: { name: 'Sam Example', user: null } });
    const draft = (await peer.post(`${base()}/consents`, assessmentsFor(world.users.clinicianA.id))).json();
    expect((await rep.post(`${base()}/consents/${draft.id}/sign`, { typedName: 'Sam Example', agreed: true })).statusCode).toBe(404);
    expect((await peer.post(`${base()}/consents/${draft.id}/sign`, { typedName: 'Sam Example', agreed: true })).statusCode).toBe(403);
    const current = await t.database.db
      .select({ name: legalRepresentatives.name, ended: sql<boolean>`${legalRepresentatives.endedAt} is not null` })
      .from(legalRepresentatives)
      .where(eq(legalRepresentatives.participantId, pid))
      .orderBy(asc(legalRepresentatives.createdAt));
    expect(current).toEqual([
      { name: 'Jordan Example', ended: true },
      { name: 'Sam Example', ended: false },
    ]);
  });
});
