import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/server/db/schema/index.js';
import { digestOf } from '../../src/server/platform/auth/tokens.js';
import { APPOINTMENT_REMINDER_JOB, REFERRAL_FOLLOW_UP_JOB, SESSION_CLEANUP_JOB, startJobs, type Jobs } from '../../src/server/platform/jobs.js';
import { createTestApp, signIn, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let jobs: Jobs;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  jobs = await startJobs(t.database, t.app.log);
});
afterAll(async () => {
  await jobs.stop();
  await t.close();
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('background jobs on the same database (pg-boss)', () => {
  it('the session clean-up job removes expired sessions and keeps live ones', async () => {
    const live = await signIn(t.app, world.users.peerA.email);
    const expired = await signIn(t.app, world.users.peerA2.email);
    const idOf = (cookie: string) => digestOf(cookie.split('=')[1]!);
    await t.database.db.update(sessions).set({ idleExpiresAt: sql`now() - interval '1 minute'` }).where(eq(sessions.id, idOf(expired.cookie)));

    await jobs.boss.send(SESSION_CLEANUP_JOB, {});
    const gone = await waitFor(async () => (await t.database.db.select().from(sessions).where(eq(sessions.id, idOf(expired.cookie)))).length === 0);
    expect(gone).toBe(true);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.id, idOf(live.cookie)))).toHaveLength(1);
  });

  it('schedules the clean-up to run every 15 minutes', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.find((s) => s.name === SESSION_CLEANUP_JOB)?.cron).toBe('*/15 * * * *');
  });

  it('schedules session reminders and referral follow-ups, and a queued run of each completes', async () => {
    const cron = new Map((await jobs.boss.getSchedules()).map((s) => [s.name, s.cron]));
    expect(cron.get(APPOINTMENT_REMINDER_JOB)).toBe('*/10 * * * *');
    expect(cron.get(REFERRAL_FOLLOW_UP_JOB)).toBe('*/15 * * * *');
    for (const name of [APPOINTMENT_REMINDER_JOB, REFERRAL_FOLLOW_UP_JOB]) {
      const id = await jobs.boss.send(name, {});
      expect(id, name).toEqual(expect.any(String));
      const completed = await waitFor(async () => (await jobs.boss.getJobById(name, id!, { includeArchive: true }))?.state === 'completed');
      expect(completed, name).toBe(true);
    }
  });
});
