import { and, eq, isNotNull, isNull, ne, type SQL } from 'drizzle-orm';
import type { AlertList, AlertListQuery } from '../../../shared/schemas/alerts.js';
import { alerts } from '../../db/schema/index.js';
import { requireParticipantAccess, visibleParticipants } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { loadAlerts } from './alert-view.js';

function statusCondition(status: AlertListQuery['status']): SQL {
  return status === 'unresolved' ? ne(alerts.status, 'resolved') : eq(alerts.status, status);
}

/**
 * The alerts of everyone the actor walks alongside or supervises (the policy's 'alerts' category,
 * applied in the query). Each alert listed is an audited read.
 */
export async function listAlerts(ctx: AuthedContext, query: AlertListQuery): Promise<AlertList> {
  const list = await loadAlerts(
    ctx,
    and(
      visibleParticipants(ctx.actor, 'alerts'),
      eq(alerts.organizationId, ctx.actor.organizationId),
      statusCondition(query.status),
      query.severity ? eq(alerts.severity, query.severity) : undefined,
      query.escalated === undefined ? undefined : query.escalated ? isNotNull(alerts.escalatedAt) : isNull(alerts.escalatedAt),
      query.participantId ? eq(alerts.participantId, query.participantId) : undefined,
    )!,
    query.limit,
  );
  await recordAudit(
    ctx,
    ...list.map((a) => ({ action: 'alert.read' as const, participantId: a.participantId, resourceType: 'alert', resourceId: a.id })),
  );
  return { alerts: list };
}

/** One participant's alerts, for the participant page; the policy audits the read. */
export async function listParticipantAlerts(
  ctx: AuthedContext,
  participantId: string,
  query: Pick<AlertListQuery, 'status' | 'limit'>,
): Promise<AlertList> {
  await requireParticipantAccess(ctx, { participantId, category: 'alerts', access: 'read', action: 'alert.read', resourceType: 'alerts' });
  return { alerts: await loadAlerts(ctx, and(eq(alerts.participantId, participantId), statusCondition(query.status))!, query.limit) };
}
