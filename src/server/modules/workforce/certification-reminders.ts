import { sql } from 'drizzle-orm';
import type { NotificationKind } from '../../../shared/schemas/notifications.js';
import { localeSchema, type Locale } from '../../../shared/schemas/tenancy.js';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';

const words: Record<Locale, (name: string, expiresOn: string, days: 90 | 30) => { title: string; body: string }> = {
  en: (name, expiresOn, days) => ({
    title: `${name} expires on ${expiresOn}`,
    body: `About ${days} days to go. Check the continuing-education hours the renewal needs and plan them with your supervisor.`,
  }),
  es: (name, expiresOn, days) => ({
    title: `${name} vence el ${expiresOn}`,
    body: `Faltan unos ${days} días. Revisa las horas de educación continua que pide la renovación y planéalas con tu supervisor.`,
  }),
};

interface Due {
  id: string;
  organization_id: string;
  user_id: string;
  name: string;
  expires_on: string;
  locale: string;
}

/**
 * The certification reminder job: a worker hears once when a certification is 90 days from
 * expiry, and once more at 30 days. Each reminder is stamped on the row in the same transaction
 * as the notification, and rows another instance is claiming are skipped, so none comes twice.
 * A certification first seen inside 30 days gets only the 30-day reminder.
 * `now` is a parameter so tests can stand at any moment.
 */
export async function sendCertificationReminders(db: Db, now = new Date()): Promise<{ sent: number }> {
  const today = sql`(${now.toISOString()}::timestamptz at time zone 'UTC')::date`;
  return db.transaction(async (tx) => {
    const claim = async (days: 30 | 90) => {
      const window =
        days === 30
          ? sql`c.reminded_30_at is null and c.expires_on <= ${today} + 30`
          : sql`c.reminded_90_at is null and c.reminded_30_at is null and c.expires_on <= ${today} + 90 and c.expires_on > ${today} + 30`;
      const result = await tx.execute(sql`
        with due as (
          select c.id, c.organization_id, c.user_id, c.name, c.expires_on, u.locale
          from certifications c join users u on u.id = c.user_id
          where ${window} and c.expires_on >= ${today} and u.disabled_at is null
          for update of c skip locked
        )
        update certifications c set ${days === 30 ? sql`reminded_30_at` : sql`reminded_90_at`} = ${now.toISOString()}::timestamptz
        from due where c.id = due.id
        returning due.id, due.organization_id, due.user_id, due.name, to_char(due.expires_on, 'YYYY-MM-DD') as expires_on, due.locale::text as locale`);
      const claimed = (result as unknown as { rows: Due[] }).rows;
      if (claimed.length) {
        await tx.insert(notifications).values(
          claimed.map((d) => ({
            organizationId: d.organization_id,
            userId: d.user_id,
            kind: 'certification_expiry' satisfies NotificationKind,
            ...words[localeSchema.catch('en').parse(d.locale)](d.name, d.expires_on, days),
            link: '/me/training',
            createdAt: now,
          })),
        );
      }
      return claimed.length;
    };
    const sent = (await claim(30)) + (await claim(90));
    return { sent };
  });
}
