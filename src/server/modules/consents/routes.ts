import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  accountingSchema,
  careMessageSchema,
  clinicianViewSchema,
  consentListSchema,
  consentParams,
  consentRecipientsSchema,
  consentSchema,
  createConsentSchema,
  legalRepresentativeResponseSchema,
  setLegalRepresentativeSchema,
  signConsentSchema,
} from '../../../shared/schemas/consents.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { accountingCsv, accountingOfDisclosures } from './accounting.js';
import { sendCareMessage } from './care-message.js';
import { clinicianView } from './clinician-view.js';
import { endLegalRepresentative, getLegalRepresentative, setLegalRepresentative } from './legal-representative.js';
import { getConsent, listConsents } from './list-consents.js';
import { prepareConsent } from './prepare-consent.js';
import { consentRecipients } from './recipients.js';
import { revokeConsent } from './revoke-consent.js';
import { signConsent } from './sign-consent.js';

const tags = ['consents'];

// Who may do what with a participant's consents is the access policy's and each use case's
// (only the participant signs and revokes); the routes are open to anyone signed in.
export async function consentRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/participants/:id/consents', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A participant's consents to share (the participant, their peer worker and supervisor)", params: idParams, response: withErrors({ 200: consentListSchema }) },
    handler: (req) => listConsents(authed(req), req.params.id),
  });

  r.post('/api/participants/:id/consents', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Prepare a consent (42 CFR Part 2) for the participant to read and sign: recipient, purpose, categories, expiry (the participant, or their peer worker with them)',
      params: idParams,
      body: createConsentSchema,
      response: withErrors({ 201: consentSchema }),
    },
    handler: async (req, reply) => reply.status(201).send(await prepareConsent(authed(req), req.params.id, req.body)),
  });

  r.get('/api/participants/:id/consents/:consentId', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'One consent (the printable copy)', params: consentParams, response: withErrors({ 200: consentSchema }) },
    handler: (req) => getConsent(authed(req), req.params.id, req.params.consentId),
  });

  r.post('/api/participants/:id/consents/:consentId/sign', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Sign: typed name and a tick; time and client recorded (the participant, or their recorded legal representative)', params: consentParams, body: signConsentSchema, response: withErrors({ 200: consentSchema }) },
    handler: (req) => signConsent(authed(req), req.params.id, req.params.consentId, req.body, req.headers['user-agent'] ?? null),
  });

  r.post('/api/participants/:id/consents/:consentId/revoke', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Take a consent back; it stops working on the next request (the participant, or their recorded legal representative)', params: consentParams, response: withErrors({ 200: consentSchema }) },
    handler: (req) => revokeConsent(authed(req), req.params.id, req.params.consentId),
  });

  r.get('/api/participants/:id/legal-representative', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "The participant's legal representative recorded on the record (who may sign consents for them), or null", params: idParams, response: withErrors({ 200: legalRepresentativeResponseSchema }) },
    handler: (req) => getLegalRepresentative(authed(req), req.params.id),
  });

  r.put('/api/participants/:id/legal-representative', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Record the legal representative (name, relationship, optionally their login to sign consents); replaces the current one (a supervisor or org admin)',
      params: idParams,
      body: setLegalRepresentativeSchema,
      response: withErrors({ 200: legalRepresentativeResponseSchema }),
    },
    handler: (req) => setLegalRepresentative(authed(req), req.params.id, req.body),
  });

  r.post('/api/participants/:id/legal-representative/end', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'The legal representative is no longer one; they sign nothing more (a supervisor or org admin)', params: idParams, response: withErrors({ 200: legalRepresentativeResponseSchema }) },
    handler: (req) => endLegalRepresentative(authed(req), req.params.id),
  });

  r.get('/api/participants/:id/consent-recipients', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Clinicians and care teams a consent can name', params: idParams, response: withErrors({ 200: consentRecipientsSchema }) },
    handler: (req) => consentRecipients(authed(req), req.params.id),
  });

  r.get('/api/participants/:id/disclosures', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Accounting of disclosures: who saw or received what, when, under which consent (last three years; the participant)', params: idParams, response: withErrors({ 200: accountingSchema }) },
    handler: (req) => accountingOfDisclosures(authed(req), req.params.id),
  });

  r.get('/api/participants/:id/disclosures.csv', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'The accounting of disclosures as CSV', params: idParams, response: withErrors({ 200: z.string().describe('text/csv; charset=utf-8') }) },
    handler: async (req, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="disclosures.csv"')
        .send(await accountingCsv(authed(req), req.params.id)),
  });

  r.get('/api/participants/:id/clinician-view', {
    config: { access: ['clinician'] },
    schema: { tags, summary: "A clinician's consented summary of a participant, with the consents' scope", params: idParams, response: withErrors({ 200: clinicianViewSchema }) },
    handler: (req) => clinicianView(authed(req), req.params.id),
  });

  r.post('/api/participants/:id/care-messages', {
    config: { access: ['clinician'] },
    schema: { tags, summary: "A care-coordination message from a consented clinician to the participant's peer worker", params: idParams, body: careMessageSchema, response: withErrors({ 201: z.object({ sent: z.boolean() }) }) },
    handler: async (req, reply) => reply.status(201).send(await sendCareMessage(authed(req), req.params.id, req.body.body)),
  });
}
