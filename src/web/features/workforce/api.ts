import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { instrumentSchema } from '../../../shared/schemas/assessments.js';
import {
  cosignQueueSchema,
  cosignStateSchema,
  incidentListSchema,
  incidentSchema,
  returnedNotesSchema,
  workforceSettingsSchema,
  supervisionListSchema,
  supervisionSessionSchema,
  teamSchema,
  trainingSummarySchema,
  wellbeingCheckSchema,
  wellbeingListSchema,
  type CosignDecision,
  createSupervisionSchema,
  type UpdateWorkforceSettings,
} from '../../../shared/schemas/workforce.js';
import { api } from '../../api/client.js';

export const useTeam = () => useQuery({ queryKey: ['workforce', 'team'], queryFn: () => api.get('/api/team', teamSchema) });
export const useCosignQueue = () => useQuery({ queryKey: ['workforce', 'cosign-queue'], queryFn: () => api.get('/api/cosign-queue', cosignQueueSchema) });
export const useReturnedNotes = () => useQuery({ queryKey: ['workforce', 'returned'], queryFn: () => api.get('/api/me/returned-notes', returnedNotesSchema) });
export const useMySupervision = () => useQuery({ queryKey: ['workforce', 'my-supervision'], queryFn: () => api.get('/api/me/supervision', supervisionListSchema) });
export const useTeamSupervision = () => useQuery({ queryKey: ['workforce', 'supervision'], queryFn: () => api.get('/api/supervision', supervisionListSchema) });
export const useProqol = () => useQuery({ queryKey: ['workforce', 'proqol'], queryFn: () => api.get('/api/wellbeing/instrument', instrumentSchema), staleTime: Infinity });
export const useMyWellbeing = () => useQuery({ queryKey: ['workforce', 'my-wellbeing'], queryFn: () => api.get('/api/me/wellbeing', wellbeingListSchema) });
export const useMyTraining = () => useQuery({ queryKey: ['workforce', 'my-training'], queryFn: () => api.get('/api/me/training', trainingSummarySchema) });

export const useTeamIncidents = () => useQuery({ queryKey: ['workforce', 'team-incidents'], queryFn: () => api.get('/api/team/incidents', incidentListSchema) });
export const useMyIncidents = () => useQuery({ queryKey: ['workforce', 'my-incidents'], queryFn: () => api.get('/api/me/incidents', incidentListSchema) });
export const useWorkforceSettings = (programId: string) =>
  useQuery({ queryKey: ['workforce', 'settings', programId], queryFn: () => api.get(`/api/programs/${encodeURIComponent(programId)}/workforce-settings`, workforceSettingsSchema) });

export function useWorkforceActions() {
  const queryClient = useQueryClient();
  const refresh = <T,>(value: T) => {
    void queryClient.invalidateQueries({ queryKey: ['workforce'] });
    return value;
  };
  return {
    decide: (noteId: string, decision: CosignDecision) => api.post(`/api/notes/${encodeURIComponent(noteId)}/cosign`, cosignStateSchema, decision).then(refresh),
    logSupervision: (input: z.input<typeof createSupervisionSchema>) =>
      api.post('/api/supervision', supervisionSessionSchema, input).then(refresh),
    takeProqol: (answers: Record<string, number>, share: boolean) => api.post('/api/me/wellbeing', wellbeingCheckSchema, { answers, share }).then(refresh),
    share: (checkId: string, shared: boolean) => api.patch(`/api/me/wellbeing/${encodeURIComponent(checkId)}`, wellbeingCheckSchema, { shared }).then(refresh),
    markAction: (actionId: string, done: boolean) =>
      api.patch(`/api/supervision-actions/${encodeURIComponent(actionId)}`, z.object({ id: z.string(), doneAt: z.string().nullable() }), { done }).then(refresh),
    logIncident: (input: unknown) => api.post('/api/me/incidents', incidentSchema, input).then(refresh),
    logIncidentFor: (workerId: string, input: unknown) => api.post(`/api/team/${encodeURIComponent(workerId)}/incidents`, incidentSchema, input).then(refresh),
    updateIncident: (incidentId: string, input: unknown) => api.patch(`/api/incidents/${encodeURIComponent(incidentId)}`, incidentSchema, input).then(refresh),
    saveSettings: (programId: string, input: UpdateWorkforceSettings) =>
      api.put(`/api/programs/${encodeURIComponent(programId)}/workforce-settings`, workforceSettingsSchema, input).then(refresh),
    updateSupervision: (sessionId: string, input: unknown) => api.patch(`/api/supervision/${encodeURIComponent(sessionId)}`, supervisionSessionSchema, input).then(refresh),
    addCertification: (input: unknown) => api.post('/api/me/certifications', trainingSummarySchema, input).then(refresh),
    addTraining: (input: unknown) => api.post('/api/me/training', trainingSummarySchema, input).then(refresh),
    tickOnboarding: (input: unknown) => api.put('/api/me/onboarding', trainingSummarySchema, input).then(refresh),
  };
}
