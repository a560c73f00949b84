import { and, eq, sql } from 'drizzle-orm';
import { MAX_STEPS_PER_GOAL, type Goal, type NewGoalStep } from '../../../shared/schemas/goals.js';
import { goals, goalSteps } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireGoalOwner } from './goal-rules.js';
import { loadGoal, lockGoal } from './goal-rows.js';

/** The participant adds a step at the end of their goal. */
export async function addGoalStep(ctx: AuthedContext, participantId: string, goalId: string, input: NewGoalStep): Promise<Goal> {
  const { relationships } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'goals',
    access: 'write',
    action: 'goal_step.create',
    resourceType: 'goal',
    resourceId: goalId,
  });
  await inTransaction(ctx, async (tx) => {
    await lockGoal(tx, participantId, goalId);
    requireGoalOwner(relationships);
    const [{ count, last } = { count: 0, last: -1 }] = await tx.db
      .select({ count: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${goalSteps.position}), -1)::int` })
      .from(goalSteps)
      .where(eq(goalSteps.goalId, goalId));
    if (count >= MAX_STEPS_PER_GOAL) {
      throw new AppError('validation.failed', `A goal holds at most ${MAX_STEPS_PER_GOAL} steps.`, [
        { path: 'body.title', message: `this goal already has ${MAX_STEPS_PER_GOAL} steps` },
      ]);
    }
    const [step] = await tx.db
      .insert(goalSteps)
      .values({ organizationId: ctx.actor.organizationId, goalId, title: input.title, dueDate: input.dueDate ?? null, position: last + 1 })
      .returning({ id: goalSteps.id });
    await tx.db.update(goals).set({ updatedAt: sql`now()` }).where(and(eq(goals.id, goalId), eq(goals.participantId, participantId)));
    await recordAudit(tx, { action: 'goal_step.create', participantId, resourceType: 'goal_step', resourceId: step!.id, details: { goalId } });
  });
  return loadGoal(ctx, participantId, goalId, relationships);
}
