import type { FastifyInstance } from 'fastify';
import {
  createGoalSchema,
  goalListSchema,
  goalParams,
  goalSchema,
  goalStepParams,
  newGoalStepSchema,
  updateGoalSchema,
  updateGoalStepSchema,
} from '../../../shared/schemas/goals.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { addGoalStep } from './add-goal-step.js';
import { createGoal } from './create-goal.js';
import { listGoals } from './list-goals.js';
import { updateGoal } from './update-goal.js';
import { updateGoalStep } from './update-goal-step.js';

const tags = ['goals'];

// Who may read or write a participant's goals is the access policy's ('goals' category); within
// that, goal-rules.ts keeps the decisions the participant's. So each route is open to any
// signed-in user and the use case asks the policy about the participant.
export async function goalRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/participants/:id/goals', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A participant's goals with their steps and progress", params: idParams, response: withErrors({ 200: goalListSchema }) },
    handler: (req) => listGoals(authed(req), req.params.id),
  });

  r.post('/api/participants/:id/goals', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "Create a goal with its first steps. The participant's own goal is active; a peer worker's is a suggestion until accepted.",
      params: idParams,
      body: createGoalSchema,
      response: withErrors({ 201: goalSchema }),
    },
    handler: async (req, reply) => reply.status(201).send(await createGoal(authed(req), req.params.id, req.body)),
  });

  r.patch('/api/participants/:id/goals/:goalId', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Edit a goal, accept a suggestion, set it aside, mark it done or pick it up again (the participant)',
      params: goalParams,
      body: updateGoalSchema,
      response: withErrors({ 200: goalSchema }),
    },
    handler: (req) => updateGoal(authed(req), req.params.id, req.params.goalId, req.body),
  });

  r.post('/api/participants/:id/goals/:goalId/steps', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Add a step to a goal (the participant)', params: goalParams, body: newGoalStepSchema, response: withErrors({ 201: goalSchema }) },
    handler: async (req, reply) => reply.status(201).send(await addGoalStep(authed(req), req.params.id, req.params.goalId, req.body)),
  });

  r.patch('/api/participants/:id/goals/:goalId/steps/:stepId', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Tick a step done or not done (the participant, or their peer worker when asked); reword or re-date it (the participant)',
      params: goalStepParams,
      body: updateGoalStepSchema,
      response: withErrors({ 200: goalSchema }),
    },
    handler: (req) => updateGoalStep(authed(req), req.params.id, req.params.goalId, req.params.stepId, req.body),
  });
}
