import type { CreateGoal, Goal } from '../../../shared/schemas/goals.js';
import { goals, goalSteps } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { newGoalStatus } from './goal-rules.js';
import { loadGoal } from './goal-rows.js';

/**
 * A goal with its first steps, written whole or not at all. The participant's own goal is active at
 * once; a peer worker's is a suggestion until the participant accepts it.
 */
export async function createGoal(ctx: AuthedContext, participantId: string, input: CreateGoal): Promise<Goal> {
  const { relationships } = await requireParticipantAccess(ctx, { participantId, category: 'goals', access: 'write', action: 'goal.create', resourceType: 'goal' });
  const status = newGoalStatus(relationships)!;
  const goalId = await inTransaction(ctx, async (tx) => {
    const [goal] = await tx.db
      .insert(goals)
      .values({
        organizationId: ctx.actor.organizationId,
        participantId,
        domain: input.domain,
        title: input.title,
        why: input.why || null,
        targetDate: input.targetDate ?? null,
        status,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: goals.id });
    const id = goal!.id;
    if (input.steps.length > 0) {
      await tx.db.insert(goalSteps).values(
        input.steps.map((step, position) => ({
          organizationId: ctx.actor.organizationId,
          goalId: id,
          title: step.title,
          dueDate: step.dueDate ?? null,
          position,
        })),
      );
    }
    await recordAudit(tx, {
      action: 'goal.create',
      participantId,
      resourceType: 'goal',
      resourceId: id,
      details: { status, domain: input.domain, steps: input.steps.length },
    });
    return id;
  });
  return loadGoal(ctx, participantId, goalId, relationships);
}
