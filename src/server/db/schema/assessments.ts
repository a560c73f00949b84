import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { alertKinds, alertSeverities, alertStatuses } from '../../../shared/schemas/journey.js';
import { users } from './accounts.js';
import { participants } from './participants.js';
import { organizations, programs } from './tenancy.js';

export const assessmentStatus = pgEnum('assessment_status', ['complete', 'incomplete']);
export const assessmentMode = pgEnum('assessment_mode', ['self', 'peer']);
export const alertKind = pgEnum('alert_kind', alertKinds);
export const alertSeverity = pgEnum('alert_severity', alertSeverities);
export const alertStatus = pgEnum('alert_status', alertStatuses);

/**
 * One completed (or saved incomplete) measure. Scores are computed on the server from the answers
 * and stored with the instrument and scoring version they were computed by.
 */
export const assessmentResponses = pgTable(
  'assessment_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    scoringVersion: text('scoring_version').notNull(),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    status: assessmentStatus('status').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    bands: jsonb('bands').$type<Record<string, unknown>>().notNull().default({}),
    flags: text('flags').array().notNull().default([]),
    mode: assessmentMode('mode').notNull(),
    administeredBy: uuid('administered_by').references(() => users.id),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_responses_participant').on(t.participantId, t.instrumentId, t.completedAt)],
);

/** Instrument definitions an organization loaded (for example the official wording, where its terms allow). */
export const instrumentPacks = pgTable(
  'instrument_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    instrumentId: text('instrument_id').notNull(),
    version: text('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('instrument_definitions_unique').on(t.organizationId, t.instrumentId, t.version),
    // A null organization (a pack for every organization) is distinct to the index above; this one covers it.
    uniqueIndex('instrument_definitions_global_unique').on(t.instrumentId, t.version).where(sql`${t.organizationId} is null`),
  ],
);

/** Signals that must reach a person: the peer worker first, the supervisor when not acknowledged in time. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    kind: alertKind('kind').notNull(),
    severity: alertSeverity('severity').notNull(),
    reason: text('reason').notNull(),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    status: alertStatus('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolutionNote: text('resolution_note'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [index('alerts_participant').on(t.participantId, t.createdAt), index('alerts_program_status').on(t.programId, t.status)],
);
