import type { OutcomeReport, ReportQuery } from '../../../shared/schemas/outcomes.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { buildReport } from './build-report.js';
import { resolveScope } from './report-scope.js';

/** A program's (or every permitted program's) outcome report for a period; each read is audited. */
export async function readReport(ctx: AuthedContext, q: ReportQuery, now = new Date()): Promise<OutcomeReport> {
  const scope = await resolveScope(ctx, q, 'report.read', now);
  const report = await buildReport(ctx.db, scope);
  await recordAudit(ctx, {
    action: 'report.read',
    resourceType: 'outcome_report',
    resourceId: q.programId ?? null,
    details: { programIds: scope.programIds, from: q.from, to: q.to },
  });
  return report;
}
