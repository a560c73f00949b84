import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { exportQuerySchema, outcomeReportSchema, reportProgramsSchema, reportQuerySchema } from '../../../shared/schemas/outcomes.js';
import { isOrgAdmin } from '../../platform/context.js';
import { authed } from '../../platform/http.js';
import { typed, withErrors } from '../../platform/routes.js';
import { evaluatorExtract } from './evaluator-extract.js';
import { exportReportTable } from './export-report.js';
import { readReport } from './read-report.js';
import { reportablePrograms } from './report-scope.js';

const tags = ['outcomes'];
/** Organization reports: a supervisor for their own programs, an organization admin for all. */
const REPORT_READERS = ['supervisor', 'org_admin'] as const;
const csv = z.string().describe('text/csv; charset=utf-8');

export async function outcomeRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/reports/programs', {
    config: { access: REPORT_READERS },
    schema: { tags, summary: 'The programs whose outcome reports I may open', response: withErrors({ 200: reportProgramsSchema }) },
    handler: async (req) => {
      const ctx = authed(req);
      return { programs: await reportablePrograms(ctx), canExtract: isOrgAdmin(ctx.actor) };
    },
  });

  r.get('/api/reports/outcomes', {
    config: { access: REPORT_READERS },
    schema: {
      tags,
      summary: 'Outcome and equity report for a period (one program, or every program I may report on); small cells withheld',
      querystring: reportQuerySchema,
      response: withErrors({ 200: outcomeReportSchema }),
    },
    handler: (req) => readReport(authed(req), req.query),
  });

  r.get('/api/reports/outcomes/export', {
    config: { access: REPORT_READERS },
    schema: { tags, summary: 'One table of the report as CSV, suppressed as on screen', querystring: exportQuerySchema, response: withErrors({ 200: csv }) },
    handler: async (req, reply) => {
      const file = await exportReportTable(authed(req), req.query);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.filename}"`).send(file.csv);
    },
  });

  r.get('/api/reports/outcomes/extract', {
    config: { access: ['org_admin'] },
    schema: {
      tags,
      summary: 'De-identified participant-level extract for evaluators (no names or contact details; dates shifted per person)',
      querystring: reportQuerySchema,
      response: withErrors({ 200: csv }),
    },
    handler: async (req, reply) => {
      const file = await evaluatorExtract(authed(req), req.query);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.filename}"`).send(file.csv);
    },
  });
}
