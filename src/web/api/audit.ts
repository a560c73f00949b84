import { useInfiniteQuery } from '@tanstack/react-query';
import { auditTrailSchema } from '../../shared/schemas/audit.js';
import { api, withQuery } from './client.js';

const PAGE_SIZE = 20;

/** A participant's access history, newest first, a page at a time. */
export function useAuditTrail(participantId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['audit', participantId],
    queryFn: ({ pageParam }) =>
      api.get(withQuery(`/api/participants/${encodeURIComponent(participantId)}/audit-trail`, { before: pageParam, limit: PAGE_SIZE }), auditTrailSchema),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled,
  });
}
