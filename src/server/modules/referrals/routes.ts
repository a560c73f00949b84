import type { FastifyInstance } from 'fastify';
import {
  changeReferralStatusSchema,
  createReferralSchema,
  myReferralsQuerySchema,
  referralListSchema,
  referralOutcomesQuerySchema,
  referralOutcomesSchema,
  referralParams,
  referralSchema,
  reportVisitSchema,
  updateReferralSchema,
} from '../../../shared/schemas/referrals.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { changeReferralStatus } from './change-referral-status.js';
import { createReferral } from './create-referral.js';
import { getReferral } from './get-referral.js';
import { listParticipantReferrals, listVisibleReferrals } from './list-referrals.js';
import { referralOutcomes } from './referral-outcomes.js';
import { reportVisit } from './report-visit.js';
import { updateReferral } from './update-referral.js';

const tags = ['referrals'];

// Which participant and what each person may do with their referrals is the access policy's
// ('referrals' category) and referral-rules.ts's; so the routes are open to anyone signed in.
export async function referralRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/participants/:id/referrals', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "A participant's referrals, newest first (the participant sees theirs once sent)", params: idParams, response: withErrors({ 200: referralListSchema }) },
    handler: (req) => listParticipantReferrals(authed(req), req.params.id),
  });

  r.post('/api/participants/:id/referrals', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Refer a participant to a directory service: need, what they agree to share, follow-up date; sent now or kept as a draft (the assigned peer worker)',
      params: idParams,
      body: createReferralSchema,
      response: withErrors({ 201: referralSchema }),
    },
    handler: async (req, reply) => reply.status(201).send(await createReferral(authed(req), req.params.id, req.body)),
  });

  r.get('/api/participants/:id/referrals/:referralId', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'One referral with its history', params: referralParams, response: withErrors({ 200: referralSchema }) },
    handler: (req) => getReferral(authed(req), req.params.id, req.params.referralId),
  });

  r.patch('/api/participants/:id/referrals/:referralId', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Change the need, what may be shared, or the follow-up date (the peer worker)', params: referralParams, body: updateReferralSchema, response: withErrors({ 200: referralSchema }) },
    handler: (req) => updateReferral(authed(req), req.params.id, req.params.referralId, req.body),
  });

  r.post('/api/participants/:id/referrals/:referralId/status', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Move a referral on: sent, accepted, declined, completed, or closed with the need unmet and why; other changes are refused with 409',
      params: referralParams,
      body: changeReferralStatusSchema,
      response: withErrors({ 200: referralSchema }),
    },
    handler: (req) => changeReferralStatus(authed(req), req.params.id, req.params.referralId, req.body),
  });

  r.post('/api/participants/:id/referrals/:referralId/visit', {
    config: { access: 'signed_in' },
    schema: { tags, summary: '"I went", and whether it helped (the participant)', params: referralParams, body: reportVisitSchema, response: withErrors({ 200: referralSchema }) },
    handler: (req) => reportVisit(authed(req), req.params.id, req.params.referralId, req.body),
  });

  r.get('/api/referrals', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "Referrals of everyone the actor may see (a peer worker's caseload; a participant's own)", querystring: myReferralsQuerySchema, response: withErrors({ 200: referralListSchema }) },
    handler: (req) => listVisibleReferrals(authed(req), req.query.status),
  });

  r.get('/api/referrals/outcomes', {
    config: { access: ['supervisor', 'org_admin'] },
    schema: { tags, summary: 'Needs met per category (counts only), for outcome reports', querystring: referralOutcomesQuerySchema, response: withErrors({ 200: referralOutcomesSchema }) },
    handler: (req) => referralOutcomes(authed(req), req.query),
  });
}
