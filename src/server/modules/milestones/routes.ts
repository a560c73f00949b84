import type { FastifyInstance } from 'fastify';
import {
  celebrateMilestoneSchema,
  createCustomMilestoneSchema,
  milestonesSchema,
  setRecoveryStartSchema,
} from '../../../shared/schemas/milestones.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { addCustomMilestone } from './add-custom-milestone.js';
import { celebrateMilestone } from './celebrate-milestone.js';
import { getMilestones } from './get-milestones.js';
import { setRecoveryStart } from './set-recovery-start.js';

const tags = ['milestones'];
const response = withErrors({ 200: milestonesSchema });

export async function milestoneRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/participants/:id/milestones', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Days in recovery (in the program time zone), milestones reached and next', params: idParams, response },
    handler: (req) => getMilestones(authed(req), req.params.id),
  });

  r.post('/api/participants/:id/recovery-starts', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Set a recovery start date; earlier ones stay in the history',
      params: idParams,
      body: setRecoveryStartSchema,
      response,
    },
    handler: (req) => setRecoveryStart(authed(req), req.params.id, req.body),
  });

  r.post('/api/participants/:id/milestones/custom', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Add a milestone in the participant’s own words', params: idParams, body: createCustomMilestoneSchema, response },
    handler: (req) => addCustomMilestone(authed(req), req.params.id, req.body),
  });

  r.post('/api/participants/:id/milestones/celebrate', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Mark a reached milestone as celebrated, so it is celebrated once', params: idParams, body: celebrateMilestoneSchema, response },
    handler: (req) => celebrateMilestone(authed(req), req.params.id, req.body.key),
  });
}
