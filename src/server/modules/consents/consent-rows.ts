import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { tpoPurposes, type Consent, type ConsentCategory, type ConsentStatus } from '../../../shared/schemas/consents.js';
import { consents, legalRepresentatives, organizations, participants, users } from '../../db/schema/index.js';
import type { Relationship } from '../../platform/access.js';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';

const preparer = alias(users, 'preparer');

export type ConsentRow = typeof consents.$inferSelect;

function consentQuery(ctx: RequestContext) {
  return ctx.db
    .select({
      c: consents,
      participantName: participants.preferredName,
      participantStatus: participants.status,
      discloser: organizations.name,
      preparedByName: preparer.displayName,
      representativeName: legalRepresentatives.name,
      representativeRelationship: legalRepresentatives.relationship,
    })
    .from(consents)
    .innerJoin(participants, eq(participants.id, consents.participantId))
    .innerJoin(organizations, eq(organizations.id, consents.organizationId))
    .innerJoin(preparer, eq(preparer.id, consents.preparedBy))
    .leftJoin(legalRepresentatives, eq(legalRepresentatives.id, consents.signedRepresentativeId));
}

type Loaded = Awaited<ReturnType<typeof consentQuery>>[number];

/** Where a consent stands now: a draft until signed, active until revoked, past its date, or past discharge. */
export function consentStatus(c: ConsentRow, participantStatus: string, now = new Date()): ConsentStatus {
  if (!c.signedAt) return 'draft';
  if (c.revokedAt) return 'revoked';
  if (c.expiresAt && c.expiresAt <= now) return 'expired';
  if (c.expiryKind === 'event' && participantStatus === 'discharged') return 'expired';
  return 'active';
}

export function toConsent(row: Loaded, rels: readonly Relationship[]): Consent {
  const c = row.c;
  const status = consentStatus(c, row.participantStatus);
  const self = signsFor(rels);
  return {
    id: c.id,
    participantId: c.participantId,
    participantName: row.participantName,
    discloser: row.discloser,
    recipient: { kind: c.recipientKind, userId: c.recipientUserId, programId: c.recipientProgramId, name: c.recipientName },
    purpose: c.purpose,
    categories: c.categories as ConsentCategory[],
    expiry: { kind: c.expiryKind, on: c.expiresOn, event: (c.expiryEvent as 'discharge' | null) ?? null },
    tpo: tpoPurposes.includes(c.purpose),
    status,
    preparedBy: { id: c.preparedBy, displayName: row.preparedByName },
    signedName: c.signedName,
    signedAs: c.signedAt ? (c.signedRepresentativeId ? 'legal_representative' : 'participant') : null,
    signedRepresentative: row.representativeName ? { name: row.representativeName, relationship: row.representativeRelationship ?? '' } : null,
    signedAt: c.signedAt?.toISOString() ?? null,
    signedClient: c.signedClient,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    can: { sign: self && status === 'draft', revoke: self && status === 'active' },
  };
}

export async function loadConsents(ctx: RequestContext, participantId: string, rels: readonly Relationship[]): Promise<Consent[]> {
  const rows = await consentQuery(ctx).where(eq(consents.participantId, participantId)).orderBy(desc(consents.createdAt), desc(consents.id));
  return rows.map((r) => toConsent(r, rels));
}

export async function loadConsent(ctx: RequestContext, participantId: string, consentId: string, rels: readonly Relationship[]): Promise<Consent> {
  const [row] = await consentQuery(ctx).where(and(eq(consents.id, consentId), eq(consents.participantId, participantId)));
  if (!row) throw notFound('consent.not_found', 'That consent');
  return toConsent(row, rels);
}

/** Locks the consent row for a change (sign, revoke). */
export async function lockConsent(tx: RequestContext, participantId: string, consentId: string) {
  const [row] = await tx.db
    .select({ c: consents, participantStatus: participants.status, timeZone: sql<string>`(select time_zone from programs where programs.id = ${participants.programId})` })
    .from(consents)
    .innerJoin(participants, eq(participants.id, consents.participantId))
    .where(and(eq(consents.id, consentId), eq(consents.participantId, participantId)))
    .for('update', { of: consents });
  if (!row) throw notFound('consent.not_found', 'That consent');
  return row;
}

/** Those who keep a participant's consents with them: the person, their legal representative, their peer worker, the supervisor. */
export const keepsConsents = (rels: readonly Relationship[]) => rels.some((r) => r === 'self' || r === 'legal_representative' || r === 'assigned_peer' || r === 'supervisor');

/** Those who sign and take back consents: the participant, or the legal representative recorded on the record. */
export const signsFor = (rels: readonly Relationship[]) => rels.includes('self') || rels.includes('legal_representative');
