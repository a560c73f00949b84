import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.js';
import { createTestApp, signIn, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
});
afterAll(() => t.close());

describe('the demo community', () => {
  it('has spaces, a thread and a story, and a held post reaches the demo moderator', async () => {
    const alex = await signIn(t.app, 'participant@riverbend.example', DEMO_PASSWORD);
    const lee = await signIn(t.app, 'moderator@riverbend.example', DEMO_PASSWORD);
    const spaces = (await alex.get('/api/community/spaces')).json().spaces.map((s: { name: string }) => s.name);
    expect(spaces).toEqual(expect.arrayContaining(['Everyone at Riverbend', 'Hablemos en español', 'Parents in recovery']));
    expect(spaces).not.toContain('Reentry circle');
    expect((await alex.get('/api/community/stories')).json().stories).toHaveLength(1);
    const everyone = (await alex.get('/api/community/spaces')).json().spaces.find((s: { name: string }) => s.name === 'Everyone at Riverbend').id;
    const res = await alex.post(`/api/community/spaces/${everyone}/posts`, { body: 'Call me at 555-010-0199' });
    expect(res.json()).toMatchObject({ held: true });
    const queue = await lee.get('/api/community/moderation/queue');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((i: { post: { id: string } | null }) => i.post?.id)).toContain(res.json().post.id);
  });
});
