import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contactNotes, contactNoteVersions, peerAssignments, tasks } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let peer: Session;
const notesOf = (participantId: string) => `/api/participants/${participantId}/notes`;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  peer = await signIn(t.app, world.users.peerA.email);
});
afterAll(() => t.close());

const quickNote = {
  contactType: 'phone',
  durationMinutes: 15,
  activities: ['emotional_support', 'resource_connection'],
  topics: ['housing', 'sleep'],
  summary: 'Talked through the housing voucher wait; feeling steadier than last week.',
  nextSteps: 'Call the housing office together on Monday',
};

const countNotes = async (participantId: string) =>
  (await t.database.db.select({ id: contactNotes.id }).from(contactNotes).where(eq(contactNotes.participantId, participantId))).length;

const openTasksFor = (noteId: string) =>
  t.database.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.source, 'note'), eq(tasks.sourceId, noteId), isNull(tasks.doneAt)));

const deniedFor = (userId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, userId), eq(auditEvents.action, action as never), eq(auditEvents.outcome, 'denied')));

describe('a contact note in under a minute', () => {
  it('the assigned peer worker writes a note; the time defaults to now and the write is audited', async () => {
    const before = Date.now();
    const res = await peer.post(notesOf(world.participant.id), quickNote);
    expect(res.statusCode).toBe(201);
    const note = res.json();
    expect(note).toMatchObject({
      participantId: world.participant.id,
      author: { id: world.users.peerA.id },
      contactType: 'phone',
      durationMinutes: 15,
      activities: ['emotional_support', 'resource_connection'],
      topics: ['housing', 'sleep'],
      summary: quickNote.summary,
      nextSteps: quickNote.nextSteps,
      followUpOn: null,
      version: 1,
      edited: false,
      can: { edit: true },
    });
    expect(Date.parse(note.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(note.occurredAt)).toBeLessThanOrEqual(Date.now() + 1000);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'contact_note.create'), eq(auditEvents.resourceId, note.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ participantId: world.participant.id, actorUserId: world.users.peerA.id, outcome: 'allowed' });
    // No follow-up date, no task.
    expect(await openTasksFor(note.id)).toHaveLength(0);
  });

  it('keeps each tag and activity once', async () => {
    const res = await peer.post(notesOf(world.participant.id), { ...quickNote, activities: ['mentoring', 'mentoring'], topics: ['Work', 'work', 'family'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ activities: ['mentoring'], topics: ['Work', 'family'] });
  });

  it('a follow-up date puts exactly one task on the author’s list; moving the date moves it; clearing it takes it off', async () => {
    const note = (await peer.post(notesOf(world.participant.id), { ...quickNote, followUpOn: '2026-07-01' })).json();
    const [task, ...extra] = await openTasksFor(note.id);
    expect(extra).toHaveLength(0);
    expect(task).toMatchObject({ ownerId: world.users.peerA.id, participantId: world.participant.id, source: 'note', dueOn: '2026-07-01', title: 'Follow up with Alex Example' });

    expect((await peer.patch(`/api/notes/${note.id}`, { followUpOn: '2026-07-08' })).json()).toMatchObject({ followUpOn: '2026-07-08', version: 2 });
    const moved = await openTasksFor(note.id);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ id: task!.id, dueOn: '2026-07-08' });

    // Editing something else leaves the task alone.
    await peer.patch(`/api/notes/${note.id}`, { summary: 'Called back; the voucher came through.' });
    expect(await openTasksFor(note.id)).toMatchObject([{ id: task!.id, dueOn: '2026-07-08' }]);

    expect((await peer.patch(`/api/notes/${note.id}`, { followUpOn: null })).json()).toMatchObject({ followUpOn: null });
    expect(await openTasksFor(note.id)).toHaveLength(0);
  });
});

describe('edits keep history', () => {
  it('each edit keeps the version it replaces, with who and when; the version number goes up by one', async () => {
    const note = (await peer.post(notesOf(world.participant.id), { ...quickNote, summary: 'First words' })).json();
    const edited = await peer.patch(`/api/notes/${note.id}`, { summary: 'Second words', durationMinutes: 30 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ summary: 'Second words', durationMinutes: 30, version: 2, edited: true });
    expect((await peer.patch(`/api/notes/${note.id}`, { contactType: 'in_person', nextSteps: null })).json()).toMatchObject({ version: 3, nextSteps: null });

    const kept = await t.database.db.select().from(contactNoteVersions).where(eq(contactNoteVersions.noteId, note.id));
    expect(kept.map((k) => k.version).sort()).toEqual([1, 2]);
    expect(kept.find((k) => k.version === 1)).toMatchObject({ editedBy: world.users.peerA.id, content: expect.objectContaining({ summary: 'First words', durationMinutes: 15 }) });

    const history = await peer.get(`/api/notes/${note.id}/versions`);
    expect(history.statusCode).toBe(200);
    const versions = history.json().versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(versions[0]).toMatchObject({ current: true, content: { summary: 'Second words', contactType: 'in_person', nextSteps: null } });
    expect(versions[1]).toMatchObject({ current: false, content: { summary: 'Second words', contactType: 'phone', durationMinutes: 30 } });
    expect(versions[2]).toMatchObject({ current: false, content: { summary: 'First words', durationMinutes: 15 }, writtenBy: { id: world.users.peerA.id } });

    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.resourceId, note.id));
    expect(audit.filter((e) => e.action === 'contact_note.update')).toHaveLength(2);
    expect(audit.filter((e) => e.action === 'contact_note.history' && e.outcome === 'allowed')).toHaveLength(1);
  });

  it('sending what is already there makes no new version', async () => {
    const note = (await peer.post(notesOf(world.participant.id), quickNote)).json();
    const same = await peer.patch(`/api/notes/${note.id}`, { summary: quickNote.summary, durationMinutes: 15 });
    expect(same.json()).toMatchObject({ version: 1, edited: false });
    expect(await t.database.db.select().from(contactNoteVersions).where(eq(contactNoteVersions.noteId, note.id))).toHaveLength(0);
  });

  it('only the author edits: another peer worker assigned to the same person may read but not change it', async () => {
    const note = (await peer.post(notesOf(world.participant.id), quickNote)).json();
    await t.database.db
      .insert(peerAssignments)
      .values({ organizationId: world.org.id, participantId: world.participant.id, peerWorkerId: world.users.peerA2.id, reason: 'co-support' });
    try {
      const colleague = await signIn(t.app, world.users.peerA2.email);
      const listed = (await colleague.get(notesOf(world.participant.id))).json().notes.find((n: { id: string }) => n.id === note.id);
      expect(listed.can).toEqual({ edit: false });
      const res = await colleague.patch(`/api/notes/${note.id}`, { summary: 'Not mine to change' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('contact_note.author_only');
      expect(await deniedFor(world.users.peerA2.id, 'contact_note.update')).toHaveLength(1);
      const [row] = await t.database.db.select().from(contactNotes).where(eq(contactNotes.id, note.id));
      expect(row).toMatchObject({ summary: quickNote.summary, version: 1 });
    } finally {
      await t.database.db.delete(peerAssignments).where(and(eq(peerAssignments.participantId, world.participant.id), eq(peerAssignments.peerWorkerId, world.users.peerA2.id)));
    }
  });
});

describe('who reads notes', () => {
  it('lists newest contact first, a page at a time', async () => {
    const p = world.otherParticipant.id;
    const other = await signIn(t.app, world.users.peerA2.email);
    for (const [i, day] of ['2026-01-05', '2026-01-07', '2026-01-06'].entries()) {
      expect((await other.post(notesOf(p), { ...quickNote, summary: `note ${i}`, occurredAt: `${day}T15:00:00Z` })).statusCode).toBe(201);
    }
    const first = (await other.get(`${notesOf(p)}?limit=2`)).json();
    expect(first.notes.map((n: { summary: string }) => n.summary)).toEqual(['note 1', 'note 2']);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.can).toEqual({ create: true });
    const second = (await other.get(`${notesOf(p)}?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.notes.map((n: { summary: string }) => n.summary)).toEqual(['note 0']);
    expect(second.nextCursor).toBeNull();
    const bad = await other.get(`${notesOf(p)}?cursor=not-a-cursor`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('querystring.cursor');
  });

  it('the supervisor of the program reads notes and their history, and cannot write or edit', async () => {
    const note = (await peer.post(notesOf(world.participant.id), quickNote)).json();
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const list = await supervisor.get(notesOf(world.participant.id));
    expect(list.statusCode).toBe(200);
    expect(list.json().can).toEqual({ create: false });
    expect(list.json().notes.find((n: { id: string }) => n.id === note.id).can).toEqual({ edit: false });
    expect((await supervisor.get(`/api/notes/${note.id}/versions`)).statusCode).toBe(200);
    expect((await supervisor.post(notesOf(world.participant.id), quickNote)).statusCode).toBe(404);
    expect((await supervisor.patch(`/api/notes/${note.id}`, { summary: 'x' })).statusCode).toBe(404);
  });

  it.each(['peerA2', 'participantUser', 'supervisorB', 'peerB', 'orgAdmin', 'clinicianA'] as const)(
    '%s cannot read, write or see the history of the notes (404, audited denial)',
    async (who) => {
      const note = (await peer.post(notesOf(world.participant.id), quickNote)).json();
      const s = await signIn(t.app, world.users[who].email);
      const before = await countNotes(world.participant.id);
      for (const res of [
        await s.get(notesOf(world.participant.id)),
        await s.get(`/api/notes/${note.id}/versions`),
        await s.patch(`/api/notes/${note.id}`, { summary: 'changed' }),
        await s.post(notesOf(world.participant.id), quickNote),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(quickNote.summary);
      }
      expect(await countNotes(world.participant.id)).toBe(before);
      for (const action of ['contact_note.read', 'contact_note.history', 'contact_note.update', 'contact_note.create']) {
        expect((await deniedFor(world.users[who].id, action)).length, action).toBeGreaterThanOrEqual(1);
      }
      const [row] = await t.database.db.select().from(contactNotes).where(eq(contactNotes.id, note.id));
      expect(row!.summary).toBe(quickNote.summary);
    },
  );

  it('an unknown note is the same audited 404 as someone else’s', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await peer.get(`/api/notes/${unknown}/versions`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('contact_note.not_found');
    const other = (await (await signIn(t.app, world.users.peerB.email)).post(notesOf(world.noLoginParticipant.id), quickNote)).json();
    const theirs = await peer.get(`/api/notes/${other.id}/versions`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('contact_note.not_found');
    const denied = await deniedFor(world.users.peerA.id, 'contact_note.history');
    expect(denied.map((e) => e.resourceId)).toEqual(expect.arrayContaining([unknown, other.id]));
  });
});

describe('bad input is refused whole', () => {
  it.each([
    [{ ...quickNote, durationMinutes: 0 }, 'body.durationMinutes'],
    [{ ...quickNote, durationMinutes: 15.5 }, 'body.durationMinutes'],
    [{ ...quickNote, activities: ['emotional_support', 'fixing_people'] }, 'body.activities.1'],
    [{ ...quickNote, summary: '   ' }, 'body.summary'],
    [{ ...quickNote, contactType: 'carrier_pigeon' }, 'body.contactType'],
    [{ ...quickNote, occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'body.occurredAt'],
    [{ ...quickNote, followUpOn: '2026-02-30' }, 'body.followUpOn'],
    [{ ...quickNote, topics: ['x'.repeat(41)] }, 'body.topics.0'],
  ])('refuses %j with a 400 naming %s, writing nothing', async (body, field) => {
    const before = await countNotes(world.participant.id);
    const taskCount = (await t.database.db.select().from(tasks).where(eq(tasks.participantId, world.participant.id))).length;
    const res = await peer.post(notesOf(world.participant.id), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await countNotes(world.participant.id)).toBe(before);
    expect((await t.database.db.select().from(tasks).where(eq(tasks.participantId, world.participant.id))).length).toBe(taskCount);
  });

  it('refuses a bad edit and keeps the note and its history as they were', async () => {
    const note = (await peer.post(notesOf(world.participant.id), quickNote)).json();
    for (const body of [{ durationMinutes: 0 }, { summary: '' }, { activities: ['nope'] }, {}]) {
      expect((await peer.patch(`/api/notes/${note.id}`, body)).statusCode).toBe(400);
    }
    const [row] = await t.database.db.select().from(contactNotes).where(eq(contactNotes.id, note.id));
    expect(row).toMatchObject({ version: 1, durationMinutes: 15, summary: quickNote.summary });
    expect(await t.database.db.select().from(contactNoteVersions).where(eq(contactNoteVersions.noteId, note.id))).toHaveLength(0);
  });
});
