import type { ReportQuery } from '../../../shared/schemas/outcomes.js';
import { flatTable, toCsv, type ReportTable } from '../../../shared/outcomes/tables.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { buildReport } from './build-report.js';
import { resolveScope } from './report-scope.js';

/** One table of the report as CSV, with the same suppression as the screen; audited. */
export async function exportReportTable(ctx: AuthedContext, q: ReportQuery & { table: ReportTable }, now = new Date()) {
  const scope = await resolveScope(ctx, q, 'report.export', now);
  const report = await buildReport(ctx.db, scope);
  await recordAudit(ctx, {
    action: 'report.export',
    resourceType: 'outcome_report',
    resourceId: q.programId ?? null,
    details: { table: q.table, programIds: scope.programIds, from: q.from, to: q.to },
  });
  return { filename: `outcomes-${q.table}-${q.from}-${q.to}.csv`, csv: toCsv(flatTable(report, q.table)) };
}
