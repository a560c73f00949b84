import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, addDays } from '../../src/shared/milestones.js';
import { auditEvents, tasks } from '../../src/server/db/schema/index.js';
import { listTasks } from '../../src/server/modules/tasks/list-tasks.js';
import type { AuthedContext } from '../../src/server/platform/context.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
});
afterAll(() => t.close());

// The test programs are in Chicago.
const today = () => localDate(new Date(), 'America/Chicago');

async function newPeer(): Promise<{ id: string; session: Session }> {
  const user = await makeUser(t.database.db, world.org.id, 'peer_worker', world.programA.id, 'peer');
  return { id: user.id, session: await signIn(t.app, user.email) };
}

const titles = (res: { json(): { tasks: Array<{ title: string }> } }) => res.json().tasks.map((x) => x.title);

describe('my task list', () => {
  it('sorts my tasks into today (due, overdue and undated), upcoming and done', async () => {
    const me = await newPeer();
    const add = async (title: string, dueOn?: string) => {
      const res = await me.session.post('/api/tasks', { title, ...(dueOn && { dueOn }) });
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    const overdue = await add('Return the housing form', addDays(today(), -2));
    await add('Call the food bank', today());
    await add('Read the training notes');
    await add('Prepare the group session', addDays(today(), 3));
    const done = await add('Order new leaflets', today());
    expect((await me.session.patch(`/api/tasks/${done.id}`, { done: true })).json().doneAt).toEqual(expect.any(String));

    const todayList = await me.session.get('/api/tasks?view=today');
    expect(todayList.statusCode).toBe(200);
    expect(titles(todayList)).toEqual(['Return the housing form', 'Call the food bank', 'Read the training notes']);
    expect(todayList.json().tasks[0]).toMatchObject({ id: overdue.id, overdue: true, source: 'manual' });
    expect(todayList.json().tasks[1].overdue).toBe(false);
    expect(titles(await me.session.get('/api/tasks?view=upcoming'))).toEqual(['Prepare the group session']);
    expect(titles(await me.session.get('/api/tasks?view=done'))).toEqual(['Order new leaflets']);
    expect(titles(await me.session.get('/api/tasks'))).toHaveLength(3);
  });

  it('counts "today" on the program’s calendar, not the server’s', async () => {
    const me = await newPeer();
    const [row] = await t.database.db
      .insert(tasks)
      .values({ organizationId: world.org.id, ownerId: me.id, source: 'manual', title: 'Due on the 11th', dueOn: '2026-03-11' })
      .returning();
    // The list as it stands at a given moment, through the use case (the route always uses "now").
    const listAt = (iso: string) => {
      const actor = { userId: me.id, organizationId: world.org.id, displayName: 'peer', memberships: [{ role: 'peer_worker' as const, programId: world.programA.id }], participantId: null, sessionId: 'test' };
      return listTasks({ actor, db: t.database.db } as unknown as AuthedContext, 'today', new Date(iso));
    };
    // 11:30 pm on the 10th in Chicago is already the 11th in UTC: not due yet there. Half past midnight it is.
    expect((await listAt('2026-03-11T04:30:00Z')).tasks.map((x) => x.id)).not.toContain(row!.id);
    expect((await listAt('2026-03-11T05:30:00Z')).tasks.map((x) => x.id)).toContain(row!.id);
  });

  it('reworded, re-dated and unticked; each change audited', async () => {
    const me = await newPeer();
    const task = (await me.session.post('/api/tasks', { title: 'Call Sam' })).json();
    const edited = await me.session.patch(`/api/tasks/${task.id}`, { title: 'Call Sam about Friday', dueOn: addDays(today(), 5) });
    expect(edited.json()).toMatchObject({ title: 'Call Sam about Friday', dueOn: addDays(today(), 5) });
    await me.session.patch(`/api/tasks/${task.id}`, { done: true });
    const undone = await me.session.patch(`/api/tasks/${task.id}`, { done: false, dueOn: null });
    expect(undone.json()).toMatchObject({ doneAt: null, dueOn: null });
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.resourceId, task.id), eq(auditEvents.outcome, 'allowed')));
    expect(audit.map((a) => a.action).sort()).toEqual(['task.create', 'task.update', 'task.update', 'task.update']);
  });

  it('links a task to a participant I may write to, with their name', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const res = await peer.post('/api/tasks', { title: 'Bring the bus pass form', participantId: world.participant.id });
    expect(res.statusCode).toBe(201);
    expect(res.json().participant).toEqual({ id: world.participant.id, preferredName: 'Alex Example' });
  });
});

describe('nobody else’s tasks', () => {
  it('never shows or changes another person’s task: 404, audited, nothing changed', async () => {
    const owner = await newPeer();
    const other = await newPeer();
    const task = (await owner.session.post('/api/tasks', { title: 'Private reminder' })).json();
    expect(titles(await other.session.get('/api/tasks?view=today'))).not.toContain('Private reminder');
    const res = await other.session.patch(`/api/tasks/${task.id}`, { done: true, title: 'Taken over' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('task.not_found');
    const [row] = await t.database.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ title: 'Private reminder', doneAt: null });
    const denied = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.resourceId, task.id), eq(auditEvents.outcome, 'denied')));
    expect(denied).toMatchObject([{ action: 'task.update', actorUserId: other.id }]);
    // A supervisor does not read their peer workers' lists either.
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    expect(titles(await supervisor.get('/api/tasks?view=today'))).not.toContain('Private reminder');
  });

  it('refuses a task about a participant I may not write to (404, audited) and writes nothing', async () => {
    const other = await signIn(t.app, world.users.peerA2.email);
    const res = await other.post('/api/tasks', { title: 'Check on Alex', participantId: world.participant.id });
    expect(res.statusCode).toBe(404);
    expect(await t.database.db.select().from(tasks).where(eq(tasks.title, 'Check on Alex'))).toEqual([]);
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'task.create'), eq(auditEvents.outcome, 'denied'), eq(auditEvents.actorUserId, world.users.peerA2.id)));
    expect(denied).toHaveLength(1);
  });

  it('answers bad input with 400 and writes nothing', async () => {
    const me = await newPeer();
    for (const body of [{}, { title: '' }, { title: 'x'.repeat(301) }, { title: 'Fine', dueOn: '2026-02-30' }, { title: 'Fine', dueOn: 'tomorrow' }]) {
      const res = await me.session.post('/api/tasks', body);
      expect(res.statusCode).toBe(400);
    }
    expect(await t.database.db.select().from(tasks).where(eq(tasks.ownerId, me.id))).toEqual([]);
    const task = (await me.session.post('/api/tasks', { title: 'Real one' })).json();
    expect((await me.session.patch(`/api/tasks/${task.id}`, {})).statusCode).toBe(400);
    expect((await me.session.patch(`/api/tasks/${task.id}`, { title: '   ' })).statusCode).toBe(400);
    expect((await me.session.get('/api/tasks?view=someday')).statusCode).toBe(400);
    expect((await t.database.db.select().from(tasks).where(eq(tasks.id, task.id)))[0]!.title).toBe('Real one');
  });
});
