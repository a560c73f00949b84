import { and, eq, isNull } from 'drizzle-orm';
import type { Alert, ResolveAlert } from '../../../shared/schemas/alerts.js';
import { alerts, tasks } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { lockAlert, requireAlertWrite } from './alert-access.js';
import { loadAlert } from './alert-view.js';
import { publishAlertUpdated } from './publish-alert.js';

/** Closes an alert with a note of what was done, and ticks off its follow-up tasks, whoever holds them. */
export async function resolveAlert(ctx: AuthedContext, alertId: string, input: ResolveAlert, now = new Date()): Promise<Alert> {
  await requireAlertWrite(ctx, alertId, 'alert.resolve');
  await inTransaction(ctx, async (tx) => {
    const alert = await lockAlert(tx, alertId);
    if (alert.status === 'resolved') throw new AppError('alert.already_resolved', 'This alert is already resolved.');
    await tx.db
      .update(alerts)
      .set({ status: 'resolved', resolvedAt: now, resolvedBy: ctx.actor.userId, resolutionNote: input.note })
      .where(eq(alerts.id, alertId));
    // The note itself stays out of the trail: it can hold clinical detail.
    await recordAudit(tx, { action: 'alert.resolve', participantId: alert.participantId, resourceType: 'alert', resourceId: alertId });
    const closed = await tx.db
      .update(tasks)
      .set({ doneAt: now })
      .where(and(eq(tasks.source, 'alert'), eq(tasks.sourceId, alertId), isNull(tasks.doneAt)))
      .returning({ id: tasks.id });
    await recordAudit(
      tx,
      ...closed.map((t) => ({
        action: 'task.update' as const,
        participantId: alert.participantId,
        resourceType: 'task',
        resourceId: t.id,
        details: { done: true, because: 'alert resolved' },
      })),
    );
    await publishAlertUpdated(tx, { ...alert, status: 'resolved' });
  });
  return loadAlert(ctx, alertId);
}
