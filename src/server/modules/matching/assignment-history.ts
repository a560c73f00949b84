import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AssignmentHistory } from '../../../shared/schemas/matching.js';
import { peerAssignments, users } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';

const assigner = alias(users, 'assigner');

/** Every peer worker who has walked with the participant, newest first, with who decided and why. */
export async function getAssignmentHistory(ctx: AuthedContext, participantId: string): Promise<AssignmentHistory> {
  await requireParticipantAccess(ctx, {
    participantId,
    category: 'assignment',
    access: 'read',
    action: 'participant.read',
    resourceType: 'peer_assignment_history',
  });
  const rows = await ctx.db
    .select({
      id: peerAssignments.id,
      peerWorkerId: peerAssignments.peerWorkerId,
      peerWorkerName: users.displayName,
      reason: peerAssignments.reason,
      assignedById: peerAssignments.assignedBy,
      assignedByName: assigner.displayName,
      startedAt: peerAssignments.startedAt,
      endedAt: peerAssignments.endedAt,
    })
    .from(peerAssignments)
    .innerJoin(users, eq(users.id, peerAssignments.peerWorkerId))
    .leftJoin(assigner, eq(assigner.id, peerAssignments.assignedBy))
    .where(eq(peerAssignments.participantId, participantId))
    .orderBy(sql`${peerAssignments.endedAt} desc nulls first`, desc(peerAssignments.startedAt), desc(peerAssignments.id))
    .limit(200);
  return {
    assignments: rows.map((r) => ({
      id: r.id,
      peerWorker: { id: r.peerWorkerId, displayName: r.peerWorkerName },
      reason: r.reason,
      assignedBy: r.assignedById ? { id: r.assignedById, displayName: r.assignedByName ?? '' } : null,
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
    })),
  };
}
