import type { GoalList } from '../../../shared/schemas/goals.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { newGoalStatus } from './goal-rules.js';
import { loadGoals } from './goal-rows.js';

/** The participant's goals, newest first, with what the actor may do; the read is audited by the policy. */
export async function listGoals(ctx: AuthedContext, participantId: string): Promise<GoalList> {
  const { relationships } = await requireParticipantAccess(ctx, { participantId, category: 'goals', access: 'read', action: 'goal.read', resourceType: 'goal' });
  return { goals: await loadGoals(ctx, participantId, relationships), can: { create: newGoalStatus(relationships) } };
}
