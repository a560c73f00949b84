import { and, eq, inArray, isNull } from 'drizzle-orm';
import { memberships, peerGroupFacilitators, users } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/** Facilitators are peer workers or supervisors of the group's program; anyone else is named in the error. */
export async function requireFacilitators(ctx: AuthedContext, programId: string, userIds: string[]): Promise<void> {
  const rows = await ctx.db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, ctx.actor.organizationId),
        eq(memberships.programId, programId),
        inArray(memberships.role, ['peer_worker', 'supervisor']),
        inArray(memberships.userId, userIds),
        isNull(users.disabledAt),
      ),
    );
  const found = new Set(rows.map((r) => r.userId));
  const missing = userIds.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw new AppError('validation.failed', 'Facilitators must be peer workers or supervisors of this program.', [
      { path: `body.facilitatorIds.${missing}`, message: 'is not a peer worker or supervisor of this program' },
    ]);
  }
}

export async function setFacilitators(tx: AuthedContext, groupId: string, userIds: string[]): Promise<void> {
  await tx.db.delete(peerGroupFacilitators).where(eq(peerGroupFacilitators.groupId, groupId));
  await tx.db.insert(peerGroupFacilitators).values([...new Set(userIds)].map((userId) => ({ groupId, userId, organizationId: tx.actor.organizationId })));
}
