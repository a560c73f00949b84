import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, assessmentResponses, auditEvents, programs } from '../../src/server/db/schema/index.js';
import { getInstrument, scoreResponse, type Answers } from '../../src/shared/instruments/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeParticipant, makeProgram, makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
});
afterAll(() => t.close());

type Who = keyof World['users'];
const as = (who: Who): Promise<Session> => signIn(t.app, world.users[who].email);
const url = (participantId: string, rest = '') => `/api/participants/${participantId}/assessments${rest}`;

const phq9 = getInstrument('phq9')!;
const allPhq9 = (value: number, overrides: Answers = {}) => ({ ...Object.fromEntries(phq9.items.map((i) => [i.id, value])), ...overrides });

/** Every BAM scored item at its lowest answer (item 4 = 0 skips 5; item 6 = 0 skips 7A–7G). */
const bamAnswers = (overrides: Record<string, number> = {}) => ({
  ...{ 1: 0, 2: 0, 3: 0, 4: 0, 6: 0, 8: 0, 9: 0, 10: 0, 11: 0, 12: 0, 13: 0, 14: 0, 15: 0, 16: 0 },
  ...overrides,
});

/** Everything stored about one participant, to prove a refused request left nothing behind. */
async function storedFor(participantId: string) {
  const db = t.database.db;
  const [responses, raised, created] = await Promise.all([
    db.select().from(assessmentResponses).where(eq(assessmentResponses.participantId, participantId)),
    db.select().from(alerts).where(eq(alerts.participantId, participantId)),
    db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, participantId), eq(auditEvents.action, 'assessment.create'), eq(auditEvents.outcome, 'allowed'))),
  ]);
  return { responses, alerts: raised, createAudits: created };
}

/** A participant (with a login and an assigned peer worker) in a program of their own, so counts never depend on other tests. */
async function freshParticipant(bamRiskThreshold?: number) {
  const db = t.database.db;
  const program = await makeProgram(db, world.org.id);
  if (bamRiskThreshold !== undefined) await db.update(programs).set({ bamRiskThreshold }).where(eq(programs.id, program.id));
  const [user, peer] = await Promise.all([
    makeUser(db, world.org.id, 'participant', program.id, 'measures-participant'),
    makeUser(db, world.org.id, 'peer_worker', program.id, 'measures-peer'),
  ]);
  const participant = await makeParticipant(db, { organizationId: world.org.id, programId: program.id, userId: user.id, peerWorkerId: peer.id });
  return { participant, self: await signIn(t.app, user.email), peer: await signIn(t.app, peer.email), peerId: peer.id, userId: user.id };
}

describe('the measures an organization offers', () => {
  it('lists every shipped instrument with its words in English and Spanish, to anyone signed in', async () => {
    const res = await (await as('participantUser')).get('/api/instruments');
    expect(res.statusCode).toBe(200);
    const list = res.json().instruments as Array<{ id: string; items: Array<{ text: { en: string; es: string } }>; citation: string }>;
    expect(list.map((d) => d.id)).toEqual(['phq9', 'phq2', 'gad7', 'barc10', 'bam']);
    const shipped = list.find((d) => d.id === 'phq9')!;
    expect(shipped.items[8]!.text).toEqual(phq9.items[8]!.text);
    expect(shipped.citation).toContain('Kroenke');
    expect((await t.app.inject({ method: 'GET', url: '/api/instruments' })).statusCode).toBe(401);
  });
});

describe('scoring on the server', () => {
  it('scores a complete response exactly as scoreResponse does and keeps the instrument and scoring versions', async () => {
    const { participant, self, userId } = await freshParticipant();
    const answers = allPhq9(1, { 3: 3, 9: 0 });
    const res = await self.post(url(participant.id), { instrumentId: 'phq9', answers, mode: 'self' });
    expect(res.statusCode).toBe(201);
    const expected = scoreResponse(phq9, answers);
    const body = res.json();
    expect(body).toMatchObject({ status: 'complete', scores: expected.scores, flags: [], crisis: false, missingItems: [], mode: 'self', alertsRaised: [] });
    expect(body.scores).toEqual({ total: 10, phq2: 2 });
    expect(body.bands.total.label.en).toBe('Moderate');
    expect(body.administeredBy.id).toBe(userId);

    const { responses, createAudits } = await storedFor(participant.id);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({
      instrumentId: 'phq9',
      instrumentVersion: phq9.version,
      scoringVersion: expected.scoringVersion,
      status: 'complete',
      scores: expected.scores,
      answers,
      mode: 'self',
      administeredBy: userId,
    });
    expect(responses[0]!.bands).toEqual(JSON.parse(JSON.stringify(expected.bands)));
    expect(createAudits).toHaveLength(1);
    expect(createAudits[0]!.details).toEqual({ instrumentId: 'phq9', version: '1.0.0', status: 'complete', mode: 'self' });
  });

  it.each([
    ['score', { score: 27 }],
    ['scores', { scores: { total: 0 } }],
    ['status', { status: 'complete' }],
  ])('refuses a body that carries a client-side "%s" and stores nothing', async (_name, extra) => {
    const { participant, self } = await freshParticipant();
    const res = await self.post(url(participant.id), { instrumentId: 'phq9', answers: allPhq9(0), mode: 'self', ...extra });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    const stored = await storedFor(participant.id);
    expect(stored.responses).toHaveLength(0);
    expect(stored.createAudits).toHaveLength(0);
  });

  it('saves a response with a missing scored item as incomplete, with no score and nothing prorated', async () => {
    const { participant, self } = await freshParticipant();
    const res = await self.post(url(participant.id), { instrumentId: 'phq9', answers: allPhq9(2, { 1: null }), mode: 'self' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'incomplete', scores: {}, bands: {}, missingItems: ['1'] });
    const { responses } = await storedFor(participant.id);
    expect(responses[0]).toMatchObject({ status: 'incomplete', scores: {} });
    expect(responses[0]!.answers).not.toHaveProperty('1');
  });

  it.each([
    ['an answer out of range', { 3: 4 }, '3'],
    ['an answer between the choices', { 2: 1.5 }, '2'],
    ['an item the instrument does not have', { 10: 1 }, '10'],
  ])('answers %s with a 400 naming the item, and stores nothing (no response, alert or audit)', async (_what, bad, item) => {
    const { participant, self } = await freshParticipant();
    // Item 9 is answered above 0 too: even a safety answer is not stored from a body that is refused.
    const res = await self.post(url(participant.id), { instrumentId: 'phq9', answers: allPhq9(1, { 9: 2, ...bad }), mode: 'self' });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('assessment.answer_invalid');
    expect(error.fields).toEqual([{ path: `body.answers.${item}`, message: expect.any(String) }]);
    expect(error.message).toContain(item);
    expect(await storedFor(participant.id)).toEqual({ responses: [], alerts: [], createAudits: [] });
  });

  it('refuses an unknown instrument and an empty form, naming the field', async () => {
    const { participant, self } = await freshParticipant();
    const unknown = await self.post(url(participant.id), { instrumentId: 'audit-c', answers: { 1: 1 }, mode: 'self' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('body.instrumentId');
    const empty = await self.post(url(participant.id), { instrumentId: 'gad7', answers: { 1: null }, mode: 'self' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('body.answers');
    expect((await storedFor(participant.id)).responses).toHaveLength(0);
  });
});

describe('alerts', () => {
  it('PHQ-9 item 9 above 0 raises exactly one urgent alert in the same write, and tells the participant to show crisis help, even on an unfinished form', async () => {
    const { participant, self } = await freshParticipant();
    const res = await self.post(url(participant.id), { instrumentId: 'phq9', answers: { 1: 0, 9: 1 }, mode: 'self' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'incomplete', crisis: true, flags: ['safety'], alertsRaised: ['suicidality'], crisisLine: '988' });
    const { alerts: raised } = await storedFor(participant.id);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'suicidality', severity: 'urgent', status: 'open', sourceType: 'assessment_response', sourceId: body.id });
    expect(raised[0]!.reason).toContain('PHQ-9');

    // Read back later, the response still says crisis help belongs with it.
    const again = await self.get(url(participant.id, `/${body.id}`));
    expect(again.json()).toMatchObject({ crisis: true, answers: { 1: 0, 9: 1 } });
  });

  it('item 9 at 0 raises nothing', async () => {
    const { participant, self } = await freshParticipant();
    const res = await self.post(url(participant.id), { instrumentId: 'phq9', answers: allPhq9(3, { 9: 0 }), mode: 'self' });
    expect(res.json()).toMatchObject({ crisis: false, alertsRaised: [] });
    expect((await storedFor(participant.id)).alerts).toHaveLength(0);
  });

  it("BAM Risk one below the program's threshold raises nothing; at the threshold it raises one high alert", async () => {
    const { participant, peer } = await freshParticipant(10);
    // Risk = items 1 + 2 + 3 + 8 + 11 + 15: 4 + 3 + 2 = 9, then 4 + 3 + 3 = 10.
    const below = await peer.post(url(participant.id), { instrumentId: 'bam', answers: bamAnswers({ 1: 4, 8: 3, 15: 2 }), mode: 'peer' });
    expect(below.statusCode).toBe(201);
    expect(below.json()).toMatchObject({ status: 'complete', scores: { risk: 9 }, alertsRaised: [], crisis: false });
    expect((await storedFor(participant.id)).alerts).toHaveLength(0);

    const at = await peer.post(url(participant.id), { instrumentId: 'bam', answers: bamAnswers({ 1: 4, 8: 3, 15: 3 }), mode: 'peer' });
    expect(at.json()).toMatchObject({ scores: { use: 0, risk: 10, protective: 0 }, alertsRaised: ['bam_risk'] });
    const { alerts: raised } = await storedFor(participant.id);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'bam_risk', severity: 'high', sourceId: at.json().id });
  });

  it('scores BAM day counts by their published bins, with the skip rules applied', async () => {
    const { participant, self } = await freshParticipant();
    const answers = bamAnswers({ 2: 5, 3: 20, 4: 2, 5: 1, 6: 0, 10: 12, 14: 4 });
    const res = await self.post(url(participant.id), { instrumentId: 'bam', answers, mode: 'self' });
    expect(res.json().scores).toEqual(scoreResponse(getInstrument('bam')!, answers).scores);
    expect(res.json().scores).toEqual({ use: 2, risk: 6, protective: 7 });
  });
});

describe('history and change from baseline', () => {
  it('compares the newest complete response with the first complete one, skipping incomplete ones', async () => {
    const { participant, self, peer } = await freshParticipant();
    const send = (answers: Answers) => self.post(url(participant.id), { instrumentId: 'gad7', answers, mode: 'self' });
    const first = (await send({ 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 1, 7: 1 })).json();
    await send({ 1: 0 });
    const last = (await send({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 0 })).json();
    await send({ 1: 3, 2: 3 });

    const history = await self.get(url(participant.id));
    expect(history.statusCode).toBe(200);
    const gad7 = history.json().instruments.find((i: { instrumentId: string }) => i.instrumentId === 'gad7');
    expect(gad7.responses).toHaveLength(4);
    expect(gad7.responses[0].status).toBe('incomplete');
    expect(gad7.baseline.id).toBe(first.id);
    expect(gad7.latest.id).toBe(last.id);
    expect(gad7.change).toEqual({ total: { baseline: 12, latest: 6, difference: -6, band: 'down' } });
    expect(history.json().administerAs).toBe('self');
    expect((await peer.get(url(participant.id))).json().administerAs).toBe('peer');
  });

  it('has no change until there are two complete responses', async () => {
    const { participant, self } = await freshParticipant();
    const only = (await self.post(url(participant.id), { instrumentId: 'phq2', answers: { 1: 1, 2: 2 }, mode: 'self' })).json();
    const history = (await self.get(url(participant.id))).json();
    expect(history.instruments).toEqual([expect.objectContaining({ instrumentId: 'phq2', change: {}, baseline: expect.objectContaining({ id: only.id }) })]);
    expect(history.instruments[0].latest.id).toBe(only.id);
  });
});

describe('who may administer and read measures', () => {
  let responseId: string;
  beforeAll(async () => {
    const peer = await as('peerA');
    const res = await peer.post(url(world.participant.id), { instrumentId: 'barc10', answers: Object.fromEntries([...Array(10).keys()].map((i) => [i + 1, 5])), mode: 'peer' });
    expect(res.statusCode).toBe(201);
    responseId = res.json().id;
    expect(res.json()).toMatchObject({ mode: 'peer', administeredBy: { id: world.users.peerA.id }, scores: { total: 50 } });
  });

  it('the assigned peer worker completes measures with the participant as "peer", never as "self"', async () => {
    const res = await (await as('peerA')).post(url(world.participant.id), { instrumentId: 'phq2', answers: { 1: 0, 2: 0 }, mode: 'self' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.mode');
  });

  it('the participant answers for themself as "self", never as "peer"', async () => {
    const res = await (await as('participantUser')).post(url(world.participant.id), { instrumentId: 'phq2', answers: { 1: 0, 2: 0 }, mode: 'peer' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.mode');
  });

  it('the participant reads their own history and response', async () => {
    const s = await as('participantUser');
    expect((await s.get(url(world.participant.id))).statusCode).toBe(200);
    const one = await s.get(url(world.participant.id, `/${responseId}`));
    expect(one.statusCode).toBe(200);
    expect(one.json().answers['1']).toBe(5);
  });

  it.each<[Who, boolean]>([
    ['participantUser', true],
    ['peerA', true],
    ['supervisorA', true],
    ['otherParticipantUser', false],
    ['peerA2', false],
    ['peerB', false],
    ['supervisorB', false],
    ['clinicianA', false],
    ['moderatorA', false],
    ['orgAdmin', false],
  ])('%s may read the measures: %s (otherwise the same 404 as for no one at all)', async (who, allowed) => {
    const s = await as(who);
    for (const path of [url(world.participant.id), url(world.participant.id, `/${responseId}`)]) {
      const res = await s.get(path);
      expect(res.statusCode).toBe(allowed ? 200 : 404);
      if (!allowed) expect(res.json().error.code).toBe('participant.not_found');
    }
  });

  it.each<Who>(['supervisorA', 'otherParticipantUser', 'peerA2', 'peerB', 'clinicianA', 'orgAdmin'])(
    '%s may not save a measure for the participant: 404, nothing stored, the denial audited',
    async (who) => {
      const before = await storedFor(world.participant.id);
      const res = await (await as(who)).post(url(world.participant.id), { instrumentId: 'phq9', answers: allPhq9(0, { 9: 3 }), mode: 'peer' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('participant.not_found');
      const after = await storedFor(world.participant.id);
      expect(after.responses).toHaveLength(before.responses.length);
      expect(after.alerts).toHaveLength(before.alerts.length);
      const denied = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorUserId, world.users[who].id), eq(auditEvents.action, 'assessment.create'), eq(auditEvents.outcome, 'denied')));
      expect(denied.length).toBeGreaterThan(0);
    },
  );

  it('the supervisor reads but is not offered to administer', async () => {
    const history = (await (await as('supervisorA')).get(url(world.participant.id))).json();
    expect(history.administerAs).toBeNull();
    expect(history.instruments[0].instrumentId).toBe('barc10');
  });

  it("a response id of another participant is not found under this participant's address", async () => {
    const other = await (await as('otherParticipantUser')).post(url(world.otherParticipant.id), { instrumentId: 'phq2', answers: { 1: 1, 2: 1 }, mode: 'self' });
    expect(other.statusCode).toBe(201);
    const res = await (await as('participantUser')).get(url(world.participant.id, `/${other.json().id}`));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('assessment.not_found');
  });

  it('audits each read with the participant and the response', async () => {
    const reads = () =>
      t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorUserId, world.users.supervisorA.id), eq(auditEvents.action, 'assessment.read'), eq(auditEvents.resourceId, responseId)));
    const before = (await reads()).length;
    await (await as('supervisorA')).get(url(world.participant.id, `/${responseId}`));
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ participantId: world.participant.id, outcome: 'allowed', resourceType: 'assessment' });
  });
});
