import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { referralStatuses } from '../../../shared/schemas/referrals.js';
import { users } from './accounts.js';
import { createdAtColumn, organizationIdColumn, participantIdColumn } from './columns.js';
import { resourceServices } from './resources.js';

export const referralStatus = pgEnum('referral_status', referralStatuses);

/**
 * A peer worker's referral of a participant to a directory service, followed until the need is
 * met or closed unmet. The service's name is kept as it was, so the referral reads the same if
 * the directory entry changes later.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    participantId: participantIdColumn(),
    serviceId: text('service_id').notNull(),
    serviceName: text('service_name').notNull(),
    providerName: text('provider_name'),
    category: text('category').notNull(),
    need: text('need').notNull(),
    /** What the participant agreed to share with the service (shareableItems). */
    sharedItems: text('shared_items').array().notNull().default(sql`'{}'::text[]`),
    consentNote: text('consent_note'),
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }),
    followUpOn: date('follow_up_on'),
    /** The follow-up date a reminder was last sent for: one reminder per date. */
    followUpRemindedOn: date('follow_up_reminded_on'),
    status: referralStatus('status').notNull().default('draft'),
    unmetReason: text('unmet_reason'),
    outcomeNote: text('outcome_note'),
    participantWent: boolean('participant_went'),
    participantHelped: text('participant_helped'),
    participantComment: text('participant_comment'),
    participantReportedAt: timestamp('participant_reported_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'referrals_service_fk', columns: [t.organizationId, t.serviceId], foreignColumns: [resourceServices.organizationId, resourceServices.id] }),
    index('referrals_participant').on(t.participantId, t.createdAt),
    index('referrals_follow_up').on(t.organizationId, t.status, t.followUpOn),
    index('referrals_created_by').on(t.createdBy, t.status),
  ],
);

/** The referral's story: created, each status change (with reason), the participant's report, edits. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    kind: text('kind').notNull(),
    fromStatus: referralStatus('from_status'),
    toStatus: referralStatus('to_status'),
    reason: text('reason'),
    note: text('note'),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [index('referral_events_referral').on(t.referralId, t.createdAt)],
);
