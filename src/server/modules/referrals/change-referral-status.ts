import { eq } from 'drizzle-orm';
import { referralTransitions, type ChangeReferralStatus, type Referral, type ReferralStatus } from '../../../shared/schemas/referrals.js';
import { participants, referralEvents, referrals } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { closeFollowUp, scheduleFollowUp } from './follow-up.js';
import { loadReferral, lockReferral } from './referral-rows.js';
import { refers } from './referral-rules.js';

/**
 * Moves a referral along its lifecycle (draft → sent → accepted or declined → completed, or
 * closed with the need unmet and why). A change the lifecycle does not have is refused with 409
 * and changes nothing. Finishing it closes the follow-up task.
 */
export async function changeReferralStatus(ctx: AuthedContext, participantId: string, referralId: string, input: ChangeReferralStatus): Promise<Referral> {
  const { relationships } = await requireParticipantAccess(ctx, { participantId, category: 'referrals', access: 'write', action: 'referral.status_change', resourceType: 'referral', resourceId: referralId });
  if (!refers(relationships)) throw new AppError('referral.peer_worker_refers', "A referral is moved on by the participant's peer worker.");
  await inTransaction(ctx, async (tx) => {
    const row = await lockReferral(tx, participantId, referralId, ctx.actor.organizationId);
    const from = row.status as ReferralStatus;
    if (!referralTransitions[from].includes(input.to)) {
      throw new AppError('referral.transition_invalid', `A referral that is ${from.replace('_', ' ')} cannot become ${input.to.replace('_', ' ')}.`);
    }
    const now = new Date();
    const finished = input.to === 'completed' || input.to === 'closed_unmet';
    await tx.db
      .update(referrals)
      .set({
        status: input.to,
        updatedAt: now,
        ...(input.to === 'sent' && { consentRecordedAt: now }),
        ...(input.to === 'closed_unmet' && { unmetReason: input.reason!, outcomeNote: input.note || null }),
        ...(input.to === 'completed' && { outcomeNote: input.note || null }),
        ...(finished && { closedAt: now }),
      })
      .where(eq(referrals.id, referralId));
    await tx.db.insert(referralEvents).values({
      organizationId: ctx.actor.organizationId,
      referralId,
      kind: 'status',
      fromStatus: from,
      toStatus: input.to,
      reason: input.reason ?? null,
      note: input.note || null,
      actorUserId: ctx.actor.userId,
    });
    if (input.to === 'sent') {
      const [person] = await tx.db.select({ name: participants.preferredName }).from(participants).where(eq(participants.id, participantId));
      await scheduleFollowUp(tx, { organizationId: row.organizationId, referralId, ownerId: row.createdBy, participantId, participantName: person!.name, serviceName: row.serviceName, followUpOn: row.followUpOn });
    }
    if (finished) await closeFollowUp(tx, referralId, now);
    await recordAudit(tx, { action: 'referral.status_change', participantId, resourceType: 'referral', resourceId: referralId, details: { from, to: input.to, ...(input.reason && { reason: input.reason }) } });
  });
  return loadReferral(ctx, participantId, referralId, relationships);
}
