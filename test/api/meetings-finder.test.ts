import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, meetingAttendance } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeOrganization, makeProgram, makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let me: Session;
let peer: Session;
const tz = 'America/Chicago';
const ids: Record<string, string> = {};

/** A listing whose next start is `minutes` from now on the Chicago clock. */
function startingIn(slug: string, minutes: number, extra: Record<string, unknown>) {
  const at = DateTime.now().setZone(tz).plus({ minutes });
  return { slug, name: slug, day: at.weekday % 7, time: at.toFormat('HH:mm'), timezone: tz, ...extra };
}

const room = (street: string, lat: number, lng: number) => ({ formatted_address: `${street}, Tulsa, OK 74103, USA`, latitude: lat, longitude: lng });

// Fixed meetings fall two to four days from today, so none of them is ever "starting soon" by accident.
const dayIn = (n: number) => DateTime.now().setZone(tz).plus({ days: n }).weekday % 7;
const [dayA, dayB, dayC] = [dayIn(2), dayIn(3), dayIn(4)];

const feed = [
  { slug: 'sunrise', name: 'Sunrise Serenity', day: dayA, time: '07:00', types: ['O', 'D'], ...room('1 Main St', 36.154, -95.993), location: 'St. Mark Hall', location_notes: 'Side door, ring the bell' },
  { slug: 'noon-women', name: 'Noon Women', day: dayA, time: '12:00', types: ['C', 'W'], ...room('2 Main St', 36.16, -95.99) },
  { slug: 'evening-hybrid', name: 'Evening Hybrid', day: dayB, time: '18:30', types: ['O', 'ST'], ...room('3 Elm St', 36.5, -95.9), conference_url: 'https://zoom.us/j/111', conference_url_notes: 'Passcode 1234' },
  { slug: 'night-online', name: 'Night Owls', day: dayC, time: '22:00', types: ['O', 'D'], formatted_address: 'Tulsa, OK, USA', conference_url: 'https://meet.google.com/abc-defg-hij', notes: 'Cameras optional. 100% welcoming.' },
  { slug: 'far-away', name: 'Far Away Group', day: dayB, time: '19:00', types: ['O'], ...room('9 Far Rd', 39.74, -104.99) },
  { slug: 'closed-room', name: 'Closed For Now', day: dayC, time: '19:00', types: ['TC', 'O'], ...room('4 Oak St', 36.15, -95.99) },
  { slug: 'sketchy-link', name: 'Unknown Link', day: dayC, time: '20:00', types: ['O'], formatted_address: 'Tulsa, OK, USA', conference_url: 'https://example.org/our-meeting' },
  { slug: 'by-appointment', name: 'By Appointment', types: ['O'], address: '8 Birch St', city: 'Tulsa', state: 'OK' },
];

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  me = await signIn(t.app, world.users.participantUser.email);
  peer = await signIn(t.app, world.users.peerA.email);
  const admin = await signIn(t.app, world.users.orgAdmin.email);
  const soon = [
    startingIn('soon-online', 20, { types: ['O'], formatted_address: 'Tulsa, OK, USA', conference_url: 'https://zoom.us/j/222' }),
    startingIn('just-started', -5, { types: ['O'], ...room('5 Pine St', 36.15, -95.99) }),
    startingIn('later-today', 180, { types: ['O'], ...room('6 Pine St', 36.15, -95.99) }),
  ];
  const report = (await admin.post('/api/meetings/import', { feed: [...feed, ...soon] })).json();
  expect(report.counts.rejected).toBe(0);
  for (const m of (await me.get('/api/meetings?inactive=true&limit=200')).json().meetings) ids[m.slug] = m.id;
});
afterAll(() => t.close());

const slugs = async (query: string, who: Session = me) => {
  const res = await who.get(`/api/meetings${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().meetings.map((m: { slug: string }) => m.slug) as string[];
};

describe('the meeting finder', () => {
  it('lists active meetings upcoming first, leaving out inactive ones unless asked', async () => {
    const all = await slugs('?limit=200');
    expect(all).not.toContain('closed-room');
    expect(all).not.toContain('sketchy-link');
    expect(all.slice(0, 2)).toEqual(['just-started', 'soon-online']);
    expect(all.at(-1)).toBe('by-appointment');
    expect(await slugs('?inactive=true&limit=200')).toEqual(expect.arrayContaining(['closed-room', 'sketchy-link']));
    const res = (await me.get('/api/meetings?limit=2')).json();
    expect(res.total).toBe(all.length);
    expect(res.meetings).toHaveLength(2);
  });

  it('gives every page in the same upcoming-first order as the whole list, with the same total', async () => {
    const all = await slugs('?inactive=true&limit=200');
    for (const limit of [1, 2, 3]) {
      const paged: string[] = [];
      for (let offset = 0; offset < all.length + limit; offset += limit) {
        const res = (await me.get(`/api/meetings?inactive=true&limit=${limit}&offset=${offset}`)).json();
        expect(res.total).toBe(all.length);
        paged.push(...res.meetings.map((m: { slug: string }) => m.slug));
      }
      expect(paged).toEqual(all);
    }
    const words = await slugs('?q=pine&limit=200');
    expect((await slugs('?q=pine&limit=1')).concat(await slugs('?q=pine&limit=1&offset=1'))).toEqual(words.slice(0, 2));
  });

  it('keeps every meeting within the radius, however close to its edge', async () => {
    const wide = (await me.get('/api/meetings?near=36.154,-95.993&radius=1000&unit=km&limit=200')).json().meetings as Array<{ slug: string; distance: number }>;
    expect(wide.length).toBeGreaterThan(3);
    for (const m of wide) {
      const within = await slugs(`?near=36.154,-95.993&radius=${m.distance + 0.06}&unit=km&limit=200`);
      expect(within).toContain(m.slug);
    }
  });

  it('filters by day, time of day, types and how to attend', async () => {
    expect((await slugs(`?day=${dayA}`)).sort()).toEqual(['noon-women', 'sunrise']);
    expect(await slugs(`?day=${dayA}&time=morning`)).toEqual(['sunrise']);
    expect(await slugs(`?day=${dayC}&time=night`)).toEqual(['night-online']);
    expect(await slugs('?time=appointment')).toEqual(['by-appointment']);
    expect((await slugs('?types=O,D')).sort()).toEqual(['night-online', 'sunrise']);
    expect(await slugs('?types=W')).toEqual(['noon-women']);
    const online = await slugs('?attend=online');
    expect(online.sort()).toEqual(['evening-hybrid', 'night-online', 'soon-online']);
    const inPerson = await slugs(`?attend=in_person&day=${dayB}`);
    expect(inPerson.sort()).toEqual(['evening-hybrid', 'far-away']);
  });

  it('measures distance from a point, nearest first, and keeps to a radius', async () => {
    const res = await me.get('/api/meetings?near=36.154,-95.993&radius=5&unit=mi');
    expect(res.statusCode, res.body).toBe(200);
    const near = res.json().meetings;
    expect(near[0]).toMatchObject({ slug: 'sunrise', distance: 0 });
    expect(near.map((m: { slug: string }) => m.slug)).not.toContain('far-away');
    expect(near.map((m: { slug: string }) => m.slug)).not.toContain('night-online');
    const wide = (await me.get('/api/meetings?near=36.154,-95.993&radius=1000&unit=km')).json().meetings;
    const far = wide.find((m: { slug: string }) => m.slug === 'far-away');
    // Tulsa to Denver is about 885 km.
    expect(far.distance).toBeGreaterThan(850);
    expect(far.distance).toBeLessThan(920);
  });

  it('searches words in names, places, notes and regions, all of them, literally', async () => {
    expect(await slugs('?q=serenity')).toEqual(['sunrise']);
    expect(await slugs('?q=ring%20bell')).toEqual(['sunrise']);
    expect(await slugs('?q=ring%20owls')).toEqual([]);
    expect(await slugs('?q=100%25')).toEqual(['night-online']);
    expect(await slugs('?q=%25')).toEqual(['night-online']);
  });

  it('says which meetings start soon (within the hour, or started up to ten minutes ago)', async () => {
    const soon = (await me.get('/api/meetings?soon=true')).json().meetings;
    expect(soon.map((m: { slug: string }) => m.slug)).toEqual(['just-started', 'soon-online']);
    expect(soon[1].minutesUntil).toBeGreaterThanOrEqual(18);
    expect(soon[1].minutesUntil).toBeLessThanOrEqual(20);
    expect(soon[0].minutesUntil).toBeLessThan(0);
    expect(await slugs('?soon=true&attend=online')).toEqual(['soon-online']);
  });

  it('answers 400 for filters it cannot read', async () => {
    for (const q of ['?day=9', '?time=brunch', '?near=here', '?radius=-1', '?types=O;D', '?limit=1000', '?soon=yes']) {
      const res = await me.get(`/api/meetings${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });

  it('keeps each organization’s directory to itself', async () => {
    const org = await makeOrganization(t.database.db);
    await makeProgram(t.database.db, org.id);
    const stranger = await signIn(t.app, (await makeUser(t.database.db, org.id, 'peer_worker', null)).email);
    expect(await slugs('', stranger)).toEqual([]);
    expect((await stranger.get(`/api/meetings/${ids.sunrise}`)).statusCode).toBe(404);
    expect((await stranger.put(`/api/meetings/${ids.sunrise}/saved`, { saved: true })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/meetings' })).statusCode).toBe(401);
  });
});

describe('a meeting’s page', () => {
  it('shows where and how to join: a map for a room, the conference link only on a known service, notes', async () => {
    const hybrid = (await me.get(`/api/meetings/${ids['evening-hybrid']}`)).json();
    expect(hybrid).toMatchObject({
      attendanceMode: 'hybrid',
      conferenceUrl: 'https://zoom.us/j/111',
      conferenceProvider: 'Zoom',
      conferenceUrlNotes: 'Passcode 1234',
      mapUrl: 'https://www.openstreetmap.org/?mlat=36.5&mlon=-95.9#map=17/36.5/-95.9',
      address: '3 Elm St, Tulsa, OK 74103, USA',
      timeZone: tz,
      day: dayB,
      time: '18:30',
      types: ['O', 'ST'],
    });
    const sketchy = (await me.get(`/api/meetings/${ids['sketchy-link']}`)).json();
    expect(sketchy).toMatchObject({ attendanceMode: 'inactive', conferenceUrl: null, mapUrl: null });
    const sunrise = (await me.get(`/api/meetings/${ids.sunrise}`)).json();
    expect(sunrise).toMatchObject({ location: 'St. Mark Hall', locationNotes: 'Side door, ring the bell', conferenceUrl: null });
  });
});

describe('saving and logging meetings', () => {
  it('keeps a saved list per person', async () => {
    const saved = await me.put(`/api/meetings/${ids['soon-online']}/saved`, { saved: true });
    expect(saved.json().saved).toBe(true);
    expect(await slugs('?saved=true')).toEqual(['soon-online']);
    expect(await slugs('?saved=true', peer)).toEqual([]);
    expect((await me.put(`/api/meetings/${ids['soon-online']}/saved`, { saved: true })).json().saved).toBe(true);
    await me.put(`/api/meetings/${ids['soon-online']}/saved`, { saved: false });
    expect(await slugs('?saved=true')).toEqual([]);
    expect((await me.put(`/api/meetings/${ids.sunrise}/saved`, { saved: 'yes' })).statusCode).toBe(400);
  });

  it('lets a participant log going (once a day), which counts toward engagement; staff do not log for themselves', async () => {
    const url = `/api/meetings/${ids.sunrise}/attendance`;
    const logged = await me.post(url, {});
    expect(logged.statusCode).toBe(200);
    const today = DateTime.now().setZone(tz).toISODate()!;
    expect(logged.json().attendedOn).toEqual([today]);
    await me.post(url, {});
    const yesterday = DateTime.now().setZone(tz).minus({ days: 1 }).toISODate()!;
    expect((await me.post(url, { attendedOn: yesterday })).json().attendedOn).toEqual([today, yesterday]);
    const future = await me.post(url, { attendedOn: DateTime.now().setZone(tz).plus({ days: 2 }).toISODate() });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('body.attendedOn');
    expect((await me.post(url, { attendedOn: 'last week' })).statusCode).toBe(400);
    expect((await peer.post(url, {})).statusCode).toBe(403);
    const rows = await t.database.db.select().from(meetingAttendance).where(eq(meetingAttendance.participantId, world.participant.id));
    expect(rows).toHaveLength(2);
    const summary = (await peer.get(`/api/participants/${world.participant.id}/attendance`)).json();
    expect(summary.meetings).toEqual({ logged: 2, last30Days: 2 });
    expect(summary.recent[0]).toMatchObject({ kind: 'meeting', title: 'Sunrise Serenity', date: today });
    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'meeting_attendance.create'), eq(auditEvents.participantId, world.participant.id)));
    expect(audits).toHaveLength(2);
  });
});
