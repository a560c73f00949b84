import { eq } from 'drizzle-orm';
import type { CheckInReminder } from '../../../shared/schemas/notifications.js';
import { checkInReminders, participants, programs } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../platform/context.js';

async function readReminder(ctx: RequestContext, participantId: string): Promise<CheckInReminder> {
  const [row] = await ctx.db
    .select({ reminder: checkInReminders, timeZone: programs.timeZone })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .leftJoin(checkInReminders, eq(checkInReminders.participantId, participants.id))
    .where(eq(participants.id, participantId));
  const r = row!.reminder;
  return {
    enabled: r?.enabled ?? false,
    // Postgres answers HH:MM:SS; the minute is what people choose.
    localTime: r ? r.localTime.slice(0, 5) : null,
    timeZone: row!.timeZone,
    lastSentAt: r?.lastSentAt?.toISOString() ?? null,
  };
}

export async function getCheckInReminder(ctx: AuthedContext, participantId: string): Promise<CheckInReminder> {
  await requireParticipantAccess(ctx, { participantId, category: 'checkins', access: 'read', action: 'reminder.read', resourceType: 'check_in_reminder' });
  return readReminder(ctx, participantId);
}

/** The participant chooses the local time (in the program's time zone) and turns it on or off. */
export async function setCheckInReminder(
  ctx: AuthedContext,
  participantId: string,
  input: { enabled: boolean; localTime: string },
): Promise<CheckInReminder> {
  const event = { action: 'reminder.update' as const, participantId, resourceType: 'check_in_reminder', resourceId: participantId };
  await requireParticipantAccess(ctx, { ...event, category: 'checkins', access: 'write' });
  await inTransaction(ctx, async (tx) => {
    const values = { enabled: input.enabled, localTime: input.localTime, updatedAt: new Date() };
    await tx.db
      .insert(checkInReminders)
      .values({ participantId, organizationId: ctx.actor.organizationId, ...values })
      .onConflictDoUpdate({ target: checkInReminders.participantId, set: values });
    await recordAudit(tx, { ...event, details: { enabled: input.enabled, localTime: input.localTime } });
  });
  return readReminder(ctx, participantId);
}
