import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';
import { openSocket, type TestSocket } from '../helpers/sockets.js';
import { testDatabaseUrl, testDbKind } from '../setup/template.js';

let t: TestApp;
let world: World;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const headersOf = (s: Session) => ({ cookie: s.cookie });

async function ready(baseUrl: string, s: Session): Promise<TestSocket> {
  const socket = await openSocket(baseUrl, headersOf(s));
  await socket.next((e) => e.type === 'ready');
  return socket;
}

async function threadIdFor(s: Session, participantId: string): Promise<string> {
  return (await s.get(`/api/participants/${participantId}/thread`)).json().id;
}

describe('live messages', () => {
  it('reach every open tab of the recipient and the sender’s other tab, and nobody else', async () => {
    const participant = await signIn(t.app, world.users.participantUser.email);
    const peer = await signIn(t.app, world.users.peerA.email);
    const stranger = await signIn(t.app, world.users.peerA2.email);
    const threadId = await threadIdFor(peer, world.participant.id);
    const [phone, laptop, peerOtherTab, strangerTab] = await Promise.all([
      ready(base, participant),
      ready(base, participant),
      ready(base, peer),
      ready(base, stranger),
    ]);

    const sent = (await peer.post(`/api/threads/${threadId}/messages`, { body: 'See you at group tonight? I saved you a seat by the window.' })).json().message;
    const isIt = (e: Record<string, unknown>) => e.type === 'message.created' && e.messageId === sent.id;
    for (const tab of [phone, laptop, peerOtherTab]) {
      expect(await tab.next(isIt)).toEqual({
        type: 'message.created',
        threadId,
        participantId: world.participant.id,
        messageId: sent.id,
        senderId: world.users.peerA.id,
        // Short: a taste of the message, never the whole of a long one.
        preview: 'See you at group tonight? I saved you a seat by the window.',
      });
    }

    // The read receipt reaches the sender; the stranger heard neither event.
    await participant.post(`/api/threads/${threadId}/read`, { upTo: sent.id });
    expect(await peerOtherTab.next((e) => e.type === 'message.read' && e.threadId === threadId)).toMatchObject({ userId: world.users.participantUser.id });
    await new Promise((r) => setTimeout(r, 300));
    expect(strangerTab.events.filter((e) => e.type === 'message.created' || e.type === 'message.read')).toEqual([]);
    for (const s of [phone, laptop, peerOtherTab, strangerTab]) s.ws.close();
  });

  it('carry only a short preview of a long message', async () => {
    const participant = await signIn(t.app, world.users.participantUser.email);
    const peer = await signIn(t.app, world.users.peerA.email);
    const threadId = await threadIdFor(peer, world.participant.id);
    const tab = await ready(base, participant);
    const body = 'word '.repeat(800).trim();
    const sent = (await peer.post(`/api/threads/${threadId}/messages`, { body })).json().message;
    const event = await tab.next((e) => e.type === 'message.created' && e.messageId === sent.id);
    expect((event.preview as string).length).toBeLessThanOrEqual(80);
    tab.ws.close();
  });

  it.skipIf(testDbKind() !== 'postgres')('reach the recipient on another instance of the server sharing the PostgreSQL database', async () => {
    const secondDb = await openDatabase({ kind: 'postgres', url: testDatabaseUrl(), poolSize: 3 });
    const second = await buildApp({ config: testConfig(), database: secondDb });
    const secondBase = await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const participant = await signIn(t.app, world.users.participantUser.email);
      const peer = await signIn(t.app, world.users.peerA.email);
      const threadId = await threadIdFor(peer, world.participant.id);
      // The participant's socket is held by instance B; the message is posted to instance A.
      const onB = await ready(secondBase, participant);
      const sent = (await peer.post(`/api/threads/${threadId}/messages`, { body: 'Hello from the other side of the load balancer' })).json().message;
      expect(await onB.next((e) => e.type === 'message.created' && e.messageId === sent.id)).toMatchObject({ threadId, senderId: world.users.peerA.id });

      // And back: the participant replies through instance B; the peer worker's socket on A hears it, with the read receipt.
      const onA = await ready(base, peer);
      const participantOnB = await signIn(second, world.users.participantUser.email);
      await participantOnB.post(`/api/threads/${threadId}/read`, { upTo: sent.id });
      expect(await onA.next((e) => e.type === 'message.read' && e.threadId === threadId)).toMatchObject({ userId: world.users.participantUser.id });
      const reply = (await participantOnB.post(`/api/threads/${threadId}/messages`, { body: 'Got it, thank you' })).json().message;
      expect(await onA.next((e) => e.type === 'message.created' && e.messageId === reply.id)).toMatchObject({ threadId, senderId: world.users.participantUser.id });
      onA.ws.close();
      onB.ws.close();
    } finally {
      await second.close();
      await secondDb.close();
    }
  });
});
