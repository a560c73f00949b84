import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { ConsentPurpose, Disclosure } from '../../../shared/schemas/consents.js';
import { toCsv } from '../../../shared/outcomes/tables.js';
import { auditEvents, consents, integrationClients, users } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

const YEARS = 3;

/**
 * The participant's accounting of disclosures: who saw or received what, when, and under which
 * consent, built from the audit trail (every event that relied on a consent), for the last three years.
 */
export async function accountingOfDisclosures(ctx: AuthedContext, participantId: string): Promise<{ from: string; disclosures: Disclosure[] }> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'read', action: 'consent.accounting', resourceType: 'accounting' });
  if (!granted.relationships.includes('self')) throw new AppError('participant.not_found', 'That participant was not found.');
  const from = new Date();
  from.setUTCFullYear(from.getUTCFullYear() - YEARS);
  const consentId = sql<string>`${auditEvents.details}->>'consentId'`;
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      resourceType: auditEvents.resourceType,
      actorUserId: auditEvents.actorUserId,
      actorRole: auditEvents.actorRole,
      displayName: users.displayName,
      clientName: integrationClients.name,
      consentId,
      purpose: consents.purpose,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(integrationClients, sql`${integrationClients.id}::text = ${auditEvents.details}->>'integrationClientId'`)
    .leftJoin(consents, sql`${consents.id}::text = ${auditEvents.details}->>'consentId'`)
    .where(
      and(
        eq(auditEvents.participantId, participantId),
        eq(auditEvents.organizationId, ctx.actor.organizationId),
        eq(auditEvents.outcome, 'allowed'),
        isNotNull(consentId),
        gte(auditEvents.occurredAt, from),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(5000);
  return {
    from: from.toISOString(),
    disclosures: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurredAt.toISOString(),
      recipient: { id: r.actorUserId, displayName: r.displayName ?? r.clientName ?? 'A partner system', role: r.actorRole ?? (r.clientName ? 'integration' : null) },
      action: r.action,
      what: r.resourceType ?? '',
      consentId: r.consentId,
      purpose: (r.purpose as ConsentPurpose | null) ?? null,
    })),
  };
}

export async function accountingCsv(ctx: AuthedContext, participantId: string): Promise<string> {
  const { disclosures } = await accountingOfDisclosures(ctx, participantId);
  return toCsv({
    columns: ['when', 'who', 'role', 'what', 'action', 'consent', 'purpose'],
    rows: disclosures.map((d) => [d.occurredAt, d.recipient.displayName, d.recipient.role, d.what, d.action, d.consentId, d.purpose]),
  });
}

