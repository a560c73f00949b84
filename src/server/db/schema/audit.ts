import { bigint, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditOutcome = pgEnum('audit_outcome', ['allowed', 'denied']);

/**
 * Append-only (triggers in the migrations reject UPDATE, DELETE and TRUNCATE).
 * participant_id has no foreign key on purpose: a denied request for an id that does not exist,
 * or exists in another organization, is recorded as asked.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    organizationId: uuid('organization_id'),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    participantId: uuid('participant_id'),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    outcome: auditOutcome('outcome').notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_participant').on(t.participantId, t.id),
    index('audit_events_org').on(t.organizationId, t.id),
  ],
);

/**
 * The hash chain, written by the sealer after events commit, so no request waits on a chain head.
 * Each link's hash covers its event's content and the previous link's hash. Also append-only.
 */
export const auditChain = pgTable('audit_chain', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  eventId: bigint('event_id', { mode: 'number' }).notNull().unique(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
});
