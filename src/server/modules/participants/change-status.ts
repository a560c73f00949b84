import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ChangeStatus, StatusChangeResult } from '../../../shared/schemas/profile.js';
import { participants, peerAssignments } from '../../db/schema/index.js';
import { anyAllows, relationshipsTo, requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { mayChangeStatus } from './profile.js';

/**
 * Discharges a participant (with a reason), or returns them to active. With continued
 * post-treatment support they stay with their peer worker; without it the peer assignment ends
 * (kept as history) and the record leaves that caseload. Nothing is deleted either way.
 */
export async function changeParticipantStatus(ctx: AuthedContext, participantId: string, input: ChangeStatus): Promise<StatusChangeResult> {
  const action = input.status === 'discharged' ? ('participant.discharge' as const) : ('participant.update' as const);
  const event = { action, participantId, resourceType: 'participant_status', resourceId: participantId };
  const granted = await requireParticipantAccess(ctx, { ...event, category: 'profile', access: 'write' });
  if (!mayChangeStatus(granted.relationships)) {
    await recordAudit(ctx, { ...event, outcome: 'denied', details: { status: input.status } });
    throw new AppError('auth.forbidden', 'Discharge is decided with the program staff.');
  }
  const row = await inTransaction(ctx, async (tx) => {
    if (input.status === 'active') {
      const [updated] = await tx.db
        .update(participants)
        .set({ status: 'active', dischargedAt: null, dischargeReason: null, continuedSupport: false })
        .where(eq(participants.id, participantId))
        .returning();
      await recordAudit(tx, { ...event, details: { status: 'active' } });
      return updated!;
    }
    const [updated] = await tx.db
      .update(participants)
      // A second discharge call (support ending later, a clearer reason) keeps the original date.
      .set({
        status: 'discharged',
        dischargedAt: sql`coalesce(${participants.dischargedAt}, now())`,
        dischargeReason: input.reason,
        continuedSupport: input.continuedSupport,
      })
      .where(eq(participants.id, participantId))
      .returning();
    await recordAudit(tx, { ...event, details: { continuedSupport: input.continuedSupport } });
    if (!input.continuedSupport) {
      const ended = await tx.db
        .update(peerAssignments)
        .set({ endedAt: sql`now()` })
        .where(and(eq(peerAssignments.participantId, participantId), isNull(peerAssignments.endedAt)))
        .returning({ peerWorkerId: peerAssignments.peerWorkerId });
      if (ended.length > 0) {
        await recordAudit(tx, {
          action: 'participant.assign',
          participantId,
          resourceType: 'peer_assignment',
          details: { ended: ended.map((e) => e.peerWorkerId), reason: 'discharged without continued support' },
        });
      }
    }
    return updated!;
  });
  const stillVisible = anyAllows((await relationshipsTo(ctx, [participantId])).get(participantId) ?? [], 'profile', 'read');
  return {
    participantId,
    status: row.status,
    dischargedAt: row.dischargedAt?.toISOString() ?? null,
    dischargeReason: row.dischargeReason,
    continuedSupport: row.continuedSupport,
    stillVisible,
  };
}
