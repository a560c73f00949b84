import { and, eq } from 'drizzle-orm';
import { consents } from '../../db/schema/index.js';
import { relationshipsTo } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext, RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { keepsConsents } from '../consents/consent-rows.js';
import { buildConsentBundle } from './build-bundle.js';

export const fhirBase = (ctx: RequestContext) => `${ctx.config.publicUrl.replace(/\/$/, '')}/fhir`;

/**
 * A FHIR R4 export under one consent, asked by someone signed in: the participant, their peer worker
 * or supervisor (to hand to the named recipient), or the clinician the consent names.
 */
export async function exportConsentBundle(ctx: AuthedContext, participantId: string, consentId: string) {
  const rels = (await relationshipsTo(ctx, [participantId])).get(participantId) ?? [];
  const [c] = await ctx.db.select({ id: consents.id }).from(consents).where(and(eq(consents.id, consentId), eq(consents.participantId, participantId)));
  const namedClinician = rels.consent?.consentIds.includes(consentId) ?? false;
  if (!c || !(keepsConsents(rels) || namedClinician)) {
    await recordAudit(ctx, { action: 'fhir.export', outcome: 'denied', participantId, resourceType: 'fhir_bundle', resourceId: consentId });
    throw new AppError('consent.not_found', 'That consent was not found.');
  }
  const { bundle, categories, active } = await buildConsentBundle(ctx, consentId, fhirBase(ctx));
  await recordAudit(ctx, {
    action: 'fhir.export',
    participantId,
    resourceType: 'fhir_bundle',
    resourceId: consentId,
    details: { ...(active ? { consentId } : { consentInactive: consentId }), categories, as: [...rels] },
  });
  return bundle;
}
