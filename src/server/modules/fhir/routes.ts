import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { consentParams } from '../../../shared/schemas/consents.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { exportConsentBundle } from './export-bundle.js';
import { importReferrals } from './import-referrals.js';

const tags = ['fhir'];
const fhirResource = z.record(z.string(), z.unknown()).describe('application/fhir+json');

export async function fhirRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/participants/:id/consents/:consentId/fhir', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "A FHIR R4 Bundle of the participant's data under one consent (Patient, Consent, and only the consented categories; an ended consent exports as inactive with nothing else)",
      params: consentParams,
      response: withErrors({ 200: fhirResource }),
    },
    handler: async (req, reply) => reply.header('content-type', 'application/fhir+json; charset=utf-8').send(await exportConsentBundle(authed(req), req.params.id, req.params.consentId)),
  });

  r.post('/api/participants/:id/fhir/referrals', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Import referrals a clinical partner sent as FHIR ServiceRequest + Task (a Bundle) for this participant (their peer worker)',
      params: idParams,
      body: z.record(z.string(), z.unknown()),
      response: withErrors({ 201: z.object({ imported: z.array(uuidSchema), existing: z.array(uuidSchema) }) }),
    },
    handler: async (req, reply) => {
      const ctx = authed(req);
      const granted = await requireParticipantAccess(ctx, { participantId: req.params.id, category: 'referrals', access: 'write', action: 'fhir.import', resourceType: 'referral' });
      if (!granted.relationships.includes('assigned_peer')) throw new AppError('referral.peer_worker_refers', 'The peer worker records referrals.');
      const result = await importReferrals(ctx, req.params.id, req.body, { userId: ctx.actor.userId, organizationId: ctx.actor.organizationId, label: 'FHIR import' });
      return reply.status(201).send(result);
    },
  });
}
