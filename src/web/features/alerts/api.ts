import { useQuery, useQueryClient } from '@tanstack/react-query';
import { alertListSchema, alertSchema, type Alert, type AlertListQuery } from '../../../shared/schemas/alerts.js';
import { api, withQuery } from '../../api/client.js';

export const alertsKey = ['alerts'] as const;

type Filter = Partial<Pick<AlertListQuery, 'status' | 'severity' | 'participantId'>> & { escalated?: boolean };

export function useAlerts(filter: Filter = {}) {
  return useQuery({
    queryKey: [...alertsKey, 'list', filter],
    queryFn: () =>
      api.get(
        withQuery('/api/alerts', {
          status: filter.status,
          severity: filter.severity,
          participantId: filter.participantId,
          escalated: filter.escalated === undefined ? undefined : String(filter.escalated),
        }),
        alertListSchema,
      ),
  });
}

export function useParticipantAlerts(participantId: string, status: AlertListQuery['status'] = 'unresolved') {
  return useQuery({
    queryKey: [...alertsKey, 'participant', participantId, status],
    queryFn: () => api.get(withQuery(`/api/participants/${encodeURIComponent(participantId)}/alerts`, { status }), alertListSchema),
  });
}

/** After an alert changes, everything that shows it (the inbox, the caseload, my tasks) looks again. */
export function useRefreshAfterAlert() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: alertsKey }),
      queryClient.invalidateQueries({ queryKey: ['caseload'] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
}

export function useAlertActions() {
  const refresh = useRefreshAfterAlert();
  const after = async (alert: Alert) => {
    await refresh();
    return alert;
  };
  const url = (id: string, action: string) => `/api/alerts/${encodeURIComponent(id)}/${action}`;
  return {
    acknowledge: (id: string) => api.post(url(id, 'acknowledge'), alertSchema).then(after),
    resolve: (id: string, input: { note: string }) => api.post(url(id, 'resolve'), alertSchema, input).then(after),
  };
}
