import { eq, sql } from 'drizzle-orm';
import type { GroupSession, UpdateSession } from '../../../shared/schemas/groups.js';
import { peerGroupSessions } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { loadGroupToManage } from './group-access.js';
import { ensureSessionRow, scheduledStart, sessionView } from './sessions.js';
import { instantOf } from './wall-clock.js';

/** Cancel a session or bring it back, move it (or put it back on the schedule), change its place, keep its notes and topics. */
export async function updateSession(ctx: AuthedContext, groupId: string, date: string, input: UpdateSession): Promise<GroupSession> {
  const g = await loadGroupToManage(ctx, groupId);
  await inTransaction(ctx, async (tx) => {
    const row = await ensureSessionRow(tx as AuthedContext, g, date);
    const startsAt = input.moveTo === undefined ? undefined : input.moveTo === null ? scheduledStart(g, date) : instantOf(input.moveTo.date, input.moveTo.time, g.timeZone);
    await tx.db
      .update(peerGroupSessions)
      .set({
        ...(input.status !== undefined && { status: input.status }),
        ...(input.status === 'scheduled' && { cancelReason: null }),
        ...(input.cancelReason !== undefined && { cancelReason: input.cancelReason }),
        ...(startsAt !== undefined && { startsAt }),
        ...(input.place !== undefined && { place: input.place }),
        ...(input.notes !== undefined && { notes: input.notes }),
        ...(input.topics !== undefined && { topics: input.topics }),
        updatedBy: ctx.actor.userId,
        updatedAt: sql`now()`,
      })
      .where(eq(peerGroupSessions.id, row.id));
    const changed = Object.keys(input).filter((k) => input[k as keyof UpdateSession] !== undefined);
    await recordAudit(tx, { action: 'group_session.update', resourceType: 'group_session', resourceId: row.id, details: { groupId, date, changed, status: input.status } });
  });
  return sessionView(ctx, g, date);
}
