import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

/** The 500s test/api/fuzz.test.ts found, each pinned down once fixed. */

let t: TestApp;
let world: World;
let me: Session;
let peer: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  [me, peer] = await Promise.all([signIn(t.app, world.users.participantUser.email), signIn(t.app, world.users.peerA.email)]);
});
afterAll(() => t.close());

describe('fuzzing regressions', () => {
  it('refuses training hours too small to store (a real column underflows) with a 400 naming the field', async () => {
    const training = { course: 'Naloxone refresher', domain: 'naloxone_overdose', completedOn: '2026-01-15' };
    const tiny = await peer.post('/api/me/training', { ...training, hours: 8e-323 });
    expect(tiny.statusCode).toBe(400);
    expect(tiny.json().error.fields[0].path).toBe('body.hours');
    expect((await peer.post('/api/me/training', { ...training, hours: 1.5 })).statusCode).toBe(201);
  });

  it('refuses a NUL character in any text with a 400 naming the field, and writes nothing (PostgreSQL text cannot hold one)', async () => {
    const count = async () => (await t.database.db.select().from(tasks).where(eq(tasks.ownerId, world.users.peerA.id))).length;
    const before = await count();
    const res = await peer.post('/api/tasks', { title: 'Call\u0000 Alex' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation.failed', fields: [{ path: 'body.title' }] });
    expect(await count()).toBe(before);

    const nested = await me.post(`/api/participants/${world.participant.id}/goals`, { domain: 'health', title: 'Walk', steps: [{ title: 'a\u0000b' }] });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.fields[0].path).toBe('body.steps.0.title');

    const query = await peer.get('/api/resources/search?q=%00');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.fields[0].path).toBe('querystring.q');

    // Ordinary text, emoji and right-to-left text still go through.
    expect((await peer.post('/api/tasks', { title: 'Call Alex 🙂 مرحبا' })).statusCode).toBe(201);
  });

  it('an empty change to a community profile answers the profile, not a 500', async () => {
    expect((await me.post('/api/community/me', { communityName: 'Quiet River' })).statusCode).toBe(200);
    const res = await me.patch('/api/community/me', {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ member: expect.anything() });
  });
});
