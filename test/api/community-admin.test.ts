import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitySpaces, users } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { privacyProblems, recorded, type SeenBody } from '../helpers/community-privacy.js';
import { makeOrganization, makeProgram, makeUser, makeWorld, type World } from '../helpers/factories.js';
import { openSocket } from '../helpers/sockets.js';

/** Spaces made and changed by moderators, finding members by name, mentions, scheduled and group rooms. */
let t: TestApp;
let w: World;
let base: string;
const seen: SeenBody[] = [];
let alex: Session; // participant, program A
let robin: Session; // participant, program A
let peer: Session; // peer worker, program A
let mod: Session; // moderator, program A
let peerB: Session; // peer worker, program B
let outsider: Session; // another organization
let everyone: string;
const ids: Record<string, string> = {};

const as = async (email: string) => recorded(await signIn(t.app, email), seen);
const post = (s: Session, spaceId: string, body: string, extra: Record<string, unknown> = {}) => s.post(`/api/community/spaces/${spaceId}/posts`, { body, acceptGuidelines: true, ...extra });
const mentionNotes = async (s: Session) =>
  ((await s.get('/api/notifications')).json().notifications as { kind: string; link: string; title: string }[]).filter((n) => n.kind === 'community_mention').map((n) => n.link).sort();

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.database.db);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  await t.database.db.update(users).set({ createdAt: sql`now() - interval '400 days'` }).where(eq(users.organizationId, w.org.id));
  const otherOrg = await makeOrganization(t.database.db, 'Another Org');
  const stranger = await makeUser(t.database.db, otherOrg.id, 'moderator', (await makeProgram(t.database.db, otherOrg.id)).id, 'stranger');
  [alex, robin, peer, mod, peerB, outsider] = await Promise.all([
    as(w.users.participantUser.email),
    as(w.users.otherParticipantUser.email),
    as(w.users.peerA.email),
    as(w.users.moderatorA.email),
    as(w.users.peerB.email),
    as(stranger.email),
  ]);
  const names: Array<[Session, string]> = [[alex, 'RiverStone'], [robin, 'Morning Light'], [peer, 'PeerSam'], [mod, 'KindModerator'], [peerB, 'ReentryPeer'], [outsider, 'Elsewhere']];
  for (const [s, name] of names) ids[name] = (await s.post('/api/community/me', { communityName: name })).json().member.id;
  everyone = (await mod.post('/api/community/spaces', { audience: 'organization', name: 'Everyone', description: 'All of us', rules: 'Be kind.' })).json().id;
});
afterAll(() => t.close());

describe('finding a member by community name', () => {
  it('finds a member of one’s own organization by exact name, ignoring case; nobody else', async () => {
    const found = await alex.get('/api/community/members?name=morning%20light');
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual({ member: { id: ids['Morning Light'], communityName: 'Morning Light', peerWorker: false } });
    expect((await alex.get('/api/community/members?name=Morning')).statusCode).toBe(404);
    expect((await outsider.get('/api/community/members?name=Morning%20Light')).statusCode).toBe(404);
    expect((await alex.get('/api/community/members?name=M')).statusCode).toBe(400);
    expect((await alex.get('/api/community/members')).statusCode).toBe(400);
  });
});

describe('spaces made and changed by moderators', () => {
  let group: string;
  it('makes a group space for the people named, and changes it: description, rules, members, moderators', async () => {
    const made = await mod.post('/api/community/spaces', { audience: 'group', name: 'Parents', description: 'Parents in recovery', rules: 'Be kind.', memberIds: [ids['Morning Light']!] });
    expect(made.statusCode).toBe(201);
    group = made.json().id;
    expect((await robin.get(`/api/community/spaces/${group}`)).statusCode).toBe(200);
    expect((await alex.get(`/api/community/spaces/${group}`)).statusCode).toBe(404);

    const changed = await mod.patch(`/api/community/spaces/${group}`, {
      audience: 'group',
      name: 'Parents and carers',
      description: 'Parents and carers in recovery',
      rules: 'Be kind. No advice unless asked.',
      memberIds: [ids.RiverStone!],
      moderatorIds: [ids.PeerSam!],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Parents and carers', rules: 'Be kind. No advice unless asked.', moderators: [{ communityName: 'PeerSam', peerWorker: true }] });
    expect((await mod.get(`/api/community/spaces/${group}/people`)).json()).toEqual({
      members: [{ id: ids.RiverStone, communityName: 'RiverStone', peerWorker: false }],
      moderators: [{ id: ids.PeerSam, communityName: 'PeerSam', peerWorker: true }],
    });
    // Robin was taken out of the space; Alex was added.
    expect((await robin.get(`/api/community/spaces/${group}`)).statusCode).toBe(404);
    expect((await alex.get(`/api/community/spaces/${group}`)).statusCode).toBe(200);
  });

  it('lets only the organization’s moderators and admins change a space', async () => {
    const body = { audience: 'organization', name: 'Mine now', description: 'x', rules: 'y' };
    expect((await alex.patch(`/api/community/spaces/${everyone}`, body)).statusCode).toBe(403);
    // A peer worker who moderates the group space (its own moderator) moderates posts, but does not change the space.
    expect((await peer.patch(`/api/community/spaces/${group}`, body)).statusCode).toBe(403);
    expect((await peer.get(`/api/community/spaces/${group}/people`)).statusCode).toBe(403);
    expect((await outsider.patch(`/api/community/spaces/${everyone}`, body)).statusCode).toBe(404);
    const admin = await as(w.users.orgAdmin.email);
    const programB = (await admin.post('/api/community/spaces', { audience: 'program', programId: w.programB.id, name: 'Reentry circle', description: 'Coming home', rules: 'Be kind.' })).json().id;
    // Program A's moderator does not see program B's space, and cannot move a space into program B.
    expect((await mod.patch(`/api/community/spaces/${programB}`, body)).statusCode).toBe(404);
    expect((await mod.patch(`/api/community/spaces/${everyone}`, { ...body, audience: 'program', programId: w.programB.id })).statusCode).toBe(403);
    const [row] = await t.database.db.select().from(communitySpaces).where(eq(communitySpaces.id, everyone)).orderBy(communitySpaces.id);
    expect(row!.name).toBe('Everyone');
  });

  it('refuses bad input with 400 (or an unknown member with 404) and changes nothing', async () => {
    const good = { audience: 'group', name: 'Parents and carers', description: 'x', rules: 'y' };
    expect((await mod.patch(`/api/community/spaces/${group}`, { ...good, audience: 'program' })).statusCode).toBe(400);
    expect((await mod.patch(`/api/community/spaces/${group}`, { ...good, name: ' ' })).statusCode).toBe(400);
    expect((await mod.patch(`/api/community/spaces/${group}`, { ...good, color: 'red' })).statusCode).toBe(400);
    expect((await mod.patch(`/api/community/spaces/${group}`, { ...good, memberIds: ['not-a-uuid'] })).statusCode).toBe(400);
    expect((await mod.patch(`/api/community/spaces/${group}`, { ...good, name: 'Changed', memberIds: [ids.Elsewhere] })).statusCode).toBe(404);
    expect((await mod.patch('/api/community/spaces/not-a-uuid', good)).statusCode).toBe(400);
    const space = (await mod.get(`/api/community/spaces/${group}`)).json();
    expect(space.name).toBe('Parents and carers');
    expect((await mod.get(`/api/community/spaces/${group}/people`)).json().members.map((m: { communityName: string }) => m.communityName)).toEqual(['RiverStone']);
  });
});

describe('mentions', () => {
  it('links an @community-name and tells the person; never the writer, nobody unknown', async () => {
    const res = await post(alex, everyone, 'Thank you @Morning Light and @peersam for last night. @Nobody here, @RiverStone.');
    expect(res.statusCode).toBe(201);
    const p = res.json().post;
    expect(p.mentions).toEqual([
      { id: ids['Morning Light'], communityName: 'Morning Light' },
      { id: ids.PeerSam, communityName: 'PeerSam' },
    ]);
    expect(await mentionNotes(robin)).toEqual([`/community/threads/${p.id}`]);
    expect(await mentionNotes(peer)).toEqual([`/community/threads/${p.id}`]);
    expect(await mentionNotes(alex)).toEqual([]);
    // A reply mentions too, and links to its thread.
    const reply = await robin.post(`/api/community/posts/${p.id}/replies`, { body: 'Anytime @RiverStone.', acceptGuidelines: true });
    expect(reply.json().post.mentions).toEqual([{ id: ids.RiverStone, communityName: 'RiverStone' }]);
    expect(await mentionNotes(alex)).toEqual([`/community/threads/${p.id}`]);
  });

  it('does not link or tell someone who could not read the post', async () => {
    const staffOnly = await post(peer, everyone, 'Debrief: @RiverStone asked about the schedule, @ReentryPeer can you help?', { peerWorkersOnly: true });
    expect(staffOnly.json().post.mentions.map((m: { communityName: string }) => m.communityName)).toEqual(['ReentryPeer']);
    expect(await mentionNotes(alex)).toHaveLength(1);
  });

  it('between a blocked pair: no link, no notification, either way; and a later block unlinks', async () => {
    const before = await post(alex, everyone, 'Good morning @Morning Light.');
    expect(before.json().post.mentions).toHaveLength(1);
    expect((await robin.put(`/api/community/members/${ids.RiverStone}/block`, { kind: 'block' })).statusCode).toBe(200);
    const notesBefore = await mentionNotes(robin);
    const after = await post(alex, everyone, 'Checking in on @Morning Light today.');
    expect(after.json().post.mentions).toEqual([]);
    const back = await post(robin, everyone, 'Hello @RiverStone.');
    expect(back.json().post.mentions).toEqual([]);
    expect(await mentionNotes(robin)).toEqual(notesBefore);
    expect((await peer.get(`/api/community/posts/${before.json().post.id}`)).json().post.mentions).toEqual([]);
    await robin.request({ method: 'DELETE', url: `/api/community/members/${ids.RiverStone}/block` });
  });
});

describe('"for peer workers only" posts', () => {
  it('peer workers see them; participants do not, in lists, threads or search', async () => {
    const res = await post(peer, everyone, 'Staff huddle: cover for the Friday group.', { peerWorkersOnly: true });
    const id = res.json().post.id;
    expect((await peerB.get(`/api/community/posts/${id}`)).statusCode).toBe(200);
    for (const participant of [alex, robin]) {
      expect((await participant.get(`/api/community/posts/${id}`)).statusCode).toBe(404);
      expect((await participant.get(`/api/community/spaces/${everyone}/posts`)).json().posts.map((p: { id: string }) => p.id)).not.toContain(id);
      expect((await participant.get('/api/community/search?q=huddle')).json().posts).toEqual([]);
      expect((await participant.post(`/api/community/posts/${id}/replies`, { body: 'me too', acceptGuidelines: true })).statusCode).toBe(404);
    }
  });
});

describe('rooms: scheduled, and linked to a group', () => {
  it('schedules a room with topic, time and capacity; it is listed before it starts', async () => {
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const room = await peer.post('/api/community/rooms', { topic: 'Thursday evening circle', rules: 'One voice at a time.', startsAt, capacity: 8 });
    expect(room.statusCode).toBe(201);
    expect(room.json()).toMatchObject({ topic: 'Thursday evening circle', capacity: 8, groupId: null, ended: false });
    expect(new Date(room.json().startsAt).getTime()).toBe(new Date(startsAt).getTime());
    const listed = (await alex.get('/api/community/rooms')).json().rooms;
    expect(listed.map((r: { topic: string }) => r.topic)).toContain('Thursday evening circle');
    expect((await peer.post('/api/community/rooms', { topic: 'x', rules: 'y', startsAt: 'Thursday' })).statusCode).toBe(400);
    expect((await peer.post('/api/community/rooms', { topic: 'x', rules: 'y', capacity: 1 })).statusCode).toBe(400);
    expect((await peer.post('/api/community/rooms', { topic: 'x', rules: 'y', groupId: 'nope' })).statusCode).toBe(400);
  });

  it('links a room to a group its peer workers run: the group’s people find and join it; others do not see it', async () => {
    const group = await peer.post('/api/groups', {
      programId: w.programA.id,
      topic: 'Relapse prevention',
      mode: 'online',
      onlineUrl: 'https://meet.example.org/relapse-prevention',
      schedule: { frequency: 'weekly', weekdays: ['TU'], startTime: '18:00', durationMinutes: 90, startsOn: '2026-10-06' },
    });
    expect(group.statusCode).toBe(201);
    const groupId = group.json().id;
    expect((await peerB.post('/api/community/rooms', { topic: 'Not mine', rules: 'x', groupId })).statusCode).toBe(404);
    const room = await peer.post('/api/community/rooms', { topic: 'Relapse prevention — live room', rules: 'Be kind.', groupId });
    expect(room.statusCode).toBe(201);
    expect(room.json().groupId).toBe(groupId);
    const forGroup = (await alex.get(`/api/community/rooms?groupId=${groupId}`)).json().rooms;
    expect(forGroup.map((r: { id: string }) => r.id)).toEqual([room.json().id]);
    expect((await alex.post(`/api/community/rooms/${room.json().id}/join`)).statusCode).toBe(200);
    // Program B's peer worker does not see program A's group nor its room.
    expect((await peerB.get(`/api/community/rooms?groupId=${groupId}`)).statusCode).toBe(404);
    expect((await peerB.get(`/api/community/rooms/${room.json().id}`)).statusCode).toBe(404);
    expect((await peerB.get('/api/community/rooms')).json().rooms.map((r: { id: string }) => r.id)).not.toContain(room.json().id);
    expect((await outsider.get(`/api/community/rooms?groupId=${groupId}`)).statusCode).toBe(404);
  });

  it('between a blocked pair, room messages do not reach the other (live or in the transcript)', async () => {
    const room = (await peer.post('/api/community/rooms', { topic: 'Open room', rules: 'Be kind.', keepTranscript: true })).json();
    await alex.post(`/api/community/rooms/${room.id}/join`);
    await robin.post(`/api/community/rooms/${room.id}/join`);
    await alex.put(`/api/community/members/${ids['Morning Light']}/block`, { kind: 'block' });
    const alexTab = await openSocket(base, { cookie: alex.cookie });
    await alexTab.next((e) => e.type === 'ready');
    expect((await robin.post(`/api/community/rooms/${room.id}/messages`, { body: 'Hi everyone.' })).json().sent).toBe(true);
    await peer.post(`/api/community/rooms/${room.id}/messages`, { body: 'Welcome, all.' });
    expect(await alexTab.next((e) => e.type === 'community.room.message')).toMatchObject({ message: { body: 'Welcome, all.' } });
    expect((await alex.get(`/api/community/rooms/${room.id}/transcript`)).json().messages.map((m: { body: string }) => m.body)).toEqual(['Welcome, all.']);
    expect((await robin.get(`/api/community/rooms/${room.id}/transcript`)).json().messages.map((m: { body: string }) => m.body)).toEqual(['Hi everyone.', 'Welcome, all.']);
    // Alex blocked Robin: Alex's words do not reach Robin either.
    await alex.post(`/api/community/rooms/${room.id}/messages`, { body: 'Thanks for having me.' });
    expect((await robin.get(`/api/community/rooms/${room.id}/transcript`)).json().messages.map((m: { body: string }) => m.body)).toEqual(['Hi everyone.', 'Welcome, all.']);
    alexTab.ws.close();
  });
});

describe('privacy of the new community payloads', () => {
  it('carries no legal name, email, phone number, or user or participant record id', async () => {
    expect(seen.length).toBeGreaterThan(40);
    expect(await privacyProblems(t.database.db, w, seen)).toEqual([]);
  });
});
