import { and, eq, isNull } from 'drizzle-orm';
import { notifications, peerAssignments } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/**
 * A clinician writes to the participant's peer worker about coordinating care; it arrives as a
 * notification. Only a clinician with an active consent for the participant can send one.
 */
export async function sendCareMessage(ctx: AuthedContext, participantId: string, body: string): Promise<{ sent: boolean }> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'read', action: 'consent.read', resourceType: 'care_message' });
  if (!granted.relationships.includes('clinician_consent')) throw new AppError('participant.not_found', 'That participant was not found.');
  const [assignment] = await ctx.db
    .select({ peerWorkerId: peerAssignments.peerWorkerId })
    .from(peerAssignments)
    .where(and(eq(peerAssignments.participantId, participantId), isNull(peerAssignments.endedAt)));
  if (!assignment) return { sent: false };
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(notifications).values({
      organizationId: ctx.actor.organizationId,
      userId: assignment.peerWorkerId,
      kind: 'care_coordination',
      title: `Care coordination from ${ctx.actor.displayName}`,
      body,
      link: `/participants/${participantId}`,
    });
    await recordAudit(tx, { action: 'consent.care_message', participantId, resourceType: 'care_message', details: { to: assignment.peerWorkerId, underConsent: granted.consentId } });
  });
  return { sent: true };
}
