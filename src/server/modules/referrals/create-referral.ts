import { and, eq } from 'drizzle-orm';
import { inShareOrder, type CreateReferral, type Referral } from '../../../shared/schemas/referrals.js';
import { participants, referralEvents, referrals, resourceServices } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { scheduleFollowUp } from './follow-up.js';
import { loadReferral } from './referral-rows.js';
import { refers } from './referral-rules.js';

/**
 * A peer worker refers a participant to a directory service: the need, what the participant
 * agreed to share, and when to follow up. Sent at once (with the participant's agreement) or kept
 * as a draft. Sending puts the follow-up on the peer worker's task list in the same transaction.
 */
export async function createReferral(ctx: AuthedContext, participantId: string, input: CreateReferral): Promise<Referral> {
  const { relationships } = await requireParticipantAccess(ctx, { participantId, category: 'referrals', access: 'write', action: 'referral.create', resourceType: 'referral' });
  if (!refers(relationships)) throw new AppError('referral.peer_worker_refers', "Referrals are made by the participant's peer worker.");
  const [service] = await ctx.db
    .select({ name: resourceServices.name, providerName: resourceServices.providerName })
    .from(resourceServices)
    .where(and(eq(resourceServices.organizationId, ctx.actor.organizationId), eq(resourceServices.id, input.serviceId)));
  if (!service) throw notFound('resource.not_found', 'That resource');
  const [person] = await ctx.db.select({ name: participants.preferredName }).from(participants).where(eq(participants.id, participantId));
  const status = input.send ? 'sent' : 'draft';
  const now = new Date();

  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(referrals)
      .values({
        organizationId: ctx.actor.organizationId,
        participantId,
        serviceId: input.serviceId,
        serviceName: service.name,
        providerName: service.providerName,
        category: input.category,
        need: input.need,
        sharedItems: inShareOrder(input.share),
        consentNote: input.consentNote || null,
        consentRecordedAt: input.send ? now : null,
        followUpOn: input.followUpOn,
        status,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: referrals.id });
    const referralId = row!.id;
    await tx.db.insert(referralEvents).values({ organizationId: ctx.actor.organizationId, referralId, kind: 'created', toStatus: status, actorUserId: ctx.actor.userId });
    if (input.send) {
      await scheduleFollowUp(tx, { organizationId: ctx.actor.organizationId, referralId, ownerId: ctx.actor.userId, participantId, participantName: person!.name, serviceName: service.name, followUpOn: input.followUpOn });
    }
    await recordAudit(tx, { action: 'referral.create', participantId, resourceType: 'referral', resourceId: referralId, details: { status, category: input.category, shared: input.share } });
    return referralId;
  });
  return loadReferral(ctx, participantId, id, relationships);
}
