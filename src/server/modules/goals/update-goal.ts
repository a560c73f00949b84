import { and, eq, sql } from 'drizzle-orm';
import type { Goal, UpdateGoal } from '../../../shared/schemas/goals.js';
import { goals } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { requireGoalOwner, requireStatusChange } from './goal-rules.js';
import { loadGoal, lockGoal } from './goal-rows.js';

/**
 * The participant edits their goal, accepts a suggestion, sets a goal aside, marks it done or picks
 * it up again. Finishing every step never completes a goal by itself: the participant says when.
 */
export async function updateGoal(ctx: AuthedContext, participantId: string, goalId: string, input: UpdateGoal): Promise<Goal> {
  const { relationships } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'goals',
    access: 'write',
    action: 'goal.update',
    resourceType: 'goal',
    resourceId: goalId,
  });
  await inTransaction(ctx, async (tx) => {
    const goal = await lockGoal(tx, participantId, goalId);
    requireGoalOwner(relationships);
    const statusChange = input.status !== undefined && input.status !== goal.status ? input.status : undefined;
    if (statusChange) requireStatusChange(goal.status, statusChange);
    await tx.db
      .update(goals)
      .set({
        domain: input.domain,
        title: input.title,
        why: input.why === undefined ? undefined : input.why || null,
        targetDate: input.targetDate,
        status: statusChange,
        ...(statusChange === 'completed' ? { completedAt: sql`now()` } : statusChange ? { completedAt: null } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(goals.id, goalId), eq(goals.participantId, participantId)));
    await recordAudit(tx, {
      action: 'goal.update',
      participantId,
      resourceType: 'goal',
      resourceId: goalId,
      details: {
        fields: Object.keys(input).filter((k) => input[k as keyof UpdateGoal] !== undefined),
        ...(statusChange ? { from: goal.status, to: statusChange } : {}),
      },
    });
  });
  return loadGoal(ctx, participantId, goalId, relationships);
}
