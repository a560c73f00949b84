import { readdirSync, readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, fhirLinks, referrals } from '../../src/server/db/schema/index.js';
import { validateFhir } from '../../src/server/modules/fhir/validate.js';
import { getInstrument } from '../../src/shared/instruments/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

const SDOH = '/work/shared/data/fhir-r4/sdoh-cc-2020';
const sdoh = readdirSync(SDOH).map((f) => JSON.parse(readFileSync(`${SDOH}/${f}`, 'utf8')) as Record<string, any>);
const sdohBundle = { resourceType: 'Bundle', type: 'collection', entry: sdoh.map((resource) => ({ fullUrl: `http://example.org/fhir/${resource.resourceType}/${resource.id}`, resource })) };

let t: TestApp;
let world: World;
let me: Session;
let peer: Session;
let admin: Session;
let pid: string;
const base = () => `/api/participants/${pid}`;

async function consent(body: object): Promise<string> {
  const prepared = await peer.post(`${base()}/consents`, body);
  expect(prepared.statusCode).toBe(201);
  expect((await me.post(`${base()}/consents/${prepared.json().id}/sign`, { typedName: 'Alex Example', agreed: true })).statusCode).toBe(200);
  return prepared.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  pid = world.participant.id;
  [me, peer, admin] = await Promise.all([
    signIn(t.app, world.users.participantUser.email),
    signIn(t.app, world.users.peerA.email),
    signIn(t.app, world.users.orgAdmin.email),
  ]);
  const phq9 = getInstrument('phq9')!;
  for (const [id, answers] of [
    ['phq9', Object.fromEntries(phq9.items.map((i) => [i.id, 2]))],
    ['gad7', { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1 }],
    ['phq2', { 1: 1, 2: 2 }],
  ] as const) {
    expect((await me.post(`${base()}/assessments`, { instrumentId: id, answers, mode: 'self' })).statusCode).toBe(201);
  }
  expect((await me.post(`${base()}/goals`, { domain: 'housing', title: 'Find a place of my own' })).statusCode).toBe(201);
});
afterAll(() => t.close());

const entries = (bundle: any, type: string) => bundle.entry.map((e: any) => e.resource).filter((r: any) => r.resourceType === type);

describe('FHIR R4', () => {
  it('the validator accepts the shared SDOH examples', () => {
    expect(sdoh).toHaveLength(12);
    for (const r of sdoh) expect(() => validateFhir(r)).not.toThrow();
  });

  let consentId: string;
  it('exports the consented data as a Bundle that validates: Patient, Consent, Observations with LOINC codes, QuestionnaireResponses, Goals', async () => {
    consentId = await consent({ recipient: { kind: 'outside_provider', name: 'Lakeside Health' }, purpose: 'treatment', categories: ['assessment_scores', 'goals', 'referrals'], expiry: { kind: 'revocation' } });
    const res = await peer.get(`${base()}/consents/${consentId}/fhir`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const bundle = res.json();
    expect(() => validateFhir(bundle)).not.toThrow();
    expect(bundle.meta.security.map((s: any) => s.code)).toEqual(['42CFRPart2', 'NORDSCLCD']);
    expect(entries(bundle, 'Patient')).toEqual([expect.objectContaining({ id: pid })]);
    expect(entries(bundle, 'Consent')).toEqual([expect.objectContaining({ id: consentId, status: 'active' })]);
    expect(entries(bundle, 'Consent')[0].provision.class.map((c: any) => c.code)).toEqual(['assessment_scores', 'goals', 'referrals']);
    const codes = entries(bundle, 'Observation').map((o: any) => o.code.coding?.[0]?.code).sort();
    expect(codes).toEqual(['44261-6', '55758-7', '70274-6']);
    expect(entries(bundle, 'QuestionnaireResponse')).toHaveLength(3);
    expect(entries(bundle, 'Goal').map((g: any) => g.description.text)).toEqual(['Find a place of my own']);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'fhir.export'), eq(auditEvents.resourceId, consentId)));
    expect(audit[0]!.details).toMatchObject({ consentId, categories: ['assessment_scores', 'goals', 'referrals'] });
  });

  it('a consent for assessments only exports no goals', async () => {
    const id = await consent({ recipient: { kind: 'outside_provider', name: 'Lakeside Health' }, purpose: 'treatment', categories: ['assessment_scores'], expiry: { kind: 'revocation' } });
    const bundle = (await me.get(`${base()}/consents/${id}/fhir`)).json();
    expect(entries(bundle, 'Goal')).toEqual([]);
    expect(entries(bundle, 'Observation').length).toBe(3);
  });

  it('nobody outside the participant, their peer worker and supervisor, or the named clinician exports', async () => {
    for (const who of ['peerB', 'otherParticipantUser', 'clinicianA', 'orgAdmin'] as const) {
      const s = await signIn(t.app, world.users[who].email);
      expect((await s.get(`${base()}/consents/${consentId}/fhir`)).statusCode).toBe(404);
    }
  });

  let clientToken: string;
  let readToken: string;
  let clientId: string;
  it('imports the shared SDOH ServiceRequest + Task as a referral, through a write-scoped integration token; once only', async () => {
    const created = await admin.post('/api/integration-clients', { name: 'Lakeside Health EHR', scope: 'write' });
    expect(created.statusCode).toBe(201);
    clientToken = created.json().token;
    clientId = created.json().id;
    readToken = (await admin.post('/api/integration-clients', { name: 'Lakeside read-only', scope: 'read' })).json().token;
    expect((await peer.post('/api/integration-clients', { name: 'Not an admin', scope: 'read' })).statusCode).toBe(403);
    const url = `/api/organizations/${world.org.id}/fhir/participants/${pid}/referrals`;
    const send = (token: string | null, payload: unknown = sdohBundle) =>
      t.app.inject({ method: 'POST', url, payload: payload as any, headers: { 'content-type': 'application/fhir+json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    // Not a participant of this organization: nothing.
    expect((await t.app.inject({ method: 'POST', url: url.replace(pid, crypto.randomUUID()), payload: sdohBundle as any, headers: { authorization: `Bearer ${clientToken}` } })).statusCode).toBe(404);
    await consent({ recipient: { kind: 'outside_provider', name: 'Lakeside Health', integrationClientId: clientId }, purpose: 'care_coordination', categories: ['referrals'], expiry: { kind: 'event', event: 'discharge' } });
    expect((await send(null)).statusCode).toBe(401);
    expect((await send('ppi_not-a-token')).statusCode).toBe(401);
    expect((await send(readToken)).statusCode).toBe(403);
    expect((await send(clientToken, { resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'ServiceRequest', status: 'nonsense' } }] })).statusCode).toBe(400);
    const res = await send(clientToken);
    expect(res.statusCode).toBe(201);
    expect(res.json().imported).toHaveLength(1);
    const [row] = await t.database.db.select().from(referrals).where(eq(referrals.id, res.json().imported[0]));
    expect(row).toMatchObject({ participantId: pid, status: 'accepted', category: 'food', need: 'Provision of food (procedure)' });
    const [link] = await t.database.db.select().from(fhirLinks).where(eq(fhirLinks.localId, row!.id));
    expect(link).toMatchObject({ externalId: 'SDOHCC-ServiceRequest-HungerVitalSign-Example-1', taskExternalId: 'SDOHCC-Task-OrderFulfillment-Example-1' });
    // The participant's peer worker sees it among the referrals.
    const list = (await peer.get(`${base()}/referrals`)).json();
    expect(list.referrals.map((r: any) => r.id)).toContain(row!.id);
    // Sent again: nothing new.
    expect((await send(clientToken)).json()).toEqual({ imported: [], existing: [row!.id] });
  });

  it("status changes go back as an update of the partner's Task in the export", async () => {
    const [row] = await t.database.db.select().from(referrals).where(eq(referrals.participantId, pid));
    expect((await peer.post(`${base()}/referrals/${row!.id}/status`, { to: 'completed', note: 'Meals started' })).statusCode).toBe(200);
    const bundle = (await peer.get(`${base()}/consents/${consentId}/fhir`)).json();
    expect(() => validateFhir(bundle)).not.toThrow();
    const task = entries(bundle, 'Task').find((x: any) => x.id === 'SDOHCC-Task-OrderFulfillment-Example-1');
    expect(task).toMatchObject({ status: 'completed', focus: { reference: 'ServiceRequest/SDOHCC-ServiceRequest-HungerVitalSign-Example-1' } });
  });

  it('a partner reads the Bundle under the consent naming it; once revoked, the Consent exports inactive with nothing else', async () => {
    const consents = (await me.get(`${base()}/consents`)).json().consents;
    const named = consents.find((c: any) => c.purpose === 'care_coordination');
    const url = `/api/organizations/${world.org.id}/fhir/consents/${named.id}`;
    const get = (token: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const before = await get(clientToken);
    expect(before.statusCode).toBe(200);
    expect(entries(before.json(), 'Consent')[0].status).toBe('active');
    expect(entries(before.json(), 'ServiceRequest')).toHaveLength(1);
    // Another consent (not naming the system) is not the partner's.
    expect((await t.app.inject({ method: 'GET', url: `/api/organizations/${world.org.id}/fhir/consents/${consentId}`, headers: { authorization: `Bearer ${clientToken}` } })).statusCode).toBe(404);
    expect((await me.post(`${base()}/consents/${named.id}/revoke`)).statusCode).toBe(200);
    const after = (await get(clientToken)).json();
    expect(() => validateFhir(after)).not.toThrow();
    expect(entries(after, 'Consent')[0].status).toBe('inactive');
    expect(after.entry.map((e: any) => e.resource.resourceType).sort()).toEqual(['Consent', 'Patient']);
    // The partner's reads are in the participant's accounting, under the consent.
    const accounting = (await me.get(`${base()}/disclosures`)).json();
    expect(accounting.disclosures.some((d: any) => d.consentId === named.id && d.recipient.displayName === 'Lakeside Health EHR')).toBe(true);
    // A revoked client token stops working at once.
    expect((await admin.post(`/api/integration-clients/${clientId}/revoke`)).statusCode).toBe(200);
    expect((await get(clientToken)).statusCode).toBe(401);
  });
});
