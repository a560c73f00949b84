import { asc, eq, max } from 'drizzle-orm';
import type { CopingPlan, SaveCopingPlan } from '../../../shared/schemas/coping.js';
import { copingPlanItems } from '../../db/schema/index.js';
import { anyAllows, requireParticipantAccess, type Relationship } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../platform/context.js';

async function loadPlan(ctx: RequestContext, participantId: string, rels: Relationship[]): Promise<CopingPlan> {
  const [rows, [stamp]] = await Promise.all([
    ctx.db
      .select({ strategyId: copingPlanItems.strategyId, personalNote: copingPlanItems.personalNote })
      .from(copingPlanItems)
      .where(eq(copingPlanItems.participantId, participantId))
      .orderBy(asc(copingPlanItems.position)),
    ctx.db.select({ at: max(copingPlanItems.createdAt) }).from(copingPlanItems).where(eq(copingPlanItems.participantId, participantId)),
  ]);
  return { participantId, items: rows, updatedAt: stamp?.at?.toISOString() ?? null, can: { edit: anyAllows(rels, 'coping', 'write') } };
}

/** The participant's personal craving plan, in their order. Their peer worker and supervisor may read it. */
export async function getCopingPlan(ctx: AuthedContext, participantId: string): Promise<CopingPlan> {
  const { relationships } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'coping',
    access: 'read',
    action: 'coping_plan.read',
    resourceType: 'coping_plan',
  });
  return loadPlan(ctx, participantId, relationships);
}

/** Replaces the whole plan at once, so its order is exactly the order sent. */
export async function saveCopingPlan(ctx: AuthedContext, participantId: string, input: SaveCopingPlan): Promise<CopingPlan> {
  const { relationships } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'coping',
    access: 'write',
    action: 'coping_plan.update',
    resourceType: 'coping_plan',
  });
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(copingPlanItems).where(eq(copingPlanItems.participantId, participantId));
    if (input.items.length > 0) {
      await tx.db.insert(copingPlanItems).values(
        input.items.map((item, position) => ({
          participantId,
          organizationId: ctx.actor.organizationId,
          strategyId: item.strategyId,
          position,
          personalNote: item.personalNote || null,
        })),
      );
    }
    await recordAudit(tx, {
      action: 'coping_plan.update',
      participantId,
      resourceType: 'coping_plan',
      resourceId: participantId,
      details: { strategies: input.items.map((i) => i.strategyId) },
    });
  });
  return loadPlan(ctx, participantId, relationships);
}
