import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { ParticipantAttendance } from '../../../shared/schemas/groups.js';
import { meetingAttendance, meetings, participants, peerGroupAttendance, peerGroups, peerGroupSessions, programs } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { addDays, localDate } from '../../../shared/milestones.js';

/**
 * What counts toward a participant's engagement: group sessions (present / absent / excused) and
 * mutual-aid meetings they logged, in all and over the last 30 days, with the latest ten. For the
 * record and the caseload; read under the 'groups' kind of data.
 */
export async function participantAttendance(ctx: AuthedContext, participantId: string, now = new Date()): Promise<ParticipantAttendance> {
  await requireParticipantAccess(ctx, { participantId, category: 'groups', access: 'read', action: 'group_attendance.read', resourceType: 'attendance' });
  const [me] = await ctx.db
    .select({ timeZone: programs.timeZone })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(eq(participants.id, participantId));
  const since = addDays(localDate(now, me!.timeZone), -30);
  const sinceInstant = new Date(now.getTime() - 30 * 86_400_000);

  const groupCounts = await ctx.db
    .select({ status: peerGroupAttendance.status, n: count(), recent: sql<number>`count(*) filter (where ${peerGroupSessions.startsAt} >= ${sinceInstant.toISOString()})`.mapWith(Number) })
    .from(peerGroupAttendance)
    .innerJoin(peerGroupSessions, eq(peerGroupSessions.id, peerGroupAttendance.sessionId))
    .where(eq(peerGroupAttendance.participantId, participantId))
    .groupBy(peerGroupAttendance.status);
  const groups = { present: 0, absent: 0, excused: 0, last30Days: 0 };
  for (const c of groupCounts) {
    groups[c.status] = c.n;
    if (c.status === 'present') groups.last30Days = c.recent;
  }
  const [logged] = await ctx.db
    .select({ n: count(), recent: sql<number>`count(*) filter (where ${meetingAttendance.attendedOn} >= ${since})`.mapWith(Number) })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.participantId, participantId));

  const recentGroups = await ctx.db
    .select({ title: peerGroups.topic, startsAt: peerGroupSessions.startsAt, timeZone: programs.timeZone, status: peerGroupAttendance.status, walkIn: peerGroupAttendance.walkIn })
    .from(peerGroupAttendance)
    .innerJoin(peerGroupSessions, eq(peerGroupSessions.id, peerGroupAttendance.sessionId))
    .innerJoin(peerGroups, eq(peerGroups.id, peerGroupSessions.groupId))
    .innerJoin(programs, eq(programs.id, peerGroups.programId))
    .where(eq(peerGroupAttendance.participantId, participantId))
    .orderBy(desc(peerGroupSessions.startsAt))
    .limit(10);
  const recentMeetings = await ctx.db
    .select({ title: meetings.name, date: meetingAttendance.attendedOn })
    .from(meetingAttendance)
    .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .where(and(eq(meetingAttendance.participantId, participantId), gte(meetingAttendance.attendedOn, addDays(since, -335))))
    .orderBy(desc(meetingAttendance.attendedOn))
    .limit(10);
  const recent = [
    ...recentGroups.map((r) => ({ kind: 'group' as const, title: r.title, date: localDate(r.startsAt, r.timeZone), status: r.status, walkIn: r.walkIn })),
    ...recentMeetings.map((r) => ({ kind: 'meeting' as const, title: r.title, date: r.date, status: 'present' as const, walkIn: false })),
  ]
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, 10);
  return { groups, meetings: { logged: logged?.n ?? 0, last30Days: logged?.recent ?? 0 }, recent };
}
