import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { goalDomains, goalStatuses, reportedUse } from '../../../shared/schemas/journey.js';
import { users } from './accounts.js';
import { participants } from './participants.js';
import { createdAtColumn, organizationIdColumn, participantIdColumn } from './columns.js';

export const reportedUseEnum = pgEnum('reported_use', reportedUse);
export const goalDomain = pgEnum('goal_domain', goalDomains);
export const goalStatus = pgEnum('goal_status', goalStatuses);

const orgId = organizationIdColumn;
const participantId = participantIdColumn;
const createdAt = createdAtColumn;

/** Each start date a participant has set. The newest counts; earlier ones stay: every day counted still counts. */
export const recoveryStarts = pgTable(
  'recovery_starts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    participantId: participantId(),
    startDate: date('start_date').notNull(),
    note: text('note'),
    setBy: uuid('set_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_starts_participant').on(t.participantId, t.createdAt)],
);

/** Milestones of the participant's own choosing, beside the standard ones. */
export const customMilestones = pgTable(
  'custom_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    participantId: participantId(),
    label: text('label').notNull(),
    date: date('date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('custom_milestones_participant').on(t.participantId)],
);

/** A milestone the participant has seen celebrated, so it is celebrated once. */
export const milestoneCelebrations = pgTable(
  'milestone_celebrations',
  {
    participantId: participantId(),
    milestoneKey: text('milestone_key').notNull(),
    celebratedAt: timestamp('celebrated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.milestoneKey] })],
);

export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    participantId: participantId(),
    mood: smallint('mood').notNull(),
    craving: smallint('craving').notNull(),
    usedSinceLast: reportedUseEnum('used_since_last').notNull(),
    triggers: text('triggers').array().notNull().default(sql`'{}'::text[]`),
    triggerNote: text('trigger_note'),
    sleepHours: numeric('sleep_hours', { precision: 3, scale: 1, mode: 'number' }),
    supportContact: boolean('support_contact'),
    note: text('note'),
    // Private check-ins are the participant's alone; the rest are shared with their peer worker.
    private: boolean('private').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('check_ins_participant_time').on(t.participantId, t.createdAt),
    // Outcome reports read reported use per person and period from the index alone (index-only scan);
    // Drizzle cannot declare INCLUDE, so the column is a third key, which serves the same scans.
    index('check_ins_participant_time_use').on(t.participantId, t.createdAt, t.usedSinceLast),
  ],
);

export const checkInReminders = pgTable('check_in_reminders', {
  participantId: uuid('participant_id')
    .primaryKey()
    .references(() => participants.id),
  organizationId: orgId(),
  // Local time of day in the program's time zone.
  localTime: time('local_time').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** In-app notifications (reminders, milestones, replies); other channels later. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user').on(t.userId, t.createdAt)],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    participantId: participantId(),
    domain: goalDomain('domain').notNull(),
    title: text('title').notNull(),
    why: text('why'),
    targetDate: date('target_date'),
    status: goalStatus('status').notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('goals_participant').on(t.participantId)],
);

export const goalSteps = pgTable(
  'goal_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id),
    title: text('title').notNull(),
    dueDate: date('due_date'),
    position: integer('position').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('goal_steps_goal').on(t.goalId)],
);

/** Strategies from the coping library the participant chose for their craving plan, in their order. */
export const copingPlanItems = pgTable(
  'coping_plan_items',
  {
    participantId: participantId(),
    organizationId: orgId(),
    strategyId: text('strategy_id').notNull(),
    position: integer('position').notNull().default(0),
    personalNote: text('personal_note'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.strategyId] })],
);

/** One use of the "I'm having a craving" flow. */
export const cravingEpisodes = pgTable(
  'craving_episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    participantId: participantId(),
    intensityBefore: smallint('intensity_before').notNull(),
    intensityAfter: smallint('intensity_after'),
    strategiesUsed: text('strategies_used').array().notNull().default(sql`'{}'::text[]`),
    toldPeerWorker: boolean('told_peer_worker').notNull().default(false),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('craving_episodes_participant').on(t.participantId, t.startedAt)],
);

/** Encrypted at rest with AES-256-GCM; `keyId` names the key so keys can rotate. */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    participantId: participantId(),
    keyId: text('key_id').notNull(),
    iv: text('iv').notNull(),
    ciphertext: text('ciphertext').notNull(),
    authTag: text('auth_tag').notNull(),
    sharedWithPeerAt: timestamp('shared_with_peer_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('journal_entries_participant').on(t.participantId, t.createdAt)],
);

export interface SafetyPlanContact {
  name: string;
  phone?: string;
  note?: string;
}

/** The Stanley–Brown safety plan, one per participant, edited together with the peer worker. */
export const safetyPlans = pgTable('safety_plans', {
  participantId: uuid('participant_id')
    .primaryKey()
    .references(() => participants.id),
  organizationId: orgId(),
  warningSigns: text('warning_signs').array().notNull().default(sql`'{}'::text[]`),
  internalCoping: text('internal_coping').array().notNull().default(sql`'{}'::text[]`),
  distractions: jsonb('distractions').$type<SafetyPlanContact[]>().notNull().default([]),
  helpContacts: jsonb('help_contacts').$type<SafetyPlanContact[]>().notNull().default([]),
  professionals: jsonb('professionals').$type<SafetyPlanContact[]>().notNull().default([]),
  environmentSafety: text('environment_safety').array().notNull().default(sql`'{}'::text[]`),
  reasonsForLiving: text('reasons_for_living').array().notNull().default(sql`'{}'::text[]`),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

