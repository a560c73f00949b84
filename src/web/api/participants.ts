import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { participantListSchema, participantSummarySchema, type CreateParticipant } from '../../shared/schemas/participants.js';
import { uuidSchema } from '../../shared/schemas/tenancy.js';
import { api } from './client.js';

import type { AssignPeerWorker } from '../../shared/schemas/participants.js';
export { assignPeerWorkerSchema, type AssignPeerWorker } from '../../shared/schemas/participants.js';

export const participantsKey = ['participants'] as const;
export const participantKey = (id: string) => ['participant', id] as const;

export function useParticipants() {
  return useQuery({
    queryKey: participantsKey,
    queryFn: async () => (await api.get('/api/participants', participantListSchema)).participants,
  });
}

export function useParticipant(id: string | null) {
  return useQuery({
    queryKey: participantKey(id ?? ''),
    queryFn: () => api.get(`/api/participants/${encodeURIComponent(id!)}`, participantSummarySchema),
    enabled: id !== null,
  });
}

function useParticipantChanged() {
  const queryClient = useQueryClient();
  return (id: string) => {
    void queryClient.invalidateQueries({ queryKey: participantsKey });
    void queryClient.invalidateQueries({ queryKey: participantKey(id) });
    void queryClient.invalidateQueries({ queryKey: ['audit', id] });
  };
}

/** Returns the call that enrols; lists showing participants refresh after it. */
export function useEnrolParticipant() {
  const changed = useParticipantChanged();
  return (input: CreateParticipant) => api.post('/api/participants', participantSummarySchema, input).then((p) => (changed(p.id), p));
}

export function useAssignPeerWorker(participantId: string) {
  const changed = useParticipantChanged();
  return (input: AssignPeerWorker) =>
    api
      .put(`/api/participants/${encodeURIComponent(participantId)}/peer-worker`, participantSummarySchema, input)
      .then((p) => (changed(p.id), p));
}
