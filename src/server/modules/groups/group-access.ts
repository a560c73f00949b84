import { and, eq } from 'drizzle-orm';
import { participants, peerGroupFacilitators, peerGroups, programs } from '../../db/schema/index.js';
import { hasRole, type Actor, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';

export type GroupRow = typeof peerGroups.$inferSelect;

/**
 * How the actor stands to a group. Facilitators and the program's supervisors run it; the program's
 * other peer workers may look; the program's participants see it to join. Anyone else is told it
 * does not exist, as with participant records.
 */
export type GroupStanding = 'facilitator' | 'supervisor' | 'staff' | 'participant';

export interface GroupInContext {
  group: GroupRow;
  programName: string;
  timeZone: string;
  standing: GroupStanding;
  /** The actor's own participant record, when they are a participant of the group's program. */
  participantId: string | null;
  manage: boolean;
}

export function isProgramStaff(actor: Actor, programId: string): boolean {
  return hasRole(actor, 'peer_worker', programId) || hasRole(actor, 'supervisor', programId);
}

/** The actor's participant record when it is in this program (a participant sees only their program's groups). */
export async function ownParticipantIn(ctx: AuthedContext, programId: string): Promise<string | null> {
  if (!ctx.actor.participantId) return null;
  const [me] = await ctx.db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.id, ctx.actor.participantId), eq(participants.programId, programId), eq(participants.status, 'active')));
  return me?.id ?? null;
}

export async function loadGroup(ctx: AuthedContext, groupId: string): Promise<GroupInContext> {
  const [row] = await ctx.db
    .select({ group: peerGroups, programName: programs.name, timeZone: programs.timeZone })
    .from(peerGroups)
    .innerJoin(programs, eq(programs.id, peerGroups.programId))
    .where(and(eq(peerGroups.id, groupId), eq(peerGroups.organizationId, ctx.actor.organizationId)));
  if (!row) throw notFound('group.not_found', 'That group');
  const programId = row.group.programId;
  const [facilitates] = await ctx.db
    .select({ userId: peerGroupFacilitators.userId })
    .from(peerGroupFacilitators)
    .where(and(eq(peerGroupFacilitators.groupId, groupId), eq(peerGroupFacilitators.userId, ctx.actor.userId)));
  const participantId = await ownParticipantIn(ctx, programId);
  const standing: GroupStanding | null = facilitates
    ? 'facilitator'
    : hasRole(ctx.actor, 'supervisor', programId)
      ? 'supervisor'
      : hasRole(ctx.actor, 'peer_worker', programId)
        ? 'staff'
        : participantId
          ? 'participant'
          : null;
  if (!standing) throw notFound('group.not_found', 'That group');
  return { ...row, standing, participantId, manage: standing === 'facilitator' || standing === 'supervisor' };
}

/** The group, when the actor runs it (a facilitator, or a supervisor of its program); otherwise 403 or 404. */
export async function loadGroupToManage(ctx: AuthedContext, groupId: string): Promise<GroupInContext> {
  const g = await loadGroup(ctx, groupId);
  if (!g.manage) throw new AppError('auth.forbidden', 'Only the facilitators of this group and supervisors of its program can do that.');
  return g;
}
