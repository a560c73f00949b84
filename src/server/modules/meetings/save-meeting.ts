import { and, eq } from 'drizzle-orm';
import type { MeetingDetail } from '../../../shared/schemas/meetings.js';
import { meetingSaves } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { getMeeting, loadMeetingRow } from './get-meeting.js';

/** Puts a meeting on the person's own list, or takes it off; saying the same twice changes nothing. */
export async function saveMeeting(ctx: AuthedContext, meetingId: string, saved: boolean): Promise<MeetingDetail> {
  const row = await loadMeetingRow(ctx, meetingId);
  if (row.saved !== saved) {
    await inTransaction(ctx, async (tx) => {
      if (saved) {
        await tx.db.insert(meetingSaves).values({ userId: ctx.actor.userId, meetingId, organizationId: ctx.actor.organizationId }).onConflictDoNothing();
      } else {
        await tx.db.delete(meetingSaves).where(and(eq(meetingSaves.userId, ctx.actor.userId), eq(meetingSaves.meetingId, meetingId)));
      }
      await recordAudit(tx, { action: 'meeting.save', resourceType: 'meeting', resourceId: meetingId, details: { saved } });
    });
  }
  return getMeeting(ctx, meetingId);
}
