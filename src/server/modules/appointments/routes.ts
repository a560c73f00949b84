import type { FastifyInstance } from 'fastify';
import { okSchema } from '../../../shared/schemas/auth.js';
import {
  appointmentListSchema,
  appointmentRangeQuery,
  appointmentSchema,
  calendarFeedListSchema,
  calendarFeedParams,
  calendarFileParams,
  createAppointmentSchema,
  newCalendarFeedSchema,
  updateAppointmentSchema,
} from '../../../shared/schemas/appointments.js';
import { z } from 'zod';
import { authed } from '../../platform/http.js';
import { notFound } from '../../platform/errors.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { createCalendarFeed, listCalendarFeeds, readCalendarFeed, revokeCalendarFeed } from './calendar-feeds.js';
import { createAppointment } from './create-appointment.js';
import { listMyAppointments, listParticipantAppointments } from './list-appointments.js';
import { updateAppointment } from './update-appointment.js';

const tags = ['appointments'];
// A calendar app polls now and then; anything near this is someone guessing secrets.
const feedRateLimit = { max: 60, timeWindow: '1 minute' };
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

// Who may see or change a participant's appointments is the access policy's ('appointments': the
// participant reads, the assigned peer worker writes, their supervisor reads).
export async function appointmentRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.post('/api/participants/:id/appointments', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Schedule a session with the participant (their peer worker); both sides hear of it live',
      params: idParams,
      body: createAppointmentSchema,
      response: withErrors({ 201: appointmentSchema }),
    },
    handler: async (req, reply) => reply.status(201).send(await createAppointment(authed(req), req.params.id, req.body)),
  });

  r.get('/api/participants/:id/appointments', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "A participant's appointments in a window (default: the last 30 days and the next 180)",
      params: idParams,
      querystring: appointmentRangeQuery,
      response: withErrors({ 200: appointmentListSchema }),
    },
    handler: (req) => listParticipantAppointments(authed(req), req.params.id, req.query),
  });

  r.get('/api/appointments', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "The caller's own appointments (as a peer worker, or as a participant) in a window (default: the next 60 days)",
      querystring: appointmentRangeQuery,
      response: withErrors({ 200: appointmentListSchema }),
    },
    handler: (req) => listMyAppointments(authed(req), req.query),
  });

  r.patch('/api/appointments/:id', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Reschedule, change the details, cancel, or mark completed or missed (the peer worker)',
      params: idParams,
      body: updateAppointmentSchema,
      response: withErrors({ 200: appointmentSchema }),
    },
    handler: (req) => updateAppointment(authed(req), req.params.id, req.body),
  });

  r.post('/api/calendar-feeds', {
    config: { access: ['peer_worker', 'participant'] },
    schema: {
      tags,
      summary: 'Make a personal calendar subscription link; its secret URL is shown only in this answer',
      response: withErrors({ 201: newCalendarFeedSchema }),
    },
    handler: async (req, reply) => reply.status(201).send(await createCalendarFeed(authed(req))),
  });

  r.get('/api/calendar-feeds', {
    config: { access: ['peer_worker', 'participant'] },
    schema: { tags, summary: "The caller's active calendar links (without their secrets)", response: withErrors({ 200: calendarFeedListSchema }) },
    handler: (req) => listCalendarFeeds(authed(req)),
  });

  r.delete('/api/calendar-feeds/:id', {
    config: { access: ['peer_worker', 'participant'] },
    schema: { tags, summary: 'Revoke a calendar link: it answers 404 from now on', params: calendarFeedParams, response: withErrors({ 200: okSchema }) },
    handler: async (req) => {
      await revokeCalendarFeed(authed(req), req.params.id);
      return { ok: true as const };
    },
  });

  r.get('/api/calendar/:file', {
    config: { access: 'public', rateLimit: feedRateLimit },
    // The secret is in the path: keep it out of the request log lines (written at info level).
    logLevel: 'warn',
    schema: {
      tags,
      summary: 'A calendar subscription (iCalendar, text/calendar): the secret in the path is the only credential',
      params: calendarFileParams,
      produces: ['text/calendar'],
      response: withErrors({ 200: z.string() }),
    },
    handler: async (req, reply) => {
      const token = FEED_FILE.exec(req.params.file)?.[1];
      if (!token) throw notFound('calendar_feed.not_found', 'That calendar');
      const body = await readCalendarFeed(req.ctx, token);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="peerpath.ics"')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  });
}
