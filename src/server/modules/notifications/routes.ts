import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checkInReminderSchema, notificationListSchema, notificationSchema, setCheckInReminderSchema } from '../../../shared/schemas/notifications.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { getCheckInReminder, setCheckInReminder } from './check-in-reminder.js';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from './list-notifications.js';

const tags = ['notifications'];

export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/notifications', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'My notifications, newest first, with the unread count', response: withErrors({ 200: notificationListSchema }) },
    handler: (req) => listMyNotifications(authed(req)),
  });

  r.post('/api/notifications/:id/read', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Mark one of my notifications read', params: idParams, response: withErrors({ 200: notificationSchema }) },
    handler: (req) => markNotificationRead(authed(req), req.params.id),
  });

  r.post('/api/notifications/read-all', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Mark all my notifications read', response: withErrors({ 200: z.object({ marked: z.number().int() }) }) },
    handler: (req) => markAllNotificationsRead(authed(req)),
  });

  r.get('/api/participants/:id/check-in-reminder', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A participant's daily check-in reminder", params: idParams, response: withErrors({ 200: checkInReminderSchema }) },
    handler: (req) => getCheckInReminder(authed(req), req.params.id),
  });

  r.put('/api/participants/:id/check-in-reminder', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Choose the local time (program time zone) of the daily check-in reminder, or turn it off',
      params: idParams,
      body: setCheckInReminderSchema,
      response: withErrors({ 200: checkInReminderSchema }),
    },
    handler: (req) => setCheckInReminder(authed(req), req.params.id, req.body),
  });
}
