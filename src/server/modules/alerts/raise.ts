import { and, eq, isNull } from 'drizzle-orm';
import type { alertKinds, alertSeverities } from '../../../shared/schemas/journey.js';
import { alerts, memberships, participants, peerAssignments } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { afterCommit, type RequestContext } from '../../platform/context.js';
import { userChannel } from '../../platform/realtime.js';

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
  const recipients = await alertRecipients(tx, alert.participantId, p.programId);
  const event = { type: 'alert.raised', alertId: row!.id, participantId: alert.participantId, kind: alert.kind, severity: alert.severity };
  await afterCommit(tx, async () => {
    await Promise.all(recipients.map((userId) => tx.realtime.publish(userChannel(userId), event)));
  });
  return row!.id;
}

/**
 * Who hears of a new alert at once: the participant's peer worker, or, when nobody walks alongside
 * them yet, the program's supervisors, so a signal is never addressed to no one.
 */
async function alertRecipients(tx: RequestContext, participantId: string, programId: string): Promise<string[]> {
  const peers = await tx.db
    .select({ id: peerAssignments.peerWorkerId })
    .from(peerAssignments)
    .where(and(eq(peerAssignments.participantId, participantId), isNull(peerAssignments.endedAt)));
  if (peers.length) return peers.map((r) => r.id);
  const supervisors = await tx.db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.programId, programId), eq(memberships.role, 'supervisor')));
  return supervisors.map((r) => r.id);
}
