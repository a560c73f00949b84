import { sql } from 'drizzle-orm';
import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { consentExpiryKinds, consentPurposes, consentRecipientKinds, integrationScopes } from '../../../shared/schemas/consents.js';
import { users } from './accounts.js';
import { createdAtColumn, organizationIdColumn, participantIdColumn } from './columns.js';
import { programs } from './tenancy.js';

export const consentPurpose = pgEnum('consent_purpose', consentPurposes);
export const consentRecipientKind = pgEnum('consent_recipient_kind', consentRecipientKinds);
export const consentExpiryKind = pgEnum('consent_expiry_kind', consentExpiryKinds);
export const integrationScope = pgEnum('integration_scope', integrationScopes);

/**
 * A participant's legal representative (a guardian, or a personal representative under the law),
 * recorded on the record by a supervisor or org admin. With a user account named here, they may sign
 * the participant's consents for them. One current at a time; an ended one stays for the history.
 */
export const legalRepresentatives = pgTable(
  'legal_representatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    participantId: participantIdColumn(),
    name: text('name').notNull(),
    relationship: text('relationship').notNull(),
    userId: uuid('user_id').references(() => users.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAtColumn(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('legal_representatives_current').on(t.participantId).where(sql`${t.endedAt} is null`),
    index('legal_representatives_user').on(t.userId),
  ],
);

/**
 * A participant's written consent to disclose part of their record (42 CFR Part 2).
 * Prepared by the participant or their peer worker; it grants nothing until the participant signs it,
 * and nothing once revoked, past its date, or past its event (discharge). The access policy reads
 * these rows directly (platform/access.ts).
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    participantId: participantIdColumn(),
    recipientKind: consentRecipientKind('recipient_kind').notNull(),
    recipientUserId: uuid('recipient_user_id').references(() => users.id),
    recipientProgramId: uuid('recipient_program_id').references(() => programs.id),
    recipientName: text('recipient_name').notNull(),
    recipientIntegrationClientId: uuid('recipient_integration_client_id'),
    purpose: consentPurpose('purpose').notNull(),
    /** consentCategories (shared/schemas/consents.ts). */
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    expiryKind: consentExpiryKind('expiry_kind').notNull(),
    expiresOn: date('expires_on'),
    expiryEvent: text('expiry_event'),
    preparedBy: uuid('prepared_by')
      .notNull()
      .references(() => users.id),
    signedName: text('signed_name'),
    signedBy: uuid('signed_by').references(() => users.id),
    /** Set when the participant's recorded legal representative signed, not the participant. */
    signedRepresentativeId: uuid('signed_representative_id').references(() => legalRepresentatives.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** The end of the day chosen, on the program's clock; set at signing for date expiries. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    signedClient: text('signed_client'),
    signedIp: text('signed_ip'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('consents_participant').on(t.participantId, t.createdAt),
    index('consents_recipient_user').on(t.recipientUserId),
    index('consents_recipient_program').on(t.recipientProgramId),
  ],
);

/** A clinical partner's system: token-authenticated, scoped read or write, revocable. */
export const integrationClients = pgTable(
  'integration_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    name: text('name').notNull(),
    scope: integrationScope('scope').notNull(),
    /** sha256 of the token; the token itself is shown once. */
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAtColumn(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('integration_clients_token').on(t.tokenHash), index('integration_clients_org').on(t.organizationId)],
);

/** FHIR resources a partner sent that became Peerpath rows (an imported ServiceRequest → a referral). */
export const fhirLinks = pgTable(
  'fhir_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    resourceType: text('resource_type').notNull(),
    /** The partner's id (or identifier system|value) for the resource. */
    externalId: text('external_id').notNull(),
    localType: text('local_type').notNull(),
    localId: uuid('local_id').notNull(),
    /** The partner's Task for an imported ServiceRequest, updated on export as the referral moves. */
    taskExternalId: text('task_external_id'),
    importedBy: uuid('imported_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('fhir_links_external').on(t.organizationId, t.resourceType, t.externalId), index('fhir_links_local').on(t.localType, t.localId)],
);
