import type { FastifyInstance } from 'fastify';
import {
  checkInListQuerySchema,
  checkInListSchema,
  checkInSchema,
  checkInTrendQuerySchema,
  checkInTrendSchema,
  createCheckInSchema,
} from '../../../shared/schemas/checkins.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { checkInTrend } from './check-in-trend.js';
import { listCheckIns } from './list-check-ins.js';
import { recordCheckIn } from './record-check-in.js';

const tags = ['check-ins'];

// Who may write or read which check-ins is the access policy's ('checkins' category); private
// check-ins are the participant's alone. So each route is open to any signed-in user and the
// service asks the policy about the participant.
export async function checkInRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.post('/api/participants/:id/check-ins', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Check in (the participant themself). Reported use raises an alert for the peer worker, even when private.',
      params: idParams,
      body: createCheckInSchema,
      response: withErrors({ 201: checkInSchema }),
    },
    handler: async (req, reply) => reply.status(201).send(await recordCheckIn(authed(req), req.params.id, req.body)),
  });

  r.get('/api/participants/:id/check-ins', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Check-ins, newest first, in pages; private ones only for the participant',
      params: idParams,
      querystring: checkInListQuerySchema,
      response: withErrors({ 200: checkInListSchema }),
    },
    handler: (req) => listCheckIns(authed(req), req.params.id, req.query),
  });

  r.get('/api/participants/:id/check-ins/trend', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "Daily mood and craving over the last N days, in the program's time zone",
      params: idParams,
      querystring: checkInTrendQuerySchema,
      response: withErrors({ 200: checkInTrendSchema }),
    },
    handler: (req) => checkInTrend(authed(req), req.params.id, req.query),
  });
}
