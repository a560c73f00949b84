import { and, eq, sql } from 'drizzle-orm';
import type { Group } from '../../../shared/schemas/groups.js';
import { participants, peerGroupEnrolments, peerGroups } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadGroup, type GroupInContext } from './group-access.js';
import { enrolledCount, groupView } from './group-view.js';

/** Facilitators enrol anyone in the program; a participant enrols only themself. */
function requireMayEnrol(g: GroupInContext, participantId: string): void {
  if (g.manage || g.participantId === participantId) return;
  throw new AppError('auth.forbidden', 'Only the facilitators can enrol someone else.');
}

export async function requireProgramParticipant(ctx: AuthedContext, programId: string, participantId: string, path = 'body.participantId'): Promise<void> {
  const [p] = await ctx.db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.programId, programId), eq(participants.organizationId, ctx.actor.organizationId), eq(participants.status, 'active')));
  if (!p) throw new AppError('validation.failed', 'That person is not an active participant of this program.', [{ path, message: 'is not an active participant of this program' }]);
}

/** Enrols a participant (again, after leaving), within the group's capacity. */
export async function enrolInGroup(ctx: AuthedContext, groupId: string, participantId: string): Promise<Group> {
  const g = await loadGroup(ctx, groupId);
  requireMayEnrol(g, participantId);
  if (g.group.archivedAt) throw new AppError('group.ended', 'This group has ended.');
  await requireProgramParticipant(ctx, g.group.programId, participantId);
  await inTransaction(ctx, async (tx) => {
    // Locking the group serializes enrolments, so two people cannot take the last place at once.
    await tx.db.select({ id: peerGroups.id }).from(peerGroups).where(eq(peerGroups.id, groupId)).for('update');
    const [current] = await tx.db
      .select()
      .from(peerGroupEnrolments)
      .where(and(eq(peerGroupEnrolments.groupId, groupId), eq(peerGroupEnrolments.participantId, participantId)));
    if (current && current.withdrawnAt === null) return;
    if (g.group.capacity !== null && (await enrolledCount(tx as AuthedContext, groupId)) >= g.group.capacity) {
      throw new AppError('group.full', 'This group is full.');
    }
    if (current) {
      await tx.db
        .update(peerGroupEnrolments)
        .set({ withdrawnAt: null, enrolledAt: sql`now()`, enrolledBy: ctx.actor.userId })
        .where(eq(peerGroupEnrolments.id, current.id));
    } else {
      await tx.db.insert(peerGroupEnrolments).values({ organizationId: ctx.actor.organizationId, groupId, participantId, enrolledBy: ctx.actor.userId });
    }
    await recordAudit(tx, { action: 'group_enrolment.create', participantId, resourceType: 'group', resourceId: groupId });
  });
  return groupView(ctx, await loadGroup(ctx, groupId));
}

/** Leaving keeps the enrolment (and past attendance) with a date; saying it twice changes nothing. */
export async function withdrawFromGroup(ctx: AuthedContext, groupId: string, participantId: string): Promise<Group> {
  const g = await loadGroup(ctx, groupId);
  requireMayEnrol(g, participantId);
  await inTransaction(ctx, async (tx) => {
    const left = await tx.db
      .update(peerGroupEnrolments)
      .set({ withdrawnAt: sql`now()` })
      .where(and(eq(peerGroupEnrolments.groupId, groupId), eq(peerGroupEnrolments.participantId, participantId), sql`${peerGroupEnrolments.withdrawnAt} is null`))
      .returning({ id: peerGroupEnrolments.id });
    if (left.length) await recordAudit(tx, { action: 'group_enrolment.withdraw', participantId, resourceType: 'group', resourceId: groupId });
  });
  return groupView(ctx, await loadGroup(ctx, groupId));
}
