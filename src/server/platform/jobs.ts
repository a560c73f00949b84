import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import { deleteExpiredSessions } from './auth/sessions.js';
import { sealAuditChain } from './audit-chain.js';
import { sendDueCheckInReminders } from '../modules/notifications/send-due-reminders.js';

export const SESSION_CLEANUP_JOB = 'sessions.cleanup';
export const CHECKIN_REMINDER_JOB = 'checkins.reminders';
// Every five minutes: a reminder comes at most five minutes after the time the participant chose.
export const CHECKIN_REMINDER_CRON = '*/5 * * * *';

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * pg-boss on the same database as everything else: through our pool on PostgreSQL, through
 * PGlite's single connection on the embedded database (its `executeSql` hook).
 */
export async function startJobs(database: Database, logger: FastifyBaseLogger): Promise<Jobs> {
  const boss = new PgBoss({ db: { executeSql: (text, values) => database.executeSql(text, values) } });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  await boss.start();
  await boss.createQueue(SESSION_CLEANUP_JOB);
  await boss.work(SESSION_CLEANUP_JOB, async () => {
    const removed = await deleteExpiredSessions(database.db);
    logger.info({ removed }, 'expired sessions and spent links removed');
  });
  await boss.schedule(SESSION_CLEANUP_JOB, '*/15 * * * *');
  await boss.createQueue(CHECKIN_REMINDER_JOB);
  await boss.work(CHECKIN_REMINDER_JOB, async () => {
    const { sent } = await sendDueCheckInReminders(database.db);
    logger.info({ sent }, 'check-in reminders sent');
  });
  await boss.schedule(CHECKIN_REMINDER_JOB, CHECKIN_REMINDER_CRON);
  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 5_000 }),
  };
}

/** Links committed audit events into the hash chain every interval; one instance at a time seals. */
export function startAuditSealer(database: Database, intervalMs: number, logger: FastifyBaseLogger): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sealAuditChain(database.db).catch((err) => logger.warn({ err }, 'audit sealing failed; will retry'));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await sealAuditChain(database.db).catch(() => {});
    },
  };
}
