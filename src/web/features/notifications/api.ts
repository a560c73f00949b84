import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  checkInReminderSchema,
  notificationListSchema,
  notificationSchema,
  type CheckInReminder,
} from '../../../shared/schemas/notifications.js';
import { api } from '../../api/client.js';

export const notificationsKey = ['notifications'] as const;
const reminderKey = (participantId: string) => ['check-in-reminder', participantId] as const;

/** My notifications with the unread count; looked at again every minute, so the bell stays current. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => api.get('/api/notifications', notificationListSchema),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return (id: string) =>
    api.post(`/api/notifications/${encodeURIComponent(id)}/read`, notificationSchema).then((n) => {
      void queryClient.invalidateQueries({ queryKey: notificationsKey });
      return n;
    });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return () =>
    api.post('/api/notifications/read-all', z.object({ marked: z.number() })).then((r) => {
      void queryClient.invalidateQueries({ queryKey: notificationsKey });
      return r;
    });
}

const reminderPath = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/check-in-reminder`;

export function useCheckInReminder(participantId: string) {
  return useQuery({ queryKey: reminderKey(participantId), queryFn: () => api.get(reminderPath(participantId), checkInReminderSchema) });
}

export function useSetCheckInReminder(participantId: string) {
  const queryClient = useQueryClient();
  return (input: { enabled: boolean; localTime: string }): Promise<CheckInReminder> =>
    api.put(reminderPath(participantId), checkInReminderSchema, input).then((reminder) => {
      queryClient.setQueryData(reminderKey(participantId), reminder);
      return reminder;
    });
}
