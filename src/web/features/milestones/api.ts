import { useQuery, useQueryClient } from '@tanstack/react-query';
import { milestonesSchema, type Milestones } from '../../../shared/schemas/milestones.js';
import { api } from '../../api/client.js';

export const milestonesKey = (participantId: string) => ['milestones', participantId] as const;
const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}`;

export function useMilestones(participantId: string, enabled = true) {
  return useQuery({
    queryKey: milestonesKey(participantId),
    queryFn: () => api.get(`${base(participantId)}/milestones`, milestonesSchema),
    enabled,
  });
}

/** Each write answers with the whole view, which replaces the cached one. */
function useMilestoneWrite<I>(participantId: string, path: string) {
  const queryClient = useQueryClient();
  return (input: I): Promise<Milestones> =>
    api.post(`${base(participantId)}${path}`, milestonesSchema, input).then((view) => {
      queryClient.setQueryData(milestonesKey(participantId), view);
      void queryClient.invalidateQueries({ queryKey: ['audit', participantId] });
      return view;
    });
}

export const useSetRecoveryStart = (participantId: string) =>
  useMilestoneWrite<{ startDate: string; note?: string }>(participantId, '/recovery-starts');

export const useAddCustomMilestone = (participantId: string) =>
  useMilestoneWrite<{ label: string; date: string }>(participantId, '/milestones/custom');

export const useCelebrate = (participantId: string) => useMilestoneWrite<{ key: string }>(participantId, '/milestones/celebrate');
