import { useQueryClient } from '@tanstack/react-query';
import { erasureReportSchema, type EraseParticipant } from '../../../shared/schemas/privacy.js';
import { api } from '../../api/client.js';
import { sessionKey } from '../../api/session.js';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}`;

/** The download of everything held about a participant: JSON in full, or a readable page. */
export const exportUrl = (participantId: string, format: 'json' | 'html') => `${base(participantId)}/export?format=${format}`;

/**
 * Erasure on a verified request. Afterwards nothing cached in this tab may still show the person:
 * every cached answer but the session is dropped, so each list is read afresh when it next shows
 * (a stale list would briefly show the erased name before refetching).
 */
export function useEraseParticipant(participantId: string) {
  const queryClient = useQueryClient();
  return (input: EraseParticipant) =>
    api.post(`/api/admin/participants/${encodeURIComponent(participantId)}/erase`, erasureReportSchema, input).then((report) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      return report;
    });
}
