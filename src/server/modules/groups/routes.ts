import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  attendanceMarksSchema,
  createGroupSchema,
  enrolmentParams,
  enrolSchema,
  groupCalendarLinkSchema,
  groupListQuerySchema,
  groupListSchema,
  groupSchema,
  groupSessionListSchema,
  groupSessionSchema,
  participantAttendanceSchema,
  rosterSchema,
  rsvpSchema,
  sessionParams,
  sessionRangeQuerySchema,
  updateGroupSchema,
  updateSessionSchema,
  walkInCandidatesSchema,
  walkInSchema,
  walkInSearchQuerySchema,
} from '../../../shared/schemas/groups.js';
import { okSchema } from '../../../shared/schemas/auth.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { AppError } from '../../platform/errors.js';
import { getRoster, recordAttendance } from './attendance.js';
import { participantAttendance } from './attendance-summary.js';
import { createGroup } from './create-group.js';
import { enrolInGroup, withdrawFromGroup } from './enrolments.js';
import { loadGroup } from './group-access.js';
import { createGroupCalendarLink, groupCalendarFile, readGroupCalendarLink, revokeGroupCalendarLinks } from './group-calendar.js';
import { groupView } from './group-view.js';
import { listGroups } from './list-groups.js';
import { answerRsvp } from './rsvp.js';
import { sessionsBetween } from './sessions.js';
import { updateGroup } from './update-group.js';
import { updateSession } from './update-session.js';
import { addWalkIn, searchWalkIns } from './walk-ins.js';
import { addDays, localDate } from '../../../shared/milestones.js';

const tags = ['groups'];
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;
const MAX_RANGE_DAYS = 366;

// Who may see or run a group is decided per group (group-access.ts): its facilitators and the
// program's supervisors run it, the program's peer workers look, its participants join; anyone
// else gets a 404. So each route is open to any signed-in user and the use case decides.
export async function groupRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/groups', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Groups of the programs you work in, or of your own program', querystring: groupListQuerySchema, response: withErrors({ 200: groupListSchema }) },
    handler: async (req) => ({ groups: await listGroups(authed(req), { programId: req.query.programId, archived: req.query.archived === 'true' }) }),
  });

  r.post('/api/groups', {
    config: { access: ['peer_worker', 'supervisor'] },
    schema: { tags, summary: 'Start a group in your program, with its schedule on the program clock', body: createGroupSchema, response: withErrors({ 201: groupSchema }) },
    handler: async (req, reply) => reply.status(201).send(await createGroup(authed(req), req.body)),
  });

  r.get('/api/groups/:id', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'A group: what it is, when it next meets, and what you may do', params: idParams, response: withErrors({ 200: groupSchema }) },
    handler: async (req) => {
      const ctx = authed(req);
      return groupView(ctx, await loadGroup(ctx, req.params.id));
    },
  });

  r.patch('/api/groups/:id', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Change a group (its facilitators and the program supervisors)', params: idParams, body: updateGroupSchema, response: withErrors({ 200: groupSchema }) },
    handler: (req) => updateGroup(authed(req), req.params.id, req.body),
  });

  r.get('/api/groups/:id/sessions', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Sessions between two dates on the program clock (default: a week back to four weeks ahead), with cancellations and moves',
      params: idParams,
      querystring: sessionRangeQuerySchema,
      response: withErrors({ 200: groupSessionListSchema }),
    },
    handler: async (req) => {
      const ctx = authed(req);
      const g = await loadGroup(ctx, req.params.id);
      const today = localDate(new Date(), g.timeZone);
      const from = req.query.from ?? addDays(today, -7);
      const to = req.query.to ?? addDays(from, 35);
      if (to > addDays(from, MAX_RANGE_DAYS)) {
        throw new AppError('validation.failed', 'Ask for a year at most.', [{ path: 'querystring.to', message: `must be within ${MAX_RANGE_DAYS} days of from` }]);
      }
      return { timeZone: g.timeZone, sessions: await sessionsBetween(ctx, g, from, to) };
    },
  });

  r.patch('/api/groups/:id/sessions/:date', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Cancel, restore or move a session; its place, notes and topics covered', params: sessionParams, body: updateSessionSchema, response: withErrors({ 200: groupSessionSchema }) },
    handler: (req) => updateSession(authed(req), req.params.id, req.params.date, req.body),
  });

  r.put('/api/groups/:id/sessions/:date/rsvp', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Say whether you are coming (enrolled participants)', params: sessionParams, body: rsvpSchema, response: withErrors({ 200: groupSessionSchema }) },
    handler: (req) => answerRsvp(authed(req), req.params.id, req.params.date, req.body.response),
  });

  r.get('/api/groups/:id/sessions/:date/attendance', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A session's attendance list (facilitators)", params: sessionParams, response: withErrors({ 200: rosterSchema }) },
    handler: (req) => getRoster(authed(req), req.params.id, req.params.date),
  });

  r.put('/api/groups/:id/sessions/:date/attendance', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Mark people present, absent or excused, all at once (facilitators)', params: sessionParams, body: attendanceMarksSchema, response: withErrors({ 200: rosterSchema }) },
    handler: (req) => recordAttendance(authed(req), req.params.id, req.params.date, req.body),
  });

  r.post('/api/groups/:id/sessions/:date/walk-ins', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Add someone who came without being enrolled: a participant of the program, or a new person by name (no login needed)',
      params: sessionParams,
      body: walkInSchema,
      response: withErrors({ 200: rosterSchema }),
    },
    handler: (req) => addWalkIn(authed(req), req.params.id, req.params.date, req.body),
  });

  r.get('/api/groups/:id/walk-in-search', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "Participants of the group's program by name, to add as a walk-in (facilitators)", params: idParams, querystring: walkInSearchQuerySchema, response: withErrors({ 200: walkInCandidatesSchema }) },
    handler: (req) => searchWalkIns(authed(req), req.params.id, req.query.q),
  });

  r.post('/api/groups/:id/enrolments', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Enrol in a group: yourself (participants), or a participant of the program (facilitators)', params: idParams, body: enrolSchema, response: withErrors({ 200: groupSchema }) },
    handler: (req) => enrolInGroup(authed(req), req.params.id, req.body.participantId),
  });

  r.post('/api/groups/:id/enrolments/:participantId/withdraw', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Leave a group (or take someone off it, facilitators); the history stays', params: enrolmentParams, response: withErrors({ 200: groupSchema }) },
    handler: (req) => withdrawFromGroup(authed(req), req.params.id, req.params.participantId),
  });

  r.get('/api/participants/:id/attendance', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A participant's group attendance and logged meetings (counts toward engagement)", params: idParams, response: withErrors({ 200: participantAttendanceSchema }) },
    handler: (req) => participantAttendance(authed(req), req.params.id),
  });

  r.get('/api/groups/:id/calendar.ics', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "The group's sessions as an iCalendar file (download)", params: idParams },
    handler: async (req, reply) => {
      const ctx = authed(req);
      const g = await loadGroup(ctx, req.params.id);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-cache').send(await groupCalendarFile(ctx, g));
    },
  });

  r.post('/api/groups/:id/calendar-link', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A private subscription URL for this group's sessions (replaces your earlier one); shown once", params: idParams, response: withErrors({ 201: groupCalendarLinkSchema }) },
    handler: async (req, reply) => reply.status(201).send(await createGroupCalendarLink(authed(req), req.params.id)),
  });

  r.post('/api/groups/:id/calendar-link/revoke', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Turn off your subscription URL for this group', params: idParams, response: withErrors({ 200: okSchema }) },
    handler: async (req) => {
      await revokeGroupCalendarLinks(authed(req), req.params.id);
      return { ok: true as const };
    },
  });

  r.get('/api/group-calendars/:file', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags, summary: 'A group calendar subscription (the secret URL from calendar-link)', params: z.object({ file: z.string().max(200) }) },
    handler: async (req, reply) => {
      const token = FEED_FILE.exec(req.params.file)?.[1];
      if (!token) throw new AppError('group.not_found', 'That calendar was not found.');
      const body = await readGroupCalendarLink(req.ctx, token);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  });
}
