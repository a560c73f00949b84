import { and, eq, sql } from 'drizzle-orm';
import type { Goal, UpdateGoalStep } from '../../../shared/schemas/goals.js';
import { goals, goalSteps } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireGoalOwner } from './goal-rules.js';
import { loadGoal, lockGoal } from './goal-rows.js';

/**
 * Ticks a step done or not done, or rewords it. The peer worker may tick steps (when the
 * participant asks them to during a session); rewording and dates stay the participant's.
 */
export async function updateGoalStep(ctx: AuthedContext, participantId: string, goalId: string, stepId: string, input: UpdateGoalStep): Promise<Goal> {
  const { relationships } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'goals',
    access: 'write',
    action: 'goal_step.update',
    resourceType: 'goal_step',
    resourceId: stepId,
  });
  await inTransaction(ctx, async (tx) => {
    await lockGoal(tx, participantId, goalId);
    const [step] = await tx.db
      .select()
      .from(goalSteps)
      .where(and(eq(goalSteps.id, stepId), eq(goalSteps.goalId, goalId)));
    if (!step) throw notFound('goal_step.not_found', 'That step');
    if (input.title !== undefined || input.dueDate !== undefined) requireGoalOwner(relationships);
    // A step ticked twice keeps the moment it was first done.
    const completedAt = input.done === undefined || input.done === (step.completedAt !== null) ? undefined : input.done ? sql`now()` : null;
    const changes = { title: input.title, dueDate: input.dueDate, completedAt };
    if (Object.values(changes).some((v) => v !== undefined)) await tx.db.update(goalSteps).set(changes).where(eq(goalSteps.id, stepId));
    await tx.db.update(goals).set({ updatedAt: sql`now()` }).where(and(eq(goals.id, goalId), eq(goals.participantId, participantId)));
    await recordAudit(tx, {
      action: 'goal_step.update',
      participantId,
      resourceType: 'goal_step',
      resourceId: stepId,
      details: { goalId, fields: Object.keys(input).filter((k) => input[k as keyof UpdateGoalStep] !== undefined), ...(input.done !== undefined ? { done: input.done } : {}) },
    });
  });
  return loadGoal(ctx, participantId, goalId, relationships);
}
