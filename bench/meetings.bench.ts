/**
 * The meeting directory at the size of a large intergroup: a generated Meeting Guide feed of 10,000
 * meetings is imported (then imported again, which changes nothing), and the finder answers a set of
 * typical questions. Prints median and p95 in milliseconds. Runs on the embedded database, or on
 * PostgreSQL when BENCH_DATABASE_URL is set (a database it may fill).
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { generateMeetingFeed } from '../src/server/bench/directory-data.js';
import { openDatabase } from '../src/server/db/client.js';
import { organizations, programs, users } from '../src/server/db/schema/index.js';
import { findMeetings } from '../src/server/modules/meetings/find-meetings.js';
import { importMeetingFeed } from '../src/server/modules/meetings/import-meetings.js';
import { meetingFinderQuerySchema, type MeetingFinderQueryInput } from '../src/shared/schemas/meetings.js';
import type { AuthedContext } from '../src/server/platform/context.js';

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 10_000);
const RUNS = 30;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

const fmt = (ms: number) => ms.toFixed(1).padStart(9);

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite-memory' });
  await database.migrate();
  const db = database.db;
  const [org] = await db.insert(organizations).values({ slug: `bench-${Date.now()}`, name: 'Bench Intergroup' }).returning();
  await db.insert(programs).values({ organizationId: org!.id, slug: 'community', name: 'Community', setting: 'community', timeZone: 'America/Chicago' });
  const [user] = await db.insert(users).values({ organizationId: org!.id, email: `bench-${Date.now()}@bench.example`, displayName: 'Bench' }).returning();
  const feed = generateMeetingFeed(MEETINGS);
  const ctx = { actor: null, requestId: 'bench', ip: null, db };

  console.log(`Database: ${database.kind}. Feed: ${feed.length} listings (some with day arrays).`);
  let t0 = performance.now();
  const first = await importMeetingFeed(ctx, org!.id, feed);
  const importMs = performance.now() - t0;
  t0 = performance.now();
  const second = await importMeetingFeed(ctx, org!.id, feed);
  const reimportMs = performance.now() - t0;
  console.log(`Import:    ${fmt(importMs)} ms  (${first.counts.imported} imported, ${first.counts.rejected} rejected)`);
  console.log(`Re-import: ${fmt(reimportMs)} ms  (${second.counts.unchanged} unchanged)`);

  const authed = {
    ...ctx,
    actor: { userId: user!.id, organizationId: org!.id, displayName: 'Bench', memberships: [], participantId: null, sessionId: 'bench' },
  } as unknown as AuthedContext;
  const queries: Array<[string, MeetingFinderQueryInput]> = [
    ['everything, upcoming first (50)', {}],
    ['starting soon', { soon: 'true' }],
    ['Tuesday evening', { day: 2, time: 'evening' }],
    ['online, open discussion', { attend: 'online', types: 'O,D' }],
    ['within 50 mi of a point', { near: '38.5,-97.5', radius: 50 }],
    ['nearest 50 to a point', { near: '38.5,-97.5' }],
    ['text "serenity hall"', { q: 'serenity hall' }],
    ['text + day + in person', { q: 'harbor', day: 5, attend: 'in_person' }],
  ];
  console.log(`\nFinder (${RUNS} runs each)                 median ms     p95 ms   matches`);
  for (const [label, input] of queries) {
    const query = meetingFinderQuerySchema.parse(input);
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      total = (await findMeetings(authed, query)).total;
      samples.push(performance.now() - start);
    }
    const { median, p95 } = stats(samples.slice(3));
    console.log(`  ${label.padEnd(38)} ${fmt(median)}  ${fmt(p95)}  ${String(total).padStart(8)}`);
  }
  await db.delete(organizations).where(eq(organizations.id, '00000000-0000-0000-0000-000000000000'));
  await database.close();
}

await main();
