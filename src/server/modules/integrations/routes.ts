import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createIntegrationClientSchema, integrationClientCreatedSchema, integrationClientListSchema, integrationClientSchema } from '../../../shared/schemas/consents.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { authenticateClient, createIntegrationClient, listIntegrationClients, revokeIntegrationClient } from './clients.js';
import { partnerExport, partnerImport } from './partner-exchange.js';

const tags = ['integrations'];
const fhirResource = z.record(z.string(), z.unknown()).describe('application/fhir+json');
const importResult = z.object({ imported: z.array(uuidSchema), existing: z.array(uuidSchema) });

export async function integrationRoutes(app: FastifyInstance): Promise<void> {
  // Partners send FHIR's own media type; it is JSON.
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  const r = typed(app);

  r.post('/api/integration-clients', {
    config: { access: ['org_admin'] },
    schema: { tags, summary: "Connect a clinical partner's system: a token scoped to read or write, shown once (org admin)", body: createIntegrationClientSchema, response: withErrors({ 201: integrationClientCreatedSchema }) },
    handler: async (req, reply) => reply.status(201).send(await createIntegrationClient(authed(req), req.body)),
  });

  r.get('/api/integration-clients', {
    config: { access: ['org_admin'] },
    schema: { tags, summary: "The organization's partner systems (org admin)", response: withErrors({ 200: integrationClientListSchema }) },
    handler: (req) => listIntegrationClients(authed(req)),
  });

  r.post('/api/integration-clients/:id/revoke', {
    config: { access: ['org_admin'] },
    schema: { tags, summary: "Disconnect a partner's system; its token stops working at once (org admin)", params: idParams, response: withErrors({ 200: integrationClientSchema }) },
    handler: (req) => revokeIntegrationClient(authed(req), req.params.id),
  });

  // Token-authenticated (no session, no CSRF): the partner's system, per organization.
  r.get('/api/organizations/:organizationId/fhir/consents/:consentId', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: "A partner system reads the FHIR R4 Bundle under a consent naming it (Bearer token, read scope)",
      params: z.object({ organizationId: uuidSchema, consentId: uuidSchema }),
      response: withErrors({ 200: fhirResource }),
    },
    handler: async (req, reply) => {
      const client = await authenticateClient(req.ctx, req.headers.authorization, req.params.organizationId, 'read');
      return reply.header('content-type', 'application/fhir+json; charset=utf-8').send(await partnerExport(req.ctx, client, req.params.consentId));
    },
  });

  r.post('/api/organizations/:organizationId/fhir/participants/:participantId/referrals', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A partner system sends referrals as FHIR ServiceRequest + Task (a Bundle); they become Peerpath referrals (Bearer token, write scope)',
      params: z.object({ organizationId: uuidSchema, participantId: uuidSchema }),
      body: z.record(z.string(), z.unknown()),
      response: withErrors({ 201: importResult }),
    },
    handler: async (req, reply) => {
      const client = await authenticateClient(req.ctx, req.headers.authorization, req.params.organizationId, 'write');
      return reply.status(201).send(await partnerImport(req.ctx, client, req.params.participantId, req.body));
    },
  });
}
