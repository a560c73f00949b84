import type { FastifyInstance } from 'fastify';
import {
  copingLibraryResponseSchema,
  copingPlanSchema,
  cravingEpisodeSchema,
  cravingLogSchema,
  cravingParams,
  saveCopingPlanSchema,
  startCravingSchema,
  updateCravingSchema,
} from '../../../shared/schemas/coping.js';
import { copingStrategies } from '../../../shared/coping/strategies.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { getCopingPlan, saveCopingPlan } from './coping-plan.js';
import { listCravings } from './list-cravings.js';
import { startCraving } from './start-craving.js';
import { updateCraving } from './update-craving.js';

const tags = ['coping'];

// Plans and craving logs are the participant's to write and their peer worker's and supervisor's to
// read ('coping' category of the access policy), so each route is open to any signed-in user and the
// use case asks the policy about the participant.
export async function copingRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/coping/strategies', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'The coping strategy library, in English and Spanish', response: withErrors({ 200: copingLibraryResponseSchema }) },
    handler: async () => ({ strategies: [...copingStrategies] }),
  });

  r.get('/api/participants/:id/coping-plan', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A participant's personal craving plan, in their order", params: idParams, response: withErrors({ 200: copingPlanSchema }) },
    handler: (req) => getCopingPlan(authed(req), req.params.id),
  });

  r.put('/api/participants/:id/coping-plan', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Replace the craving plan (the participant); the order sent is the order kept',
      params: idParams,
      body: saveCopingPlanSchema,
      response: withErrors({ 200: copingPlanSchema }),
    },
    handler: (req) => saveCopingPlan(authed(req), req.params.id, req.body),
  });

  r.get('/api/participants/:id/cravings', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'The craving log, newest first (before and after ratings, what helped)', params: idParams, response: withErrors({ 200: cravingLogSchema }) },
    handler: (req) => listCravings(authed(req), req.params.id),
  });

  r.post('/api/participants/:id/cravings', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: '"I\'m having a craving": start an episode with how strong it is (the participant)',
      params: idParams,
      body: startCravingSchema,
      response: withErrors({ 201: cravingEpisodeSchema }),
    },
    handler: async (req, reply) => reply.status(201).send(await startCraving(authed(req), req.params.id, req.body)),
  });

  r.patch('/api/participants/:id/cravings/:cravingId', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Record strategies tried, tell the peer worker now (one alert), rate it again, end it (the participant)',
      params: cravingParams,
      body: updateCravingSchema,
      response: withErrors({ 200: cravingEpisodeSchema }),
    },
    handler: (req) => updateCraving(authed(req), req.params.id, req.params.cravingId, req.body),
  });
}
