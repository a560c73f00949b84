import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assignmentHistorySchema,
  matchListSchema,
  matchPreferencesSchema,
  peerWorkerProfileSchema,
  type MatchPreferences,
  type PeerWorkerProfile,
  type UpdateMatchPreferences,
  type UpdatePeerProfile,
} from '../../../shared/schemas/matching.js';
import { api } from '../../api/client.js';

export const peerProfileKey = (peerWorkerId: string) => ['matching', 'peer-profile', peerWorkerId] as const;
const preferencesKey = (participantId: string) => ['matching', 'preferences', participantId] as const;
const matchesKey = (participantId: string) => ['matching', 'matches', participantId] as const;
const historyKey = (participantId: string) => ['matching', 'history', participantId] as const;

const peerUrl = (id: string) => `/api/peer-workers/${encodeURIComponent(id)}/profile`;
const participantUrl = (id: string, rest: string) => `/api/participants/${encodeURIComponent(id)}/${rest}`;

export function usePeerProfile(peerWorkerId: string | null) {
  return useQuery({
    queryKey: peerProfileKey(peerWorkerId ?? ''),
    queryFn: () => api.get(peerUrl(peerWorkerId!), peerWorkerProfileSchema),
    enabled: peerWorkerId !== null,
  });
}

export function useUpdatePeerProfile(peerWorkerId: string) {
  const queryClient = useQueryClient();
  return (input: UpdatePeerProfile) =>
    api.put(peerUrl(peerWorkerId), peerWorkerProfileSchema, input).then((profile: PeerWorkerProfile) => {
      queryClient.setQueryData(peerProfileKey(peerWorkerId), profile);
      void queryClient.invalidateQueries({ queryKey: ['matching', 'matches'] });
      return profile;
    });
}

export function useMatchPreferences(participantId: string, enabled = true) {
  return useQuery({
    queryKey: preferencesKey(participantId),
    queryFn: () => api.get(participantUrl(participantId, 'match-preferences'), matchPreferencesSchema),
    enabled,
  });
}

export function useUpdateMatchPreferences(participantId: string) {
  const queryClient = useQueryClient();
  return (input: UpdateMatchPreferences) =>
    api.put(participantUrl(participantId, 'match-preferences'), matchPreferencesSchema, input).then((prefs: MatchPreferences) => {
      queryClient.setQueryData(preferencesKey(participantId), prefs);
      void queryClient.invalidateQueries({ queryKey: matchesKey(participantId) });
      void queryClient.invalidateQueries({ queryKey: ['audit', participantId] });
      return prefs;
    });
}

export function useMatches(participantId: string) {
  return useQuery({ queryKey: matchesKey(participantId), queryFn: () => api.get(participantUrl(participantId, 'matches'), matchListSchema) });
}

export function useAssignmentHistory(participantId: string) {
  return useQuery({ queryKey: historyKey(participantId), queryFn: () => api.get(participantUrl(participantId, 'peer-assignments'), assignmentHistorySchema) });
}

/** After an assignment: suggestions (caseloads changed), history and profiles are stale. */
export function useAssignmentChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['matching'] });
}
