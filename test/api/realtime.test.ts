import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { userChannel } from '../../src/server/platform/realtime.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';
import { openSocket } from '../helpers/sockets.js';
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

describe('live events over WebSocket', () => {
  it('refuses a socket without a session', async () => {
    await expect(openSocket(base, {})).rejects.toThrow(/401/);
  });

  it('refuses a socket opened from another site with the user’s cookie', async () => {
    const s = await signIn(t.app, world.users.peerA.email);
    await expect(openSocket(base, { ...headersOf(s), origin: 'https://evil.example' })).rejects.toThrow(/403/);
  });

  it('delivers an event to every open tab of its user and to nobody else', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const other = await signIn(t.app, world.users.peerB.email);
    const [tab1, tab2, stranger] = await Promise.all([openSocket(base, headersOf(peer)), openSocket(base, headersOf(peer)), openSocket(base, headersOf(other))]);
    await Promise.all([tab1, tab2, stranger].map((s) => s.next((e) => e.type === 'ready')));
    await publishVia(t.app, userChannel(world.users.peerA.id), { type: 'test.hello', n: 1 });
    expect(await tab1.next((e) => e.type === 'test.hello')).toMatchObject({ n: 1 });
    expect(await tab2.next((e) => e.type === 'test.hello')).toMatchObject({ n: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(stranger.events.some((e) => e.type === 'test.hello')).toBe(false);
    for (const s of [tab1, tab2, stranger]) s.ws.close();
  });

  it('closes the sockets of a session when it signs out', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const socket = await openSocket(base, headersOf(peer));
    await socket.next((e) => e.type === 'ready');
    expect((await peer.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect(await socket.closed).toBe(4401);
  });

  it.skipIf(testDbKind() !== 'postgres')('two instances on one PostgreSQL database deliver to each other’s sockets', async () => {
    const secondDb = await openDatabase({ kind: 'postgres', url: testDatabaseUrl(), poolSize: 3 });
    const second = await buildApp({ config: testConfig(), database: secondDb });
    const secondBase = await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const peer = await signIn(t.app, world.users.peerA.email);
      const onSecond = await openSocket(secondBase, headersOf(peer));
      await onSecond.next((e) => e.type === 'ready');
      await publishVia(t.app, userChannel(world.users.peerA.id), { type: 'test.across', from: 'first' });
      expect(await onSecond.next((e) => e.type === 'test.across')).toMatchObject({ from: 'first' });
      onSecond.ws.close();
    } finally {
      await second.close();
      await secondDb.close();
    }
  });
});

/** Publishes through the app's own realtime, as a service in that instance would. */
function publishVia(app: FastifyInstance, channel: string, event: { type: string; [k: string]: unknown }) {
  return app.realtime.publish(channel, event);
}
