import type { FastifyInstance } from 'fastify';
import { eraseParticipantSchema, erasureReportSchema, exportQuerySchema, participantExportSchema } from '../../../shared/schemas/privacy.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { eraseParticipant } from './erase-participant.js';
import { exportAsHtml, exportParticipant } from './export-participant.js';

const tags = ['privacy'];

/** People's rights over their data: a download of everything held, and erasure on a verified request. */
export async function privacyRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/participants/:id/export', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Everything Peerpath holds about a participant, as JSON or a readable HTML page (the participant themself, or an org admin)',
      params: idParams,
      querystring: exportQuerySchema,
      response: withErrors({ 200: participantExportSchema }),
    },
    handler: async (req, reply) => {
      const data = await exportParticipant(authed(req), req.params.id);
      const stamp = data.exportedAt.slice(0, 10);
      if (req.query.format === 'html') {
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('content-disposition', `attachment; filename="peerpath-my-data-${stamp}.html"`)
          .serializer((p: unknown) => p as string)
          // The readable page travels as text; the JSON schema above describes the default answer.
          .send(exportAsHtml(data) as unknown as typeof data);
      }
      return reply.header('content-disposition', `attachment; filename="peerpath-my-data-${stamp}.json"`).send(data);
    },
  });

  r.post('/api/admin/participants/:id/erase', {
    config: { access: ['org_admin'] },
    schema: {
      tags,
      summary: "Erase a participant's personal data in every module on a verified request; the audit trail keeps only pseudonymous ids",
      params: idParams,
      body: eraseParticipantSchema,
      response: withErrors({ 200: erasureReportSchema }),
    },
    handler: (req) => eraseParticipant(authed(req), req.params.id, req.body),
  });
}
