/**
 * One program's outcome report over a statewide-sized history: PROGRAMS programs of PARTICIPANTS
 * people each, enrolled across two years, with a check-in most days, a weekly contact note, group
 * attendance, paired BARC-10 and PHQ-9 scores and referrals (millions of check-ins at the default
 * size on PostgreSQL). Prints how long building one program's report takes (median and p95 of
 * RUNS) — a measurement to read, not a test. Runs on PostgreSQL when BENCH_DATABASE_URL is set (a
 * database it may fill), else on the embedded database at a smaller size. BENCH_SCALE multiplies it.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.js';
import { organizations, programs, users } from '../src/server/db/schema/index.js';
import { buildReport } from '../src/server/modules/outcomes/build-report.js';

const url = process.env.BENCH_DATABASE_URL;
const scale = Number(process.env.BENCH_SCALE ?? 1);
const PROGRAMS = url ? 20 : 4;
const PARTICIPANTS = Math.round((url ? 1_000 : 250) * scale);
const CHECK_IN_EVERY_DAYS = 2;
const RUNS = 10;

const fmt = (ms: number) => ms.toFixed(0).padStart(7);

async function main() {
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite-memory' });
  await database.migrate();
  const db = database.db;
  const stamp = Date.now();
  const [org] = await db.insert(organizations).values({ slug: `bench-outcomes-${stamp}`, name: 'Statewide Bench' }).returning();
  const orgId = org!.id;
  const progs = await db
    .insert(programs)
    .values(Array.from({ length: PROGRAMS }, (_, i) => ({ organizationId: orgId, slug: `p${i}`, name: `Program ${i}`, setting: i % 3 === 0 ? ('reentry' as const) : ('community' as const), timeZone: 'America/Chicago' })))
    .returning({ id: programs.id });
  const [peer] = await db.insert(users).values({ organizationId: orgId, email: `bench-${stamp}@bench.example`, displayName: 'Bench Peer' }).returning({ id: users.id });
  const programIds = progs.map((p) => p.id);
  const programArray = sql.raw(`array[${programIds.map((id) => `'${id}'::uuid`).join(',')}]`);

  let t0 = performance.now();
  await db.execute(sql`
    insert into participants (organization_id, program_id, preferred_name, preferred_language, setting, demographics, enrolled_at, status)
    select ${orgId}, (${programArray})[1 + g % ${PROGRAMS}], 'Bench ' || g, case when g % 5 = 0 then 'es' else 'en' end,
      (array['community','incarcerated','recently_released','sober_living'])[1 + g % 4]::participant_setting,
      jsonb_build_object('ageRange', (array['18_24','25_34','35_44','45_54','55_64'])[1 + g % 5],
                         'genderIdentity', (array['woman','man','non_binary','woman','man'])[1 + (g / 7) % 5],
                         'raceEthnicity', jsonb_build_array((array['white','black_african_american','hispanic_latino','asian','american_indian_alaska_native'])[1 + (g / 3) % 5]),
                         'justiceInvolved', (array['none','past','current'])[1 + (g / 11) % 3]),
      now() - ((g % 730) || ' days')::interval, 'active'
    from generate_series(1, ${PROGRAMS * PARTICIPANTS}) g`);
  const cohort = sql`(select id, enrolled_at from participants where organization_id = ${orgId})`;
  await db.execute(sql`insert into peer_assignments (organization_id, participant_id, peer_worker_id, started_at)
    select ${orgId}, p.id, ${peer!.id}, p.enrolled_at from ${cohort} p`);
  await db.execute(sql`insert into check_ins (organization_id, participant_id, mood, craving, used_since_last, private, created_at)
    select ${orgId}, p.id, 1 + k % 5, k % 11, (case when k % 9 = 0 then 'yes' else 'no' end)::reported_use, k % 10 = 0, p.enrolled_at + k * interval '1 day' + interval '14 hours'
    from ${cohort} p, generate_series(0, 729, ${CHECK_IN_EVERY_DAYS}) k where p.enrolled_at + k * interval '1 day' < now()`);
  await db.execute(sql`insert into contact_notes (organization_id, participant_id, author_id, contact_type, occurred_at, duration_minutes, summary)
    select ${orgId}, p.id, ${peer!.id}, (array['in_person','phone','text','video'])[1 + k % 4]::contact_type, p.enrolled_at + k * interval '7 days' + interval '3 days', 20, 'Bench'
    from ${cohort} p, generate_series(0, 104) k where p.enrolled_at + k * interval '7 days' + interval '3 days' < now()`);
  await db.execute(sql`insert into assessment_responses (organization_id, participant_id, instrument_id, instrument_version, scoring_version, answers, status, scores, mode, completed_at)
    select ${orgId}, p.id, i.instrument, '1', '1', '{}'::jsonb, 'complete', jsonb_build_object('total', i.base + k * i.step), 'self', p.enrolled_at + k * interval '90 days' + interval '1 day'
    from ${cohort} p, (values ('barc10', 36, 3), ('phq9', 14, -2)) i(instrument, base, step), generate_series(0, 4) k
    where p.enrolled_at + k * interval '90 days' + interval '1 day' < now()`);
  const [counts] = (
    (await db.execute(sql`select (select count(*) from check_ins where organization_id = ${orgId})::int as check_ins,
      (select count(*) from contact_notes where organization_id = ${orgId})::int as contacts,
      (select count(*) from assessment_responses where organization_id = ${orgId})::int as assessments`)) as unknown as { rows: Array<Record<string, number>> }
  ).rows;
  // What autovacuum does on a live database: statistics, and the visibility map index-only scans need.
  for (const table of ['participants', 'peer_assignments', 'check_ins', 'contact_notes', 'assessment_responses']) await db.execute(sql.raw(`vacuum analyze ${table}`));
  console.log(`Database: ${database.kind}. ${PROGRAMS} programs × ${PARTICIPANTS} participants; ${counts!.check_ins} check-ins, ${counts!.contacts} contact notes, ${counts!.assessments} assessments (generated in ${fmt(performance.now() - t0)} ms).`);

  const now = new Date();
  const year = (d: Date) => d.toISOString().slice(0, 10);
  const scope = (ids: string[], days: number) => ({
    organizationId: orgId,
    programIds: ids,
    programs: ids.map((id) => ({ id, name: id, timeZone: 'America/Chicago' })),
    from: year(new Date(now.getTime() - days * 86_400_000)),
    to: year(now),
    timeZone: 'America/Chicago',
    now,
  });
  console.log(`\nReport (${RUNS} runs each)                       median ms   p95 ms`);
  for (const [label, s] of [
    ['one program, last 12 months', scope([programIds[0]!], 365)],
    ['one program, last 3 months', scope([programIds[0]!], 91)],
    ['every program, last 12 months', scope(programIds, 365)],
  ] as const) {
    const samples: number[] = [];
    for (let i = 0; i < (label.startsWith('every') ? Math.min(3, RUNS) : RUNS); i++) {
      t0 = performance.now();
      await buildReport(db, s);
      samples.push(performance.now() - t0);
    }
    const sorted = samples.sort((a, b) => a - b);
    console.log(`  ${label.padEnd(44)} ${fmt(sorted[Math.floor(sorted.length / 2)]!)}  ${fmt(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!)}`);
  }
  await database.close();
}

await main();
