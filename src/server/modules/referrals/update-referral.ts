import { eq } from 'drizzle-orm';
import { inShareOrder, isFinished, type Referral, type ReferralStatus, type UpdateReferral } from '../../../shared/schemas/referrals.js';
import { participants, referralEvents, referrals } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { scheduleFollowUp } from './follow-up.js';
import { loadReferral, lockReferral } from './referral-rows.js';
import { refers } from './referral-rules.js';

/**
 * The peer worker corrects the need or the category, changes what the participant agreed to
 * share (recorded again as of now once sent) or moves the follow-up date (the task moves with it).
 * A finished referral is left as it ended.
 */
export async function updateReferral(ctx: AuthedContext, participantId: string, referralId: string, input: UpdateReferral): Promise<Referral> {
  const { relationships } = await requireParticipantAccess(ctx, { participantId, category: 'referrals', access: 'write', action: 'referral.update', resourceType: 'referral', resourceId: referralId });
  if (!refers(relationships)) throw new AppError('referral.peer_worker_refers', "A referral is changed by the participant's peer worker.");
  await inTransaction(ctx, async (tx) => {
    const row = await lockReferral(tx, participantId, referralId, ctx.actor.organizationId);
    const status = row.status as ReferralStatus;
    if (isFinished(status)) throw new AppError('referral.finished', 'This referral is finished; make a new one if there is more to do.');
    const now = new Date();
    await tx.db
      .update(referrals)
      .set({
        updatedAt: now,
        ...(input.category !== undefined && { category: input.category }),
        ...(input.need !== undefined && { need: input.need }),
        ...(input.share !== undefined && { sharedItems: inShareOrder(input.share), ...(status !== 'draft' && { consentRecordedAt: now }) }),
        ...(input.consentNote !== undefined && { consentNote: input.consentNote || null }),
        ...(input.followUpOn !== undefined && { followUpOn: input.followUpOn, followUpRemindedOn: null }),
      })
      .where(eq(referrals.id, referralId));
    const changed = Object.keys(input).filter((k) => input[k as keyof UpdateReferral] !== undefined);
    await tx.db.insert(referralEvents).values({ organizationId: ctx.actor.organizationId, referralId, kind: 'edited', note: changed.join(', '), actorUserId: ctx.actor.userId });
    if (input.followUpOn !== undefined && status !== 'draft') {
      const [person] = await tx.db.select({ name: participants.preferredName }).from(participants).where(eq(participants.id, participantId));
      await scheduleFollowUp(tx, { organizationId: row.organizationId, referralId, ownerId: row.createdBy, participantId, participantName: person!.name, serviceName: row.serviceName, followUpOn: input.followUpOn });
    }
    await recordAudit(tx, { action: 'referral.update', participantId, resourceType: 'referral', resourceId: referralId, details: { changed } });
  });
  return loadReferral(ctx, participantId, referralId, relationships);
}
