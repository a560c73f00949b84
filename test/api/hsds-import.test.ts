import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, hsdsRecords, organizations, resourceServices } from '../../src/server/db/schema/index.js';
import { specDir } from '../../src/server/modules/resources/hsds/spec.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';
import { isolatedCliDatabase, runCli } from '../helpers/cli.js';

/** The Open Referral files the issue points at, outside this repository. */
const hsdsDir = path.resolve('../shared/data/hsds');
const examplesDir = path.join(hsdsDir, 'examples');
const csvDir = path.join(examplesDir, 'csv');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

function ajvWithModularSchemas(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(path.join(hsdsDir, 'schema')).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    ajv.addSchema(readJson(path.join(hsdsDir, 'schema', file)), file);
  }
  return ajv;
}
const compiled = (ajv: Ajv, name: string): ValidateFunction => ajv.compile(readJson(path.join(hsdsDir, 'schema', 'compiled', name)));

/** The API-shaped examples: every JSON example but the tabular one (the CSV package in JSON, with its broken references). */
const apiExampleFiles = () =>
  readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json') && f !== 'tabular.json')
    .map((name) => ({ name, text: readFileSync(path.join(examplesDir, name), 'utf8') }));
const csvPackageFiles = () => readdirSync(csvDir).map((name) => ({ name, text: readFileSync(path.join(csvDir, name), 'utf8') }));

const SERVICE_ID = 'ac148810-d857-441c-9679-408f346de14b';

let t: TestApp;
let world: World;
let admin: Session;
let otherWorld: World;
let otherAdmin: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  otherWorld = await makeWorld(t.database.db);
  admin = await signIn(t.app, world.users.orgAdmin.email);
  otherAdmin = await signIn(t.app, otherWorld.users.orgAdmin.email);
});
afterAll(() => t.close());

const countRecords = async (organizationId: string) =>
  Number((await t.database.db.select({ n: sql<number>`count(*)` }).from(hsdsRecords).where(eq(hsdsRecords.organizationId, organizationId)))[0]!.n);

describe('the HSDS examples against the HSDS schemas', () => {
  it('validates every API-shaped example against the modular schemas, and a broken one fails', () => {
    const ajv = ajvWithModularSchemas();
    const cases: Array<[string, string]> = [
      ['service_full.json', 'service.json'],
      ['organization_full.json', 'organization.json'],
      ['service_at_location_full.json', 'service_at_location.json'],
      ['location.json', 'location.json'],
      ['taxonomy.json', 'taxonomy.json'],
      ['taxonomy_term.json', 'taxonomy_term.json'],
    ];
    for (const [example, schema] of cases) {
      const validate = ajv.getSchema(schema)!;
      expect(validate(readJson(path.join(examplesDir, example))), `${example}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const broken = readJson(path.join(examplesDir, 'service_full.json'));
    delete broken.status;
    broken.schedules[0].freq = 'DAILY';
    const validate = ajv.getSchema('service.json')!;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.keyword).sort()).toEqual(['enum', 'required']);
  });

  it('validates the first item of each list page against its compiled schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const name of ['service_list', 'organization_list', 'service_at_location_list']) {
      const validate = compiled(ajv, `${name}.json`);
      const item = readJson(path.join(examplesDir, `${name}.json`)).contents[0];
      expect(validate(item), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('ships byte-for-byte copies of the HSDS schemas and package descriptor', () => {
    for (const file of readdirSync(specDir).filter((f) => f.endsWith('.json'))) {
      const upstream = file === 'datapackage.json' ? path.join(hsdsDir, file) : path.join(hsdsDir, 'schema', file);
      expect(readFileSync(path.join(specDir, file), 'utf8'), file).toBe(readFileSync(upstream, 'utf8'));
    }
  });
});

describe('importing HSDS JSON', () => {
  it('imports the examples whole, then again changes nothing (idempotent by id)', async () => {
    const res = await admin.post('/api/resources/import', { files: apiExampleFiles() });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.rejected).toEqual([]);
    expect(report).toMatchObject({ format: 'json', imported: 23, updated: 0, unchanged: 0, servicesIndexed: 1 });
    expect(report.byTable.service).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.skipped).toEqual([{ source: 'base.json', reason: expect.stringMatching(/API root/) }]);
    // The example's location sits at latitude 100: kept as sent, never used for distance.
    expect(report.warnings).toContainEqual(expect.stringMatching(/latitude 100, longitude 101 is not a point on Earth/));
    expect(await countRecords(world.org.id)).toBe(23);

    const again = (await admin.post('/api/resources/import', { files: apiExampleFiles() })).json();
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 23, rejected: [], servicesIndexed: 0 });
    expect(await countRecords(world.org.id)).toBe(23);
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'resources.import'), eq(auditEvents.organizationId, world.org.id)))
      .orderBy(asc(auditEvents.occurredAt));
    expect(audited).toHaveLength(2);
    expect(audited[1]!.details).toMatchObject({ imported: 0, unchanged: 23, rejected: 0 });

    const history = (await admin.get('/api/resources/imports')).json().imports;
    expect(history).toHaveLength(2);
  });

  it('makes the imported service searchable with its category, languages and provider', async () => {
    const [row] = await t.database.db.select().from(resourceServices).where(and(eq(resourceServices.organizationId, world.org.id), eq(resourceServices.id, SERVICE_ID)));
    expect(row).toMatchObject({ name: 'Community Counselling', providerName: 'Example Organization Inc.', categories: ['mental_health'], languages: ['ur'], free: false, assuredOn: '2005-01-01', hoursKnown: true });
  });

  it('updates a changed record and re-indexes its service', async () => {
    const service = readJson(path.join(examplesDir, 'service_full.json'));
    service.name = 'Community Counselling and Peer Support';
    service.cost_options[0].amount = 40;
    const report = (await admin.post('/api/resources/import', { files: [{ name: 'service_full.json', text: JSON.stringify(service) }] })).json();
    expect(report.rejected).toEqual([]);
    expect(report.byTable.service).toMatchObject({ updated: 1 });
    expect(report.byTable.cost_option).toMatchObject({ updated: 1 });
    expect(report.imported).toBe(0);
    const [row] = await t.database.db.select().from(resourceServices).where(and(eq(resourceServices.organizationId, world.org.id), eq(resourceServices.id, SERVICE_ID)));
    expect(row!.name).toBe('Community Counselling and Peer Support');
    expect(row!.categories).toEqual(['mental_health', 'recovery_support']);
    // Put it back as the examples have it, for the tests below.
    expect((await admin.post('/api/resources/import', { files: apiExampleFiles() })).json().updated).toBeGreaterThan(0);
  });

  it('rejects an invalid record with its reasons and writes nothing of it; a dry run writes nothing at all', async () => {
    const bad = readJson(path.join(examplesDir, 'service_full.json'));
    bad.id = '11111111-2222-4333-8444-555555555555';
    bad.status = 'open all hours';
    bad.email = 'not an email';
    delete bad.organization;
    delete bad.service_at_locations;
    const report = (await otherAdmin.post('/api/resources/import', { files: [{ name: 'bad.json', text: JSON.stringify(bad) }] })).json();
    const rejected = report.rejected.find((r: { table: string }) => r.table === 'service');
    expect(rejected).toMatchObject({ id: bad.id, source: 'bad.json' });
    expect(rejected.reasons).toEqual(expect.arrayContaining(['status: must be one of active, inactive, defunct, temporarily closed', 'email: must be a valid email']));
    // Its children point at a rejected service: they go too.
    expect(report.rejected.find((r: { table: string }) => r.table === 'phone').reasons).toEqual([`service_id refers to service ${bad.id}, which was rejected`]);
    const stored = await t.database.db.select().from(hsdsRecords).where(and(eq(hsdsRecords.organizationId, otherWorld.org.id), eq(hsdsRecords.id, bad.id)));
    expect(stored).toEqual([]);

    const before = await countRecords(otherWorld.org.id);
    const dry = (await otherAdmin.post('/api/resources/import', { files: apiExampleFiles(), dryRun: true })).json();
    expect(dry).toMatchObject({ dryRun: true, id: null, rejected: [] });
    expect(dry.imported + dry.updated + dry.unchanged).toBe(23);
    expect(dry.imported).toBeGreaterThan(0);
    expect(await countRecords(otherWorld.org.id)).toBe(before);
  });

  it('says why a file could not be read, refuses an empty upload, and is for organization admins only', async () => {
    const report = (await otherAdmin.post('/api/resources/import', { files: [{ name: 'broken.json', text: '{"id": ' }] })).json();
    expect(report.skipped).toEqual([{ source: 'broken.json', reason: expect.stringMatching(/^not valid JSON/) }]);
    expect(report.imported).toBe(0);

    const empty = await otherAdmin.post('/api/resources/import', { files: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('body.files');

    const peer = await signIn(t.app, world.users.peerA.email);
    expect((await peer.post('/api/resources/import', { files: apiExampleFiles() })).statusCode).toBe(403);
    const participant = await signIn(t.app, world.users.participantUser.email);
    expect((await participant.get('/api/resources/export')).statusCode).toBe(403);
  });
});

describe('importing the HSDS CSV package', () => {
  it('names each of its broken references, rejects what depends on them, and keeps the rest', async () => {
    const fresh = await makeWorld(t.database.db);
    const freshAdmin = await signIn(t.app, fresh.users.orgAdmin.email);
    const report = (await freshAdmin.post('/api/resources/import', { files: csvPackageFiles() })).json();
    expect(report.format).toBe('csv');
    const reasons = report.rejected.flatMap((r: { table: string; reasons: string[] }) => r.reasons.map((reason: string) => `${r.table}: ${reason}`));
    // The seven dangling foreign keys of the upstream example (fixed upstream in v3.1.1).
    for (const expected of [
      'contact: broken reference: organization_id → organization ae67a707-5893-4225-b0b1-320ab9cb596b',
      'contact: broken reference: service_at_location_id → service_at_location 93eaf18d-1cd2-4ec7-bffb-3c9172ee5070',
      'location: broken reference: organization_id → organization 985e4a42-bd9f-4edc-911d-0243a4640aca',
      'service_area: broken reference: service_at_location_id → service_at_location af69894e-7bed-11ef-a85c-07e0918a608c',
      'service_capacity: broken reference: service_id → service f75b808e-7bdb-11ef-afaa-ab00a77dc5c4',
      'service_capacity: broken reference: unit_id → unit 187a37a2-7b40-11ef-9790-dbf7623d4407',
      'taxonomy_term: broken reference: taxonomy_id → taxonomy 07ff6aee-a219-438c-b694-d2fcb6c5373b',
    ]) {
      expect(reasons.some((r: string) => r.startsWith(expected)), expected).toBe(true);
    }
    expect(reasons.filter((r: string) => r.includes('broken reference'))).toHaveLength(7);
    // Records on a rejected location are rejected in turn and say so; nothing dangling is stored.
    const sal = report.rejected.find((r: { table: string }) => r.table === 'service_at_location');
    expect(sal).toMatchObject({ source: 'service_at_location.csv row 2', reasons: ['location_id refers to location 3a19ff88-4620-4d17-9830-ac1d859eb5d5, which was rejected'] });
    expect(report.byTable.service).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.byTable.organization).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: 0 });
    const stored = await t.database.db.select({ table: hsdsRecords.tableName }).from(hsdsRecords).where(eq(hsdsRecords.organizationId, fresh.org.id));
    expect(stored.map((s) => s.table)).not.toContain('location');
    expect(stored).toHaveLength(report.imported);
  });

  it('accepts the records whose references the directory already holds', async () => {
    // Into a directory that already holds the JSON examples: the location's organization is still missing upstream,
    // but the service_at_location, schedule and attribute now find the location and term imported before.
    const fresh = await makeWorld(t.database.db);
    const freshAdmin = await signIn(t.app, fresh.users.orgAdmin.email);
    expect((await freshAdmin.post('/api/resources/import', { files: apiExampleFiles() })).json().rejected).toEqual([]);
    const report = (await freshAdmin.post('/api/resources/import', { files: csvPackageFiles() })).json();
    const rejectedTables = report.rejected.map((r: { table: string }) => r.table).sort();
    expect(rejectedTables).toEqual(['contact', 'location', 'service_area', 'service_capacity', 'taxonomy_term']);
    expect(report.byTable.service_at_location.rejected).toBe(0);
  });
});

describe('export → import', () => {
  it('gives the same records in another organization, and tips never leave', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    expect((await peer.post(`/api/resources/services/${SERVICE_ID}/tips`, { body: 'Ask for Ann at reception; bring two IDs.' })).statusCode).toBe(201);

    const exported = await peer.get('/api/resources/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('hsds-directory.json');
    expect(exported.body).not.toContain('bring two IDs');
    const tabular = exported.json();
    expect(Object.keys(tabular)).toEqual(expect.arrayContaining(['services.csv', 'organizations.csv', 'schedules.csv', 'phones.csv']));

    const target = await makeWorld(t.database.db);
    const targetAdmin = await signIn(t.app, target.users.orgAdmin.email);
    const report = (await targetAdmin.post('/api/resources/import', { files: [{ name: 'hsds-directory.json', text: exported.body }] })).json();
    expect(report.rejected).toEqual([]);
    expect(report.imported).toBe(await countRecords(world.org.id));

    const reExported = (await signIn(t.app, target.users.peerA.email).then((s) => s.get('/api/resources/export'))).json();
    expect(reExported).toEqual(tabular);

    const slug = async (id: string) => (await t.database.db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, id)))[0]!.slug;
    const fromSource = (await t.app.inject({ url: `/api/hsds/${await slug(world.org.id)}/services/${SERVICE_ID}` })).json();
    const fromCopy = (await t.app.inject({ url: `/api/hsds/${await slug(target.org.id)}/services/${SERVICE_ID}` })).json();
    expect(fromCopy).toEqual(fromSource);
  });
});

describe('the public HSDS API', () => {
  let base: string;
  beforeAll(async () => {
    const [org] = await t.database.db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, world.org.id));
    base = `/api/hsds/${org!.slug}`;
  });

  it('answers without signing in, with the HSDS page object, and its items validate against the compiled schemas', async () => {
    const root = await t.app.inject({ url: base });
    expect(root.statusCode).toBe(200);
    expect(root.json()).toMatchObject({ version: '3.1' });
    const res = await t.app.inject({ url: `${base}/services?per_page=10` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const page = res.json();
    expect(page).toMatchObject({ total_items: 1, total_pages: 1, page_number: 1, size: 1, first_page: true, last_page: true, empty: false });
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const listItem = compiled(ajv, 'service_list.json');
    expect(listItem(page.contents[0]), JSON.stringify(listItem.errors)).toBe(true);
    expect(page.contents[0].organization).toMatchObject({ name: 'Example Organization Inc.' });

    const full = (await t.app.inject({ url: `${base}/services/${SERVICE_ID}` })).json();
    const fullSchema = compiled(ajv, 'service_with_definitions.json');
    expect(fullSchema(full), JSON.stringify(fullSchema.errors)).toBe(true);
    expect(full.service_at_locations[0].location.addresses[0].city).toBe('MyCity');
    expect(full.attributes[0].taxonomy_term.name).toBe('name');
    expect(JSON.stringify(full)).not.toContain('bring two IDs');
    // The same API at the base directory tools expect, /hsds/<organization slug>.
    const bare = await t.app.inject({ url: `${base.replace('/api/hsds', '/hsds')}/services/${SERVICE_ID}` });
    expect(bare.statusCode).toBe(200);
    expect(bare.json()).toEqual(full);
  });

  it('pages, searches and filters like the HSDS API', async () => {
    const empty = (await t.app.inject({ url: `${base}/services?page=2&per_page=1` })).json();
    expect(empty).toMatchObject({ total_items: 1, total_pages: 1, page_number: 2, size: 0, first_page: false, last_page: true, empty: true, contents: [] });
    expect((await t.app.inject({ url: `${base}/services?search=counselling` })).json().total_items).toBe(1);
    expect((await t.app.inject({ url: `${base}/services?search=bicycle` })).json().total_items).toBe(0);
    expect((await t.app.inject({ url: `${base}/services?taxonomy_term_id=3f7b145d-84af-42d7-8fae-eaca714b02b2` })).json().total_items).toBe(1);
    expect((await t.app.inject({ url: `${base}/services?organization_id=d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610` })).json().total_items).toBe(1);
    expect((await t.app.inject({ url: `${base}/services?organization_id=00000000-0000-4000-8000-000000000000` })).json().total_items).toBe(0);
    const minimal = (await t.app.inject({ url: `${base}/services?minimal=true` })).json();
    expect(minimal.contents).toEqual([{ id: SERVICE_ID, modified_date: expect.any(String) }]);
    const orgs = (await t.app.inject({ url: `${base}/organizations` })).json();
    expect(orgs.contents[0]).toMatchObject({ id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', name: 'Example Organization Inc.' });
    const org = (await t.app.inject({ url: `${base}/organizations/d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610` })).json();
    expect(org.services).toEqual([expect.objectContaining({ id: SERVICE_ID, name: 'Community Counselling' })]);
    expect((await t.app.inject({ url: `${base}/taxonomies` })).json().total_items).toBe(1);
    expect((await t.app.inject({ url: `${base}/taxonomy_terms` })).json().contents[0]).toMatchObject({ id: '3f7b145d-84af-42d7-8fae-eaca714b02b2' });
  });

  it('answers 404 for an unknown directory or record, and 400 for a bad page', async () => {
    expect((await t.app.inject({ url: '/api/hsds/no-such-org/services' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `${base}/services/00000000-0000-4000-8000-000000000000` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `${base}/services?per_page=0` })).statusCode).toBe(400);
  });
});

describe('peerpath import hsds', () => {
  it('imports a folder into an organization, prints the report and exits 1 when records were rejected', { timeout: 240_000 }, async () => {
    const target = await isolatedCliDatabase();
    try {
      expect((await runCli(['seed', '--demo'], target.env)).code).toBe(0);
      const dry = await runCli(['import', 'hsds', csvDir, '--org', 'riverbend', '--dry-run'], target.env);
      expect(dry.stdout).toMatch(/^Checked \(nothing written\)/);
      expect(dry.stdout).toContain('broken reference: organization_id → organization 985e4a42-bd9f-4edc-911d-0243a4640aca');
      expect(dry.code).toBe(1);
      const missing = await runCli(['import', 'hsds', path.join(csvDir, 'nope'), '--org', 'riverbend'], target.env);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('does not exist');
      const noOrg = await runCli(['import', 'hsds', csvDir, '--org', 'nowhere'], target.env);
      expect(noOrg.code).not.toBe(0);
    } finally {
      await target.dispose();
    }
  });
});
