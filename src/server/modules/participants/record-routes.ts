import type { FastifyInstance } from 'fastify';
import {
  changeStatusSchema,
  participantProfileSchema,
  statusChangeResultSchema,
  updateParticipantProfileSchema,
} from '../../../shared/schemas/profile.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { changeParticipantStatus } from './change-status.js';
import { getParticipantProfile } from './profile.js';
import { updateParticipantProfile } from './update-profile.js';

const tags = ['participants'];

/** The full participant record: read, edit, discharge. The access policy decides per participant. */
export async function participantRecordRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/participants/:id/profile', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A participant's full record", params: idParams, response: withErrors({ 200: participantProfileSchema }) },
    handler: (req) => getParticipantProfile(authed(req), req.params.id),
  });

  r.patch('/api/participants/:id/profile', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Change fields of the record; demographics and day counting are the participant’s own choice',
      params: idParams,
      body: updateParticipantProfileSchema,
      response: withErrors({ 200: participantProfileSchema }),
    },
    handler: (req) => updateParticipantProfile(authed(req), req.params.id, req.body),
  });

  r.put('/api/participants/:id/status', {
    config: { access: ['peer_worker', 'supervisor', 'org_admin'] },
    schema: {
      tags,
      summary: 'Discharge (with a reason, with or without continued post-treatment support), or return to active',
      params: idParams,
      body: changeStatusSchema,
      response: withErrors({ 200: statusChangeResultSchema }),
    },
    handler: (req) => changeParticipantStatus(authed(req), req.params.id, req.body),
  });
}
