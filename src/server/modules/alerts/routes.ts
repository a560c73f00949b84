import type { FastifyInstance } from 'fastify';
import { alertListQuerySchema, alertListSchema, alertSchema, participantAlertsQuerySchema, resolveAlertSchema } from '../../../shared/schemas/alerts.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { acknowledgeAlert } from './acknowledge-alert.js';
import { listAlerts, listParticipantAlerts } from './list-alerts.js';
import { resolveAlert } from './resolve-alert.js';

const tags = ['alerts'];

// Who sees which alerts is the access policy's ('alerts' category: the participant's peer worker
// and the program's supervisors); anyone else gets a 404, audited.
export async function alertRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/alerts', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Alerts of the people I walk alongside or supervise; open and acknowledged unless asked otherwise',
      querystring: alertListQuerySchema,
      response: withErrors({ 200: alertListSchema }),
    },
    handler: (req) => listAlerts(authed(req), req.query),
  });

  r.get('/api/participants/:id/alerts', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "One participant's alerts",
      params: idParams,
      querystring: participantAlertsQuerySchema,
      response: withErrors({ 200: alertListSchema }),
    },
    handler: (req) => listParticipantAlerts(authed(req), req.params.id, req.query),
  });

  r.post('/api/alerts/:id/acknowledge', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Acknowledge an alert ("I have it"); an urgent one puts a follow-up on my tasks for today',
      params: idParams,
      response: withErrors({ 200: alertSchema }),
    },
    handler: (req) => acknowledgeAlert(authed(req), req.params.id),
  });

  r.post('/api/alerts/:id/resolve', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Resolve an alert with a note of what was done; its follow-up tasks are ticked off',
      params: idParams,
      body: resolveAlertSchema,
      response: withErrors({ 200: alertSchema }),
    },
    handler: (req) => resolveAlert(authed(req), req.params.id, req.body),
  });
}
