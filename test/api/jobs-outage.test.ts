import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInReminders, notifications } from '../../src/server/db/schema/index.js';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { CHECKIN_REMINDER_JOB, startJobs, type Jobs } from '../../src/server/platform/jobs.js';
import { makeWorld } from '../helpers/factories.js';
import { testDatabaseUrl, testDbKind } from '../setup/template.js';
import { reportFigure } from '../helpers/figures.js';

/**
 * Jobs and a database outage (PostgreSQL): jobs are queued, some fall due while the database refuses
 * every connection and the app's connections are cut, then the database comes back. Each job must
 * run once: not lost with the connections, not run again because its completion was lost.
 *
 * The embedded database has no server connection that can fail while the app runs (it lives in the
 * app's own process), so the outage there is the app's crash, tested in crash.test.ts.
 */

const PROBE_JOB = 'test.outage-probe';
const rowsOf = async <T,>(database: Database, text: string, params: unknown[] = []) => (await database.executeSql(text, params)).rows as T[];

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 120_000) => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

if (testDbKind() !== 'postgres') console.log('Skipping the jobs-outage test: the embedded database has no connection that can fail apart from the app (see crash.test.ts).');

describe.runIf(testDbKind() === 'postgres')('jobs across a database outage (PostgreSQL)', () => {
  it('runs every job that was queued or fell due during the outage exactly once, and sends a due reminder once', async () => {
    // A database of this test's own: the outage must not hit the other test files sharing the server.
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    cleanups.push(() => admin.end());
    const name = `peerpath_jobs_outage_${process.pid}_${Date.now()}`;
    await admin.query(`create database ${name}`);
    cleanups.push(async () => {
      await admin.query(`alter database ${name} allow_connections true`);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [name]);
      await admin.query(`drop database if exists ${name}`);
    });
    const url = new URL(testDatabaseUrl());
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
    cleanups.push(() => database.close());
    await database.migrate();
    const world = await makeWorld(database.db);
    await database.executeSql(`create table job_runs (job_id uuid not null, ran_at timestamptz not null default clock_timestamp())`);
    // A participant whose daily reminder is due now (any local time is past midnight).
    await database.db.insert(checkInReminders).values({ participantId: world.participant.id, organizationId: world.org.id, localTime: '00:00' });

    const logger = pino({ level: 'silent' });
    const jobs: Jobs = await startJobs(database, logger as never);
    cleanups.push(() => jobs.stop());
    let queueErrors = 0;
    jobs.boss.on('error', () => queueErrors++);
    await jobs.boss.createQueue(PROBE_JOB);
    await jobs.boss.work(PROBE_JOB, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
      await database.executeSql(`insert into job_runs (job_id) values ($1)`, [job!.id]);
    });

    const cut = async () => {
      await admin.query(`alter database ${name} allow_connections false`);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name]);
    };
    const queued: string[] = [];
    const send = async (count: number, startAfter?: Date) => {
      for (let i = 0; i < count; i++) queued.push((await jobs.boss.send(PROBE_JOB, { i }, startAfter ? { startAfter } : {}))!);
    };
    const runs = () => rowsOf<{ n: number }>(database, `select count(*)::int as n from job_runs`).then((r) => r[0]!.n);

    // Some run before the outage, some are due in the middle of it, and the reminder sweep falls due then too.
    await send(10);
    await waitFor('the first jobs to run', async () => (await runs()) >= 3);
    const outageFrom = Date.now();
    const dueInOutage = new Date(outageFrom + 2_000);
    await send(20, dueInOutage);
    for (let i = 0; i < 3; i++) await jobs.boss.send(CHECKIN_REMINDER_JOB, {}, { startAfter: dueInOutage });
    await cut();
    // Cut again while it lasts: connections the pool opened just before the refusal go too.
    await waitFor('the queue to feel the outage', async () => {
      await cut();
      return queueErrors > 0 && Date.now() > dueInOutage.getTime() + 3_000;
    });
    await admin.query(`alter database ${name} allow_connections true`);

    await waitFor('every queued job to complete', async () => {
      const states = await rowsOf<{ state: string; n: number }>(
        database,
        `select state, count(*)::int as n from pgboss.job where name in ($1, $2) group by state order by state`,
        [PROBE_JOB, CHECKIN_REMINDER_JOB],
      );
      return states.length === 1 && states[0]!.state === 'completed' && states[0]!.n === queued.length + 3;
    });
    const perJob = await rowsOf<{ job_id: string; n: number }>(database, `select job_id::text, count(*)::int as n from job_runs group by job_id order by job_id`);
    const twice = perJob.filter((r) => r.n !== 1);
    const never = queued.filter((id) => !perJob.some((r) => r.job_id === id));
    const reminders = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, world.users.participantUser.id), eq(notifications.kind, 'checkin_reminder')));
    reportFigure(
      `Jobs across a database outage: ${queued.length} queued (20 due during the outage), ${perJob.length} ran, ${never.length} never ran, ${twice.length} ran more than once; ` +
        `${queueErrors} queue errors during the outage; check-in reminders sent: ${reminders.length}`,
    );
    expect(queueErrors).toBeGreaterThan(0);
    expect(never).toEqual([]);
    expect(twice).toEqual([]);
    expect(reminders).toHaveLength(1);
  }, 300_000);
});
