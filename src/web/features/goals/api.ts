import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  goalListSchema,
  goalSchema,
  type CreateGoal,
  type Goal,
  type GoalList,
  type NewGoalStep,
  type UpdateGoal,
  type UpdateGoalStep,
} from '../../../shared/schemas/goals.js';
import { api } from '../../api/client.js';

export const goalsKey = (participantId: string) => ['goals', participantId] as const;
const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/goals`;

export function useGoals(participantId: string | null) {
  return useQuery({
    queryKey: goalsKey(participantId ?? ''),
    queryFn: () => api.get(base(participantId!), goalListSchema),
    enabled: participantId !== null,
  });
}

/** Puts the goal the server answered into the cached list, so the page changes without a refetch. */
function useGoalChanged(participantId: string) {
  const queryClient = useQueryClient();
  return (goal: Goal) => {
    queryClient.setQueryData<GoalList>(goalsKey(participantId), (list) => {
      if (!list) return list;
      const known = list.goals.some((g) => g.id === goal.id);
      return { ...list, goals: known ? list.goals.map((g) => (g.id === goal.id ? goal : g)) : [goal, ...list.goals] };
    });
    void queryClient.invalidateQueries({ queryKey: ['audit', participantId] });
    return goal;
  };
}

export function useGoalActions(participantId: string) {
  const changed = useGoalChanged(participantId);
  const goalUrl = (goalId: string) => `${base(participantId)}/${encodeURIComponent(goalId)}`;
  return {
    create: (input: CreateGoal) => api.post(base(participantId), goalSchema, input).then(changed),
    update: (goalId: string, input: UpdateGoal) => api.patch(goalUrl(goalId), goalSchema, input).then(changed),
    addStep: (goalId: string, input: NewGoalStep) => api.post(`${goalUrl(goalId)}/steps`, goalSchema, input).then(changed),
    updateStep: (goalId: string, stepId: string, input: UpdateGoalStep) =>
      api.patch(`${goalUrl(goalId)}/steps/${encodeURIComponent(stepId)}`, goalSchema, input).then(changed),
  };
}
