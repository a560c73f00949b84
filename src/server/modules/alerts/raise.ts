import { eq } from 'drizzle-orm';
import type { alertKinds, alertSeverities } from '../../../shared/schemas/journey.js';
import { alerts, participants } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';

export interface RaiseAlert {
  participantId: string;
  kind: (typeof alertKinds)[number];
  severity: (typeof alertSeverities)[number];
  /** Plain words for the peer worker: why this person needs them now. */
  reason: string;
  sourceType?: string;
  sourceId?: string;
}

/**
 * Raises an alert for the participant's peer worker (and, when not acknowledged in time, their
 * supervisor). Call it with the transaction of the change that caused it, so the signal and its
 * cause commit together: a crisis signal is never lost between two writes.
 */
export async function raiseAlert(tx: RequestContext, alert: RaiseAlert): Promise<string> {
  const [p] = await tx.db
    .select({ organizationId: participants.organizationId, programId: participants.programId })
    .from(participants)
    .where(eq(participants.id, alert.participantId));
  if (!p) throw new Error(`raiseAlert: participant ${alert.participantId} does not exist`);
  const [row] = await tx.db
    .insert(alerts)
    .values({
      organizationId: p.organizationId,
      programId: p.programId,
      participantId: alert.participantId,
      kind: alert.kind,
      severity: alert.severity,
      reason: alert.reason,
      sourceType: alert.sourceType ?? null,
      sourceId: alert.sourceId ?? null,
    })
    .returning({ id: alerts.id });
  await recordAudit(tx, {
    action: 'alert.raise',
    organizationId: p.organizationId,
    participantId: alert.participantId,
    resourceType: 'alert',
    resourceId: row!.id,
    details: { kind: alert.kind, severity: alert.severity },
  });
  return row!.id;
}
