import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  copingPlanSchema,
  cravingEpisodeSchema,
  cravingLogSchema,
  type CopingPlan,
  type SaveCopingPlan,
  type StartCraving,
  type UpdateCraving,
} from '../../../shared/schemas/coping.js';
import { api } from '../../api/client.js';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}`;
export const copingPlanKey = (participantId: string) => ['coping-plan', participantId] as const;
export const cravingsKey = (participantId: string) => ['cravings', participantId] as const;

export function useCopingPlan(participantId: string | null) {
  return useQuery({
    queryKey: copingPlanKey(participantId ?? ''),
    queryFn: () => api.get(`${base(participantId!)}/coping-plan`, copingPlanSchema),
    enabled: participantId !== null,
  });
}

export function useSaveCopingPlan(participantId: string) {
  const queryClient = useQueryClient();
  return (input: SaveCopingPlan) =>
    api.put(`${base(participantId)}/coping-plan`, copingPlanSchema, input).then((plan: CopingPlan) => {
      queryClient.setQueryData(copingPlanKey(participantId), plan);
      return plan;
    });
}

export function useCravings(participantId: string | null) {
  return useQuery({
    queryKey: cravingsKey(participantId ?? ''),
    queryFn: () => api.get(`${base(participantId!)}/cravings`, cravingLogSchema),
    enabled: participantId !== null,
  });
}

/** Starting and updating one episode of the craving flow; the log refreshes after each change. */
export function useCravingActions(participantId: string) {
  const queryClient = useQueryClient();
  const refreshLog = <T,>(value: T) => {
    void queryClient.invalidateQueries({ queryKey: cravingsKey(participantId) });
    return value;
  };
  return {
    start: (input: StartCraving) => api.post(`${base(participantId)}/cravings`, cravingEpisodeSchema, input).then(refreshLog),
    update: (cravingId: string, input: UpdateCraving) =>
      api.patch(`${base(participantId)}/cravings/${encodeURIComponent(cravingId)}`, cravingEpisodeSchema, input).then(refreshLog),
  };
}
