/**
 * The resource directory at the size of a regional 211: a generated HSDS package of 20,000
 * services (with their organizations, locations, addresses, schedules, languages, cost options and
 * category attributes) is imported through the real importer, then the search answers text,
 * category, distance and open-now questions, alone and together. Prints p50 and p95 in
 * milliseconds. A measurement to read, not a test.
 *
 * PostgreSQL: BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL (a database it may fill; the
 * bench organization is left behind under a `bench-resources-…` slug). Without one it runs on the
 * embedded database and says so.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/server/db/client.js';
import { organizations, programs } from '../src/server/db/schema/index.js';
import type { ResourceCategory } from '../src/shared/resources/categories.js';
import { resourceSearchQuerySchema } from '../src/shared/schemas/resources.js';
import { readJsonDocument } from '../src/server/modules/resources/hsds/read-package.js';
import { importHsdsPackage } from '../src/server/modules/resources/import-hsds.js';
import { generateHsdsDirectory, lcg, METROS } from '../src/server/bench/directory-data.js';
import { searchServices, type Origin } from '../src/server/modules/resources/search-services.js';
import { percentiles, recordResult } from './lib/results.js';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 20_000);
const RUNS = process.env.BENCH_QUICK ? 20 : 60;

const fmt = (ms: number) => ms.toFixed(1).padStart(9);

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const database = await openDatabase(url ? { kind: 'postgres', url, poolSize: 4 } : { kind: 'pglite-memory' });
  await database.migrate();
  const db = database.db;
  if (!url) console.log('No BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL: measuring the embedded database instead of PostgreSQL.');
  // BENCH_REUSE=1 searches the directory an earlier run left behind, without importing again.
  const reused = process.env.BENCH_REUSE
    ? (
        (await database.executeSql(
          `select o.id from organizations o join resource_services s on s.organization_id = o.id where o.slug like 'bench-resources-%' group by o.id having count(*) = $1 limit 1`,
          [SERVICES],
        )) as { rows: Array<{ id: string }> }
      ).rows[0]?.id
    : undefined;
  const orgId = reused ?? (await db.insert(organizations).values({ slug: `bench-resources-${Date.now()}`, name: 'Bench Directory' }).returning())[0]!.id;
  if (!reused) await db.insert(programs).values({ organizationId: orgId, slug: 'community', name: 'Community', setting: 'community', timeZone: 'America/Chicago' });
  const dir = { db, organizationId: orgId };
  const org = { id: orgId };

  const tabular = generateHsdsDirectory(SERVICES);
  const records = Object.values(tabular).reduce((n, rows) => n + rows.length, 0);
  console.log(`Database: ${database.kind}. Directory: ${SERVICES} services, ${records} HSDS records.`);
  const ctx = { actor: null, requestId: 'bench', ip: null, db };
  if (!reused) {
  let t0 = performance.now();
  const report = await importHsdsPackage(ctx, readJsonDocument(tabular, 'bench.json'), { organizationId: org.id, source: 'bench' });
  const importMs = performance.now() - t0;
  console.log(`Import:    ${fmt(importMs)} ms  (${report.imported} records new, ${report.rejected.length} rejected, ${report.servicesIndexed} services indexed)`);
  recordResult({ bench: 'resources', scenario: `HSDS import, ${SERVICES} services`, value: importMs / 1000, unit: 's', note: `${records} records, validated and indexed in one transaction` });
  t0 = performance.now();
  const again = await importHsdsPackage(ctx, readJsonDocument(tabular, 'bench.json'), { organizationId: org.id, source: 'bench' });
  const reimportMs = performance.now() - t0;
  console.log(`Re-import: ${fmt(reimportMs)} ms  (${again.unchanged} unchanged, ${again.servicesIndexed} services re-indexed)`);
  recordResult({ bench: 'resources', scenario: 'HSDS re-import, nothing changed', value: reimportMs / 1000, unit: 's' });
  }
  if (database.kind === 'postgres') await database.executeSql('analyze hsds_records; analyze resource_services; analyze resource_service_places; analyze resource_open_hours');

  const rnd = lcg(99);
  const point = (): Origin => {
    const [, lat, lon] = METROS[Math.floor(rnd() * METROS.length)]!;
    return { latitude: lat + (rnd() - 0.5) * 0.2, longitude: lon + (rnd() - 0.5) * 0.2, name: null };
  };
  // Moments across a week, day and night, on the directory's clock.
  const moment = () => new Date(Date.parse('2026-06-01T05:00:00Z') + Math.floor(rnd() * 7 * 24 * 4) * 15 * 60_000);
  const words = ['shelter', 'food pantry', 'counseling', 'job', 'legal aid', 'vivienda', 'despensa', 'buprenorphine', 'bus pass', 'child care'];
  const categories: ResourceCategory[] = ['housing', 'food', 'employment', 'mat', 'mental_health', 'legal'];
  const pickOf = <T,>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;

  const cases: Array<[string, () => { q: Record<string, unknown>; origin: Origin | null; at: Date }]> = [
    ['text (English or Spanish)', () => ({ q: { q: pickOf(words) }, origin: null, at: new Date() })],
    ['category', () => ({ q: { category: pickOf(categories) }, origin: null, at: new Date() })],
    ['within 10 km of a point', () => ({ q: { radiusKm: 10 }, origin: point(), at: new Date() })],
    ['open now', () => ({ q: { openNow: 'true' }, origin: null, at: moment() })],
    ['category + 10 km + open now', () => ({ q: { category: pickOf(categories), radiusKm: 10, openNow: 'true' }, origin: point(), at: moment() })],
    ['text + category + 10 km + open now', () => ({ q: { q: pickOf(words), category: pickOf(categories), radiusKm: 10, openNow: 'true' }, origin: point(), at: moment() })],
    ['text + category + 25 km + open + free + es', () => ({ q: { q: pickOf(words), category: pickOf(categories), radiusKm: 25, openNow: 'true', free: 'true', language: 'es' }, origin: point(), at: moment() })],
  ];
  console.log(`\nSearch (${RUNS} runs each, first 5 not counted)        p50 ms     p95 ms   avg matches`);
  for (const [label, make] of cases) {
    const samples: number[] = [];
    let matches = 0;
    for (let i = 0; i < RUNS + 5; i++) {
      const { q, origin, at } = make();
      const query = resourceSearchQuerySchema.parse(q);
      const start = performance.now();
      const result = await searchServices(dir, query, origin, at);
      if (i >= 5) {
        samples.push(performance.now() - start);
        matches += result.total;
      }
    }
    const { p50, p95, p99 } = percentiles(samples);
    console.log(`  ${label.padEnd(46)} ${fmt(p50)}  ${fmt(p95)}  ${String(Math.round(matches / RUNS)).padStart(10)}`);
    const total = samples.reduce((a, b) => a + b, 0);
    recordResult({ bench: 'resources', scenario: `resource search: ${label}`, rps: (samples.length * 1000) / total, p50, p95, p99, note: `${SERVICES} services, one client, ~${Math.round(matches / RUNS)} matches` });
  }
  await database.close();
}

await main();
