import { eq } from 'drizzle-orm';
import type { Referral, ReferralStatus, ReportVisit } from '../../../shared/schemas/referrals.js';
import { referralEvents, referrals } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { afterCommit, inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { userChannel } from '../../platform/realtime.js';
import { closeFollowUp } from './follow-up.js';
import { loadReferral, lockReferral } from './referral-rows.js';
import { reportsVisit, VISIT_STATUSES } from './referral-rules.js';

/**
 * The participant's own word on a referral: "I went" (or not yet), and whether it helped. This is
 * the one write the access policy's `referrals` write grant gives the participant. "I went, and it
 * helped" closes the loop: the referral is completed (accepted first, if the service never said)
 * and the follow-up task is done. Anything less stays open for the peer worker to follow up.
 */
export async function reportVisit(ctx: AuthedContext, participantId: string, referralId: string, input: ReportVisit): Promise<Referral> {
  const { relationships } = await requireParticipantAccess(ctx, { participantId, category: 'referrals', access: 'write', action: 'referral.report_visit', resourceType: 'referral', resourceId: referralId });
  if (!reportsVisit(relationships)) throw new AppError('referral.participant_reports', 'Only the participant says whether they went.');
  const peerWorker = await inTransaction(ctx, async (tx) => {
    const row = await lockReferral(tx, participantId, referralId, ctx.actor.organizationId);
    const from = row.status as ReferralStatus;
    if (from === 'draft') throw notFound('referral.not_found', 'That referral');
    if (!VISIT_STATUSES.includes(from)) throw new AppError('referral.finished', 'This referral is closed; tell your peer worker how it went.');
    const now = new Date();
    const completes = input.went && input.helped === 'yes' && from !== 'completed';
    await tx.db
      .update(referrals)
      .set({
        participantWent: input.went,
        participantHelped: input.helped ?? null,
        participantComment: input.comment || null,
        participantReportedAt: now,
        updatedAt: now,
        ...(completes && { status: 'completed' as const, closedAt: now }),
      })
      .where(eq(referrals.id, referralId));
    const base = { organizationId: ctx.actor.organizationId, referralId, actorUserId: ctx.actor.userId };
    // One transaction, one clock reading: a millisecond apart keeps the story in order.
    const at = (n: number) => new Date(now.getTime() + n);
    await tx.db.insert(referralEvents).values({ ...base, kind: 'visit', note: input.went ? `went; helped: ${input.helped}` : 'not yet', createdAt: at(0) });
    if (completes) {
      if (from === 'sent') await tx.db.insert(referralEvents).values({ ...base, kind: 'status', fromStatus: 'sent', toStatus: 'accepted', note: 'the participant went', createdAt: at(1) });
      await tx.db.insert(referralEvents).values({ ...base, kind: 'status', fromStatus: 'accepted', toStatus: 'completed', note: 'the participant says it helped', createdAt: at(2) });
      await closeFollowUp(tx, referralId, now);
    }
    await recordAudit(tx, { action: 'referral.report_visit', participantId, resourceType: 'referral', resourceId: referralId, details: { went: input.went, helped: input.helped ?? null, completed: completes } });
    return row.createdBy;
  });
  // The referring peer worker's open tabs hear of it (ids only; they read the rest with their own access).
  await afterCommit(ctx, () => ctx.realtime.publish(userChannel(peerWorker), { type: 'referral.updated', referralId, participantId }));
  return loadReferral(ctx, participantId, referralId, relationships);
}
