import { and, eq } from 'drizzle-orm';
import type { Consent, CreateConsent } from '../../../shared/schemas/consents.js';
import { consents, memberships, programs, users } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { localDate } from '../../../shared/milestones.js';
import { integrationClients } from '../../db/schema/index.js';
import { programTimeZoneOf } from '../checkins/check-in-rows.js';
import { loadConsent } from './consent-rows.js';

/**
 * Prepares a consent for the participant to read and sign: by the participant, or by their peer
 * worker with the person present. It grants nothing until the participant signs it.
 */
export async function prepareConsent(ctx: AuthedContext, participantId: string, input: CreateConsent): Promise<Consent> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'write', action: 'consent.prepare', resourceType: 'consent' });
  if (!granted.relationships.some((r) => r === 'self' || r === 'assigned_peer')) {
    throw new AppError('participant.not_found', 'That participant was not found.');
  }
  const recipient = await resolveRecipient(ctx, input.recipient);
  if (input.expiry.kind === 'date' && input.expiry.on < localDate(new Date(), await programTimeZoneOf(ctx, participantId))) {
    throw new AppError('validation.failed', 'Choose a date from today on.', [{ path: 'expiry.on', message: 'That date has passed.' }]);
  }
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(consents)
      .values({
        organizationId: ctx.actor.organizationId,
        participantId,
        recipientKind: input.recipient.kind,
        ...recipient,
        purpose: input.purpose,
        categories: [...input.categories],
        expiryKind: input.expiry.kind,
        expiresOn: input.expiry.kind === 'date' ? input.expiry.on : null,
        expiryEvent: input.expiry.kind === 'event' ? input.expiry.event : null,
        preparedBy: ctx.actor.userId,
      })
      .returning({ id: consents.id });
    await recordAudit(tx, { action: 'consent.prepare', participantId, resourceType: 'consent', resourceId: row!.id, details: { categories: input.categories, purpose: input.purpose, recipient: recipient.recipientName } });
    return loadConsent(tx, participantId, row!.id, granted.relationships);
  });
}

async function resolveRecipient(ctx: AuthedContext, r: CreateConsent['recipient']) {
  const invalid = (field: string) => new AppError('validation.failed', 'Choose someone of this organization.', [{ path: `recipient.${field}`, message: 'Not found in this organization.' }]);
  if (r.kind === 'clinician') {
    const [u] = await ctx.db
      .select({ name: users.displayName })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.role, 'clinician')))
      .where(and(eq(users.id, r.userId), eq(users.organizationId, ctx.actor.organizationId)))
      .limit(1);
    if (!u) throw invalid('userId');
    return { recipientUserId: r.userId, recipientProgramId: null, recipientName: u.name, recipientIntegrationClientId: null };
  }
  if (r.kind === 'care_team') {
    const [p] = await ctx.db.select({ name: programs.name }).from(programs).where(and(eq(programs.id, r.programId), eq(programs.organizationId, ctx.actor.organizationId)));
    if (!p) throw invalid('programId');
    return { recipientUserId: null, recipientProgramId: r.programId, recipientName: `${p.name} care team`, recipientIntegrationClientId: null };
  }
  if (r.integrationClientId) {
    const [client] = await ctx.db
      .select({ id: integrationClients.id })
      .from(integrationClients)
      .where(and(eq(integrationClients.id, r.integrationClientId), eq(integrationClients.organizationId, ctx.actor.organizationId)));
    if (!client) throw invalid('integrationClientId');
  }
  return { recipientUserId: null, recipientProgramId: null, recipientName: r.name, recipientIntegrationClientId: r.integrationClientId ?? null };
}
