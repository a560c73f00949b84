import { useQuery, useQueryClient } from '@tanstack/react-query';
import { safetyPlanSchema, type UpdateSafetyPlan } from '../../../shared/schemas/safety-plan.js';
import { api } from '../../api/client.js';

export const safetyPlanKey = (participantId: string) => ['safety-plan', participantId] as const;
const url = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/safety-plan`;

export function useSafetyPlan(participantId: string) {
  return useQuery({ queryKey: safetyPlanKey(participantId), queryFn: () => api.get(url(participantId), safetyPlanSchema) });
}

export function useSaveSafetyPlan(participantId: string) {
  const queryClient = useQueryClient();
  return async (input: UpdateSafetyPlan) => {
    const plan = await api.put(url(participantId), safetyPlanSchema, input);
    queryClient.setQueryData(safetyPlanKey(participantId), plan);
    void queryClient.invalidateQueries({ queryKey: ['audit', participantId] });
    return plan;
  };
}
