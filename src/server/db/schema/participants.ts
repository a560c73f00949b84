import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { participantStatuses } from '../../../shared/schemas/participants.js';
import { participantSettings, recoveryPathways } from '../../../shared/schemas/journey.js';
import { users } from './accounts.js';
import { organizations, programs } from './tenancy.js';

export const participantStatus = pgEnum('participant_status', participantStatuses);
export const recoveryPathway = pgEnum('recovery_pathway', recoveryPathways);
export const participantSetting = pgEnum('participant_setting', participantSettings);

/** Self-described, each optional, each with "prefer not to say": used only for equity reporting. */
export interface Demographics {
  ageRange?: string;
  genderIdentity?: string;
  raceEthnicity?: string[];
  sexualOrientation?: string;
  incomeRange?: string;
  veteran?: string;
  justiceInvolved?: string;
}

/** A person in recovery enrolled in a program. May exist without a login (people in prison often have none). */
export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    userId: uuid('user_id').references(() => users.id),
    preferredName: text('preferred_name').notNull(),
    pronouns: text('pronouns'),
    preferredLanguage: text('preferred_language').notNull().default('en'),
    pathways: recoveryPathway('pathways').array().notNull().default(sql`'{}'::recovery_pathway[]`),
    substances: text('substances').array().notNull().default(sql`'{}'::text[]`),
    setting: participantSetting('setting').notNull().default('community'),
    demographics: jsonb('demographics').$type<Demographics>().notNull().default({}),
    // Harm-reduction and other pathways may not count days; the counter is the participant's choice.
    countsDays: boolean('counts_days').notNull().default(true),
    status: participantStatus('status').notNull().default('active'),
    dischargedAt: timestamp('discharged_at', { withTimezone: true }),
    dischargeReason: text('discharge_reason'),
    continuedSupport: boolean('continued_support').notNull().default(false),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('participants_user').on(t.userId),
    index('participants_org_program').on(t.organizationId, t.programId),
  ],
);

/** Which peer worker walks alongside which participant. Ended rows stay: the history is kept. */
export const peerAssignments = pgTable(
  'peer_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    peerWorkerId: uuid('peer_worker_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('peer_assignments_participant').on(t.participantId),
    index('peer_assignments_peer_active').on(t.peerWorkerId, t.endedAt),
  ],
);
