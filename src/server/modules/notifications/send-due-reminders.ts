import { sql } from 'drizzle-orm';
import type { NotificationKind } from '../../../shared/schemas/notifications.js';
import { localeSchema } from '../../../shared/schemas/tenancy.js';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { inBatches, JOB_BATCH } from '../../platform/batches.js';
import { reminderMessage } from './messages.js';

interface Claimed {
  organization_id: string;
  user_id: string;
  locale: string;
}

/**
 * The reminder job: every participant whose chosen local time has passed today on their program's
 * clock, who has not been reminded today and has not checked in today, gets one in-app
 * notification. Claiming (setting last_sent_at) and notifying share a transaction (one per batch),
 * and rows another instance is claiming are skipped, so nobody is reminded twice or not at all.
 * `now` is a parameter so tests can stand at any moment (a DST change day, just before midnight).
 */
export async function sendDueCheckInReminders(db: Db, now = new Date(), batchSize = JOB_BATCH): Promise<{ sent: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const sent = await inBatches(db, async (tx, limit) => {
    const result = await tx.execute(sql`
      with due as (
        select r.participant_id, r.organization_id, p.user_id, u.locale
        from check_in_reminders r
        join participants p on p.id = r.participant_id
        join programs g on g.id = p.program_id
        join users u on u.id = p.user_id
        where r.enabled
          and u.disabled_at is null
          -- Discharged people keep their reminders only with continued support.
          and (p.status = 'active' or p.continued_support)
          and (${at} at time zone g.time_zone)::time >= r.local_time
          and (r.last_sent_at is null
               or (r.last_sent_at at time zone g.time_zone)::date < (${at} at time zone g.time_zone)::date)
          and not exists (
            select 1 from check_ins c
            where c.participant_id = r.participant_id
              and (c.created_at at time zone g.time_zone)::date = (${at} at time zone g.time_zone)::date)
        limit ${limit}
        for update of r skip locked
      )
      update check_in_reminders r set last_sent_at = ${at}
      from due
      where r.participant_id = due.participant_id
      returning due.organization_id, due.user_id, due.locale
    `);
    const claimed = (result as unknown as { rows: Claimed[] }).rows;
    if (claimed.length === 0) return 0;
    await tx.insert(notifications).values(
      claimed.map((c) => {
        const words = reminderMessage[localeSchema.catch('en').parse(c.locale)];
        return { organizationId: c.organization_id, userId: c.user_id, kind: 'checkin_reminder' satisfies NotificationKind, ...words, link: '/check-in', createdAt: now };
      }),
    );
    return claimed.length;
  }, batchSize);
  return { sent };
}
