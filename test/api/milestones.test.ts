import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, milestoneCelebrations, programs, recoveryStarts } from '../../src/server/db/schema/index.js';
import { addDays, localDate } from '../../src/shared/milestones.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let me: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  me = await signIn(t.app, world.users.participantUser.email);
});
afterAll(() => t.close());

// Today on the program's calendar (the factories' programs are in America/Chicago).
const today = () => localDate(new Date(), 'America/Chicago');
const url = (id: string, rest = '') => `/api/participants/${id}/milestones${rest}`;
const startsUrl = (id: string) => `/api/participants/${id}/recovery-starts`;
const startsOf = async (id: string) => t.database.db.select().from(recoveryStarts).where(eq(recoveryStarts.participantId, id));

describe('days in recovery and milestones', () => {
  it('shows nothing to count before a start date is set', async () => {
    const res = await me.get(url(world.participant.id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ countsDays: true, timeZone: 'America/Chicago', today: today(), recoveryStart: null, days: null, next: null, celebrate: null });
  });

  it('counts days from the start date on the program calendar, with the last and next milestone', async () => {
    const start = addDays(today(), -45);
    const res = await me.post(startsUrl(world.participant.id), { startDate: start, note: 'The day I moved into recovery housing' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ days: 45, recoveryStart: { startDate: start, note: 'The day I moved into recovery housing' }, last: { key: `start:${start}:days:30`, unit: 'days', amount: 30 } });
    expect(body.next).toMatchObject({ unit: 'days', amount: 60, date: addDays(start, 60), reached: false });
    expect(body.reached.map((m: { key: string }) => m.key.split(':').slice(2).join(':'))).toEqual(['days:1', 'weeks:1', 'days:30']);
    // The newest milestone reached, and only that one, waits to be celebrated.
    expect(body.celebrate).toMatchObject({ key: `start:${start}:days:30`, celebrated: false });
  });

  it('celebrates once: after the participant acknowledges it, it is not offered again', async () => {
    const key = (await me.get(url(world.participant.id))).json().celebrate.key;
    const res = await me.post(url(world.participant.id, '/celebrate'), { key });
    expect(res.statusCode).toBe(200);
    expect(res.json().celebrate).toBeNull();
    expect(res.json().last).toMatchObject({ key, celebrated: true });
    expect((await me.post(url(world.participant.id, '/celebrate'), { key })).statusCode).toBe(200);
    const rows = await t.database.db.select().from(milestoneCelebrations).where(eq(milestoneCelebrations.participantId, world.participant.id));
    expect(rows).toHaveLength(1);
  });

  it('cannot celebrate a milestone not reached yet', async () => {
    const next = (await me.get(url(world.participant.id))).json().next.key;
    const res = await me.post(url(world.participant.id, '/celebrate'), { key: next });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('milestone.not_found');
  });

  it('a new start date adds to the history and keeps every earlier one', async () => {
    const first = addDays(today(), -45);
    const second = addDays(today(), -8);
    const res = await me.post(startsUrl(world.participant.id), { startDate: second });
    expect(res.json()).toMatchObject({ days: 8, recoveryStart: { startDate: second }, last: { key: `start:${second}:weeks:1` } });
    expect(res.json().startHistory.map((s: { startDate: string }) => s.startDate)).toEqual([second, first]);
    expect(await startsOf(world.participant.id)).toHaveLength(2);
    // Counted from the new date, its own milestones are celebrated afresh.
    expect(res.json().celebrate).toMatchObject({ key: `start:${second}:weeks:1` });
  });

  it.each([
    [{ startDate: addDays(localDate(new Date(), 'America/Chicago'), 2) }, 'body.startDate'],
    [{ startDate: '2025-02-29' }, 'body.startDate'],
    [{ startDate: '12/01/2025' }, 'body.startDate'],
    [{ startDate: '1890-01-01' }, 'body.startDate'],
    [{}, 'body.startDate'],
  ])('refuses %j with a 400 naming %s, adding nothing', async (body, field) => {
    const before = (await startsOf(world.participant.id)).length;
    const res = await me.post(startsUrl(world.participant.id), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await startsOf(world.participant.id)).toHaveLength(before);
  });

  it('adds milestones in the participant’s own words; a reached one is celebrated too', async () => {
    const res = await me.post(url(world.participant.id, '/custom'), { label: 'First paycheck', date: today() });
    expect(res.statusCode).toBe(200);
    const custom = res.json().custom.find((m: { label: string }) => m.label === 'First paycheck');
    expect(custom).toMatchObject({ kind: 'custom', reached: true, celebrated: false });
    expect(res.json().celebrate).toMatchObject({ key: custom.key });
    const ahead = await me.post(url(world.participant.id, '/custom'), { label: 'My daughter’s graduation', date: addDays(today(), 30) });
    expect(ahead.json().custom.find((m: { label: string }) => m.label.startsWith('My daughter'))).toMatchObject({ reached: false });
    expect((await me.post(url(world.participant.id, '/custom'), { label: '', date: today() })).statusCode).toBe(400);
  });

  it('the peer worker sees the days and milestones but no celebration prompt, and cannot change them', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const res = await peer.get(url(world.participant.id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ days: 8, celebrate: null, can: { write: false } });
    // The participant's note about a start date is theirs alone.
    expect(res.json().startHistory.map((s: { note: string | null }) => s.note)).toEqual([null, null]);
    const before = (await startsOf(world.participant.id)).length;
    expect((await peer.post(startsUrl(world.participant.id), { startDate: today() })).statusCode).toBe(404);
    expect(await startsOf(world.participant.id)).toHaveLength(before);
    const [read] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, world.participant.id), eq(auditEvents.actorUserId, world.users.peerA.id), eq(auditEvents.action, 'milestone.read')));
    expect(read).toMatchObject({ outcome: 'allowed' });
  });

  it.each(['otherParticipantUser', 'peerA2', 'peerB', 'supervisorB', 'clinicianA'] as const)('%s cannot read them', async (who) => {
    const s = await signIn(t.app, world.users[who].email);
    const res = await s.get(url(world.participant.id));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('participant.not_found');
  });

  it('another participant cannot set a start date or celebrate for someone else', async () => {
    const other = await signIn(t.app, world.users.otherParticipantUser.email);
    const before = (await startsOf(world.participant.id)).length;
    expect((await other.post(startsUrl(world.participant.id), { startDate: today() })).statusCode).toBe(404);
    expect((await other.post(url(world.participant.id, '/custom'), { label: 'x', date: today() })).statusCode).toBe(404);
    expect(await startsOf(world.participant.id)).toHaveLength(before);
  });

  it('counts in the program’s time zone: across the date line today can already be tomorrow', async () => {
    const start = addDays(today(), -10);
    await t.database.db.update(programs).set({ timeZone: 'Pacific/Kiritimati' }).where(eq(programs.id, world.programA.id));
    try {
      const other = await signIn(t.app, world.users.otherParticipantUser.email);
      const res = await other.post(startsUrl(world.otherParticipant.id), { startDate: start });
      const kiritimati = localDate(new Date(), 'Pacific/Kiritimati');
      expect(res.json()).toMatchObject({ timeZone: 'Pacific/Kiritimati', today: kiritimati, days: 10 + (kiritimati > today() ? 1 : 0) });
    } finally {
      await t.database.db.update(programs).set({ timeZone: 'America/Chicago' }).where(eq(programs.id, world.programA.id));
    }
  });

  it('respects pathways that do not count days: no counter and no standard milestones, own milestones stay', async () => {
    expect((await me.patch(`/api/participants/${world.participant.id}/profile`, { countsDays: false })).statusCode).toBe(200);
    for (const who of ['participantUser', 'peerA'] as const) {
      const s = who === 'participantUser' ? me : await signIn(t.app, world.users.peerA.email);
      const body = (await s.get(url(world.participant.id))).json();
      expect(body).toMatchObject({ countsDays: false, days: null, last: null, next: null, reached: [], recoveryStart: null, startHistory: [] });
      expect(body.custom.length).toBe(2);
    }
    // The history is kept: turning counting back on brings the same count back.
    expect((await me.patch(`/api/participants/${world.participant.id}/profile`, { countsDays: true })).statusCode).toBe(200);
    expect((await me.get(url(world.participant.id))).json()).toMatchObject({ countsDays: true, days: 8 });
  });
});
