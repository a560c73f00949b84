import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { alerts, communityPosts, communityMembers, users } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { privacyProblems, recorded, type SeenBody } from '../helpers/community-privacy.js';
import { makeOrganization, makeProgram, makeUser, makeWorld, type World } from '../helpers/factories.js';
import { openSocket, type TestSocket } from '../helpers/sockets.js';
import { testDatabaseUrl, testDbKind } from '../setup/template.js';

let t: TestApp;
let w: World;
let base: string;
// Every community response body, for the privacy walk at the end.
const seen: SeenBody[] = [];
const as = async (email: string) => recorded(await signIn(t.app, email), seen);
const del = (s: Session, url: string) => s.request({ method: 'DELETE', url });

let alex: Session; // participant, program A
let robin: Session; // participant, program A
let peer: Session; // Alex's peer worker
let mod: Session; // moderator, program A
let peerB: Session; // peer worker, program B
let newcomer: Session; // a participant whose account is two days old
let outsider: Session; // another organization
let admin: Session;
let everyone: string;
let programB: string;
let parents: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.database.db);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  // Everyone in the world has been around a while; the newcomer's account is two days old.
  await t.database.db.update(users).set({ createdAt: sql`now() - interval '400 days'` }).where(eq(users.organizationId, w.org.id));
  const fresh = await makeUser(t.database.db, w.org.id, 'participant', w.programA.id, 'newcomer');
  await t.database.db.update(users).set({ createdAt: sql`now() - interval '2 days'` }).where(eq(users.id, fresh.id));
  const otherOrg = await makeOrganization(t.database.db, 'Another Org');
  const otherProgram = await makeProgram(t.database.db, otherOrg.id);
  const stranger = await makeUser(t.database.db, otherOrg.id, 'moderator', otherProgram.id, 'stranger');

  [alex, robin, peer, mod, peerB, newcomer, outsider] = await Promise.all([
    as(w.users.participantUser.email),
    as(w.users.otherParticipantUser.email),
    as(w.users.peerA.email),
    as(w.users.moderatorA.email),
    as(w.users.peerB.email),
    as(fresh.email),
    as(stranger.email),
  ]);
  admin = await as(w.users.orgAdmin.email);
  const names: Array<[Session, string]> = [
    [alex, 'RiverStone'],
    [robin, 'MorningLight'],
    [peer, 'PeerSam'],
    [mod, 'KindModerator'],
    [peerB, 'ReentryPeer'],
    [newcomer, 'NewLeaf'],
    [outsider, 'Elsewhere'],
  ];
  for (const [s, name] of names) {
    const res = await s.post('/api/community/me', { communityName: name });
    expect(res.statusCode).toBe(200);
    ids[name] = res.json().member.id;
  }
  everyone = (await mod.post('/api/community/spaces', { audience: 'organization', name: 'Everyone', description: 'All of us', rules: 'Be kind.' })).json().id;
  // A moderator of program A cannot make a space for program B; the org admin can.
  expect((await mod.post('/api/community/spaces', { audience: 'program', programId: w.programB.id, name: 'No', description: 'No', rules: 'No' })).statusCode).toBe(403);
  programB = (await admin.post('/api/community/spaces', { audience: 'program', programId: w.programB.id, name: 'Reentry circle', description: 'Coming home', rules: 'Be kind.' })).json().id;
  const made = await mod.post('/api/community/spaces', { audience: 'group', name: 'Parents', description: 'Parents in recovery', rules: 'Be kind.', memberIds: [ids.MorningLight], moderatorIds: [ids.PeerSam] });
  expect(made.statusCode).toBe(201);
  parents = made.json().id;
});
afterAll(() => t.close());

const post = (s: Session, spaceId: string, body: string, extra: Record<string, unknown> = {}) =>
  s.post(`/api/community/spaces/${spaceId}/posts`, { body, acceptGuidelines: true, ...extra });

describe('spaces and posts', () => {
  it('asks for the guidelines on the first post, then publishes; another member replies "me too"', async () => {
    const first = await alex.post(`/api/community/spaces/${everyone}/posts`, { title: 'Day 12', body: 'Twelve days today. Mornings are the hardest.' });
    expect(first.statusCode).toBe(409);
    expect(first.json().error.code).toBe('community.guidelines_required');
    const res = await post(alex, everyone, 'Twelve days today. Mornings are the hardest.', { title: 'Day 12' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ held: false, crisis: { detected: false }, post: { status: 'published', author: { id: ids.RiverStone, communityName: 'RiverStone' } } });
    const postId = res.json().post.id;
    ids.alexPost = postId;

    const reply = await robin.post(`/api/community/posts/${postId}/replies`, { body: 'Me too. Coffee and a walk help me.', acceptGuidelines: true });
    expect(reply.statusCode).toBe(201);
    const reacted = await robin.post(`/api/community/posts/${postId}/reactions`, { kind: 'me_too' });
    expect(reacted.json().myReactions).toEqual(['me_too']);
    // No counts and nobody's name: Alex sees only their own reactions (none).
    const thread = (await alex.get(`/api/community/posts/${postId}`)).json();
    expect(thread.post.myReactions).toEqual([]);
    expect(thread.post).not.toHaveProperty('reactionCount');
    expect(thread.replies.map((r: { body: string }) => r.body)).toEqual(['Me too. Coffee and a walk help me.']);
    expect(thread.following).toBe(true);

    // Alex follows their thread and hears of the reply in-app.
    const notes = (await alex.get('/api/notifications')).json();
    expect(notes.notifications.some((n: { kind: string; link: string }) => n.kind === 'community_reply' && n.link === `/community/threads/${postId}`)).toBe(true);
  });

  it('keeps spaces of another organization, another program, or a group one is not in invisible (404)', async () => {
    expect((await outsider.get(`/api/community/spaces/${everyone}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/community/spaces/${everyone}/posts`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/community/posts/${ids.alexPost}`)).statusCode).toBe(404);
    expect((await post(outsider, everyone, 'hello')).statusCode).toBe(404);
    expect((await alex.get(`/api/community/spaces/${programB}`)).statusCode).toBe(404);
    expect((await alex.get(`/api/community/spaces/${parents}`)).statusCode).toBe(404);
    expect((await robin.get(`/api/community/spaces/${parents}`)).statusCode).toBe(200);
    expect((await peerB.get(`/api/community/spaces/${programB}`)).statusCode).toBe(200);
    const listed = (await alex.get('/api/community/spaces')).json().spaces.map((s: { name: string }) => s.name);
    expect(listed).toEqual(['Everyone']);
    const parentsSpace = (await robin.get(`/api/community/spaces/${parents}`)).json();
    expect(parentsSpace.moderators).toEqual([{ id: ids.PeerSam, communityName: 'PeerSam', peerWorker: true }]);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(communityPosts);
    expect((await post(alex, everyone, '   ')).statusCode).toBe(400);
    expect((await alex.post(`/api/community/posts/${ids.alexPost}/reactions`, { kind: 'downvote' })).statusCode).toBe(400);
    expect((await alex.patch('/api/community/me', { communityName: 'Call 5550100199' })).statusCode).toBe(400);
    expect((await alex.patch('/api/community/me', { communityName: 'a@b' })).statusCode).toBe(400);
    const after = await t.database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(communityPosts);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await robin.post('/api/community/me', { communityName: 'riverstone' })).statusCode).toBe(409);
  });

  it('shows "for peer workers only" posts to peer workers and moderators only', async () => {
    expect((await post(alex, everyone, 'Only for staff?', { peerWorkersOnly: true })).statusCode).toBe(403);
    const res = await post(peer, everyone, 'Debrief after tonight: take care of yourselves.', { peerWorkersOnly: true });
    expect(res.statusCode).toBe(201);
    const staff = (await peerB.get(`/api/community/spaces/${everyone}/posts`)).json().posts.map((p: { id: string }) => p.id);
    const members = (await alex.get(`/api/community/spaces/${everyone}/posts`)).json().posts.map((p: { id: string }) => p.id);
    expect(staff).toContain(res.json().post.id);
    expect(members).not.toContain(res.json().post.id);
    expect((await alex.get(`/api/community/posts/${res.json().post.id}`)).statusCode).toBe(404);
  });

  it('finds posts by words in the spaces one sees', async () => {
    const found = (await robin.get('/api/community/search?q=mornings%20hardest')).json().posts;
    expect(found.map((p: { id: string }) => p.id)).toContain(ids.alexPost);
    expect((await outsider.get('/api/community/search?q=mornings')).json().posts).toEqual([]);
  });
});

describe('safety before publishing', () => {
  it("holds a new account's post with a phone number; the moderator edits the number out and approves it", async () => {
    const res = await post(newcomer, everyone, 'New here. Anyone want to talk? Call me at 555-010-0199');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ held: true, post: { status: 'held', heldFor: ['contact.phone'] } });
    const id = res.json().post.id;
    expect((await alex.get(`/api/community/spaces/${everyone}/posts`)).json().posts.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await alex.get(`/api/community/posts/${id}`)).statusCode).toBe(404);

    expect((await alex.get('/api/community/moderation/queue')).statusCode).toBe(403);
    const queue = (await mod.get('/api/community/moderation/queue')).json().items;
    const item = queue.find((i: { post: { id: string } | null }) => i.post?.id === id);
    expect(item).toMatchObject({ kind: 'held', rules: ['contact.phone'], member: { communityName: 'NewLeaf' } });
    expect(item.waitingMinutes).toBeGreaterThanOrEqual(0);

    const done = await mod.post(`/api/community/moderation/queue/${item.id}`, { action: 'edit' });
    expect(done.statusCode).toBe(200);
    expect(done.json().post).toMatchObject({ status: 'published', body: 'New here. Anyone want to talk? Call me at [contact removed]' });
    const thread = (await alex.get(`/api/community/posts/${id}`)).json();
    expect(thread.post.body).not.toContain('555');
  });

  it('holds dealing and brokering from anyone, and lets a meeting line through', async () => {
    const dealing = await post(robin, everyone, 'I have some extra percs if anyone wants them');
    expect(dealing.json()).toMatchObject({ held: true, post: { heldFor: ['dealing.offer'] } });
    const recruiting = await post(robin, everyone, 'Renta gratis en nuestra casa, te pagamos el vuelo');
    expect(recruiting.json()).toMatchObject({ held: true, post: { heldFor: ['brokering.recruiting'] } });
    const line = await post(newcomer, everyone, 'The Thursday meeting phone line is 555-010-0199, anyone can call in');
    expect(line.json()).toMatchObject({ held: false });
  });

  it('answers crisis language with support for the writer, an urgent alert for their peer worker and the moderators', async () => {
    const modTab = await openSocket(base, { cookie: mod.cookie });
    const peerTab = await openSocket(base, { cookie: peer.cookie });
    await modTab.next((e) => e.type === 'ready');
    await peerTab.next((e) => e.type === 'ready');
    const res = await post(alex, everyone, "Honestly I don't want to be here anymore. I want to die.");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ held: false, crisis: { detected: true, support: { crisisLine: '988', peerWorkerTold: true, safetyPlan: true } } });
    const postId = res.json().post.id;
    expect(await modTab.next((e) => e.type === 'community.crisis' && e.postId === postId)).toMatchObject({ spaceId: everyone });
    expect(await peerTab.next((e) => e.type === 'alert.raised')).toMatchObject({ participantId: w.participant.id, kind: 'crisis_language', severity: 'urgent' });
    const raised = await t.database.db.select().from(alerts).where(and(eq(alerts.participantId, w.participant.id), eq(alerts.kind, 'crisis_language')));
    expect(raised.some((a) => a.sourceId === postId)).toBe(true);
    const queue = (await mod.get('/api/community/moderation/queue')).json().items;
    expect(queue[0]).toMatchObject({ kind: 'crisis', urgency: 0, post: { id: postId } });
    modTab.ws.close();
    peerTab.ws.close();
  });
});

describe('moderation', () => {
  it('removes a reported post: gone for members, kept for the moderators, with the reason shown to the writer; the writer appeals', async () => {
    const res = await post(robin, everyone, 'Honestly this program is a joke and so are all of you');
    const id = res.json().post.id;
    expect((await alex.post('/api/community/reports', { postId: id, reason: 'harassment' })).statusCode).toBe(201);
    const item = (await mod.get('/api/community/moderation/queue')).json().items.find((i: { post: { id: string } | null; kind: string }) => i.kind === 'report' && i.post?.id === id);
    expect(item.report).toEqual({ reason: 'harassment', details: null });
    expect(JSON.stringify(item)).not.toContain(ids.RiverStone);
    expect((await mod.post(`/api/community/moderation/queue/${item.id}`, { action: 'remove' })).statusCode).toBe(400);
    expect((await mod.post(`/api/community/moderation/queue/${item.id}`, { action: 'remove', reason: 'Please speak to people with respect.' })).statusCode).toBe(200);

    expect((await alex.get(`/api/community/posts/${id}`)).statusCode).toBe(404);
    expect((await alex.get(`/api/community/spaces/${everyone}/posts`)).json().posts.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await mod.get(`/api/community/posts/${id}`)).json().post).toMatchObject({ status: 'removed', removalReason: 'Please speak to people with respect.' });
    expect((await robin.get(`/api/community/posts/${id}`)).json().post).toMatchObject({ status: 'removed', removalReason: 'Please speak to people with respect.' });

    const mine = (await robin.get('/api/community/me/moderation')).json().actions;
    const removal = mine.find((a: { kind: string; postId: string }) => a.kind === 'remove' && a.postId === id);
    expect(removal.reason).toBe('Please speak to people with respect.');
    expect((await alex.post(`/api/community/me/moderation/${removal.id}/appeal`, { body: 'not mine' })).statusCode).toBe(404);
    expect((await robin.post(`/api/community/me/moderation/${removal.id}/appeal`, { body: 'I was upset; I will rephrase.' })).statusCode).toBe(200);
    const appeal = (await mod.get('/api/community/moderation/queue')).json().items.find((i: { kind: string }) => i.kind === 'appeal');
    expect(appeal.appeal).toMatchObject({ body: 'I was upset; I will rephrase.', action: 'remove' });
    expect((await mod.post(`/api/community/moderation/queue/${appeal.id}`, { action: 'dismiss' })).statusCode).toBe(200);
    expect((await robin.get('/api/community/me/moderation')).json().actions.find((a: { id: string }) => a.id === removal.id).appeal).toEqual({ status: 'upheld' });
  });

  it('mutes a person for a time: they can read but not post', async () => {
    expect((await mod.post('/api/community/reports', { memberId: ids.NewLeaf, reason: 'spam' })).statusCode).toBe(201);
    const item = (await mod.get('/api/community/moderation/queue')).json().items.find((i: { kind: string; member: { id: string } | null; post: unknown }) => i.kind === 'report' && !i.post && i.member?.id === ids.NewLeaf);
    expect((await mod.post(`/api/community/moderation/queue/${item.id}`, { action: 'mute', hours: 2, reason: 'Too many posts at once; take a breather.' })).statusCode).toBe(200);
    expect((await post(newcomer, everyone, 'hello again')).json().error.code).toBe('community.restricted');
    expect((await newcomer.get(`/api/community/spaces/${everyone}/posts`)).statusCode).toBe(200);
  });

  it('counts a month for the transparency page', async () => {
    const figures = (await alex.get('/api/community/transparency')).json();
    expect(figures.reportsReceived).toBeGreaterThanOrEqual(2);
    expect(figures.heldBySafetyRules).toBeGreaterThanOrEqual(3);
    expect(figures.actions).toMatchObject({ edit: 1, remove: 1, mute: 1, dismiss: 1 });
    expect(typeof figures.medianMinutesToFirstReview).toBe('number');
  });
});

describe('block, mute, leave', () => {
  it('blocking hides both people from each other, posts and replies', async () => {
    const robinPost = (await post(robin, everyone, 'Grateful for this group today.')).json().post.id;
    expect((await robin.put(`/api/community/members/${ids.RiverStone}/block`, { kind: 'block' })).statusCode).toBe(200);
    const alexSees = (await alex.get(`/api/community/spaces/${everyone}/posts`)).json().posts.map((p: { id: string }) => p.id);
    const robinSees = (await robin.get(`/api/community/spaces/${everyone}/posts`)).json().posts.map((p: { id: string }) => p.id);
    expect(alexSees).not.toContain(robinPost);
    expect(robinSees).not.toContain(ids.alexPost);
    expect((await alex.get(`/api/community/posts/${ids.alexPost}`)).json().replies).toEqual([]);
    expect((await alex.post(`/api/community/posts/${robinPost}/replies`, { body: 'hey' })).statusCode).toBe(404);
    expect((await del(robin, `/api/community/members/${ids.RiverStone}/block`)).statusCode).toBe(200);
    expect((await alex.get(`/api/community/spaces/${everyone}/posts`)).json().posts.map((p: { id: string }) => p.id)).toContain(robinPost);
  });

  it('muting hides the other only from the one who muted', async () => {
    expect((await alex.put(`/api/community/members/${ids.MorningLight}/block`, { kind: 'mute' })).statusCode).toBe(200);
    const alexSees = (await alex.get(`/api/community/spaces/${everyone}/posts`)).json().posts.map((p: { author: { id: string } | null }) => p.author?.id);
    const robinSees = (await robin.get(`/api/community/spaces/${everyone}/posts`)).json().posts.map((p: { author: { id: string } | null }) => p.author?.id);
    expect(alexSees).not.toContain(ids.MorningLight);
    expect(robinSees).toContain(ids.RiverStone);
    await del(alex, `/api/community/members/${ids.MorningLight}/block`);
  });

  it('leaving keeps one’s posts without a name, or removes them, as the person chooses', async () => {
    const kept = (await post(peerB, programB, 'Welcome home, everyone.')).json().post.id;
    expect((await peerB.post('/api/community/me/leave', { posts: 'anonymise' })).json().member).toBeNull();
    const seenBy = (await admin.get(`/api/community/posts/${kept}`)).json().post;
    expect(seenBy.author).toBeNull();
    const gone = (await post(newcomer, everyone, 'I am leaving soon', {})).statusCode;
    expect(gone).toBe(403); // still muted
    const [row] = await t.database.db.select().from(communityMembers).where(eq(communityMembers.id, ids.ReentryPeer!));
    expect(row!.leftAt).not.toBeNull();
  });
});

describe('stories', () => {
  it('publishes a story after a moderator’s review, with its content notes', async () => {
    const res = await alex.post('/api/community/stories', { title: 'Living proof', body: 'Two years ago I could not imagine this.', contentNotes: ['relapse'] });
    expect(res.statusCode).toBe(201);
    const storyId = res.json().story.id;
    expect((await robin.get('/api/community/stories')).json().stories.map((s: { id: string }) => s.id)).not.toContain(storyId);
    const item = (await mod.get('/api/community/moderation/queue')).json().items.find((i: { story: { id: string } | null }) => i.story?.id === storyId);
    expect((await mod.post(`/api/community/moderation/queue/${item.id}`, { action: 'approve' })).statusCode).toBe(200);
    const story = (await robin.get('/api/community/stories')).json().stories.find((s: { id: string }) => s.id === storyId);
    expect(story).toMatchObject({ status: 'published', contentNotes: ['relapse'], author: { communityName: 'RiverStone' } });
  });
});

describe('live rooms', () => {
  it('runs a peer-led room: rules on entry, presence, live messages, and the host mutes someone', async () => {
    expect((await alex.post('/api/community/rooms', { topic: 'x', rules: 'y' })).statusCode).toBe(403);
    const room = (await peer.post('/api/community/rooms', { topic: 'Sunday check-in', rules: 'What is said here stays here.', capacity: 5 })).json();
    const alexTab = await openSocket(base, { cookie: alex.cookie });
    await alexTab.next((e) => e.type === 'ready');
    const joined = (await alex.post(`/api/community/rooms/${room.id}/join`)).json();
    expect(joined.rules).toBe('What is said here stays here.');
    await robin.post(`/api/community/rooms/${room.id}/join`);
    expect((await peer.get(`/api/community/rooms/${room.id}`)).json().present.map((p: { communityName: string }) => p.communityName)).toEqual(['PeerSam', 'RiverStone', 'MorningLight']);

    const said = await robin.post(`/api/community/rooms/${room.id}/messages`, { body: 'Hi all, glad to be here.' });
    expect(said.json()).toMatchObject({ sent: true, held: false });
    expect(await alexTab.next((e) => e.type === 'community.room.message')).toMatchObject({ roomId: room.id, message: { body: 'Hi all, glad to be here.', author: { communityName: 'MorningLight' } } });

    expect((await alex.post(`/api/community/rooms/${room.id}/control`, { action: 'mute', memberId: ids.MorningLight })).statusCode).toBe(403);
    expect((await peer.post(`/api/community/rooms/${room.id}/control`, { action: 'mute', memberId: ids.MorningLight })).json().present.find((p: { id: string }) => p.id === ids.MorningLight).muted).toBe(true);
    expect((await robin.post(`/api/community/rooms/${room.id}/messages`, { body: 'hello?' })).json().error.code).toBe('community_room.muted');
    // No transcript unless the room's settings keep one.
    expect((await alex.get(`/api/community/rooms/${room.id}/transcript`)).json().messages).toEqual([]);
    await peer.post(`/api/community/rooms/${room.id}/control`, { action: 'lock' });
    expect((await newcomer.post(`/api/community/rooms/${room.id}/join`)).statusCode).toBe(403); // muted in the community
    await peer.post(`/api/community/rooms/${room.id}/control`, { action: 'end' });
    expect((await alex.post(`/api/community/rooms/${room.id}/messages`, { body: 'bye' })).statusCode).toBe(409);
    alexTab.ws.close();
  });

  it.skipIf(testDbKind() !== 'postgres')('delivers room messages to a socket on a second server instance (PostgreSQL)', async () => {
    const secondDb = await openDatabase({ kind: 'postgres', url: testDatabaseUrl(), poolSize: 3 });
    const second = await buildApp({ config: testConfig(), database: secondDb });
    const secondBase = await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const room = (await peer.post('/api/community/rooms', { topic: 'Across instances', rules: 'Be kind.', keepTranscript: true })).json();
      await alex.post(`/api/community/rooms/${room.id}/join`);
      const onB: TestSocket = await openSocket(secondBase, { cookie: alex.cookie });
      await onB.next((e) => e.type === 'ready');
      await peer.post(`/api/community/rooms/${room.id}/messages`, { body: 'Hello from instance A' });
      expect(await onB.next((e) => e.type === 'community.room.message')).toMatchObject({ roomId: room.id, message: { body: 'Hello from instance A' } });
      expect((await alex.get(`/api/community/rooms/${room.id}/transcript`)).json().messages.map((m: { body: string }) => m.body)).toEqual(['Hello from instance A']);
      onB.ws.close();
    } finally {
      await second.close();
      await secondDb.close();
    }
  });
});

describe('privacy of community payloads', () => {
  it('carries no legal name, email, phone number, or user or participant record id in any response', async () => {
    expect(seen.length).toBeGreaterThan(50);
    expect(await privacyProblems(t.database.db, w, seen)).toEqual([]);
  });
});
