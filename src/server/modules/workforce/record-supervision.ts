import { and, eq, sql } from 'drizzle-orm';
import type { RecordSupervision, SupervisionSession } from '../../../shared/schemas/workforce.js';
import { programs, supervisionActions, supervisionAttendees, supervisionSessions } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { hasRole, inTransaction, type AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { sessionRowsById } from './list-supervision.js';
import { continueSeries } from './supervision-recurrence.js';
import { actionRows, loadSessions } from './supervision-rows.js';

async function requireOwnSession(ctx: AuthedContext, sessionId: string) {
  const [row] = await ctx.db
    .select()
    .from(supervisionSessions)
    .where(and(eq(supervisionSessions.id, sessionId), eq(supervisionSessions.organizationId, ctx.actor.organizationId)));
  if (!row || !hasRole(ctx.actor, 'supervisor', row.programId)) {
    await recordAudit(ctx, { action: 'supervision.update', outcome: 'denied', resourceType: 'supervision_session', resourceId: sessionId });
    throw notFound('supervision.not_found', 'That supervision session');
  }
  return row;
}

/** The supervisor writes the session's structured note, marks it held or cancelled, and adds agreed actions. */
export async function recordSupervision(ctx: AuthedContext, sessionId: string, input: RecordSupervision): Promise<SupervisionSession> {
  const before = await requireOwnSession(ctx, sessionId);
  await inTransaction(ctx, async (tx) => {
    const attendees = (await tx.db.select({ id: supervisionAttendees.workerId }).from(supervisionAttendees).where(eq(supervisionAttendees.sessionId, sessionId))).map((a) => a.id);
    const set: Partial<typeof supervisionSessions.$inferInsert> = {};
    for (const key of ['casesDiscussed', 'boundaries', 'disclosure', 'skills', 'selfCare'] as const) {
      if (input[key] !== undefined) set[key] = input[key] || null;
    }
    if (input.status) set.status = input.status;
    if (input.recurrence) set.recurrence = input.recurrence;
    const [after] = await tx.db.update(supervisionSessions).set({ ...set, updatedAt: sql`now()` }).where(eq(supervisionSessions.id, sessionId)).returning();
    const closed = before.status === 'scheduled' && after!.status !== 'scheduled';
    if (closed) {
      const [program] = await tx.db.select({ tz: programs.timeZone }).from(programs).where(eq(programs.id, before.programId));
      await continueSeries(tx, after!, program?.tz ?? 'UTC');
    }
    const actions = actionRows(input.actions ?? [], attendees, { organizationId: ctx.actor.organizationId, sessionId });
    if (actions.length) await tx.db.insert(supervisionActions).values(actions);
    await recordAudit(tx, { action: 'supervision.update', resourceType: 'supervision_session', resourceId: sessionId, details: { fields: Object.keys(set), actions: actions.length } });
  });
  return (await loadSessions(ctx, await sessionRowsById(ctx, [sessionId])))[0]!;
}

/** An agreed action ticked done (or not) by the worker it belongs to, or by the session's supervisor. */
export async function markAction(ctx: AuthedContext, actionId: string, done: boolean): Promise<{ id: string; doneAt: string | null }> {
  const [row] = await ctx.db
    .select({ action: supervisionActions, programId: supervisionSessions.programId })
    .from(supervisionActions)
    .innerJoin(supervisionSessions, eq(supervisionSessions.id, supervisionActions.sessionId))
    .where(and(eq(supervisionActions.id, actionId), eq(supervisionActions.organizationId, ctx.actor.organizationId)));
  if (!row || (row.action.workerId !== ctx.actor.userId && !hasRole(ctx.actor, 'supervisor', row.programId))) {
    await recordAudit(ctx, { action: 'supervision.update', outcome: 'denied', resourceType: 'supervision_action', resourceId: actionId });
    throw notFound('supervision.not_found', 'That agreed action');
  }
  const doneAt = done ? new Date() : null;
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(supervisionActions).set({ doneAt }).where(eq(supervisionActions.id, actionId));
    await recordAudit(tx, { action: 'supervision.update', resourceType: 'supervision_action', resourceId: actionId, details: { done } });
  });
  return { id: actionId, doneAt: doneAt?.toISOString() ?? null };
}
