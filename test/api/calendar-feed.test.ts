import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, calendarFeeds } from '../../src/server/db/schema/index.js';
import { MAX_ACTIVE_FEEDS } from '../../src/server/modules/appointments/calendar-feeds.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let peer: Session;
let me: Session;
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Math.round((Date.now() + h * HOUR) / 1000) * 1000).toISOString();
const apptsOf = (participantId: string) => `/api/participants/${participantId}/appointments`;
const session = { durationMinutes: 60, mode: 'in_person', location: 'Riverbend office', note: 'Talk about the relapse last weekend' };

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  peer = await signIn(t.app, world.users.peerA.email);
  me = await signIn(t.app, world.users.participantUser.email);
});
afterAll(() => t.close());

/** The feed's path, as a calendar app would call it: no cookie, only the secret. */
const pathOf = (url: string) => new URL(url).pathname;
const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: pathOf(url) });

interface Event {
  [property: string]: string;
}

/** Unfolds the lines (RFC 5545 §3.1) and reads each VEVENT's properties, parameters dropped. */
function parseCalendar(text: string): { lines: string[]; events: Event[] } {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const events: Event[] = [];
  let current: Event | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0]!] = line.slice(colon + 1);
    }
  }
  return { lines, events };
}

const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

async function newFeed(s: Session) {
  const res = await s.post('/api/calendar-feeds');
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; url: string; webcalUrl: string; createdAt: string };
}

describe('calendar subscription links', () => {
  it('hands out the secret URL once and stores only its SHA-256 digest', async () => {
    const feed = await newFeed(peer);
    expect(feed.url).toMatch(/^http:\/\/peerpath\.test\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.webcalUrl).toBe(feed.url.replace('http:', 'webcal:'));
    const token = /\/calendar\/(.+)\.ics$/.exec(feed.url)![1]!;
    expect(feed.id).toBe(createHash('sha256').update(token).digest('hex'));

    const rows = await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, world.users.peerA.id));
    expect(rows.map((r) => r.id)).toContain(feed.id);
    // The secret appears nowhere in the table, nor in the audit trail.
    const inTable = await t.database.db.execute(sql`select count(*)::int as n from calendar_feeds f where f::text like ${`%${token}%`}`);
    expect((inTable as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
    const inAudit = await t.database.db.execute(sql`select count(*)::int as n from audit_events e where e::text like ${`%${token}%`}`);
    expect((inAudit as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);

    const list = (await peer.get('/api/calendar-feeds')).json();
    expect(list.feeds.map((f: { id: string }) => f.id)).toContain(feed.id);
    expect(JSON.stringify(list)).not.toContain(token);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'calendar_feed.create'), eq(auditEvents.resourceId, feed.id)));
    expect(audit).toHaveLength(1);
  });

  it('serves the peer worker’s sessions as a valid VCALENDAR with stable UIDs, neutral titles and no notes', async () => {
    const startsAt = inHours(26);
    const appt = (await peer.post(apptsOf(world.participant.id), { ...session, startsAt })).json();
    const cancelled = (await peer.post(apptsOf(world.participant.id), { ...session, startsAt: inHours(50) })).json();
    await peer.patch(`/api/appointments/${cancelled.id}`, { status: 'cancelled' });
    const old = (await peer.post(apptsOf(world.participant.id), { ...session, startsAt: inHours(-24 * 40) })).json();
    const feed = await newFeed(peer);

    const res = await fetchFeed(feed.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['cache-control']).toContain('no-store');
    const { lines, events } = parseCalendar(res.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(res.body.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);

    const event = events.find((e) => e.UID === `${appt.id}@peerpath`)!;
    expect(event).toMatchObject({
      DTSTART: icsTime(startsAt),
      DTEND: icsTime(new Date(Date.parse(startsAt) + 60 * 60_000).toISOString()),
      SUMMARY: 'Peer support session (A. E.)',
      STATUS: 'CONFIRMED',
      CLASS: 'PRIVATE',
      LOCATION: 'Riverbend office',
    });
    expect(events.find((e) => e.UID === `${cancelled.id}@peerpath`)).toMatchObject({ STATUS: 'CANCELLED' });
    // More than 30 days past: gone from the feed.
    expect(events.find((e) => e.UID === `${old.id}@peerpath`)).toBeUndefined();
    // Calendars get synced to phones and clouds: no name, no notes.
    expect(res.body).not.toContain('Alex');
    expect(res.body).not.toContain('Example');
    expect(res.body).not.toContain('relapse');

    // An edit keeps the UID and moves the time.
    const later = inHours(30);
    await peer.patch(`/api/appointments/${appt.id}`, { startsAt: later });
    const again = parseCalendar((await fetchFeed(feed.url)).body).events.find((e) => e.UID === `${appt.id}@peerpath`);
    expect(again?.DTSTART).toBe(icsTime(later));

    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'calendar_feed.read'), eq(auditEvents.resourceId, feed.id)));
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({ actorUserId: world.users.peerA.id, participantId: world.participant.id, outcome: 'allowed' });
  });

  it('a participant’s feed has their own sessions; another person’s feed never includes yours', async () => {
    const appt = (await peer.post(apptsOf(world.participant.id), { ...session, startsAt: inHours(20) })).json();
    const colleague = await signIn(t.app, world.users.peerA2.email);
    const theirs = (await colleague.post(apptsOf(world.otherParticipant.id), { ...session, startsAt: inHours(21) })).json();

    const mine = parseCalendar((await fetchFeed((await newFeed(me)).url)).body).events;
    expect(mine.map((e) => e.UID)).toContain(`${appt.id}@peerpath`);
    expect(mine.map((e) => e.UID)).not.toContain(`${theirs.id}@peerpath`);
    expect(mine.find((e) => e.UID === `${appt.id}@peerpath`)!.SUMMARY).toBe('Peer support session (peer-a)');

    const otherParticipant = await signIn(t.app, world.users.otherParticipantUser.email);
    const otherFeed = parseCalendar((await fetchFeed((await newFeed(otherParticipant)).url)).body).events.map((e) => e.UID);
    expect(otherFeed).toContain(`${theirs.id}@peerpath`);
    expect(otherFeed).not.toContain(`${appt.id}@peerpath`);

    const colleagueFeed = parseCalendar((await fetchFeed((await newFeed(colleague)).url)).body).events.map((e) => e.UID);
    expect(colleagueFeed).toContain(`${theirs.id}@peerpath`);
    expect(colleagueFeed).not.toContain(`${appt.id}@peerpath`);
  });

  it('a revoked link answers 404 from then on, as does an unknown one; only its owner can revoke it', async () => {
    const feed = await newFeed(peer);
    const stranger = await signIn(t.app, world.users.peerA2.email);
    const notTheirs = await stranger.request({ method: 'DELETE', url: `/api/calendar-feeds/${feed.id}` });
    expect(notTheirs.statusCode).toBe(404);
    expect((await fetchFeed(feed.url)).statusCode).toBe(200);

    const revoked = await peer.request({ method: 'DELETE', url: `/api/calendar-feeds/${feed.id}` });
    expect(revoked.statusCode).toBe(200);
    const res = await fetchFeed(feed.url);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('VCALENDAR');
    expect((await peer.get('/api/calendar-feeds')).json().feeds.map((f: { id: string }) => f.id)).not.toContain(feed.id);
    const [row] = await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.id, feed.id));
    expect(row!.revokedAt).not.toBeNull();
    expect(await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'calendar_feed.revoke'), eq(auditEvents.resourceId, feed.id), eq(auditEvents.outcome, 'allowed')))).toHaveLength(1);
    expect(await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'calendar_feed.revoke'), eq(auditEvents.actorUserId, world.users.peerA2.id), eq(auditEvents.outcome, 'denied')))).toHaveLength(1);

    for (const path of ['/api/calendar/' + 'A'.repeat(43) + '.ics', '/api/calendar/short.ics', '/api/calendar/' + 'A'.repeat(43)]) {
      expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    }
  });

  it('is for peer workers and participants, up to a few links each', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    expect((await supervisor.post('/api/calendar-feeds')).statusCode).toBe(403);
    const person = await signIn(t.app, world.users.peerB.email);
    for (let i = 0; i < MAX_ACTIVE_FEEDS; i++) await newFeed(person);
    const over = await person.post('/api/calendar-feeds');
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('calendar_feed.limit_reached');
    expect(await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, world.users.peerB.id))).toHaveLength(MAX_ACTIVE_FEEDS);
  });

  it('slows down someone guessing links', async () => {
    const guess = () => t.app.inject({ method: 'GET', url: `/api/calendar/${'B'.repeat(43)}.ics`, remoteAddress: '10.99.99.99' });
    let last = 0;
    for (let i = 0; i < 61; i++) last = (await guess()).statusCode;
    expect(last).toBe(429);
  });

  it('carries the groups the person leads, recurring on the program’s clock, and not other people’s', async () => {
    const facilitator = await signIn(t.app, world.users.peerA2.email);
    const group = await facilitator.post('/api/groups', {
      programId: world.programA.id,
      topic: 'Healthy boundaries',
      mode: 'in_person',
      place: 'Room 3',
      capacity: 10,
      schedule: { frequency: 'weekly', weekdays: ['WE'], startTime: '18:00', durationMinutes: 60, startsOn: '2026-10-07' },
    });
    expect(group.statusCode).toBe(201);
    const text = (await fetchFeed((await newFeed(facilitator)).url)).body;
    const { lines, events } = parseCalendar(text);
    const weekly = events.find((e) => e.SUMMARY?.includes('Healthy boundaries'));
    expect(weekly?.RRULE).toMatch(/FREQ=WEEKLY.*BYDAY=WE/);
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines.some((l) => /^DTSTART;TZID=America\/Chicago:\d{8}T180000$/.test(l))).toBe(true);
    // Someone who neither leads nor joined it does not get it.
    const mine = (await fetchFeed((await newFeed(me)).url)).body;
    expect(mine).not.toContain('Healthy boundaries');
  });

  it('carries the groups a participant joined and the meetings they saved, each on its own clock; someone else’s feed has neither', async () => {
    const group = (
      await peer.post('/api/groups', {
        programId: world.programA.id,
        topic: 'Relapse prevention circle',
        mode: 'online',
        onlineUrl: 'https://meet.example.org/circle',
        capacity: 12,
        schedule: { frequency: 'weekly', weekdays: ['TU'], startTime: '18:00', durationMinutes: 90, startsOn: '2026-10-06' },
      })
    ).json();
    expect((await me.post(`/api/groups/${group.id}/enrolments`, { participantId: world.participant.id })).statusCode).toBeLessThan(300);
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    await admin.post('/api/meetings/import', {
      feed: [{ slug: 'feed-test-sat', name: 'Saturday Morning Serenity', day: 6, time: '09:30', end_time: '10:30', timezone: 'America/Denver', formatted_address: 'Denver, CO, USA', conference_url: 'https://zoom.us/j/98765' }],
    });
    const [meeting] = (await me.get('/api/meetings?q=saturday%20morning%20serenity')).json().meetings;
    expect((await me.put(`/api/meetings/${meeting.id}/saved`, { saved: true })).statusCode).toBeLessThan(300);

    const { lines, events } = parseCalendar((await fetchFeed((await newFeed(me)).url)).body);
    const circle = events.find((e) => e.UID === `group-${group.id}@peerpath`);
    const saturday = events.find((e) => e.UID === `meeting-${meeting.id}@peerpath`);
    expect(circle?.RRULE).toMatch(/FREQ=WEEKLY.*BYDAY=TU/);
    expect(saturday?.RRULE).toMatch(/FREQ=WEEKLY.*BYDAY=SA/);
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines.some((l) => /^DTSTART;TZID=America\/Chicago:\d{8}T180000$/.test(l))).toBe(true);
    expect(lines.some((l) => /^DTSTART;TZID=America\/Denver:\d{8}T093000$/.test(l))).toBe(true);

    const otherParticipant = await signIn(t.app, world.users.otherParticipantUser.email);
    const theirs = (await fetchFeed((await newFeed(otherParticipant)).url)).body;
    expect(theirs).not.toContain(`group-${group.id}@peerpath`);
    expect(theirs).not.toContain(`meeting-${meeting.id}@peerpath`);
  });
});
