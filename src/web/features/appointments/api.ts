import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  appointmentListSchema,
  appointmentSchema,
  calendarFeedListSchema,
  newCalendarFeedSchema,
  type Appointment,
  type CreateAppointment,
  type UpdateAppointment,
} from '../../../shared/schemas/appointments.js';
import { okSchema } from '../../../shared/schemas/auth.js';
import { api, withQuery } from '../../api/client.js';
import { useLiveEvent } from '../../api/live.js';

const appointmentsKey = ['appointments'] as const;
const participantBase = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/appointments`;

/** Appointments change on the other side too: a live event or a reconnect refetches every list. */
function useFreshAppointments() {
  const queryClient = useQueryClient();
  useLiveEvent(['appointment.changed', 'live.reconnected'], () => void queryClient.invalidateQueries({ queryKey: appointmentsKey }));
}

/** The signed-in person's own sessions from the start of today. */
export function useMyAppointments() {
  useFreshAppointments();
  return useQuery({
    queryKey: [...appointmentsKey, 'mine'],
    queryFn: () => {
      const from = new Date();
      from.setHours(0, 0, 0, 0);
      return api.get(withQuery('/api/appointments', { from: from.toISOString() }), appointmentListSchema);
    },
  });
}

export function useParticipantAppointments(participantId: string) {
  useFreshAppointments();
  return useQuery({
    queryKey: [...appointmentsKey, 'participant', participantId],
    queryFn: () => api.get(participantBase(participantId), appointmentListSchema),
  });
}

export function useAppointmentActions(participantId: string) {
  const queryClient = useQueryClient();
  const changed = (a: Appointment) => {
    void queryClient.invalidateQueries({ queryKey: appointmentsKey });
    void queryClient.invalidateQueries({ queryKey: ['audit', participantId] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    return a;
  };
  return {
    create: (input: CreateAppointment) => api.post(participantBase(participantId), appointmentSchema, input).then(changed),
    update: (id: string, input: UpdateAppointment) => api.patch(`/api/appointments/${encodeURIComponent(id)}`, appointmentSchema, input).then(changed),
  };
}

const feedsKey = ['calendar-feeds'] as const;

export function useCalendarFeeds() {
  return useQuery({ queryKey: feedsKey, queryFn: () => api.get('/api/calendar-feeds', calendarFeedListSchema) });
}

export function useCalendarFeedActions() {
  const queryClient = useQueryClient();
  const refresh = <T,>(value: T) => {
    void queryClient.invalidateQueries({ queryKey: feedsKey });
    return value;
  };
  return {
    create: () => api.post('/api/calendar-feeds', newCalendarFeedSchema).then(refresh),
    revoke: (id: string) => api.delete(`/api/calendar-feeds/${encodeURIComponent(id)}`, okSchema).then(refresh),
  };
}
