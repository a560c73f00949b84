import { sql } from 'drizzle-orm';
import type { NotificationKind } from '../../../shared/schemas/notifications.js';
import { localeSchema, type Locale } from '../../../shared/schemas/tenancy.js';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { inBatches, JOB_BATCH } from '../../platform/batches.js';

const words: Record<Locale, (name: string, service: string) => { title: string; body: string }> = {
  en: (name, service) => ({ title: `Time to follow up with ${name}`, body: `Did ${name} get what they needed from ${service}? Close the loop on the referral.` }),
  es: (name, service) => ({ title: `Es hora de dar seguimiento a ${name}`, body: `¿${name} recibió lo que necesitaba de ${service}? Cierra el ciclo de la derivación.` }),
};

interface Due {
  id: string;
  organization_id: string;
  participant_id: string;
  created_by: string;
  locale: string;
  preferred_name: string;
  service_name: string;
}

/**
 * The reminder job: every open referral (sent or accepted) whose follow-up date has come on its
 * program's clock, and that has not been reminded for that date, gives the referring peer worker
 * one in-app notification. Claiming and notifying share a transaction (one per batch), and rows
 * another instance is claiming are skipped: nobody is reminded twice. Moving the date re-arms the reminder.
 * `now` is a parameter so tests can stand at any moment.
 */
export async function sendDueReferralFollowUps(db: Db, now = new Date(), batchSize = JOB_BATCH): Promise<{ sent: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const sent = await inBatches(db, async (tx, limit) => {
    const result = await tx.execute(sql`
      with due as (
        select r.id, r.organization_id, r.participant_id, r.created_by, r.follow_up_on, u.locale, p.preferred_name, r.service_name
        from referrals r
        join participants p on p.id = r.participant_id
        join programs g on g.id = p.program_id
        join users u on u.id = r.created_by
        where r.status in ('sent', 'accepted')
          and r.follow_up_on is not null
          and r.follow_up_on <= (${at} at time zone g.time_zone)::date
          and r.follow_up_reminded_on is distinct from r.follow_up_on
          and u.disabled_at is null
        limit ${limit}
        for update of r skip locked
      )
      update referrals r set follow_up_reminded_on = due.follow_up_on
      from due where r.id = due.id
      returning due.id, due.organization_id, due.participant_id, due.created_by, due.locale::text as locale, due.preferred_name, due.service_name`);
    const claimed = (result as unknown as { rows: Due[] }).rows;
    if (claimed.length === 0) return 0;
    await tx.insert(notifications).values(
      claimed.map((d) => ({
        organizationId: d.organization_id,
        userId: d.created_by,
        kind: 'referral_follow_up' satisfies NotificationKind,
        ...words[localeSchema.catch('en').parse(d.locale)](d.preferred_name, d.service_name),
        link: `/participants/${d.participant_id}/referrals/${d.id}`,
        createdAt: now,
      })),
    );
    return claimed.length;
  }, batchSize);
  return { sent };
}
