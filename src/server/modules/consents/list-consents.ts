import type { Consent } from '../../../shared/schemas/consents.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { keepsConsents, loadConsent, loadConsents } from './consent-rows.js';

const notFound = () => new AppError('participant.not_found', 'That participant was not found.');

/** The participant's consents (theirs, their peer worker's and supervisor's to see). */
export async function listConsents(ctx: AuthedContext, participantId: string): Promise<{ consents: Consent[] }> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'read', action: 'consent.read', resourceType: 'consent' });
  if (!keepsConsents(granted.relationships)) throw notFound();
  return { consents: await loadConsents(ctx, participantId, granted.relationships) };
}

/** One consent, as the printable copy shows it. */
export async function getConsent(ctx: AuthedContext, participantId: string, consentId: string): Promise<Consent> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'read', action: 'consent.read', resourceType: 'consent', resourceId: consentId });
  if (!keepsConsents(granted.relationships)) throw notFound();
  return loadConsent(ctx, participantId, consentId, granted.relationships);
}
