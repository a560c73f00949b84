import { eq, sql } from 'drizzle-orm';
import type { Consent } from '../../../shared/schemas/consents.js';
import { consents } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { consentStatus, loadConsent, lockConsent, signsFor } from './consent-rows.js';

/** The participant (or their legal representative) takes a consent back; the policy stops honouring it on the very next request. */
export async function revokeConsent(ctx: AuthedContext, participantId: string, consentId: string): Promise<Consent> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'read', action: 'consent.read', resourceType: 'consent', resourceId: consentId });
  if (!signsFor(granted.relationships)) throw new AppError('consent.participant_signs', 'Only the participant (or their legal representative) can take back their consent.');
  return inTransaction(ctx, async (tx) => {
    const { c, participantStatus } = await lockConsent(tx, participantId, consentId);
    const status = consentStatus(c, participantStatus);
    if (status === 'revoked' || status === 'expired') throw new AppError('consent.already_ended', 'This consent has already ended.');
    await tx.db.update(consents).set({ revokedAt: sql`now()`, revokedBy: ctx.actor.userId }).where(eq(consents.id, consentId));
    await recordAudit(tx, { action: 'consent.revoke', participantId, resourceType: 'consent', resourceId: consentId, details: { wasDraft: status === 'draft' } });
    return loadConsent(tx, participantId, consentId, granted.relationships);
  });
}
