import { eq } from 'drizzle-orm';
import type { MeetingDetail } from '../../../shared/schemas/meetings.js';
import { meetingAttendance, participants, programs } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { addDays, localDate } from '../../../shared/milestones.js';
import { getMeeting, loadMeetingRow } from './get-meeting.js';

/**
 * A participant notes that they went to a meeting (today on the meeting's clock unless they say
 * which day, up to a year back). It is theirs to log, and it counts toward their engagement, which
 * their peer worker sees. Logging the same day twice keeps one entry.
 */
export async function logMeetingAttendance(ctx: AuthedContext, meetingId: string, attendedOn: string | undefined, now = new Date()): Promise<MeetingDetail> {
  const participantId = ctx.actor.participantId;
  if (!participantId) throw new AppError('auth.forbidden', 'Only participants log the meetings they go to.');
  const row = await loadMeetingRow(ctx, meetingId);
  const [me] = await ctx.db
    .select({ timeZone: programs.timeZone })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(eq(participants.id, participantId));
  const today = localDate(now, row.timeZone ?? me!.timeZone);
  const day = attendedOn ?? today;
  if (day > today || day < addDays(today, -366)) {
    throw new AppError('validation.failed', 'Choose a day in the past year, not in the future.', [{ path: 'body.attendedOn', message: 'must be within the past year and not in the future' }]);
  }
  await inTransaction(ctx, async (tx) => {
    const inserted = await tx.db
      .insert(meetingAttendance)
      .values({ organizationId: ctx.actor.organizationId, participantId, meetingId, attendedOn: day })
      .onConflictDoNothing()
      .returning({ id: meetingAttendance.id });
    if (inserted.length) {
      await recordAudit(tx, { action: 'meeting_attendance.create', participantId, resourceType: 'meeting', resourceId: meetingId, details: { attendedOn: day } });
    }
  });
  return getMeeting(ctx, meetingId, now);
}

