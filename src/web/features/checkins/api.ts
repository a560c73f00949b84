import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { checkInListSchema, checkInSchema, checkInTrendSchema, type CreateCheckIn } from '../../../shared/schemas/checkins.js';
import { api, withQuery } from '../../api/client.js';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/check-ins`;

/** Every cached read of one participant's check-ins starts with this key, so one write refreshes them all. */
export const checkInsKey = (participantId: string) => ['checkins', participantId] as const;

/** Check-ins, newest first, a page at a time. */
export function useCheckIns(participantId: string, pageSize = 10) {
  return useInfiniteQuery({
    queryKey: [...checkInsKey(participantId), 'list', pageSize],
    queryFn: ({ pageParam }) => api.get(withQuery(base(participantId), { limit: pageSize, cursor: pageParam }), checkInListSchema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Daily mood and craving over the last `days` days, for the charts. */
export function useCheckInTrend(participantId: string, days: number) {
  return useQuery({
    queryKey: [...checkInsKey(participantId), 'trend', days],
    queryFn: () => api.get(withQuery(`${base(participantId)}/trend`, { days }), checkInTrendSchema),
  });
}

/** Returns the call that records the participant's check-in; their history and charts refresh after it. */
export function useRecordCheckIn(participantId: string) {
  const queryClient = useQueryClient();
  return (input: CreateCheckIn) =>
    api.post(base(participantId), checkInSchema, input).then((checkIn) => {
      void queryClient.invalidateQueries({ queryKey: checkInsKey(participantId) });
      void queryClient.invalidateQueries({ queryKey: ['audit', participantId] });
      return checkIn;
    });
}
