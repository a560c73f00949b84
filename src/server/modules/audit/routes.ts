import type { FastifyInstance } from 'fastify';
import { auditTrailQuerySchema, auditTrailSchema } from '../../../shared/schemas/audit.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { participantAuditTrail } from './service.js';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get('/api/participants/:id/audit-trail', {
    config: { access: ['org_admin'] },
    schema: {
      tags: ['audit'],
      summary: "Who read or changed a participant's record, newest first",
      params: idParams,
      querystring: auditTrailQuerySchema,
      response: withErrors({ 200: auditTrailSchema }),
    },
    handler: (req) => participantAuditTrail(authed(req), req.params.id, req.query),
  });
}
