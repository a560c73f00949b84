import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  meetingDetailSchema,
  meetingImportReportSchema,
  meetingListSchema,
  type MeetingDetail,
  type MeetingFinderQueryInput,
  type MeetingImportInput,
} from '../../../shared/schemas/meetings.js';
import { api, withQuery } from '../../api/client.js';

const meetingUrl = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export function useMeetings(query: MeetingFinderQueryInput) {
  const params = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | number>;
  return useQuery({
    queryKey: ['meetings', 'find', params],
    queryFn: () => api.get(withQuery('/api/meetings', params), meetingListSchema),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string | null) {
  return useQuery({ queryKey: ['meetings', id], queryFn: () => api.get(meetingUrl(id!), meetingDetailSchema), enabled: id !== null });
}

export function useMeetingActions() {
  const queryClient = useQueryClient();
  const changed = (m: MeetingDetail) => {
    queryClient.setQueryData(['meetings', m.id], m);
    void queryClient.invalidateQueries({ queryKey: ['meetings', 'find'] });
    void queryClient.invalidateQueries({ queryKey: ['attendance'] });
    return m;
  };
  return {
    save: (id: string, saved: boolean) => api.put(`${meetingUrl(id)}/saved`, meetingDetailSchema, { saved }).then(changed),
    logAttendance: (id: string, attendedOn?: string) => api.post(`${meetingUrl(id)}/attendance`, meetingDetailSchema, attendedOn ? { attendedOn } : {}).then(changed),
    importFeed: (input: MeetingImportInput) =>
      api.post('/api/meetings/import', meetingImportReportSchema, input).then((report) => {
        void queryClient.invalidateQueries({ queryKey: ['meetings'] });
        return report;
      }),
  };
}
