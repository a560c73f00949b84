import type { FastifyInstance } from 'fastify';
import { safetyPlanSchema, updateSafetyPlanSchema } from '../../../shared/schemas/safety-plan.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { getSafetyPlan } from './get-safety-plan.js';
import { saveSafetyPlan } from './save-safety-plan.js';

const tags = ['safety plan'];

/** The participant's Stanley–Brown safety plan, written together with their peer worker. */
export async function safetyPlanRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/participants/:id/safety-plan', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'The safety plan, with who changed it last and the crisis line', params: idParams, response: withErrors({ 200: safetyPlanSchema }) },
    handler: (req) => getSafetyPlan(authed(req), req.params.id),
  });

  r.put('/api/participants/:id/safety-plan', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Save the whole safety plan (the participant or their peer worker); 409 if the other saved since baseUpdatedAt',
      params: idParams,
      body: updateSafetyPlanSchema,
      response: withErrors({ 200: safetyPlanSchema }),
    },
    handler: (req) => saveSafetyPlan(authed(req), req.params.id, req.body),
  });
}
