import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, auditEvents, messages, peerAssignments, programs, threadMembers } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeParticipant, makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let me: Session;
let peer: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  me = await signIn(t.app, world.users.participantUser.email);
  peer = await signIn(t.app, world.users.peerA.email);
});
afterAll(() => t.close());

const threadOf = (participantId: string) => `/api/participants/${participantId}/thread`;
const db = () => t.database.db;

async function openThread(s: Session, participantId: string): Promise<string> {
  const res = await s.get(threadOf(participantId));
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

async function send(s: Session, threadId: string, body: string, clientId?: string) {
  return s.post(`/api/threads/${threadId}/messages`, { body, ...(clientId ? { clientId } : {}) });
}

const messagesIn = (threadId: string) => db().select().from(messages).where(eq(messages.threadId, threadId));
const alertsOf = (participantId: string) => db().select().from(alerts).where(and(eq(alerts.participantId, participantId), eq(alerts.kind, 'crisis_language')));
const auditOf = (action: string, resourceId: string) =>
  db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.resourceId, resourceId), eq(auditEvents.outcome, 'allowed')));

/** A participant of their own with a login and peer worker, so tests do not share a conversation. */
async function freshPair(name: string) {
  const user = await makeUser(db(), world.org.id, 'participant', world.programA.id, name.toLowerCase().replace(/[^a-z]+/g, '-'));
  const participant = await makeParticipant(db(), {
    organizationId: world.org.id,
    programId: world.programA.id,
    userId: user.id,
    peerWorkerId: world.users.peerA.id,
    name,
  });
  return { participant, session: await signIn(t.app, user.email) };
}

describe('the conversation between a participant and their peer worker', () => {
  it('is started on first use with the participant and their peer worker as members, and is the same one for both', async () => {
    const res = await peer.get(threadOf(world.participant.id));
    expect(res.statusCode).toBe(200);
    const thread = res.json();
    expect(thread).toMatchObject({
      participant: { id: world.participant.id, preferredName: 'Alex Example', hasLogin: true },
      unreadCount: 0,
      can: { read: true, send: true, join: false, leave: false },
    });
    expect(thread.members.map((m: { userId: string; role: string }) => [m.userId, m.role]).sort()).toEqual(
      [
        [world.users.participantUser.id, 'participant'],
        [world.users.peerA.id, 'peer_worker'],
      ].sort(),
    );
    expect((await me.get(threadOf(world.participant.id))).json().id).toBe(thread.id);
  });

  it('sends a message, counts it unread for the other, and lists the conversation with a preview', async () => {
    const threadId = await openThread(peer, world.participant.id);
    const res = await send(peer, threadId, '  Good morning Alex! How did the interview go?  ');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      message: { threadId, senderId: world.users.peerA.id, body: 'Good morning Alex! How did the interview go?', crisisDetected: false },
      crisis: { detected: false, resources: null },
    });
    expect(await auditOf('message.send', res.json().message.id)).toHaveLength(1);

    const mine = (await me.get('/api/threads')).json().threads;
    const listed = mine.find((x: { id: string }) => x.id === threadId);
    expect(listed).toMatchObject({
      participant: { id: world.participant.id },
      others: [{ userId: world.users.peerA.id, role: 'peer_worker' }],
      lastMessage: { senderId: world.users.peerA.id, preview: 'Good morning Alex! How did the interview go?' },
      unreadCount: 1,
    });
    expect((await me.get('/api/threads/unread')).json()).toEqual({ unreadCount: 1, threads: 1 });
    // The sender has read their own message.
    expect((await peer.get('/api/threads')).json().threads.find((x: { id: string }) => x.id === threadId).unreadCount).toBe(0);
  });

  it('marks read up to a message, only forward, and shows the receipt to the other member', async () => {
    const threadId = await openThread(me, world.participant.id);
    const first = (await send(peer, threadId, 'One more thing: the group moved to Thursday.')).json().message;
    const second = (await send(peer, threadId, 'Same room as before.')).json().message;
    expect((await me.get('/api/threads/unread')).json().unreadCount).toBeGreaterThanOrEqual(2);

    const read = await me.post(`/api/threads/${threadId}/read`, { upTo: second.id });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ threadId, unreadCount: 0, moved: true });
    // A late receipt for an older message changes nothing.
    const late = await me.post(`/api/threads/${threadId}/read`, { upTo: first.id });
    expect(late.json()).toMatchObject({ unreadCount: 0, moved: false });
    expect((await me.get('/api/threads/unread')).json()).toEqual({ unreadCount: 0, threads: 0 });

    const seenBy = (await peer.get(threadOf(world.participant.id))).json().members.find((m: { userId: string }) => m.userId === world.users.participantUser.id);
    expect(Date.parse(seenBy.lastReadAt)).toBeGreaterThanOrEqual(Date.parse(second.createdAt));
    const receipts = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'message.read'), eq(auditEvents.resourceId, threadId), eq(auditEvents.actorUserId, world.users.participantUser.id)));
    expect(receipts.filter((r) => (r.details as { receipt?: boolean }).receipt)).toHaveLength(1);
  });

  it('refuses a read receipt for a message of another conversation', async () => {
    const threadId = await openThread(me, world.participant.id);
    const other = await freshPair('Quinn Receipt');
    const otherThread = await openThread(other.session, other.participant.id);
    const theirs = (await send(other.session, otherThread, 'hello')).json().message;
    const res = await me.post(`/api/threads/${threadId}/read`, { upTo: theirs.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.upTo');
  });

  it('gives back the same message when a send is retried with the same clientId', async () => {
    const threadId = await openThread(me, world.participant.id);
    const clientId = randomUUID();
    const first = await send(me, threadId, 'It went well, they call back Friday!', clientId);
    const again = await send(me, threadId, 'It went well, they call back Friday!', clientId);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().message).toEqual(first.json().message);
    expect((await messagesIn(threadId)).filter((m) => m.id === clientId)).toHaveLength(1);
    expect(await auditOf('message.send', clientId)).toHaveLength(1);
    // Someone else's message id is not theirs to reuse.
    const taken = await send(peer, threadId, 'hijack', clientId);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('message.client_id_taken');
  });

  it('refuses an empty, blank or too long message, and writes nothing', async () => {
    const threadId = await openThread(me, world.participant.id);
    const before = (await messagesIn(threadId)).length;
    for (const body of ['', '   \n\t ', 'x'.repeat(4001)]) {
      const res = await send(me, threadId, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toBe('body.body');
    }
    expect((await send(me, threadId, 'x'.repeat(4000))).statusCode).toBe(201);
    expect((await me.post(`/api/threads/${threadId}/messages`, { body: 'hi', clientId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await messagesIn(threadId)).length).toBe(before + 1);
  });
});

describe('paging through history', () => {
  it('pages newest first with a cursor that stays put while new messages arrive', async () => {
    const { participant, session } = await freshPair('Sky Pager');
    const threadId = await openThread(session, participant.id);
    const sent: string[] = [];
    for (let i = 1; i <= 7; i++) sent.push((await send(i % 2 ? session : peer, threadId, `message ${i}`)).json().message.id);

    const page1 = (await peer.get(`/api/threads/${threadId}/messages?limit=3`)).json();
    expect(page1.messages.map((m: { body: string }) => m.body)).toEqual(['message 5', 'message 6', 'message 7']);
    expect(page1.before).toBe(sent[4]);

    // New messages after the first page change nothing about the older pages.
    await send(session, threadId, 'message 8');
    const page2 = (await peer.get(`/api/threads/${threadId}/messages?limit=3&before=${page1.before}`)).json();
    expect(page2.messages.map((m: { body: string }) => m.body)).toEqual(['message 2', 'message 3', 'message 4']);
    const page3 = (await peer.get(`/api/threads/${threadId}/messages?limit=3&before=${page2.before}`)).json();
    expect(page3.messages.map((m: { body: string }) => m.body)).toEqual(['message 1']);
    expect(page3.before).toBeNull();

    // One audit event per page read, not one per message.
    const reads = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'message.read'), eq(auditEvents.resourceId, threadId), eq(auditEvents.actorUserId, world.users.peerA.id)));
    expect(reads.filter((r) => (r.details as { messages?: number }).messages !== undefined)).toHaveLength(3);
  });

  it('keeps messages sent in the same instant in one order across pages', async () => {
    const { participant, session } = await freshPair('Ren Sametime');
    const threadId = await openThread(session, participant.id);
    const at = new Date('2026-01-10T12:00:00Z');
    const ids = Array.from({ length: 5 }, () => randomUUID()).sort();
    await db()
      .insert(messages)
      .values(ids.map((id, i) => ({ id, organizationId: world.org.id, threadId, senderId: world.users.peerA.id, body: `tie ${i}`, createdAt: at })));
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: { messages: Array<{ id: string }>; before: string | null } = (
        await peer.get(`/api/threads/${threadId}/messages?limit=2${before ? `&before=${before}` : ''}`)
      ).json();
      seen.unshift(...page.messages.map((m) => m.id));
      before = page.before;
    } while (before);
    expect(seen).toEqual(ids);
  });

  it('refuses a bad cursor or limit with a 400', async () => {
    const threadId = await openThread(me, world.participant.id);
    for (const query of ['before=nonsense', `before=${randomUUID()}`, 'limit=0', 'limit=101', 'limit=abc']) {
      const res = await me.get(`/api/threads/${threadId}/messages?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
    // A message of another conversation is not a cursor here.
    const other = await freshPair('Lee Cursor');
    const otherThread = await openThread(other.session, other.participant.id);
    const theirs = (await send(other.session, otherThread, 'hello')).json().message;
    expect((await me.get(`/api/threads/${threadId}/messages?before=${theirs.id}`)).statusCode).toBe(400);
  });
});

describe('crisis language in a participant’s message', () => {
  it('flags the message, raises an urgent alert in the same write, and answers with crisis resources', async () => {
    const { participant, session } = await freshPair('Morgan Crisis');
    await db().update(programs).set({ crisisLine: '555-0100' }).where(eq(programs.id, world.programA.id));
    try {
      const threadId = await openThread(session, participant.id);
      const res = await send(session, threadId, "Honestly tonight is bad. I just want to die, I can't do this anymore and nobody would notice.");
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.message.crisisDetected).toBe(true);
      expect(body.crisis).toEqual({
        detected: true,
        resources: { crisisLine: '555-0100', safetyPlanPath: `/participants/${participant.id}/safety-plan`, peerWorkerName: 'peer-a person' },
      });
      const raised = await alertsOf(participant.id);
      expect(raised).toHaveLength(1);
      expect(raised[0]).toMatchObject({ severity: 'urgent', sourceType: 'message', sourceId: body.message.id, status: 'open' });
      expect(raised[0]!.reason).toMatch(/^Message on \w{3} \d{1,2}, \d{4} used crisis language: ".*want to die.*" \(matched "want to die"/);
      // The quote is short: never the whole message.
      expect(raised[0]!.reason.length).toBeLessThan(300);

      // A retry answers with the same resources and raises nothing new.
      const again = await send(session, threadId, 'ignored', body.message.id);
      expect(again.json().crisis.detected).toBe(true);
      expect(await alertsOf(participant.id)).toHaveLength(1);
    } finally {
      await db().update(programs).set({ crisisLine: null }).where(eq(programs.id, world.programA.id));
    }
  });

  it('reads Spanish too', async () => {
    const { participant, session } = await freshPair('Lucía Espanol');
    const threadId = await openThread(session, participant.id);
    const res = await send(session, threadId, 'Ya no quiero vivir, estoy muy cansada.');
    expect(res.json().crisis).toMatchObject({ detected: true, resources: { crisisLine: '988' } });
    expect(await alertsOf(participant.id)).toHaveLength(1);
  });

  it('raises nothing for negated words', async () => {
    const { participant, session } = await freshPair('Casey Negation');
    const threadId = await openThread(session, participant.id);
    const res = await send(session, threadId, "Rough day, but I'm not going to hurt myself. Talking helps.");
    expect(res.json()).toMatchObject({ message: { crisisDetected: false }, crisis: { detected: false, resources: null } });
    expect(await alertsOf(participant.id)).toHaveLength(0);
  });

  it('never raises for a peer worker’s own words', async () => {
    const { participant } = await freshPair('Jamie Staffwords');
    const threadId = await openThread(peer, participant.id);
    const res = await send(peer, threadId, 'If you ever feel like you want to die or want to kill yourself, call 988 right away.');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ message: { crisisDetected: false }, crisis: { detected: false } });
    expect(await alertsOf(participant.id)).toHaveLength(0);
  });
});

describe('who may not', () => {
  async function expectDenied(res: { statusCode: number; json(): any }, action: string, actorUserId: string, resourceId: string) {
    expect(res.statusCode).toBe(404);
    const denied = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.outcome, 'denied'), eq(auditEvents.actorUserId, actorUserId), eq(auditEvents.resourceId, resourceId)));
    expect(denied.length).toBeGreaterThanOrEqual(1);
  }

  it('tells an unassigned peer worker and another participant that the conversation does not exist, and audits each try', async () => {
    const threadId = await openThread(me, world.participant.id);
    const before = (await messagesIn(threadId)).length;
    const someMessage = (await send(me, threadId, 'just between us')).json().message;
    for (const [who, userId] of [
      [await signIn(t.app, world.users.peerA2.email), world.users.peerA2.id],
      [await signIn(t.app, world.users.otherParticipantUser.email), world.users.otherParticipantUser.id],
      [await signIn(t.app, world.users.peerB.email), world.users.peerB.id],
    ] as const) {
      await expectDenied(await who.get(threadOf(world.participant.id)), 'message.read', userId, world.participant.id);
      await expectDenied(await who.get(`/api/threads/${threadId}/messages`), 'message.read', userId, threadId);
      await expectDenied(await send(who, threadId, 'let me in'), 'message.send', userId, threadId);
      await expectDenied(await who.post(`/api/threads/${threadId}/read`, { upTo: someMessage.id }), 'message.read', userId, threadId);
      await expectDenied(await who.post(`/api/threads/${threadId}/join`), 'thread.join', userId, threadId);
      expect((await who.get('/api/threads')).json().threads.some((x: { id: string }) => x.id === threadId)).toBe(false);
    }
    expect((await messagesIn(threadId)).length).toBe(before + 1);
  });

  it('lets a supervisor see the conversation exists but read it only after joining; the join is audited and shown to the others', async () => {
    const { participant, session } = await freshPair('Drew Handover');
    const threadId = await openThread(session, participant.id);
    await send(session, threadId, 'Can we move our call?');
    const sup = await signIn(t.app, world.users.supervisorA.email);

    const thread = (await sup.get(threadOf(participant.id))).json();
    expect(thread).toMatchObject({ id: threadId, unreadCount: 0, can: { read: false, send: false, join: true, leave: false } });
    await expectDenied(await sup.get(`/api/threads/${threadId}/messages`), 'message.read', world.users.supervisorA.id, threadId);
    await expectDenied(await send(sup, threadId, 'hello'), 'message.send', world.users.supervisorA.id, threadId);
    expect((await sup.get('/api/threads')).json().threads.some((x: { id: string }) => x.id === threadId)).toBe(false);

    // A supervisor of another program cannot even join.
    const supB = await signIn(t.app, world.users.supervisorB.email);
    await expectDenied(await supB.post(`/api/threads/${threadId}/join`), 'thread.join', world.users.supervisorB.id, threadId);

    const joined = await sup.post(`/api/threads/${threadId}/join`);
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ can: { read: true, send: true, join: false, leave: true }, unreadCount: 1 });
    expect(await auditOf('thread.join', threadId)).toHaveLength(1);
    expect((await sup.get(`/api/threads/${threadId}/messages`)).json().messages.map((m: { body: string }) => m.body)).toEqual(['Can we move our call?']);
    const seenByParticipant = (await session.get(threadOf(participant.id))).json().members;
    expect(seenByParticipant).toContainEqual(expect.objectContaining({ userId: world.users.supervisorA.id, role: 'supervisor', leftAt: null }));

    const left = await sup.post(`/api/threads/${threadId}/leave`);
    expect(left.json()).toMatchObject({ can: { read: false, join: true } });
    expect(await auditOf('thread.leave', threadId)).toHaveLength(1);
    await expectDenied(await sup.get(`/api/threads/${threadId}/messages`), 'message.read', world.users.supervisorA.id, threadId);
  });

  it('keeps the participant and their peer worker in their conversation', async () => {
    const threadId = await openThread(me, world.participant.id);
    for (const s of [me, peer]) {
      const res = await s.post(`/api/threads/${threadId}/leave`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('thread.cannot_leave');
    }
  });

  it('moves the conversation to the new peer worker when the participant is reassigned', async () => {
    const { participant, session } = await freshPair('Avery Reassign');
    const threadId = await openThread(session, participant.id);
    await send(session, threadId, 'Message for my first peer worker');
    await db()
      .update(peerAssignments)
      .set({ endedAt: new Date() })
      .where(eq(peerAssignments.participantId, participant.id));
    await db().insert(peerAssignments).values({ organizationId: world.org.id, participantId: participant.id, peerWorkerId: world.users.peerA2.id });

    const newPeer = await signIn(t.app, world.users.peerA2.email);
    const listed = (await newPeer.get('/api/threads')).json().threads.find((x: { id: string }) => x.id === threadId);
    // What the participant wrote before the change waits for the new peer worker, unread.
    expect(listed).toMatchObject({ unreadCount: 1, lastMessage: { preview: 'Message for my first peer worker' } });
    expect((await newPeer.get(`/api/threads/${threadId}/messages`)).statusCode).toBe(200);

    await expectDenied(await peer.get(`/api/threads/${threadId}/messages`), 'message.read', world.users.peerA.id, threadId);
    const [old] = await db()
      .select()
      .from(threadMembers)
      .where(and(eq(threadMembers.threadId, threadId), eq(threadMembers.userId, world.users.peerA.id)));
    expect(old!.leftAt).not.toBeNull();
  });

  it('starts a conversation for a participant without a login with the peer worker alone', async () => {
    const res = await signIn(t.app, world.users.peerB.email).then((s) => s.get(threadOf(world.noLoginParticipant.id)));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ participant: { hasLogin: false }, members: [{ userId: world.users.peerB.id, role: 'peer_worker' }] });
  });

  it('refuses a malformed thread id with a 400, and an unknown one with an audited 404', async () => {
    expect((await peer.get('/api/threads/not-a-uuid/messages')).statusCode).toBe(400);
    const unknown = randomUUID();
    await expectDenied(await peer.get(`/api/threads/${unknown}/messages`), 'message.read', world.users.peerA.id, unknown);
  });
});
