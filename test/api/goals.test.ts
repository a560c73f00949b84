import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, goals, goalSteps } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let me: Session;
let peer: Session;
const goalsOf = (participantId: string) => `/api/participants/${participantId}/goals`;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  me = await signIn(t.app, world.users.participantUser.email);
  peer = await signIn(t.app, world.users.peerA.email);
});
afterAll(() => t.close());

const housingGoal = {
  domain: 'housing',
  title: 'Find a place of my own',
  why: 'So my kids can stay over on weekends',
  targetDate: '2026-12-01',
  steps: [{ title: 'Ask about the housing voucher list', dueDate: '2026-06-15' }, { title: 'Save the first deposit' }],
};

async function countGoals(participantId: string) {
  return (await t.database.db.select({ id: goals.id }).from(goals).where(eq(goals.participantId, participantId))).length;
}

describe('goals the participant owns', () => {
  it('lets the participant create a goal with steps; it is active at once and audited in the same write', async () => {
    const res = await me.post(goalsOf(world.participant.id), housingGoal);
    expect(res.statusCode).toBe(201);
    const goal = res.json();
    expect(goal).toMatchObject({
      status: 'active',
      domain: 'housing',
      why: housingGoal.why,
      targetDate: '2026-12-01',
      suggestedBy: null,
      progress: { done: 0, total: 2 },
      can: { edit: true, changeStatusTo: ['completed', 'set_aside'], checkSteps: true },
    });
    expect(goal.steps.map((s: { title: string }) => s.title)).toEqual(housingGoal.steps.map((s) => s.title));
    expect(goal.steps[0].dueDate).toBe('2026-06-15');
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'goal.create'), eq(auditEvents.resourceId, goal.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ participantId: world.participant.id, actorUserId: world.users.participantUser.id, outcome: 'allowed' });
  });

  it('counts progress by steps done, and never completes the goal by itself; the participant marks it done', async () => {
    const goal = (await me.post(goalsOf(world.participant.id), { domain: 'health', title: 'Walk three times a week', steps: [{ title: 'Buy shoes' }, { title: 'First walk' }] })).json();
    const url = `${goalsOf(world.participant.id)}/${goal.id}`;
    for (const step of goal.steps) expect((await me.patch(`${url}/steps/${step.id}`, { done: true })).statusCode).toBe(200);
    const afterSteps = (await me.get(goalsOf(world.participant.id))).json().goals.find((g: { id: string }) => g.id === goal.id);
    expect(afterSteps).toMatchObject({ status: 'active', progress: { done: 2, total: 2 }, completedAt: null });

    const done = await me.patch(url, { status: 'completed' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', can: { changeStatusTo: ['active'] } });
    expect(done.json().completedAt).toEqual(expect.any(String));

    // From done, only "pick it up again": nothing is ever marked failed.
    const aside = await me.patch(url, { status: 'set_aside' });
    expect(aside.statusCode).toBe(409);
    expect(aside.json().error.code).toBe('goal.status_change_invalid');
    const reopened = (await me.patch(url, { status: 'active' })).json();
    expect(reopened).toMatchObject({ status: 'active', completedAt: null });
  });

  it('lets the participant edit everything, add steps, reword and re-date them, and untick them', async () => {
    const goal = (await me.post(goalsOf(world.participant.id), { domain: 'employment', title: 'Get a job', steps: [{ title: 'Write a CV' }] })).json();
    const url = `${goalsOf(world.participant.id)}/${goal.id}`;
    const edited = (await me.patch(url, { title: 'Get a kitchen job', domain: 'employment', why: 'I love cooking', targetDate: '2026-09-01' })).json();
    expect(edited).toMatchObject({ title: 'Get a kitchen job', why: 'I love cooking', targetDate: '2026-09-01' });
    expect((await me.patch(url, { why: null, targetDate: null })).json()).toMatchObject({ why: null, targetDate: null });

    const added = await me.post(`${url}/steps`, { title: 'Call the food bank kitchen', dueDate: '2026-07-01' });
    expect(added.statusCode).toBe(201);
    expect(added.json().steps.map((s: { title: string }) => s.title)).toEqual(['Write a CV', 'Call the food bank kitchen']);

    const stepUrl = `${url}/steps/${goal.steps[0].id}`;
    expect((await me.patch(stepUrl, { title: 'Write a CV with Jordan', dueDate: '2026-06-20', done: true })).json().steps[0]).toMatchObject({
      title: 'Write a CV with Jordan',
      dueDate: '2026-06-20',
      completedAt: expect.any(String),
    });
    expect((await me.patch(stepUrl, { done: false })).json().steps[0].completedAt).toBeNull();

    // Ticking a done step again (a double tap) keeps the moment it was first done.
    const first = (await me.patch(stepUrl, { done: true })).json().steps[0].completedAt;
    const again = await me.patch(stepUrl, { done: true });
    expect(again.statusCode).toBe(200);
    expect(again.json().steps[0].completedAt).toBe(first);
    expect((await me.patch(url, { status: 'active' })).json().status).toBe('active');
  });

  it('audits reads of goals', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    expect((await supervisor.get(goalsOf(world.participant.id))).statusCode).toBe(200);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'goal.read'), eq(auditEvents.actorUserId, world.users.supervisorA.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'allowed', participantId: world.participant.id });
  });
});

describe('a peer worker suggests, the participant decides', () => {
  it("makes a peer worker's goal a suggestion until the participant accepts it", async () => {
    const res = await peer.post(goalsOf(world.participant.id), { domain: 'community', title: 'Try a recovery café night', steps: [{ title: 'Look up Thursday nights' }] });
    expect(res.statusCode).toBe(201);
    const suggestion = res.json();
    expect(suggestion).toMatchObject({
      status: 'suggested',
      suggestedBy: { id: world.users.peerA.id },
      can: { edit: false, changeStatusTo: [], checkSteps: true },
    });
    const url = `${goalsOf(world.participant.id)}/${suggestion.id}`;

    // The peer worker cannot accept, reword or add steps for the participant.
    for (const [method, path, body] of [
      ['patch', url, { status: 'active' }],
      ['patch', url, { title: 'Go to the café' }],
      ['post', `${url}/steps`, { title: 'Bring a friend' }],
      ['patch', `${url}/steps/${suggestion.steps[0].id}`, { title: 'Reworded' }],
    ] as const) {
      const denied = await peer[method](path, body);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('goal.participant_decides');
    }

    const mine = (await me.get(goalsOf(world.participant.id))).json();
    expect(mine.can.create).toBe('active');
    expect(mine.goals.find((g: { id: string }) => g.id === suggestion.id)).toMatchObject({
      status: 'suggested',
      can: { edit: true, changeStatusTo: ['active', 'set_aside'] },
    });
    const accepted = (await me.patch(url, { status: 'active' })).json();
    expect(accepted).toMatchObject({ status: 'active', suggestedBy: { id: world.users.peerA.id } });
    const trail = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'goal.update'), eq(auditEvents.resourceId, suggestion.id)));
    expect(trail.map((e) => e.details)).toContainEqual(expect.objectContaining({ from: 'suggested', to: 'active' }));
  });

  it('lets the participant set a suggestion aside, and pick it up later', async () => {
    const suggestion = (await peer.post(goalsOf(world.participant.id), { domain: 'education', title: 'Look into a GED class' })).json();
    const url = `${goalsOf(world.participant.id)}/${suggestion.id}`;
    expect((await me.patch(url, { status: 'set_aside' })).json()).toMatchObject({ status: 'set_aside', can: { changeStatusTo: ['active'] } });
    expect((await me.patch(url, { status: 'completed' })).statusCode).toBe(409);
    expect((await me.patch(url, { status: 'active' })).json().status).toBe('active');
  });

  it('lets the peer worker tick a step done when the participant asks, and tells the UI so', async () => {
    const goal = (await me.post(goalsOf(world.participant.id), { domain: 'recovery', title: 'Go to meetings', steps: [{ title: 'Find a home group' }] })).json();
    const ticked = await peer.patch(`${goalsOf(world.participant.id)}/${goal.id}/steps/${goal.steps[0].id}`, { done: true });
    expect(ticked.statusCode).toBe(200);
    expect(ticked.json()).toMatchObject({ progress: { done: 1, total: 1 }, status: 'active', can: { edit: false, checkSteps: true } });
    expect((await peer.get(goalsOf(world.participant.id))).json().can.create).toBe('suggested');
  });
});

describe('who may see and change goals', () => {
  it('answers 404 to a peer worker of another program, an unassigned peer worker and the org admin, and writes nothing', async () => {
    const before = await countGoals(world.participant.id);
    for (const who of ['peerB', 'peerA2', 'orgAdmin', 'clinicianA'] as const) {
      const s = await signIn(t.app, world.users[who].email);
      expect((await s.get(goalsOf(world.participant.id))).statusCode).toBe(404);
      const res = await s.post(goalsOf(world.participant.id), housingGoal);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('participant.not_found');
    }
    expect(await countGoals(world.participant.id)).toBe(before);
  });

  it('lets the supervisor read but not write', async () => {
    const goal = (await me.post(goalsOf(world.participant.id), { domain: 'finances', title: 'Open a bank account', steps: [{ title: 'Get an ID' }] })).json();
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const list = await supervisor.get(goalsOf(world.participant.id));
    expect(list.statusCode).toBe(200);
    expect(list.json().can.create).toBeNull();
    expect(list.json().goals.find((g: { id: string }) => g.id === goal.id).can).toEqual({ edit: false, changeStatusTo: [], checkSteps: false });
    const url = `${goalsOf(world.participant.id)}/${goal.id}`;
    expect((await supervisor.post(goalsOf(world.participant.id), housingGoal)).statusCode).toBe(404);
    expect((await supervisor.patch(url, { status: 'completed' })).statusCode).toBe(404);
    expect((await supervisor.post(`${url}/steps`, { title: 'x' })).statusCode).toBe(404);
    expect((await supervisor.patch(`${url}/steps/${goal.steps[0].id}`, { done: true })).statusCode).toBe(404);
    const [step] = await t.database.db.select().from(goalSteps).where(eq(goalSteps.id, goal.steps[0].id));
    expect(step!.completedAt).toBeNull();
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, world.users.supervisorA.id), eq(auditEvents.outcome, 'denied')));
    expect(denied.map((e) => e.action).sort()).toEqual(['goal.create', 'goal.update', 'goal_step.create', 'goal_step.update']);
  });

  it("does not let a participant touch another participant's goals, even by putting their ids under their own record", async () => {
    const other = await signIn(t.app, world.users.otherParticipantUser.email);
    const theirs = (await other.post(goalsOf(world.otherParticipant.id), { domain: 'legal', title: 'Finish probation', steps: [{ title: 'Meet my officer' }] })).json();
    const mine = (await me.post(goalsOf(world.participant.id), { domain: 'recovery', title: 'Mine', steps: [{ title: 'My step' }] })).json();

    expect((await me.get(goalsOf(world.otherParticipant.id))).statusCode).toBe(404);
    expect((await me.post(goalsOf(world.otherParticipant.id), housingGoal)).statusCode).toBe(404);
    expect((await me.patch(`${goalsOf(world.otherParticipant.id)}/${theirs.id}`, { title: 'Mine now' })).statusCode).toBe(404);

    const underMine = `${goalsOf(world.participant.id)}/${theirs.id}`;
    for (const res of [
      await me.patch(underMine, { title: 'Mine now' }),
      await me.post(`${underMine}/steps`, { title: 'Sneaky' }),
      await me.patch(`${underMine}/steps/${theirs.steps[0].id}`, { done: true }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('goal.not_found');
    }
    // Their step under my goal is not mine either.
    const stepUnderMine = await me.patch(`${goalsOf(world.participant.id)}/${mine.id}/steps/${theirs.steps[0].id}`, { done: true });
    expect(stepUnderMine.statusCode).toBe(404);
    expect(stepUnderMine.json().error.code).toBe('goal_step.not_found');

    const [untouched] = await t.database.db.select().from(goals).where(eq(goals.id, theirs.id));
    expect(untouched!.title).toBe('Finish probation');
    const [step] = await t.database.db.select().from(goalSteps).where(eq(goalSteps.id, theirs.steps[0].id));
    expect(step!.completedAt).toBeNull();
  });
});

describe('bad input', () => {
  it('rejects a goal with an invalid step whole, naming the field, and writes nothing', async () => {
    const before = await countGoals(world.participant.id);
    const res = await me.post(goalsOf(world.participant.id), { ...housingGoal, steps: [{ title: 'Fine' }, { title: '   ' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.steps.1.title']);
    expect(await countGoals(world.participant.id)).toBe(before);
  });

  it.each([
    [{ ...housingGoal, domain: 'willpower' }, 'body.domain'],
    [{ ...housingGoal, title: '' }, 'body.title'],
    [{ ...housingGoal, targetDate: 'next spring' }, 'body.targetDate'],
    [{ ...housingGoal, steps: [{ title: 'ok', dueDate: '2026-02-30' }] }, 'body.steps.0.dueDate'],
    [{ ...housingGoal, steps: Array.from({ length: 21 }, (_, i) => ({ title: `step ${i}` })) }, 'body.steps'],
  ])('names the bad field %#', async (body, field) => {
    const res = await me.post(goalsOf(world.participant.id), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it('rejects empty or impossible changes', async () => {
    const goal = (await me.post(goalsOf(world.participant.id), { domain: 'health', title: 'Sleep better', steps: [{ title: 'Phone off at 11' }] })).json();
    const url = `${goalsOf(world.participant.id)}/${goal.id}`;
    expect((await me.patch(url, {})).statusCode).toBe(400);
    const back = await me.patch(url, { status: 'suggested' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields[0].path).toBe('body.status');
    expect((await me.patch(`${url}/steps/${goal.steps[0].id}`, { done: 'yes' })).json().error.fields[0].path).toBe('body.done');
    expect((await me.patch(`${goalsOf(world.participant.id)}/not-a-uuid`, { title: 'x' })).statusCode).toBe(400);
  });

  it('keeps a goal to twenty steps', async () => {
    const goal = (await me.post(goalsOf(world.participant.id), { domain: 'recovery', title: 'Many steps', steps: Array.from({ length: 20 }, (_, i) => ({ title: `step ${i}` })) })).json();
    const res = await me.post(`${goalsOf(world.participant.id)}/${goal.id}/steps`, { title: 'one more' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.title');
  });
});
