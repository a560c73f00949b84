import { eq } from 'drizzle-orm';
import { localDate } from '../../../shared/milestones.js';
import type { Alert } from '../../../shared/schemas/alerts.js';
import { localeSchema } from '../../../shared/schemas/tenancy.js';
import { alerts, participants, programs, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { createTask } from '../tasks/create-task.js';
import { lockAlert, requireAlertWrite } from './alert-access.js';
import { loadAlert } from './alert-view.js';
import { followUpTitle } from './messages.js';
import { publishAlertUpdated } from './publish-alert.js';

/**
 * "I have it." Acknowledging an urgent alert stops its escalation and puts a follow-up for today on
 * the acknowledger's task list; resolving the alert ticks it off. Acknowledging twice changes nothing.
 */
export async function acknowledgeAlert(ctx: AuthedContext, alertId: string, now = new Date()): Promise<Alert> {
  await requireAlertWrite(ctx, alertId, 'alert.acknowledge');
  await inTransaction(ctx, async (tx) => {
    const alert = await lockAlert(tx, alertId);
    if (alert.status === 'resolved') throw new AppError('alert.already_resolved', 'This alert is already resolved.');
    if (alert.status === 'acknowledged') return;
    await tx.db.update(alerts).set({ status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: ctx.actor.userId }).where(eq(alerts.id, alertId));
    await recordAudit(tx, { action: 'alert.acknowledge', participantId: alert.participantId, resourceType: 'alert', resourceId: alertId });
    if (alert.severity === 'urgent') await addFollowUp(tx, ctx, alert, now);
    await publishAlertUpdated(tx, { ...alert, status: 'acknowledged' });
  });
  return loadAlert(ctx, alertId);
}

async function addFollowUp(tx: RequestContext, ctx: AuthedContext, alert: typeof alerts.$inferSelect, now: Date) {
  const [about] = await tx.db
    .select({ name: participants.preferredName, timeZone: programs.timeZone })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(eq(participants.id, alert.participantId));
  const [me] = await tx.db.select({ locale: users.locale }).from(users).where(eq(users.id, ctx.actor.userId));
  await createTask(tx, {
    organizationId: alert.organizationId,
    ownerId: ctx.actor.userId,
    participantId: alert.participantId,
    source: 'alert',
    sourceId: alert.id,
    title: followUpTitle(localeSchema.catch('en').parse(me?.locale), about!.name, alert.kind),
    dueOn: localDate(now, about!.timeZone),
  });
}
