import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  logMeetingAttendanceSchema,
  meetingDetailSchema,
  meetingFinderQuerySchema,
  meetingImportReportSchema,
  meetingImportSchema,
  meetingListSchema,
  saveMeetingSchema,
} from '../../../shared/schemas/meetings.js';
import { slugSchema } from '../../../shared/schemas/tenancy.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { exportMeetingFeed } from './export-feed.js';
import { fetchMeetingFeed } from './fetch-feed.js';
import { findMeetings } from './find-meetings.js';
import { getMeeting } from './get-meeting.js';
import { importMeetingFeed } from './import-meetings.js';
import { logMeetingAttendance } from './log-meeting-attendance.js';
import { saveMeeting } from './save-meeting.js';

const tags = ['meetings'];

/** If-None-Match holds one ETag, a list of them (weak ones too), or `*`. */
function etagMatches(header: string | undefined, etag: string): boolean {
  return header !== undefined && header.split(',').some((t) => ['*', etag].includes(t.trim().replace(/^W\//, '')));
}

export async function meetingRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/meetings', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "Find mutual-aid meetings in the organization's directory: day, time of day, types, in person or online, distance, words, starting soon, saved",
      querystring: meetingFinderQuerySchema,
      response: withErrors({ 200: meetingListSchema }),
    },
    handler: (req) => findMeetings(authed(req), req.query),
  });

  r.get('/api/meetings/:id', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A meeting's page: when, where, how to join, notes", params: idParams, response: withErrors({ 200: meetingDetailSchema }) },
    handler: (req) => getMeeting(authed(req), req.params.id),
  });

  r.put('/api/meetings/:id/saved', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Keep a meeting on your own list, or take it off', params: idParams, body: saveMeetingSchema, response: withErrors({ 200: meetingDetailSchema }) },
    handler: (req) => saveMeeting(authed(req), req.params.id, req.body.saved),
  });

  r.post('/api/meetings/:id/attendance', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Log that you went to this meeting (participants; counts toward engagement)',
      params: idParams,
      body: logMeetingAttendanceSchema,
      response: withErrors({ 200: meetingDetailSchema }),
    },
    handler: (req) => logMeetingAttendance(authed(req), req.params.id, req.body.attendedOn),
  });

  r.post('/api/meetings/import', {
    config: { access: ['org_admin'] },
    bodyLimit: 25 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Import a Meeting Guide feed (uploaded, or fetched from a public URL); idempotent by slug, with a report per listing',
      body: meetingImportSchema,
      response: withErrors({ 200: meetingImportReportSchema }),
    },
    handler: async (req) => {
      const ctx = authed(req);
      const feed = req.body.url !== undefined ? await fetchMeetingFeed(req.body.url) : req.body.feed;
      return importMeetingFeed(ctx, ctx.actor.organizationId, feed, { timeZone: req.body.timeZone, source: req.body.url ?? 'upload' });
    },
  });

  // The public feed: the Meeting Guide app and tsml-ui read it from anywhere.
  r.get('/feeds/:orgSlug/meetings.json', {
    // Apps poll a feed now and then; caches and the ETag answer the rest.
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: "The organization's meetings as a Meeting Guide JSON feed (public; CORS open; ETag)",
      params: z.object({ orgSlug: slugSchema }),
    },
    handler: async (req, reply) => {
      reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
      const feed = await exportMeetingFeed(req.ctx.db, req.params.orgSlug);
      if (!feed) {
        return reply.status(404).send({ error: { code: 'route.not_found', message: 'There is no meeting feed here.', requestId: req.id } });
      }
      reply.header('cache-control', 'public, max-age=300').header('etag', feed.etag).header('vary', 'accept-encoding');
      if (etagMatches(req.headers['if-none-match'], feed.etag)) return reply.status(304).send();
      return reply.type('application/json; charset=utf-8').send(feed.body);
    },
  });
}
