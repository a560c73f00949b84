import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assessmentHistorySchema,
  assessmentResponseSchema,
  instrumentListSchema,
  recordedAssessmentSchema,
  type RecordAssessment,
} from '../../../shared/schemas/assessments.js';
import { api } from '../../api/client.js';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/assessments`;

/** Every cached read of one participant's measures starts with this key, so one write refreshes them all. */
export const measuresKey = (participantId: string) => ['measures', participantId] as const;
const responseKey = (participantId: string, responseId: string) => [...measuresKey(participantId), 'response', responseId] as const;

/** The organization's measures change only when someone imports a pack: read once per visit. */
export function useInstruments() {
  return useQuery({
    queryKey: ['instruments'],
    queryFn: async () => (await api.get('/api/instruments', instrumentListSchema)).instruments,
    staleTime: Infinity,
  });
}

export function useAssessmentHistory(participantId: string) {
  return useQuery({ queryKey: [...measuresKey(participantId), 'history'], queryFn: () => api.get(base(participantId), assessmentHistorySchema) });
}

export function useAssessmentResponse(participantId: string, responseId: string) {
  return useQuery({
    queryKey: responseKey(participantId, responseId),
    queryFn: () => api.get(`${base(participantId)}/${encodeURIComponent(responseId)}`, assessmentResponseSchema),
  });
}

/** Returns the call that saves answers; the saved response is cached so its result shows without another round trip. */
export function useRecordAssessment(participantId: string) {
  const queryClient = useQueryClient();
  return (input: RecordAssessment) =>
    api.post(base(participantId), recordedAssessmentSchema, input).then((saved) => {
      queryClient.setQueryData(responseKey(participantId, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: [...measuresKey(participantId), 'history'] });
      void queryClient.invalidateQueries({ queryKey: ['audit', participantId] });
      return saved;
    });
}
