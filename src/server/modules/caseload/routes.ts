import type { FastifyInstance } from 'fastify';
import { caseloadQuerySchema, caseloadSchema, programFlagRulesSchema, updateFlagRulesSchema } from '../../../shared/schemas/caseload.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { getFlagRules } from './get-flag-rules.js';
import { readCaseload } from './read-caseload.js';
import { updateFlagRules } from './update-flag-rules.js';

const tags = ['caseload'];

export async function caseloadRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/caseload', {
    config: { access: ['peer_worker', 'supervisor'] },
    schema: {
      tags,
      summary: 'Who needs me today, and why: my participants with their flags, most in need first (a supervisor may name a peer worker)',
      querystring: caseloadQuerySchema,
      response: withErrors({ 200: caseloadSchema }),
    },
    handler: (req) => readCaseload(authed(req), req.query),
  });

  r.get('/api/programs/:id/flag-rules', {
    config: { access: ['supervisor', 'org_admin'] },
    schema: {
      tags,
      summary: "The program's caseload flag rules and escalation delay (defaults until saved)",
      params: idParams,
      response: withErrors({ 200: programFlagRulesSchema }),
    },
    handler: (req) => getFlagRules(authed(req), req.params.id),
  });

  r.put('/api/programs/:id/flag-rules', {
    config: { access: ['supervisor', 'org_admin'] },
    schema: {
      tags,
      summary: "Set the program's flag rules: thresholds, each rule on or off (safety flags stay on), and the escalation delay",
      params: idParams,
      body: updateFlagRulesSchema,
      response: withErrors({ 200: programFlagRulesSchema }),
    },
    handler: (req) => updateFlagRules(authed(req), req.params.id, req.body),
  });
}
