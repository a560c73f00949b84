import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditEvents, copingPlanItems, cravingEpisodes } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let me: Session;
let peer: Session;
const planOf = (participantId: string) => `/api/participants/${participantId}/coping-plan`;
const cravingsOf = (participantId: string) => `/api/participants/${participantId}/cravings`;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  me = await signIn(t.app, world.users.participantUser.email);
  peer = await signIn(t.app, world.users.peerA.email);
});
afterAll(() => t.close());

const alertsFor = (participantId: string) => t.database.db.select().from(alerts).where(eq(alerts.participantId, participantId));

describe('the coping library', () => {
  it('is served to anyone signed in, in English and Spanish, and to nobody else', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/coping/strategies' })).statusCode).toBe(401);
    const res = await peer.get('/api/coping/strategies');
    expect(res.statusCode).toBe(200);
    const { strategies } = res.json();
    expect(strategies.length).toBeGreaterThanOrEqual(11);
    for (const s of strategies) {
      expect(s.text.en.steps.length).toBe(s.text.es.steps.length);
      expect(s.text.es.title).not.toBe('');
    }
  });
});

describe('my craving plan', () => {
  it('starts empty, keeps the order and the personal notes the participant saves, and audits both', async () => {
    expect((await me.get(planOf(world.participant.id))).json()).toMatchObject({ items: [], updatedAt: null, can: { edit: true } });
    const saved = await me.put(planOf(world.participant.id), {
      items: [{ strategyId: 'reach_out', personalNote: 'call Maria' }, { strategyId: 'box_breathing' }, { strategyId: 'urge_surfing', personalNote: '  ' }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items).toEqual([
      { strategyId: 'reach_out', personalNote: 'call Maria' },
      { strategyId: 'box_breathing', personalNote: null },
      { strategyId: 'urge_surfing', personalNote: null },
    ]);
    // Reordered and trimmed: the plan is exactly what was sent last.
    await me.put(planOf(world.participant.id), { items: [{ strategyId: 'box_breathing' }, { strategyId: 'reach_out', personalNote: 'call Maria' }] });
    const plan = (await me.get(planOf(world.participant.id))).json();
    expect(plan.items.map((i: { strategyId: string }) => i.strategyId)).toEqual(['box_breathing', 'reach_out']);
    expect(plan.updatedAt).toEqual(expect.any(String));
    const actions = (
      await t.database.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.participantId, world.participant.id), eq(auditEvents.resourceType, 'coping_plan')))
    ).map((r) => r.action);
    expect(actions.filter((a) => a === 'coping_plan.update')).toHaveLength(2);
    expect(actions).toContain('coping_plan.read');
  });

  it('is read by the peer worker and the supervisor, written only by the participant', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    for (const s of [peer, supervisor]) {
      const res = await s.get(planOf(world.participant.id));
      expect(res.statusCode).toBe(200);
      expect(res.json().can.edit).toBe(false);
      expect((await s.put(planOf(world.participant.id), { items: [] })).statusCode).toBe(404);
    }
    for (const who of ['peerB', 'peerA2', 'orgAdmin'] as const) {
      const s = await signIn(t.app, world.users[who].email);
      expect((await s.get(planOf(world.participant.id))).statusCode).toBe(404);
    }
    expect((await me.get(planOf(world.otherParticipant.id))).statusCode).toBe(404);
    expect((await me.put(planOf(world.otherParticipant.id), { items: [] })).statusCode).toBe(404);
    expect((await me.get(planOf(world.participant.id))).json().items).toHaveLength(2);
  });

  it.each([
    [{ items: [{ strategyId: 'box_breathing' }, { strategyId: 'just_say_no' }] }, 'body.items.1.strategyId'],
    [{ items: [{ strategyId: 'box_breathing' }, { strategyId: 'box_breathing' }] }, 'body.items'],
    [{ items: [{ strategyId: 'reach_out', personalNote: 'x'.repeat(301) }] }, 'body.items.0.personalNote'],
  ])('rejects a bad plan whole, naming the field %#', async (body, field) => {
    const before = await t.database.db.select().from(copingPlanItems).where(eq(copingPlanItems.participantId, world.participant.id));
    const res = await me.put(planOf(world.participant.id), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    const after = await t.database.db.select().from(copingPlanItems).where(eq(copingPlanItems.participantId, world.participant.id));
    expect(after).toEqual(before);
  });
});

describe('"I\'m having a craving"', () => {
  it('runs end to end: rate, tell the peer worker (exactly one alert), rate again, and it shows in the log', async () => {
    const started = await me.post(cravingsOf(world.participant.id), { intensityBefore: 8 });
    expect(started.statusCode).toBe(201);
    const episode = started.json();
    expect(episode).toMatchObject({ intensityBefore: 8, intensityAfter: null, toldPeerWorker: false, endedAt: null, strategiesUsed: [] });
    const url = `${cravingsOf(world.participant.id)}/${episode.id}`;

    const told = await me.patch(url, { toldPeerWorker: true });
    expect(told.statusCode).toBe(200);
    expect(told.json().toldPeerWorker).toBe(true);
    // Pressing it again (a double tap, a retry) does not raise a second alert.
    expect((await me.patch(url, { toldPeerWorker: true })).json()).toMatchObject({ toldPeerWorker: true });
    expect((await me.patch(url, { toldPeerWorker: true, strategiesUsed: ['box_breathing'] })).statusCode).toBe(200);
    const raised = await alertsFor(world.participant.id);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'craving_help', severity: 'high', status: 'open', sourceType: 'craving_episode', sourceId: episode.id });
    expect(raised[0]!.reason).toContain('Alex Example');
    expect(raised[0]!.reason).toContain('8 out of 10');

    const ended = await me.patch(url, { strategiesUsed: ['box_breathing', 'reach_out'], intensityAfter: 3, ended: true });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ intensityBefore: 8, intensityAfter: 3, strategiesUsed: ['box_breathing', 'reach_out'], toldPeerWorker: true });
    expect(ended.json().endedAt).toEqual(expect.any(String));
    const again = await me.patch(url, { intensityAfter: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('craving.already_ended');

    const log = (await me.get(cravingsOf(world.participant.id))).json();
    expect(log.can.record).toBe(true);
    expect(log.episodes[0]).toMatchObject({ id: episode.id, intensityBefore: 8, intensityAfter: 3 });

    const trail = await t.database.db.select().from(auditEvents).where(eq(auditEvents.resourceId, episode.id));
    // Three changes made it; the repeat changed nothing and the refused one left neither a change nor an event.
    expect(trail.map((e) => e.action).sort()).toEqual(['craving.create', 'craving.update', 'craving.update', 'craving.update']);
    expect(trail.filter((e) => (e.details as { alertId?: string }).alertId === raised[0]!.id)).toHaveLength(1);
    const alertAudit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'alert.raise'), eq(auditEvents.resourceId, raised[0]!.id)));
    expect(alertAudit).toHaveLength(1);
  });

  it('raises one alert when "tell my peer worker" arrives twice at the same moment', async () => {
    const episode = (await me.post(cravingsOf(world.participant.id), { intensityBefore: 7 })).json();
    const url = `${cravingsOf(world.participant.id)}/${episode.id}`;
    const both = await Promise.all([me.patch(url, { toldPeerWorker: true }), me.patch(url, { toldPeerWorker: true })]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const forEpisode = (await alertsFor(world.participant.id)).filter((a) => a.sourceId === episode.id);
    expect(forEpisode).toHaveLength(1);
  });

  it('raises no alert when the participant does not ask for one', async () => {
    const before = (await alertsFor(world.participant.id)).length;
    const episode = (await me.post(cravingsOf(world.participant.id), { intensityBefore: 4 })).json();
    await me.patch(`${cravingsOf(world.participant.id)}/${episode.id}`, { intensityAfter: 2, ended: true });
    expect(await alertsFor(world.participant.id)).toHaveLength(before);
  });

  it('shows the log to the peer worker and the supervisor, who cannot record or change cravings', async () => {
    const episode = (await me.post(cravingsOf(world.participant.id), { intensityBefore: 6 })).json();
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    for (const s of [peer, supervisor]) {
      const log = await s.get(cravingsOf(world.participant.id));
      expect(log.statusCode).toBe(200);
      expect(log.json().can.record).toBe(false);
      expect(log.json().episodes.map((e: { id: string }) => e.id)).toContain(episode.id);
      expect((await s.post(cravingsOf(world.participant.id), { intensityBefore: 5 })).statusCode).toBe(404);
      expect((await s.patch(`${cravingsOf(world.participant.id)}/${episode.id}`, { toldPeerWorker: true })).statusCode).toBe(404);
    }
    const read = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'craving.read'), eq(auditEvents.actorUserId, world.users.peerA.id)));
    expect(read).toHaveLength(1);
    for (const who of ['peerB', 'peerA2', 'orgAdmin'] as const) {
      const s = await signIn(t.app, world.users[who].email);
      expect((await s.get(cravingsOf(world.participant.id))).statusCode).toBe(404);
    }
    const [row] = await t.database.db.select().from(cravingEpisodes).where(eq(cravingEpisodes.id, episode.id));
    expect(row!.toldPeerWorker).toBe(false);
  });

  it("does not let a participant see or touch another participant's cravings", async () => {
    const other = await signIn(t.app, world.users.otherParticipantUser.email);
    const theirs = (await other.post(cravingsOf(world.otherParticipant.id), { intensityBefore: 7 })).json();
    expect((await me.get(cravingsOf(world.otherParticipant.id))).statusCode).toBe(404);
    expect((await me.post(cravingsOf(world.otherParticipant.id), { intensityBefore: 7 })).statusCode).toBe(404);
    const underMine = await me.patch(`${cravingsOf(world.participant.id)}/${theirs.id}`, { toldPeerWorker: true });
    expect(underMine.statusCode).toBe(404);
    expect(underMine.json().error.code).toBe('craving.not_found');
    expect(await alertsFor(world.otherParticipant.id)).toHaveLength(0);
  });

  it.each([
    [{ intensityBefore: 11 }, 'body.intensityBefore'],
    [{ intensityBefore: 2.5 }, 'body.intensityBefore'],
    [{}, 'body.intensityBefore'],
  ])('rejects a bad first rating, naming the field, and records nothing %#', async (body, field) => {
    const before = (await t.database.db.select().from(cravingEpisodes).where(eq(cravingEpisodes.participantId, world.participant.id))).length;
    const res = await me.post(cravingsOf(world.participant.id), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await t.database.db.select().from(cravingEpisodes).where(eq(cravingEpisodes.participantId, world.participant.id))).toHaveLength(before);
  });

  it('rejects bad updates whole: an unknown strategy does not half-apply a rating or tell anyone', async () => {
    const episode = (await me.post(cravingsOf(world.participant.id), { intensityBefore: 9 })).json();
    const url = `${cravingsOf(world.participant.id)}/${episode.id}`;
    const alertsBefore = (await alertsFor(world.participant.id)).length;
    const res = await me.patch(url, { strategiesUsed: ['box_breathing', 'willpower'], intensityAfter: 2, toldPeerWorker: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.strategiesUsed.1']);
    expect((await me.patch(url, { toldPeerWorker: false })).json().error.fields[0].path).toBe('body.toldPeerWorker');
    expect((await me.patch(url, { intensityAfter: -1 })).json().error.fields[0].path).toBe('body.intensityAfter');
    expect((await me.patch(url, {})).statusCode).toBe(400);
    const [row] = await t.database.db.select().from(cravingEpisodes).where(eq(cravingEpisodes.id, episode.id));
    expect(row).toMatchObject({ intensityAfter: null, toldPeerWorker: false, strategiesUsed: [] });
    expect(await alertsFor(world.participant.id)).toHaveLength(alertsBefore);
  });
});
