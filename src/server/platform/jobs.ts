import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import { deleteExpiredSessions } from './auth/sessions.js';
import { LOOK_BACK, sealAuditChain } from './audit-chain.js';
import { sendDueCheckInReminders } from '../modules/notifications/send-due-reminders.js';
import { escalateOverdueAlerts } from '../modules/alerts/escalate-alerts.js';
import { sendAppointmentReminders } from '../modules/appointments/send-reminders.js';
import { sendDueReferralFollowUps } from '../modules/referrals/send-follow-up-reminders.js';
import { sendCertificationReminders } from '../modules/workforce/certification-reminders.js';
import { createLocalRealtime, type Realtime } from './realtime.js';

const DEEP_SEAL_EVERY_MS = 5 * 60_000;

export const SESSION_CLEANUP_JOB = 'sessions.cleanup';
export const CHECKIN_REMINDER_JOB = 'checkins.reminders';
// Every five minutes: a reminder comes at most five minutes after the time the participant chose.
export const CHECKIN_REMINDER_CRON = '*/5 * * * *';
export const ALERT_ESCALATION_JOB = 'alerts.escalate';
// Every minute: an urgent alert reaches the supervisors at most a minute after its program's delay.
export const ALERT_ESCALATION_CRON = '* * * * *';
export const APPOINTMENT_REMINDER_JOB = 'appointments.reminders';
// Every ten minutes: a session is announced about a day ahead, give or take ten minutes.
export const APPOINTMENT_REMINDER_CRON = '*/10 * * * *';
export const REFERRAL_FOLLOW_UP_JOB = 'referrals.follow-ups';
// Every fifteen minutes: a follow-up reminder comes soon after its day begins on the program's clock.
export const REFERRAL_FOLLOW_UP_CRON = '*/15 * * * *';
export const CERTIFICATION_REMINDER_JOB = 'certifications.reminders';
// Hourly: a certification's 90- and 30-day reminders come within an hour of the day they fall due.
export const CERTIFICATION_REMINDER_CRON = '7 * * * *';

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * pg-boss on the same database as everything else: through our pool on PostgreSQL, through
 * PGlite's single connection on the embedded database (its `executeSql` hook).
 */
export async function startJobs(database: Database, logger: FastifyBaseLogger, givenRealtime?: Realtime): Promise<Jobs> {
  const realtime = givenRealtime ?? (await createLocalRealtime());
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
  await boss.createQueue(ALERT_ESCALATION_JOB);
  await boss.work(ALERT_ESCALATION_JOB, async () => {
    const { escalated } = await escalateOverdueAlerts({ db: database.db, realtime });
    if (escalated) logger.info({ escalated }, 'unacknowledged urgent alerts escalated to supervisors');
  });
  await boss.schedule(ALERT_ESCALATION_JOB, ALERT_ESCALATION_CRON);
  await boss.createQueue(APPOINTMENT_REMINDER_JOB);
  await boss.work(APPOINTMENT_REMINDER_JOB, async () => {
    const { sent } = await sendAppointmentReminders(database.db);
    if (sent) logger.info({ sent }, 'appointment reminders sent');
  });
  await boss.schedule(APPOINTMENT_REMINDER_JOB, APPOINTMENT_REMINDER_CRON);
  await boss.createQueue(REFERRAL_FOLLOW_UP_JOB);
  await boss.work(REFERRAL_FOLLOW_UP_JOB, async () => {
    const { sent } = await sendDueReferralFollowUps(database.db);
    if (sent) logger.info({ sent }, 'referral follow-up reminders sent');
  });
  await boss.schedule(REFERRAL_FOLLOW_UP_JOB, REFERRAL_FOLLOW_UP_CRON);
  await boss.createQueue(CERTIFICATION_REMINDER_JOB);
  await boss.work(CERTIFICATION_REMINDER_JOB, async () => {
    const { sent } = await sendCertificationReminders(database.db);
    if (sent) logger.info({ sent }, 'certification expiry reminders sent');
  });
  await boss.schedule(CERTIFICATION_REMINDER_JOB, CERTIFICATION_REMINDER_CRON);
  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 5_000 }),
  };
}

/** Links committed audit events into the hash chain every interval; one instance at a time seals. */
export function startAuditSealer(database: Database, intervalMs: number, logger: FastifyBaseLogger): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let lastDeep = 0;
  const timer = setInterval(() => {
    // Recent events every interval; every few minutes, far enough back for a long transaction's.
    const deep = Date.now() - lastDeep >= DEEP_SEAL_EVERY_MS;
    if (deep) lastDeep = Date.now();
    running = sealAuditChain(database.db, { lookBack: deep ? LOOK_BACK.deep : LOOK_BACK.recent }).catch((err) =>
      logger.warn({ err }, 'audit sealing failed; will retry'),
    );
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
