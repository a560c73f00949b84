import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Group } from '../../../shared/schemas/groups.js';
import { peerGroupEnrolments, peerGroupFacilitators, users } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import type { GroupInContext } from './group-access.js';
import { scheduleOfRule } from './recurrence.js';
import { sessionsBetween } from './sessions.js';
import { addDays, localDate } from '../../../shared/milestones.js';

export async function facilitatorsOf(ctx: AuthedContext, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return ctx.db
    .select({ groupId: peerGroupFacilitators.groupId, id: users.id, displayName: users.displayName })
    .from(peerGroupFacilitators)
    .innerJoin(users, eq(users.id, peerGroupFacilitators.userId))
    .where(inArray(peerGroupFacilitators.groupId, groupIds))
    .orderBy(asc(users.displayName));
}

export async function enrolledCount(ctx: AuthedContext, groupId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(peerGroupEnrolments)
    .where(and(eq(peerGroupEnrolments.groupId, groupId), isNull(peerGroupEnrolments.withdrawnAt)));
  return row?.n ?? 0;
}

export async function isEnrolled(ctx: AuthedContext, groupId: string, participantId: string | null): Promise<boolean> {
  if (!participantId) return false;
  const [row] = await ctx.db
    .select({ id: peerGroupEnrolments.id })
    .from(peerGroupEnrolments)
    .where(and(eq(peerGroupEnrolments.groupId, groupId), eq(peerGroupEnrolments.participantId, participantId), isNull(peerGroupEnrolments.withdrawnAt)));
  return row !== undefined;
}

/** A group as the actor may see it: what it is, when it next meets, and what they may do with it. */
export async function groupView(ctx: AuthedContext, g: GroupInContext, now = new Date()): Promise<Group> {
  const group = g.group;
  const [facilitators, enrolled, mine] = await Promise.all([
    facilitatorsOf(ctx, [group.id]),
    enrolledCount(ctx, group.id),
    isEnrolled(ctx, group.id, g.participantId),
  ]);
  const today = localDate(now, g.timeZone);
  const upcoming = group.archivedAt ? [] : await sessionsBetween(ctx, g, addDays(today, -1), addDays(today, 62));
  const nextSession = upcoming.find((s) => new Date(s.endsAt) > now) ?? null;
  const todaysSession = upcoming.find((s) => s.date === today && s.status === 'scheduled') ?? null;
  const full = group.capacity !== null && enrolled >= group.capacity;
  return {
    id: group.id,
    programId: group.programId,
    programName: g.programName,
    timeZone: g.timeZone,
    topic: group.topic,
    description: group.description,
    mode: group.mode,
    place: group.place,
    onlineUrl: group.onlineUrl,
    capacity: group.capacity,
    enrolledCount: enrolled,
    schedule: { ...scheduleOfRule(group.rrule), startTime: group.startTime, durationMinutes: group.durationMinutes, startsOn: group.startsOn, endsOn: group.endsOn },
    rrule: group.rrule,
    facilitators: facilitators.map(({ id, displayName }) => ({ id, displayName })),
    archived: group.archivedAt !== null,
    nextSession,
    todaysSession,
    me: { enrolled: mine, facilitator: g.standing === 'facilitator' },
    can: {
      manage: g.manage,
      join: g.standing === 'participant' && !mine && !full && group.archivedAt === null,
      leave: g.participantId !== null && mine,
    },
  };
}
