import { and, eq } from 'drizzle-orm';
import { alerts } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit, type AuditAction } from '../../platform/audit.js';
import type { AuthedContext, RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

const notFound = () => new AppError('alert.not_found', 'That alert was not found.');

/**
 * An alert the actor may act on, by id. Someone who may not (another peer worker's participant,
 * another organization) is told it was not found, and the attempt is audited.
 */
export async function requireAlertWrite(ctx: AuthedContext, alertId: string, action: AuditAction) {
  const [row] = await ctx.db
    .select({ id: alerts.id, participantId: alerts.participantId })
    .from(alerts)
    .where(and(eq(alerts.id, alertId), eq(alerts.organizationId, ctx.actor.organizationId)));
  if (!row) {
    await recordAudit(ctx, { action, outcome: 'denied', resourceType: 'alert', resourceId: alertId });
    throw notFound();
  }
  try {
    await requireParticipantAccess(ctx, { participantId: row.participantId, category: 'alerts', access: 'write', action, resourceType: 'alert', resourceId: alertId });
  } catch (err) {
    throw err instanceof AppError && err.code === 'participant.not_found' ? notFound() : err;
  }
  return row;
}

/** The alert row, locked for the rest of the transaction. */
export async function lockAlert(tx: RequestContext, alertId: string) {
  const [row] = await tx.db.select().from(alerts).where(eq(alerts.id, alertId)).for('update');
  if (!row) throw notFound();
  return row;
}
