import { desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Alert } from '../../../shared/schemas/alerts.js';
import { alerts, participants, users } from '../../db/schema/index.js';
import { anyAllows, relationshipsTo } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';

const acknowledger = alias(users, 'acknowledger');
const resolver = alias(users, 'resolver');

/**
 * Alerts as the API shows them, with what the actor may do with each. The caller's condition must
 * already confine the rows to participants the actor may see (`visibleParticipants(actor, 'alerts')`
 * or a checked participant id).
 */
export async function loadAlerts(ctx: AuthedContext, where: SQL, limit = 100): Promise<Alert[]> {
  const rows = await ctx.db
    .select({
      alert: alerts,
      participantName: participants.preferredName,
      acknowledgerName: acknowledger.displayName,
      resolverName: resolver.displayName,
    })
    .from(alerts)
    .innerJoin(participants, eq(participants.id, alerts.participantId))
    .leftJoin(acknowledger, eq(acknowledger.id, alerts.acknowledgedBy))
    .leftJoin(resolver, eq(resolver.id, alerts.resolvedBy))
    .where(where)
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(limit);
  const rels = await relationshipsTo(ctx, [...new Set(rows.map((r) => r.alert.participantId))]);
  return rows.map(({ alert: a, participantName, acknowledgerName, resolverName }) => {
    const write = anyAllows(rels.get(a.participantId) ?? [], 'alerts', 'write');
    return {
      id: a.id,
      participantId: a.participantId,
      participantName,
      programId: a.programId,
      kind: a.kind,
      severity: a.severity,
      reason: a.reason,
      status: a.status,
      createdAt: a.createdAt.toISOString(),
      acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: a.acknowledgedBy ? { id: a.acknowledgedBy, displayName: acknowledgerName ?? '' } : null,
      resolvedAt: a.resolvedAt?.toISOString() ?? null,
      resolvedBy: a.resolvedBy ? { id: a.resolvedBy, displayName: resolverName ?? '' } : null,
      resolutionNote: a.resolutionNote,
      escalatedAt: a.escalatedAt?.toISOString() ?? null,
      can: { acknowledge: write && a.status === 'open', resolve: write && a.status !== 'resolved' },
    };
  });
}

export async function loadAlert(ctx: AuthedContext, alertId: string): Promise<Alert> {
  const [alert] = await loadAlerts(ctx, eq(alerts.id, alertId), 1);
  return alert!;
}
