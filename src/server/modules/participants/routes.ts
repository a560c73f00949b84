import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assignPeerWorkerSchema, createParticipantSchema, participantListSchema, participantSummarySchema } from '../../../shared/schemas/participants.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { participantRecordRoutes } from './record-routes.js';
import { assignPeerWorker, enrolParticipant, getParticipant, listParticipants } from './service.js';
import { selfSignUpRoutes } from './sign-up-routes.js';

const tags = ['participants'];

export async function participantRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/participants', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Participants the access policy lets me see',
      querystring: z.object({ programId: uuidSchema.optional() }),
      response: withErrors({ 200: participantListSchema }),
    },
    handler: async (req) => ({ participants: await listParticipants(authed(req), req.query) }),
  });

  r.post('/api/participants', {
    config: { access: ['peer_worker', 'supervisor', 'org_admin'] },
    schema: { tags, summary: 'Enrol a participant into a program', body: createParticipantSchema, response: withErrors({ 201: participantSummarySchema }) },
    handler: async (req, reply) => reply.status(201).send(await enrolParticipant(authed(req), req.body)),
  });

  r.get('/api/participants/:id', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A participant's record", params: idParams, response: withErrors({ 200: participantSummarySchema }) },
    handler: (req) => getParticipant(authed(req), req.params.id),
  });

  r.put('/api/participants/:id/peer-worker', {
    config: { access: ['supervisor', 'org_admin'] },
    schema: {
      tags,
      summary: 'Assign or reassign the peer worker, with a reason (the history is kept)',
      params: idParams,
      body: assignPeerWorkerSchema,
      response: withErrors({ 200: participantSummarySchema }),
    },
    handler: (req) => assignPeerWorker(authed(req), req.params.id, req.body.peerWorkerId, req.body.reason),
  });

  await participantRecordRoutes(app);
  await selfSignUpRoutes(app);
}
