import { useQuery, useQueryClient } from '@tanstack/react-query';
import { caseloadSchema, programFlagRulesSchema, type UpdateFlagRules } from '../../../shared/schemas/caseload.js';
import { api, withQuery } from '../../api/client.js';

export const caseloadKey = ['caseload'] as const;

export function useCaseload(peerWorkerId?: string) {
  return useQuery({
    queryKey: [...caseloadKey, peerWorkerId ?? 'mine'],
    queryFn: () => api.get(withQuery('/api/caseload', { peerWorkerId }), caseloadSchema),
    // No polling: every read of a caseload is audited per person. Alert events refresh it live, and
    // coming back to the home page reads it again once it is older than the app's stale time.
  });
}

const rulesKey = (programId: string) => ['flag-rules', programId] as const;
const rulesPath = (programId: string) => `/api/programs/${encodeURIComponent(programId)}/flag-rules`;

export function useFlagRules(programId: string) {
  return useQuery({ queryKey: rulesKey(programId), queryFn: () => api.get(rulesPath(programId), programFlagRulesSchema) });
}

export function useSaveFlagRules(programId: string) {
  const queryClient = useQueryClient();
  return (input: UpdateFlagRules) =>
    api.put(rulesPath(programId), programFlagRulesSchema, input).then((saved) => {
      queryClient.setQueryData(rulesKey(programId), saved);
      void queryClient.invalidateQueries({ queryKey: caseloadKey });
      return saved;
    });
}
