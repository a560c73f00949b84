import { and, desc, eq, sql } from 'drizzle-orm';
import type { MeetingDetail } from '../../../shared/schemas/meetings.js';
import { meetingAttendance, meetings, meetingSaves } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { toMeetingDetail, type MeetingRow } from './meeting-view.js';

/** A meeting of the actor's organization, with whether they saved it; ids from elsewhere are not found. */
export async function loadMeetingRow(ctx: AuthedContext, meetingId: string): Promise<MeetingRow> {
  const [row] = await ctx.db
    .select({
      id: meetings.id,
      slug: meetings.slug,
      name: meetings.name,
      day: meetings.day,
      timeZone: meetings.timeZone,
      types: meetings.types,
      attendanceMode: meetings.attendanceMode,
      regions: meetings.regions,
      record: meetings.record,
      latitude: meetings.latitude,
      longitude: meetings.longitude,
      saved: sql<boolean>`exists (select 1 from ${meetingSaves} s where s.meeting_id = ${meetings.id} and s.user_id = ${ctx.actor.userId})`,
    })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.organizationId, ctx.actor.organizationId)));
  if (!row) throw notFound('meeting.not_found', 'That meeting');
  return row;
}

/** The meeting page: where and how to join, notes, and the days the participant logged going. */
export async function getMeeting(ctx: AuthedContext, meetingId: string, now = new Date()): Promise<MeetingDetail> {
  const row = await loadMeetingRow(ctx, meetingId);
  const participantId = ctx.actor.participantId;
  const attended = participantId
    ? await ctx.db
        .select({ on: meetingAttendance.attendedOn })
        .from(meetingAttendance)
        .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.participantId, participantId)))
        .orderBy(desc(meetingAttendance.attendedOn))
        .limit(20)
    : [];
  return toMeetingDetail(row, now, { attendedOn: attended.map((a) => a.on), canLog: participantId !== null });
}
