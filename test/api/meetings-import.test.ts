import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedProblems } from '../../src/shared/meetings/feed.js';
import { auditEvents, meetings, programs } from '../../src/server/db/schema/index.js';
import { buildMeetingFeed } from '../../src/server/modules/meetings/export-feed.js';
import { fetchMeetingFeed } from '../../src/server/modules/meetings/fetch-feed.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { isolatedCliDatabase, runCli } from '../helpers/cli.js';
import { makeOrganization, makeProgram, makeUser, makeWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

const fixtures = path.resolve('../shared/data/meeting-guide');
const fixture = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as Array<Record<string, unknown>>;

let t: TestApp;
let world: World;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  admin = await signIn(t.app, world.users.orgAdmin.email);
});
afterAll(() => t.close());

/** A fresh organization with its own admin, so each import starts from an empty directory. */
async function freshOrg() {
  const org = await makeOrganization(t.database.db, 'Import Test Org');
  await makeProgram(t.database.db, org.id, 'community');
  const user = await makeUser(t.database.db, org.id, 'org_admin', null, 'import-admin');
  return { org, admin: await signIn(t.app, user.email) };
}

async function directory(organizationId: string) {
  const rows = await t.database.db.select().from(meetings).where(eq(meetings.organizationId, organizationId));
  return new Map(rows.map((r) => [r.slug, r]));
}

describe('importing the sample feeds', () => {
  it.each([
    ['c4r-pdf-fixture-meetings.json', 25],
    ['c4r-pdf-fixture-meetings-multi-region.json', 12],
    ['tsml-ui-unit-fixture-meetings.json', 3],
  ])('%s gives %i meetings; importing it again changes nothing', async (name, count) => {
    const { org, admin: orgAdmin } = await freshOrg();
    const first = await orgAdmin.post('/api/meetings/import', { feed: fixture(name) });
    expect(first.statusCode).toBe(200);
    expect(first.json().counts).toEqual({ imported: count, updated: 0, unchanged: 0, rejected: 0 });
    const before = await directory(org.id);
    expect(before.size).toBe(count);

    const second = await orgAdmin.post('/api/meetings/import', { feed: fixture(name) });
    expect(second.json().counts).toEqual({ imported: 0, updated: 0, unchanged: count, rejected: 0 });
    const after = await directory(org.id);
    for (const [slug, row] of before) expect(after.get(slug)?.updatedAt).toEqual(row.updatedAt);

    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, org.id), eq(auditEvents.action, 'meetings.import'))).orderBy(auditEvents.id);
    expect(audits.map((a) => a.details)).toEqual([expect.objectContaining({ imported: count, entries: count }), expect.objectContaining({ unchanged: count })]);
  });

  it('works out in person / online / inactive as tsml-ui does for its own fixture', async () => {
    const { org, admin: orgAdmin } = await freshOrg();
    await orgAdmin.post('/api/meetings/import', { feed: fixture('tsml-ui-unit-fixture-meetings.json') });
    const rows = await directory(org.id);
    expect(Object.fromEntries([...rows].map(([slug, r]) => [slug, r.attendanceMode]))).toEqual({ 'in-person': 'in_person', online: 'online', inactive: 'inactive' });
    expect(rows.get('online')!.timeZone).toBe('America/New_York');
  });

  it('reads the Code for Recovery fixture: program time zone filled in, temporarily closed and link-less online listings inactive', async () => {
    const { org, admin: orgAdmin } = await freshOrg();
    await orgAdmin.post('/api/meetings/import', { feed: fixture('c4r-pdf-fixture-meetings.json') });
    const rows = await directory(org.id);
    const inactive = [...rows.values()].filter((r) => r.attendanceMode === 'inactive').map((r) => r.slug).sort();
    expect(inactive).toEqual(['closed-renovation', 'online-mondays', 'suspended-sat', 'wednesday-online']);
    expect([...rows.values()].filter((r) => r.attendanceMode === 'in_person')).toHaveLength(21);
    expect(rows.get('sunday-serenity')).toMatchObject({ day: 0, startMinute: 540, timeZone: 'America/Chicago', regions: ['Mississippi', 'North', 'Tupelo'] });
    // The plugin-internal ONL is kept in the listing (and the feed) but is not a type people filter by.
    expect(rows.get('online-mondays')!.types).toEqual(['O']);
    expect(rows.get('online-mondays')!.record.types).toEqual(['O', 'ONL']);
    expect(rows.get('asa-no-tsudoi')!.name).toBe('朝の集い');
  });
});

describe('what a feed may hold', () => {
  it('turns a day array into one meeting per day, and updates a listing that changed', async () => {
    const { org, admin: orgAdmin } = await freshOrg();
    const listing = { slug: 'daily-reflections', name: 'Daily Reflections', day: [1, 3, 5], time: '7:00', timezone: 'America/Denver', formatted_address: '1 Elm St, Boulder, CO 80301, USA', types: ['O', 'DR'] };
    const first = (await orgAdmin.post('/api/meetings/import', { feed: [listing] })).json();
    expect(first.records.map((r: { slug: string }) => r.slug)).toEqual(['daily-reflections-1', 'daily-reflections-3', 'daily-reflections-5']);
    const rows = await directory(org.id);
    expect(rows.get('daily-reflections-3')).toMatchObject({ day: 3, startMinute: 420, record: expect.objectContaining({ time: '07:00', day: 3 }) });

    const changed = (await orgAdmin.post('/api/meetings/import', { feed: [{ ...listing, time: '07:30' }] })).json();
    expect(changed.counts).toEqual({ imported: 0, updated: 3, unchanged: 0, rejected: 0 });
    expect((await directory(org.id)).get('daily-reflections-5')!.startMinute).toBe(450);
  });

  it('rejects unusable listings with the reason, and still loads the rest', async () => {
    const { org, admin: orgAdmin } = await freshOrg();
    const ok = { slug: 'ok', name: 'Fine', day: 2, time: '19:00', formatted_address: '5 Oak St, Tulsa, OK 74103, USA' };
    const feed = [
      ok,
      { ...ok, name: 'Same slug again' },
      { ...ok, slug: undefined },
      { ...ok, slug: 'no-name', name: '  ' },
      { ...ok, slug: 'bad-day', day: 7 },
      { ...ok, slug: 'bad-time', time: '7pm' },
      { ...ok, slug: 'nowhere', formatted_address: undefined },
      { ...ok, slug: 'bad-zone', timezone: 'Mars/Olympus' },
      { ...ok, slug: 'half-point', latitude: 36.1 },
      'not a meeting',
    ];
    const report = (await orgAdmin.post('/api/meetings/import', { feed })).json();
    expect(report.counts).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: 9 });
    expect(report.records.filter((r: { outcome: string }) => r.outcome === 'rejected').map((r: { reason: string }) => r.reason)).toEqual([
      'duplicate_slug',
      'no_slug',
      'no_name',
      'invalid_day',
      'invalid_time',
      'no_address',
      'invalid_timezone',
      'invalid_coordinates',
      'not_an_object',
    ]);
    expect([...(await directory(org.id)).keys()]).toEqual(['ok']);
  });

  it('without a timezone and no shared program time zone, a weekly listing is rejected unless the import names one', async () => {
    const org = await makeOrganization(t.database.db);
    await makeProgram(t.database.db, org.id);
    const other = await makeProgram(t.database.db, org.id, 'reentry');
    await t.database.db.update(programs).set({ timeZone: 'America/New_York' }).where(eq(programs.id, other.id));
    const user = await makeUser(t.database.db, org.id, 'org_admin', null);
    const orgAdmin = await signIn(t.app, user.email);
    const listing = { slug: 'x', name: 'X', day: 1, time: '12:00', city: 'Tulsa', state: 'OK' };
    expect((await orgAdmin.post('/api/meetings/import', { feed: [listing] })).json().records[0].reason).toBe('no_timezone');
    const named = await orgAdmin.post('/api/meetings/import', { feed: [listing], timeZone: 'America/Chicago' });
    expect(named.json().counts.imported).toBe(1);
    const bad = await orgAdmin.post('/api/meetings/import', { feed: [listing], timeZone: 'Nowhere/Land' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.timeZone');
  });

  it('drops links that are not http(s), so nothing shown or exported runs as script', async () => {
    const { org, admin: orgAdmin } = await freshOrg();
    const listing = { slug: 'js', name: 'Link test', day: 0, time: '10:00', formatted_address: 'Tulsa, OK, USA', conference_url: 'javascript:alert(1)', url: 'https://example.org/m' };
    await orgAdmin.post('/api/meetings/import', { feed: [listing] });
    const row = (await directory(org.id)).get('js')!;
    expect(row.record.conference_url).toBeUndefined();
    expect(row.record.url).toBe('https://example.org/m');
    expect(row.attendanceMode).toBe('inactive');
  });
});

describe('bad input and who may import', () => {
  it('answers 400 for a body that is not a feed, and writes nothing', async () => {
    const { org, admin: orgAdmin } = await freshOrg();
    for (const body of [{}, { feed: 'nope' }, { feed: [], url: 'https://example.org/x.json' }, { url: 'ftp://example.org/feed.json' }]) {
      const res = await orgAdmin.post('/api/meetings/import', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
    }
    expect((await directory(org.id)).size).toBe(0);
  });

  it('refuses to fetch a feed from an address on the server’s own network', async () => {
    const { org, admin: orgAdmin } = await freshOrg();
    const res = await orgAdmin.post('/api/meetings/import', { url: 'http://127.0.0.1:9/feed.json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('meeting_feed.invalid');
    expect((await directory(org.id)).size).toBe(0);
  });

  it('lets only the organization admin import', async () => {
    for (const who of [world.users.peerA, world.users.supervisorA, world.users.participantUser]) {
      const s = await signIn(t.app, who.email);
      expect((await s.post('/api/meetings/import', { feed: [] })).statusCode).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/meetings/import', payload: { feed: [] } });
    expect(anonymous.statusCode).toBe(401);
    expect((await admin.post('/api/meetings/import', { feed: [] })).json().counts.imported).toBe(0);
  });
});

describe('the exported feed', () => {
  it('is public, CORS-open and cacheable, follows the spec, and re-imports to the same meetings', async () => {
    const { org, admin: orgAdmin } = await freshOrg();
    await orgAdmin.post('/api/meetings/import', { feed: [...fixture('c4r-pdf-fixture-meetings.json'), ...fixture('tsml-ui-unit-fixture-meetings.json')] });
    const url = `/feeds/${org.slug}/meetings.json`;
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect((await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    const feed = res.json();
    expect(feed).toHaveLength(28);
    expect(feedProblems(feed)).toEqual([]);
    expect(feed.every((m: { timezone?: string; day?: number }) => m.day === undefined || typeof m.timezone === 'string')).toBe(true);

    // The same org: nothing changes. Another org: the same meetings, listing for listing.
    expect((await orgAdmin.post('/api/meetings/import', { feed })).json().counts.unchanged).toBe(28);
    const other = await freshOrg();
    expect((await other.admin.post('/api/meetings/import', { feed })).json().counts.imported).toBe(28);
    const [a, b] = [await directory(org.id), await directory(other.org.id)];
    for (const [slug, row] of a) {
      const copy = b.get(slug)!;
      expect({ ...copy, id: row.id, organizationId: row.organizationId, createdAt: row.createdAt, updatedAt: row.updatedAt }).toEqual(row);
    }
    expect((await t.app.inject({ method: 'GET', url: `/feeds/${other.org.slug}/meetings.json` })).body).toBe(res.body);
    expect((await t.app.inject({ method: 'GET', url: '/feeds/no-such-org/meetings.json' })).statusCode).toBe(404);
  });
});

describe('the exported feed, cached until the directory changes', () => {
  const get = (url: string, etag?: string) => t.app.inject({ method: 'GET', url, headers: etag ? { 'if-none-match': etag } : {} });

  it('shows every change at once, whatever wrote it, and answers a matching ETag with 304', async () => {
    const { org, admin: orgAdmin } = await freshOrg();
    const listings = fixture('c4r-pdf-fixture-meetings.json');
    await orgAdmin.post('/api/meetings/import', { feed: listings });
    const url = `/feeds/${org.slug}/meetings.json`;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    // The same bytes as building it afresh, and the same again from the cache.
    expect(first.body).toBe((await buildMeetingFeed(t.database.db, org.id)).body.toString('utf8'));
    const again = await get(url);
    expect([again.body, again.headers.etag]).toEqual([first.body, first.headers.etag]);
    const etag = first.headers.etag as string;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) expect((await get(url, header)).statusCode).toBe(304);
    const notModified = await get(url, etag);
    expect(notModified.headers['access-control-allow-origin']).toBe('*');
    expect([notModified.headers.etag, notModified.headers['cache-control']]).toEqual([etag, first.headers['cache-control']]);
    expect(notModified.body).toBe('');
    expect((await get(url, '"stale"')).statusCode).toBe(200);

    // An import that renames one listing: the feed shows it on the next request, with a new ETag.
    const [renamed, ...rest] = first.json() as Array<{ slug: string; name: string }>;
    await orgAdmin.post('/api/meetings/import', { feed: [{ ...renamed!, name: 'Renamed Morning Serenity' }, ...rest] });
    const afterImport = await get(url);
    expect(afterImport.json().find((m: { slug: string }) => m.slug === renamed!.slug).name).toBe('Renamed Morning Serenity');
    expect(afterImport.headers.etag).not.toBe(etag);
    expect((await get(url, etag)).statusCode).toBe(200);

    // Writes straight to the database (another server instance, or any other path) are seen too.
    const [row] = await t.database.db.select().from(meetings).where(and(eq(meetings.organizationId, org.id), eq(meetings.slug, renamed!.slug)));
    await t.database.db.update(meetings).set({ record: { ...row!.record, name: 'Edited Elsewhere' } }).where(eq(meetings.id, row!.id));
    expect((await get(url)).json().find((m: { slug: string }) => m.slug === renamed!.slug).name).toBe('Edited Elsewhere');
    await t.database.db.delete(meetings).where(eq(meetings.id, row!.id));
    const afterDelete = (await get(url)).json() as Array<{ slug: string }>;
    expect(afterDelete.map((m) => m.slug)).toEqual(rest.map((m) => m.slug));

    // Another organization's import leaves this feed (and its ETag) as it was.
    const before = await get(url);
    const other = await freshOrg();
    await other.admin.post('/api/meetings/import', { feed: listings });
    expect((await get(url, before.headers.etag as string)).statusCode).toBe(304);
    expect((await get(`/feeds/${other.org.slug}/meetings.json`)).json()).toHaveLength(first.json().length);
  });

  it('serves an empty directory as an empty feed, and then its first import', async () => {
    const { org, admin: orgAdmin } = await freshOrg();
    const url = `/feeds/${org.slug}/meetings.json`;
    expect((await get(url)).body).toBe('[]');
    await orgAdmin.post('/api/meetings/import', { feed: fixture('c4r-pdf-fixture-meetings.json') });
    expect((await get(url)).json().length).toBeGreaterThan(0);
  });
});

describe('fetching a feed and the command line', () => {
  let server: Server;
  let feedUrl = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/moved') return void res.writeHead(302, { location: '/feed.json' }).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fixture('c4r-pdf-fixture-meetings-multi-region.json')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('follows a redirect to the feed when fetching for the command line', async () => {
    const feed = await fetchMeetingFeed(`${feedUrl}/moved`, { allowPrivate: true });
    expect(feed).toHaveLength(12);
    await expect(fetchMeetingFeed(`${feedUrl}/moved`)).rejects.toThrow(/private network/);
  });

  it('`peerpath import meetings` loads a file or a URL by slug and prints the report', { timeout: 240_000 }, async () => {
    const target = await isolatedCliDatabase();
    try {
      const created = await runCli(
        ['user', 'create', '--org', 'meetings-cli', '--org-name', 'CLI Org', '--role', 'org_admin', '--email', 'cli-admin@test.example', '--name', 'CLI Admin', '--password', TEST_PASSWORD],
        target.env,
      );
      expect(created.code, created.stderr).toBe(0);
      const file = path.join(fixtures, 'c4r-pdf-fixture-meetings.json');
      const first = await runCli(['import', 'meetings', file, '--org', 'meetings-cli', '--time-zone', 'America/Chicago'], target.env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain('Meetings: 25 imported, 0 updated, 0 unchanged, 0 rejected.');
      const again = await runCli(['import', 'meetings', file, '--org', 'meetings-cli', '--time-zone', 'America/Chicago'], target.env);
      expect(again.stdout).toContain('Meetings: 0 imported, 0 updated, 25 unchanged, 0 rejected.');
      const fromUrl = await runCli(['import', 'meetings', `${feedUrl}/feed.json`, '--org', 'meetings-cli', '--time-zone', 'America/Chicago'], target.env);
      expect(fromUrl.stdout).toContain('Meetings: 12 imported');
      const noZone = await runCli(['import', 'meetings', file, '--org', 'meetings-cli'], target.env);
      expect(noZone.stdout).toContain('25 rejected');
      expect(noZone.stdout).toContain('no timezone');
      const noOrg = await runCli(['import', 'meetings', file, '--org', 'nobody-here'], target.env);
      expect(noOrg.code).not.toBe(0);
      expect(noOrg.stderr).toContain('No organization "nobody-here"');
    } finally {
      await target.dispose();
    }
  });
});
