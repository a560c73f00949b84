import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ReportQuery } from '../../../shared/schemas/outcomes.js';
import { programs } from '../../db/schema/index.js';
import { recordAudit, type AuditAction } from '../../platform/audit.js';
import { isOrgAdmin, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

export interface ReportScope {
  organizationId: string;
  programIds: string[];
  programs: Array<{ id: string; name: string; timeZone: string }>;
  from: string;
  to: string;
  /** Days of the period are counted in this zone: the program's, or the first program's for several. */
  timeZone: string;
  now: Date;
}

/** Programs whose reports the actor may open: all of the organization's for an admin, a supervisor's own. */
export async function reportablePrograms(ctx: AuthedContext) {
  const supervised = ctx.actor.memberships.filter((m) => m.role === 'supervisor');
  const everyProgram = isOrgAdmin(ctx.actor) || supervised.some((m) => m.programId === null);
  const ids = supervised.map((m) => m.programId!).filter(Boolean);
  if (!everyProgram && ids.length === 0) return [];
  return ctx.db
    .select({ id: programs.id, name: programs.name, timeZone: programs.timeZone })
    .from(programs)
    .where(and(eq(programs.organizationId, ctx.actor.organizationId), everyProgram ? undefined : inArray(programs.id, ids)))
    .orderBy(asc(programs.name), asc(programs.id));
}

/**
 * The programs and days a report covers. Asking for a program one may not report on is answered
 * like a program that does not exist, and the attempt is audited.
 */
export async function resolveScope(ctx: AuthedContext, q: ReportQuery, action: AuditAction, now = new Date()): Promise<ReportScope> {
  const allowed = await reportablePrograms(ctx);
  const chosen = q.programId ? allowed.filter((p) => p.id === q.programId) : allowed;
  if (chosen.length === 0) {
    await recordAudit(ctx, { action, outcome: 'denied', resourceType: 'program', resourceId: q.programId ?? null, details: { from: q.from, to: q.to } });
    throw new AppError('program.not_found', 'That program was not found.');
  }
  return {
    organizationId: ctx.actor.organizationId,
    programIds: chosen.map((p) => p.id),
    programs: chosen,
    from: q.from,
    to: q.to,
    timeZone: chosen[0]!.timeZone,
    now,
  };
}
