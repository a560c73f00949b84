import { and, eq, inArray } from 'drizzle-orm';
import type { SupervisionList } from '../../../shared/schemas/workforce.js';
import { supervisionAttendees, supervisionSessions } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { programsWithRole, type AuthedContext, type RequestContext } from '../../platform/context.js';
import { loadSessions, newestFirst } from './supervision-rows.js';
import { requireTeamWorker } from './team-scope.js';

export const sessionRowsById = (ctx: Pick<RequestContext, 'db'>, ids: string[]) =>
  ctx.db.select().from(supervisionSessions).where(inArray(supervisionSessions.id, ids));

/** The supervisor's sessions in the programs they supervise, newest first; one worker's when named. */
export async function listTeamSupervision(ctx: AuthedContext, workerId?: string): Promise<SupervisionList> {
  if (workerId) await requireTeamWorker(ctx, workerId, 'supervision.read');
  const supervised = programsWithRole(ctx.actor, 'supervisor');
  const rows = await ctx.db
    .select({ s: supervisionSessions })
    .from(supervisionSessions)
    .where(
      and(
        eq(supervisionSessions.organizationId, ctx.actor.organizationId),
        inArray(supervisionSessions.programId, supervised),
        workerId
          ? inArray(supervisionSessions.id, ctx.db.select({ id: supervisionAttendees.sessionId }).from(supervisionAttendees).where(eq(supervisionAttendees.workerId, workerId)))
          : undefined,
      ),
    )
    .orderBy(newestFirst)
    .limit(200);
  await recordAudit(ctx, { action: 'supervision.read', resourceType: 'supervision_session', resourceId: workerId ?? null, details: { sessions: rows.length } });
  return { sessions: await loadSessions(ctx, rows.map((r) => r.s)) };
}

/** A peer worker's own supervision record: the sessions they attend, with their own agreed actions. */
export async function listMySupervision(ctx: AuthedContext): Promise<SupervisionList> {
  const rows = await ctx.db
    .select({ s: supervisionSessions })
    .from(supervisionSessions)
    .innerJoin(supervisionAttendees, eq(supervisionAttendees.sessionId, supervisionSessions.id))
    .where(and(eq(supervisionAttendees.workerId, ctx.actor.userId), eq(supervisionSessions.organizationId, ctx.actor.organizationId)))
    .orderBy(newestFirst)
    .limit(200);
  return { sessions: await loadSessions(ctx, rows.map((r) => r.s), ctx.actor.userId) };
}
