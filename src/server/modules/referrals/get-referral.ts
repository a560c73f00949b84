import type { Referral } from '../../../shared/schemas/referrals.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { loadReferral } from './referral-rows.js';
import { seesDrafts } from './referral-rules.js';

/** One referral with its history; a participant's draft is not theirs to see yet. */
export async function getReferral(ctx: AuthedContext, participantId: string, referralId: string): Promise<Referral> {
  const { relationships } = await requireParticipantAccess(ctx, { participantId, category: 'referrals', access: 'read', action: 'referral.read', resourceType: 'referral', resourceId: referralId });
  const referral = await loadReferral(ctx, participantId, referralId, relationships);
  if (referral.status === 'draft' && !seesDrafts(relationships)) throw notFound('referral.not_found', 'That referral');
  return referral;
}
