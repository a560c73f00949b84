import { eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { NotificationKind } from '../../../shared/schemas/notifications.js';
import { localeSchema } from '../../../shared/schemas/tenancy.js';
import type { Db } from '../../db/client.js';
import { appointments, notifications, participants, programs, users } from '../../db/schema/index.js';
import { inBatches, JOB_BATCH } from '../../platform/batches.js';
import { formatWhen, reminderMessage } from './messages.js';

/** How far ahead a session is announced. */
export const APPOINTMENT_REMINDER_HOURS = 24;
const KIND: NotificationKind = 'appointment_reminder';

const peerWorker = alias(users, 'peer_worker');
const participantUser = alias(users, 'participant_user');

/**
 * The reminder job: every scheduled session that starts within the next day and has not been
 * announced gets one in-app notification for the participant (when they have a login) and one for
 * the peer worker, with the time in the program's time zone and each person's language. Claiming
 * (reminder_sent_at) and notifying share a transaction (one per batch), and rows another instance
 * holds are skipped, so nobody is reminded twice. `now` is a parameter so tests can stand at any moment.
 */
export async function sendAppointmentReminders(db: Db, now = new Date(), hours = APPOINTMENT_REMINDER_HOURS, batchSize = JOB_BATCH): Promise<{ sent: number }> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + hours * 3_600_000).toISOString();
  let sent = 0;
  await inBatches(db, async (tx, limit) => {
    const claimed = await tx.execute(sql`
      update appointments set reminder_sent_at = ${at}::timestamptz
      where id in (
        select id from appointments
        where status = 'scheduled' and reminder_sent_at is null
          and starts_at > ${at}::timestamptz and starts_at <= ${until}::timestamptz
        limit ${limit}
        for update skip locked)
      returning id`);
    const ids = (claimed as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
    if (ids.length === 0) return 0;
    const rows = await tx
      .select({
        appointment: appointments,
        timeZone: programs.timeZone,
        participantName: participants.preferredName,
        participantUser: { id: participantUser.id, locale: participantUser.locale, disabledAt: participantUser.disabledAt },
        peerWorker: { name: peerWorker.displayName, locale: peerWorker.locale, disabledAt: peerWorker.disabledAt },
      })
      .from(appointments)
      .innerJoin(participants, eq(participants.id, appointments.participantId))
      .innerJoin(programs, eq(programs.id, participants.programId))
      .innerJoin(peerWorker, eq(peerWorker.id, appointments.peerWorkerId))
      .leftJoin(participantUser, eq(participantUser.id, participants.userId))
      .where(inArray(appointments.id, ids));
    const values = rows.flatMap((r) => {
      const a = r.appointment;
      const out: Array<typeof notifications.$inferInsert> = [];
      const base = { organizationId: a.organizationId, kind: KIND, createdAt: now };
      if (r.participantUser?.id && r.participantUser.disabledAt === null) {
        const locale = localeSchema.catch('en').parse(r.participantUser.locale);
        const words = reminderMessage[locale].participant(formatWhen(locale, r.timeZone, a.startsAt), r.peerWorker.name, a.mode);
        out.push({ ...base, userId: r.participantUser.id, ...words, link: '/' });
      }
      if (r.peerWorker.disabledAt === null) {
        const locale = localeSchema.catch('en').parse(r.peerWorker.locale);
        const words = reminderMessage[locale].peer(formatWhen(locale, r.timeZone, a.startsAt), r.participantName, a.mode);
        out.push({ ...base, userId: a.peerWorkerId, ...words, link: `/participants/${a.participantId}` });
      }
      return out;
    });
    if (values.length > 0) await tx.insert(notifications).values(values);
    sent += values.length;
    return ids.length;
  }, batchSize);
  return { sent };
}
