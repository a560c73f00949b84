import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { instrumentSchema } from '../../../shared/schemas/assessments.js';
import {
  billingQuerySchema,
  cosignDecisionSchema,
  cosignHistorySchema,
  cosignQueueSchema,
  cosignStateSchema,
  createCertificationSchema,
  createIncidentSchema,
  createSupervisionSchema,
  createTrainingSchema,
  createWellbeingCheckSchema,
  incidentListSchema,
  incidentSchema,
  onboardingUpdateSchema,
  recordSupervisionSchema,
  returnedNotesSchema,
  shareWellbeingSchema,
  supervisionListQuery,
  supervisionListSchema,
  supervisionSessionSchema,
  teamSchema,
  trainingSummarySchema,
  updateIncidentSchema,
  updateWorkforceSettingsSchema,
  wellbeingCheckSchema,
  wellbeingListSchema,
  workforceSettingsSchema,
} from '../../../shared/schemas/workforce.js';
import type { Role } from '../../../shared/schemas/tenancy.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { billingExport } from '../notes/billing-export.js';
import { cosignHistory, returnedNotes } from '../notes/cosign-history.js';
import { cosignQueue } from '../notes/cosign-queue.js';
import { decideCosign } from '../notes/decide-cosign.js';
import { createSupervision } from './create-supervision.js';
import { logIncident, logIncidentFor, myIncidents, teamIncidents, updateIncident } from './incidents.js';
import { listMySupervision, listTeamSupervision } from './list-supervision.js';
import { readTeam } from './read-team.js';
import { markAction, recordSupervision } from './record-supervision.js';
import { getWorkforceSettings, updateWorkforceSettings } from './settings.js';
import { addCertification, addTraining, teamMemberTraining, trainingSummary, updateOnboarding } from './training.js';
import { myWellbeing, proqolFor, sharedWellbeing, shareWellbeing, takeWellbeingCheck } from './wellbeing.js';

const tags = ['workforce'];
/** Everyone who works in a program; participants have none of this. */
const staff: readonly Role[] = ['peer_worker', 'supervisor', 'clinician', 'moderator', 'org_admin'];
const supervisors: readonly Role[] = ['supervisor'];
const csv = z.string().describe('text/csv; charset=utf-8');

// Supervision follows the program: a supervisor's team is the peer workers of the programs they
// supervise. A worker's wellbeing results are theirs; a supervisor sees one only when it is shared.
export async function workforceRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  // ---- Program settings
  r.get('/api/programs/:id/workforce-settings', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "The program's co-sign rule, service code, unit rule and onboarding checklist (its supervisors, org admins)", params: idParams, response: withErrors({ 200: workforceSettingsSchema }) },
    handler: (req) => getWorkforceSettings(authed(req), req.params.id),
  });
  r.put('/api/programs/:id/workforce-settings', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Set which notes need a co-sign, the service code (default H0038), the unit rule and the onboarding checklist', params: idParams, body: updateWorkforceSettingsSchema, response: withErrors({ 200: workforceSettingsSchema }) },
    handler: (req) => updateWorkforceSettings(authed(req), req.params.id, req.body),
  });

  // ---- Co-sign
  r.get('/api/cosign-queue', {
    config: { access: supervisors },
    schema: { tags, summary: 'Notes of my programs waiting for my co-sign, oldest first', response: withErrors({ 200: cosignQueueSchema }) },
    handler: (req) => cosignQueue(authed(req)),
  });
  r.post('/api/notes/:id/cosign', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "Co-sign a note, or return it to its writer with a comment (a supervisor of the note's program)", params: idParams, body: cosignDecisionSchema, response: withErrors({ 200: cosignStateSchema }) },
    handler: (req) => decideCosign(authed(req), req.params.id, req.body),
  });
  r.get('/api/notes/:id/cosigns', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A note's co-sign requests and decisions, oldest first", params: idParams, response: withErrors({ 200: cosignHistorySchema }) },
    handler: (req) => cosignHistory(authed(req), req.params.id),
  });
  r.get('/api/me/returned-notes', {
    config: { access: staff },
    schema: { tags, summary: 'My notes a supervisor returned with a comment', response: withErrors({ 200: returnedNotesSchema }) },
    handler: (req) => returnedNotes(authed(req)),
  });

  // ---- Billing
  r.get('/api/programs/:id/billing.csv', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A month's billable services as CSV: participant id, date, worker, code, units, co-signed by; never note text", params: idParams, querystring: billingQuerySchema, response: withErrors({ 200: csv }) },
    handler: async (req, reply) => {
      const file = await billingExport(authed(req), req.params.id, req.query.month);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.filename}"`).send(file.csv);
    },
  });

  // ---- Team
  r.get('/api/team', {
    config: { access: supervisors },
    schema: { tags, summary: 'My team: caseload against capacity, flagged and urgent participants, alerts, co-signs, supervision; over capacity first', response: withErrors({ 200: teamSchema }) },
    handler: (req) => readTeam(authed(req)),
  });
  r.get('/api/team/incidents', {
    config: { access: supervisors },
    schema: { tags, summary: "Critical incidents in my programs, newest first", response: withErrors({ 200: incidentListSchema }) },
    handler: (req) => teamIncidents(authed(req)),
  });
  r.get('/api/team/:id/wellbeing', {
    config: { access: supervisors },
    schema: { tags, summary: "A team member's wellbeing self-checks they chose to share (nothing else)", params: idParams, response: withErrors({ 200: wellbeingListSchema }) },
    handler: (req) => sharedWellbeing(authed(req), req.params.id),
  });
  r.get('/api/team/:id/training', {
    config: { access: supervisors },
    schema: { tags, summary: "A team member's training, certifications and onboarding", params: idParams, response: withErrors({ 200: trainingSummarySchema }) },
    handler: (req) => teamMemberTraining(authed(req), req.params.id),
  });

  // ---- Supervision
  r.get('/api/supervision', {
    config: { access: supervisors },
    schema: { tags, summary: 'Supervision sessions of my programs, newest first (one worker’s when named)', querystring: supervisionListQuery, response: withErrors({ 200: supervisionListSchema }) },
    handler: (req) => listTeamSupervision(authed(req), req.query.workerId),
  });
  r.post('/api/supervision', {
    config: { access: supervisors },
    schema: { tags, summary: 'Schedule a supervision session, or log one held with its note and agreed actions', body: createSupervisionSchema, response: withErrors({ 201: supervisionSessionSchema }) },
    handler: async (req, reply) => reply.status(201).send(await createSupervision(authed(req), req.body)),
  });
  r.patch('/api/supervision/:id', {
    config: { access: supervisors },
    schema: { tags, summary: 'Write the structured note, mark held or cancelled, add agreed actions', params: idParams, body: recordSupervisionSchema, response: withErrors({ 200: supervisionSessionSchema }) },
    handler: (req) => recordSupervision(authed(req), req.params.id, req.body),
  });
  r.patch('/api/supervision-actions/:id', {
    config: { access: staff },
    schema: { tags, summary: 'Tick an agreed action done (its worker, or the supervisor)', params: idParams, body: z.object({ done: z.boolean() }), response: withErrors({ 200: z.object({ id: z.uuid(), doneAt: z.string().nullable() }) }) },
    handler: (req) => markAction(authed(req), req.params.id, req.body.done),
  });
  r.get('/api/me/supervision', {
    config: { access: staff },
    schema: { tags, summary: 'My supervision record: sessions I attend, with my agreed actions', response: withErrors({ 200: supervisionListSchema }) },
    handler: (req) => listMySupervision(authed(req)),
  });

  // ---- Wellbeing
  r.get('/api/wellbeing/instrument', {
    config: { access: staff },
    schema: { tags, summary: 'The ProQOL 5 as my organization shows it, with its credit and terms', response: withErrors({ 200: instrumentSchema }) },
    handler: (req) => {
      const ctx = authed(req);
      return proqolFor(ctx.db, ctx.actor.organizationId);
    },
  });
  r.get('/api/me/wellbeing', {
    config: { access: staff },
    schema: { tags, summary: 'My wellbeing self-checks with their scores and bands, newest first (private unless shared)', response: withErrors({ 200: wellbeingListSchema }) },
    handler: (req) => myWellbeing(authed(req)),
  });
  r.post('/api/me/wellbeing', {
    config: { access: staff },
    schema: { tags, summary: 'Take the ProQOL 5 self-check: three scores with bands, private unless I share it', body: createWellbeingCheckSchema, response: withErrors({ 201: wellbeingCheckSchema }) },
    handler: async (req, reply) => reply.status(201).send(await takeWellbeingCheck(authed(req), req.body)),
  });
  r.patch('/api/me/wellbeing/:id', {
    config: { access: staff },
    schema: { tags, summary: 'Share a self-check with my supervisor, or stop sharing it', params: idParams, body: shareWellbeingSchema, response: withErrors({ 200: wellbeingCheckSchema }) },
    handler: (req) => shareWellbeing(authed(req), req.params.id, req.body.shared),
  });

  // ---- Critical incidents
  r.post('/api/me/incidents', {
    config: { access: ['peer_worker'] },
    schema: { tags, summary: 'Log a critical incident; my supervisors are told at once', body: createIncidentSchema, response: withErrors({ 201: incidentSchema }) },
    handler: async (req, reply) => reply.status(201).send(await logIncident(authed(req), req.body)),
  });
  r.get('/api/me/incidents', {
    config: { access: staff },
    schema: { tags, summary: 'Critical incidents I logged', response: withErrors({ 200: incidentListSchema }) },
    handler: (req) => myIncidents(authed(req)),
  });
  r.post('/api/team/:id/incidents', {
    config: { access: supervisors },
    schema: { tags, summary: "Log a critical incident a worker of my team lived through; the program's other supervisors are told at once", params: idParams, body: createIncidentSchema, response: withErrors({ 201: incidentSchema }) },
    handler: async (req, reply) => reply.status(201).send(await logIncidentFor(authed(req), req.params.id, req.body)),
  });
  r.patch('/api/incidents/:id', {
    config: { access: supervisors },
    schema: { tags, summary: 'Schedule the debrief, mark it done, note time off', params: idParams, body: updateIncidentSchema, response: withErrors({ 200: incidentSchema }) },
    handler: (req) => updateIncident(authed(req), req.params.id, req.body),
  });

  // ---- Training and certification
  r.get('/api/me/training', {
    config: { access: staff },
    schema: { tags, summary: 'My training, certifications (with CE hours towards renewal) and onboarding checklist', response: withErrors({ 200: trainingSummarySchema }) },
    handler: (req) => trainingSummary(authed(req), authed(req).actor.userId),
  });
  r.post('/api/me/training', {
    config: { access: staff },
    schema: { tags, summary: 'Record a training I completed', body: createTrainingSchema, response: withErrors({ 201: trainingSummarySchema }) },
    handler: async (req, reply) => reply.status(201).send(await addTraining(authed(req), req.body)),
  });
  r.post('/api/me/certifications', {
    config: { access: staff },
    schema: { tags, summary: 'Record a certification; reminders come 90 and 30 days before it expires', body: createCertificationSchema, response: withErrors({ 201: trainingSummarySchema }) },
    handler: async (req, reply) => reply.status(201).send(await addCertification(authed(req), req.body)),
  });
  r.put('/api/me/onboarding', {
    config: { access: staff },
    schema: { tags, summary: "Tick an item of my program's onboarding checklist", body: onboardingUpdateSchema, response: withErrors({ 200: trainingSummarySchema }) },
    handler: (req) => updateOnboarding(authed(req), req.body),
  });
}

