import { useQueryClient } from '@tanstack/react-query';
import { erasureReportSchema, type EraseParticipant } from '../../../shared/schemas/privacy.js';
import { api } from '../../api/client.js';
import { participantKey, participantsKey } from '../../api/participants.js';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}`;

/** The download of everything held about a participant: JSON in full, or a readable page. */
export const exportUrl = (participantId: string, format: 'json' | 'html') => `${base(participantId)}/export?format=${format}`;

/** Erasure on a verified request; afterwards the record is gone from every list. */
export function useEraseParticipant(participantId: string) {
  const queryClient = useQueryClient();
  return (input: EraseParticipant) =>
    api.post(`/api/admin/participants/${encodeURIComponent(participantId)}/erase`, erasureReportSchema, input).then((report) => {
      queryClient.removeQueries({ queryKey: participantKey(participantId) });
      void queryClient.invalidateQueries({ queryKey: participantsKey });
      return report;
    });
}
