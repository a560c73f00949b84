import { and, eq } from 'drizzle-orm';
import { consents } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { buildConsentBundle } from '../fhir/build-bundle.js';
import { fhirBase } from '../fhir/export-bundle.js';
import { importReferrals } from '../fhir/import-referrals.js';
import type { IntegrationClient } from './clients.js';

/** A partner reads the Bundle under a consent that names its system; an ended consent exports as inactive. */
export async function partnerExport(ctx: RequestContext, client: IntegrationClient, consentId: string) {
  const [c] = await ctx.db
    .select({ participantId: consents.participantId })
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.organizationId, client.organizationId), eq(consents.recipientIntegrationClientId, client.id)));
  if (!c) {
    await recordAudit(ctx, { action: 'fhir.export', outcome: 'denied', organizationId: client.organizationId, resourceType: 'fhir_bundle', resourceId: consentId, details: { integrationClientId: client.id } });
    throw new AppError('consent.not_found', 'That consent was not found.');
  }
  const { bundle, categories, active } = await buildConsentBundle(ctx, consentId, fhirBase(ctx));
  await recordAudit(ctx, {
    action: 'fhir.export',
    organizationId: client.organizationId,
    participantId: c.participantId,
    resourceType: 'fhir_bundle',
    resourceId: consentId,
    details: { ...(active ? { consentId } : { consentInactive: consentId }), categories, integrationClientId: client.id },
  });
  return bundle;
}

/**
 * A partner sends referrals (ServiceRequest + Task) for a participant of the organization (it knows
 * the participant's id from an export under their consent). Receiving is no disclosure; importReferrals
 * answers 404 for an id outside the organization.
 */
export async function partnerImport(ctx: RequestContext, client: IntegrationClient, participantId: string, body: Record<string, unknown>) {
  return importReferrals(ctx, participantId, body, { userId: client.createdBy, organizationId: client.organizationId, label: client.name, integrationClientId: client.id });
}
