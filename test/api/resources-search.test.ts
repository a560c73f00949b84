import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpenAt, openIntervals, type OpenInterval } from '../../src/shared/resources/schedule.js';
import { auditEvents, resourceServices } from '../../src/server/db/schema/index.js';
import { haversineKm } from '../../src/server/platform/geo.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let peer: Session;
let me: Session;
let admin: Session;

// The program's office in Chicago (the test programs keep America/Chicago time).
const office = { lat: 41.8781, lon: -87.6298 };
/** A point `km` north of the office. */
const north = (km: number) => ({ latitude: office.lat + km / 111.195, longitude: office.lon });
const allWeek = [0, 1, 2, 3, 4, 5, 6];

const ids: Record<string, string> = {};
const provider = { id: '5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d', name: 'Imported Provider', description: 'An imported provider' };
async function add(key: string, body: Record<string, unknown>) {
  const res = await peer.post('/api/resources/services', body);
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = res.json().id;
  return res.json();
}

const search = async (who: Session, query: Record<string, string | number | boolean>) => {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await who.get(`/api/resources/search?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Array<{ id: string; name: string; distanceKm: number | null; openNow: boolean | null; needsCheck: boolean; categories: string[] }>; total: number };
};
const names = (r: { items: Array<{ name: string }> }) => r.items.map((i) => i.name).sort();

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  peer = await signIn(t.app, world.users.peerA.email);
  me = await signIn(t.app, world.users.participantUser.email);
  admin = await signIn(t.app, world.users.orgAdmin.email);

  await add('shelter', {
    name: 'Riverside Night Shelter',
    providerName: 'Riverside Housing Coalition',
    description: 'Emergency beds for the night. Walk-in intake every evening.',
    categories: ['housing'],
    ...north(2),
    address: { street: '100 W Lake St', city: 'Chicago', region: 'IL', postalCode: '60601' },
    languages: ['en', 'es'],
    free: true,
    // Friday night into Saturday morning only.
    hours: [{ days: [5], opens: '22:00', closes: '06:00' }],
  });
  await add('pantry', {
    name: 'Westside Meal Program',
    description: 'Hot meals and a food pantry.',
    categories: ['food'],
    ...north(9.5),
    languages: ['en'],
    free: true,
    hours: [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }],
  });
  await add('albergue', {
    name: 'Albergue La Esperanza',
    description: 'Camas de emergencia y comidas calientes para personas sin hogar.',
    categories: ['housing', 'food'],
    ...north(10.5),
    languages: ['es'],
    free: false,
    feesDescription: '$5 por noche',
    hours: [{ days: allWeek, opens: '00:00', closes: '23:59' }],
  });
  await add('clinic', {
    name: 'Lakeview MAT Clinic',
    description: 'Buprenorphine and methadone with counseling.',
    categories: ['mat', 'health_care'],
    ...north(4),
    languages: ['en'],
    hours: [{ days: [1, 3], opens: '08:00', closes: '12:00' }],
  });
  await add('legal', { name: 'Second Chance Legal Aid', description: 'Expungement clinics for people coming home.', categories: ['legal', 'reentry'], languages: ['en'] });
});
afterAll(() => t.close());

describe('local resources', () => {
  it('are stored as HSDS records and read back with hours, places, verification and what the reader may do', async () => {
    const detail = (await peer.get(`/api/resources/services/${ids.shelter}`)).json();
    expect(detail).toMatchObject({
      name: 'Riverside Night Shelter',
      providerName: 'Riverside Housing Coalition',
      categories: ['housing'],
      free: true,
      local: true,
      needsCheck: false,
      hours: { timeZone: 'America/Chicago', known: true, weekly: [{ weekday: 5, opens: '22:00', closes: '06:00', nth: null, utcOffsetMinutes: null }] },
      can: { edit: true, verify: true, addTip: true, refer: true },
    });
    expect(detail.places[0]).toMatchObject({ address: '100 W Lake St, Chicago, IL 60601' });
    expect(detail.languages.map((l: { code: string }) => l.code).sort()).toEqual(['en', 'es']);
    expect(detail.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'resource.create'), eq(auditEvents.resourceId, ids.shelter!)));
    expect(audit).toHaveLength(1);

    // A participant reads the same directory, tips included, and changes nothing in it.
    const tip = await peer.post(`/api/resources/services/${ids.shelter}/tips`, { body: 'Get there by 9:30; ask for the re-entry desk.' });
    expect(tip.statusCode).toBe(201);
    const mine = (await me.get(`/api/resources/services/${ids.shelter}`)).json();
    expect(mine.tips).toEqual([expect.objectContaining({ body: 'Get there by 9:30; ask for the re-entry desk.', author: { id: world.users.peerA.id, displayName: expect.any(String) } })]);
    expect(mine.can).toEqual({ edit: false, verify: false, addTip: false, refer: false });
    expect((await me.post(`/api/resources/services/${ids.shelter}/tips`, { body: 'hello there' })).statusCode).toBe(403);
    expect((await me.post('/api/resources/services', { name: 'Mine', categories: ['food'] })).statusCode).toBe(403);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const count = async () => Number((await t.database.db.select({ n: sql<number>`count(*)` }).from(resourceServices).where(eq(resourceServices.organizationId, world.org.id)))[0]!.n);
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'No category', categories: [] }, 'body.categories'],
      [{ name: 'Half a point', categories: ['food'], latitude: 41.9 }, 'body.longitude'],
      [{ name: 'Bad hours', categories: ['food'], hours: [{ days: [1], opens: '9am', closes: '17:00' }] }, 'body.hours.0.opens'],
      [{ name: 'Bad day', categories: ['food'], hours: [{ days: [7], opens: '09:00', closes: '17:00' }] }, 'body.hours.0.days.0'],
      [{ name: 'Unknown need', categories: ['yachts'] }, 'body.categories.0'],
    ];
    for (const [body, path] of cases) {
      const res = await peer.post('/api/resources/services', body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect(await count()).toBe(before);
  });

  it('updates a local resource in place, keeping its HSDS ids; an imported one is corrected at its source', async () => {
    const before = (await peer.get(`/api/resources/services/${ids.legal}`)).json();
    const res = await peer.put(`/api/resources/services/${ids.legal}`, { name: 'Second Chance Legal Aid', categories: ['legal'], phone: '+1 (312) 555-0100', hours: [{ days: [2], opens: '13:00', closes: '16:00' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: before.id, categories: ['legal'], phones: [{ number: '+1 (312) 555-0100' }], hours: { weekly: [{ weekday: 2, opens: '13:00', closes: '16:00' }] } });

    const pkg = { id: '0f9b7c1e-3d6a-4e8b-9c2d-1a2b3c4d5e6f', name: 'Imported Food Bank', status: 'active', description: 'Food bank', assured_date: '2020-01-15', organization: provider };
    expect((await admin.post('/api/resources/import', { files: [{ name: 'service.json', text: JSON.stringify(pkg) }] })).json().rejected).toEqual([]);
    const imported = await peer.put(`/api/resources/services/${pkg.id}`, { name: 'Changed', categories: ['food'] });
    expect(imported.statusCode).toBe(409);
    expect(imported.json().error.code).toBe('resource.not_local');
    expect((await peer.put('/api/resources/services/00000000-0000-4000-8000-000000000000', { name: 'X1', categories: ['food'] })).statusCode).toBe(404);
    ids.imported = pkg.id;
  });
});

describe('search', () => {
  it('finds by text in English and in Spanish, by stem, and by the words of a category in either language', async () => {
    expect(names(await search(peer, { q: 'walk-in intake' }))).toEqual(['Riverside Night Shelter']);
    // A category's words are searched with it: "shelter" finds every housing service.
    expect(names(await search(peer, { q: 'shelter' }))).toEqual(['Albergue La Esperanza', 'Riverside Night Shelter']);
    expect(names(await search(peer, { q: 'pantries' }))).toEqual(['Westside Meal Program']);
    expect(names(await search(peer, { q: 'comida' }))).toContain('Albergue La Esperanza');
    expect(names(await search(peer, { q: 'emergencia' }))).toEqual(['Albergue La Esperanza']);
    // "vivienda" is nowhere in the English shelter's text: its housing category carries the Spanish word.
    expect(names(await search(me, { q: 'vivienda' }))).toEqual(['Albergue La Esperanza', 'Riverside Night Shelter']);
    expect((await search(peer, { q: 'bicycle repair' })).total).toBe(0);
  });

  it('filters by category, language and free of charge', async () => {
    expect(names(await search(peer, { category: 'housing' }))).toEqual(['Albergue La Esperanza', 'Riverside Night Shelter']);
    expect(names(await search(peer, { category: 'mat' }))).toEqual(['Lakeview MAT Clinic']);
    expect(names(await search(peer, { language: 'es' }))).toEqual(['Albergue La Esperanza', 'Riverside Night Shelter']);
    expect(names(await search(peer, { category: 'housing', free: true }))).toEqual(['Riverside Night Shelter']);
  });

  it('keeps to a distance from a point, nearest first, with the distance measured on the globe', async () => {
    const near = await search(peer, { lat: office.lat, lon: office.lon, radiusKm: 10 });
    expect(near.items.map((i) => i.name)).toEqual(['Riverside Night Shelter', 'Lakeview MAT Clinic', 'Westside Meal Program']);
    const shelter = north(2);
    expect(near.items[0]!.distanceKm).toBeCloseTo(haversineKm(office.lat, office.lon, shelter.latitude, shelter.longitude), 1);
    // 10.5 km away is outside 10 km, inside 11; a resource with no place never matches a distance.
    expect(names(await search(peer, { lat: office.lat, lon: office.lon, radiusKm: 11 }))).toContain('Albergue La Esperanza');
    expect(names(await search(peer, { lat: office.lat, lon: office.lon, radiusKm: 500 }))).not.toContain('Second Chance Legal Aid');
  });

  it('searches from a named place of the organization', async () => {
    const place = await admin.post('/api/resources/places', { name: 'Community office', latitude: office.lat, longitude: office.lon, programId: world.programA.id });
    expect(place.statusCode).toBe(201);
    expect((await peer.post('/api/resources/places', { name: 'Mine', latitude: 1, longitude: 1 })).statusCode).toBe(403);
    const listed = (await me.get('/api/resources/places')).json().places;
    expect(listed).toEqual([expect.objectContaining({ name: 'Community office' })]);
    const res = await search(peer, { placeId: place.json().id, radiusKm: 5, category: 'housing' });
    expect(res).toMatchObject({ total: 1, origin: { name: 'Community office' } });
  });

  it('is open now on the local clock, across midnight', async () => {
    // Friday 27 November 2026, 23:30 in Chicago (UTC-6), then Saturday 02:00, then Saturday 07:00.
    const friNight = await search(peer, { openNow: true, at: '2026-11-28T05:30:00Z' });
    expect(names(friNight)).toEqual(['Albergue La Esperanza', 'Riverside Night Shelter']);
    expect(names(await search(peer, { openNow: true, at: '2026-11-28T08:00:00Z' }))).toEqual(['Albergue La Esperanza', 'Riverside Night Shelter']);
    expect(names(await search(peer, { openNow: true, at: '2026-11-28T13:00:00Z' }))).toEqual(['Albergue La Esperanza']);
    // Monday 10:00: the clinic and the meal program are open; the legal aid has no hours on Mondays.
    const monday = await search(peer, { at: '2026-11-30T16:00:00Z' });
    const open = Object.fromEntries(monday.items.map((i) => [i.name, i.openNow]));
    expect(open).toMatchObject({ 'Lakeview MAT Clinic': true, 'Westside Meal Program': true, 'Riverside Night Shelter': false, 'Second Chance Legal Aid': false, 'Imported Food Bank': null });
  });

  it('combines text, category, distance and open now', async () => {
    const res = await search(peer, { q: 'emergency beds', category: 'housing', lat: office.lat, lon: office.lon, radiusKm: 10, openNow: true, at: '2026-11-28T05:30:00Z' });
    expect(res.items.map((i) => i.name)).toEqual(['Riverside Night Shelter']);
    expect(res.items[0]).toMatchObject({ openNow: true, distanceKm: expect.any(Number) });
  });

  it('refuses a half point or a bad filter with 400', async () => {
    for (const qs of ['lat=41.9', 'lat=100&lon=1', 'category=yachts', 'radiusKm=0', 'openNow=maybe', 'size=500', 'at=yesterday']) {
      expect((await peer.get(`/api/resources/search?${qs}`)).statusCode, qs).toBe(400);
    }
  });

  it('pages', async () => {
    const first = await search(peer, { size: 2, page: 1 });
    const second = await search(peer, { size: 2, page: 2 });
    expect(first.total).toBe(6);
    expect(first.items).toHaveLength(2);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
  });

  it('never shows another organization’s directory', async () => {
    const other = await makeWorld(t.database.db);
    const stranger = await signIn(t.app, other.users.peerA.email);
    expect((await search(stranger, { q: 'shelter' })).total).toBe(0);
    expect((await stranger.get(`/api/resources/services/${ids.shelter}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/resources/services/${ids.shelter}/tips`, { body: 'sneaky tip' })).statusCode).toBe(404);
    // The local resources leave as valid HSDS and come back whole in the other organization's directory.
    const exported = await peer.get('/api/resources/export');
    const otherAdmin = await signIn(t.app, other.users.orgAdmin.email);
    const report = (await otherAdmin.post('/api/resources/import', { files: [{ name: 'export.json', text: exported.body }] })).json();
    expect(report.rejected).toEqual([]);
    expect((await search(stranger, { q: 'walk-in intake' })).items[0]).toMatchObject({ name: 'Riverside Night Shelter', categories: ['housing'] });
    // Tips stay with the organization that wrote them.
    expect((await stranger.get(`/api/resources/services/${ids.shelter}`)).json().tips).toEqual([]);
    expect((await t.app.inject({ url: '/api/resources/search' })).statusCode).toBe(401);
  });
});

describe('entries not checked for six months', () => {
  it('are flagged until a peer worker checks them', async () => {
    const before = (await search(peer, { q: 'food bank' })).items[0]!;
    expect(before).toMatchObject({ name: 'Imported Food Bank', needsCheck: true });
    expect((await search(peer, { q: 'shelter' })).items[0]!.needsCheck).toBe(false);
    expect((await me.post(`/api/resources/services/${ids.imported}/verify`)).statusCode).toBe(403);
    const checked = await peer.post(`/api/resources/services/${ids.imported}/verify`);
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ needsCheck: false });
    expect((await search(peer, { q: 'food bank' })).items[0]!.needsCheck).toBe(false);
  });
});

describe('open now in SQL agrees with the schedule rules', () => {
  it('gives the same answer as isOpenAt for monthly, offset and overnight HSDS schedules at many moments', async () => {
    const svc = (n: number) => `7e1b2c3d-4e5f-4a6b-8c7d-00000000000${n}`;
    const sch = (n: number) => `8e1b2c3d-4e5f-4a6b-8c7d-00000000000${n}`;
    const schedules: Array<Record<string, unknown>> = [
      { freq: 'MONTHLY', byday: '1SA', opens_at: '09:00:00Z', closes_at: '17:00:00Z', dtstart: '2026-01-01', until: '2026-12-31' },
      { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00', timezone: -5 },
      { freq: 'WEEKLY', byday: 'FR,SA', opens_at: '21:00', closes_at: '03:00' },
      { freq: 'MONTHLY', byday: '-1FR', opens_at: '18:00', closes_at: '01:00' },
      { freq: 'WEEKLY', byday: 'SU', opens_at: '01:00-08:00', closes_at: '04:00-08:00' },
      { freq: 'WEEKLY', byday: 'MO,WE', opens_at: '10:00', closes_at: '14:00', valid_from: '2026-03-01', valid_to: '2026-03-31' },
    ];
    const services = schedules.map((s, i) => ({ id: svc(i), name: `Schedule case ${i}`, status: 'active', description: 'schedule case', organization: provider, schedules: [{ id: sch(i), ...s }] }));
    expect((await admin.post('/api/resources/import', { files: [{ name: 'cases.json', text: JSON.stringify(services) }] })).json().rejected).toEqual([]);
    const intervals = new Map<string, OpenInterval[]>(services.map((s, i) => [s.id, openIntervals(schedules[i]!).intervals]));

    const moments: string[] = [];
    // Every three hours and a quarter across March (DST begins 8 March) and the last days of two months.
    for (let t0 = Date.parse('2026-02-27T00:00:00Z'); t0 < Date.parse('2026-04-05T00:00:00Z'); t0 += 3.25 * 3_600_000) moments.push(new Date(t0).toISOString());
    for (const iso of ['2026-03-07T15:00:00Z', '2026-04-04T10:00:00Z', '2026-03-28T06:30:00Z', '2026-03-27T23:30:00Z']) moments.push(iso);
    let open = 0;
    for (const at of moments) {
      const res = await search(peer, { q: 'schedule case', at, size: 50 });
      for (const item of res.items) {
        const expected = isOpenAt(intervals.get(item.id)!, new Date(at), 'America/Chicago');
        expect(item.openNow, `${item.name} at ${at}`).toBe(expected);
        if (expected) open++;
      }
    }
    expect(open).toBeGreaterThan(20);
  });
});
