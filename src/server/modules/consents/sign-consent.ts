import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Consent, SignConsent } from '../../../shared/schemas/consents.js';
import { consents, legalRepresentatives } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadConsent, lockConsent, signsFor } from './consent-rows.js';

/**
 * The participant signs: typed name and a tick, with the time and the client recorded. The only other
 * person who signs is the legal representative recorded on the record, with their own login; the
 * consent then states that they signed, and as what. A peer worker's (or anyone else's) attempt is
 * refused and audited. A date expiry ends with that day on the program's clock.
 */
export async function signConsent(ctx: AuthedContext, participantId: string, consentId: string, input: SignConsent, userAgent: string | null): Promise<Consent> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'read', action: 'consent.read', resourceType: 'consent', resourceId: consentId });
  if (!signsFor(granted.relationships)) {
    await recordAudit(ctx, { action: 'consent.sign_refused', outcome: 'denied', participantId, resourceType: 'consent', resourceId: consentId });
    throw new AppError('consent.participant_signs', 'Only the participant (or their legal representative) can sign their consent.');
  }
  const self = granted.relationships.includes('self');
  return inTransaction(ctx, async (tx) => {
    const { c, timeZone } = await lockConsent(tx, participantId, consentId);
    if (c.signedAt) throw new AppError('consent.not_draft', 'This consent is already signed.');
    // Read inside the transaction: a representative ended a moment ago signs nothing.
    const [representative] = self
      ? []
      : await tx.db
          .select({ id: legalRepresentatives.id, relationship: legalRepresentatives.relationship })
          .from(legalRepresentatives)
          .where(and(eq(legalRepresentatives.participantId, participantId), eq(legalRepresentatives.userId, ctx.actor.userId), isNull(legalRepresentatives.endedAt)))
          .for('update');
    if (!self && !representative) throw new AppError('consent.participant_signs', 'Only the participant (or their legal representative) can sign their consent.');
    const client = [input.client, userAgent].filter(Boolean).join(' | ').slice(0, 500) || null;
    await tx.db
      .update(consents)
      .set({
        signedName: input.typedName,
        signedBy: ctx.actor.userId,
        signedRepresentativeId: representative?.id ?? null,
        signedAt: sql`now()`,
        signedClient: client,
        signedIp: ctx.ip,
        expiresAt: c.expiresOn ? sql`((${c.expiresOn}::date + 1)::timestamp at time zone ${timeZone})` : null,
      })
      .where(eq(consents.id, consentId));
    await recordAudit(tx, { action: 'consent.sign', participantId, resourceType: 'consent', resourceId: consentId, details: { categories: c.categories, purpose: c.purpose, recipient: c.recipientName, ...(representative ? { signedAs: 'legal_representative', representativeId: representative.id, relationship: representative.relationship } : {}) } });
    return loadConsent(tx, participantId, consentId, granted.relationships);
  });
}
