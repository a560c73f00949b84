import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid, date } from 'drizzle-orm/pg-core';
import {
  appointmentModes,
  appointmentStatuses,
  contactActivities,
  contactTypes,
  genders,
  taskSources,
} from '../../../shared/schemas/journey.js';
import { users } from './accounts.js';
import { participants } from './participants.js';
import { createdAtColumn, organizationIdColumn } from './columns.js';
import { programs } from './tenancy.js';

export const genderEnum = pgEnum('gender', genders);
export const contactType = pgEnum('contact_type', contactTypes);
export const appointmentMode = pgEnum('appointment_mode', appointmentModes);
export const appointmentStatus = pgEnum('appointment_status', appointmentStatuses);
export const taskSource = pgEnum('task_source', taskSources);

const orgId = organizationIdColumn;
const createdAt = createdAtColumn;

/** Weekly availability: day 0 = Sunday … 6, local times in the program's time zone. */
export interface AvailabilitySlot {
  day: number;
  from: string;
  to: string;
}

/** What a peer worker chooses to share for matching; everything but capacity is optional. */
export const peerWorkerProfiles = pgTable('peer_worker_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  organizationId: orgId(),
  livedExperience: text('lived_experience').array().notNull().default(sql`'{}'::text[]`),
  languages: text('languages').array().notNull().default(sql`'{en}'::text[]`),
  gender: genderEnum('gender'),
  settings: text('settings').array().notNull().default(sql`'{}'::text[]`),
  availability: jsonb('availability').$type<AvailabilitySlot[]>().notNull().default([]),
  capacity: smallint('capacity').notNull().default(25),
  bio: text('bio'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What a participant asks of a match: hard constraints (language, gender) and wishes (shared experience). */
export const matchPreferences = pgTable('match_preferences', {
  participantId: uuid('participant_id')
    .primaryKey()
    .references(() => participants.id),
  organizationId: orgId(),
  requiredLanguage: text('required_language'),
  preferredGender: genderEnum('preferred_gender'),
  wantedExperience: text('wanted_experience').array().notNull().default(sql`'{}'::text[]`),
  preferredTimes: jsonb('preferred_times').$type<AvailabilitySlot[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Per-program rules for the caseload's risk flags, and how soon an urgent alert escalates. */
export const programFlagRules = pgTable('program_flag_rules', {
  programId: uuid('program_id')
    .primaryKey()
    .references(() => programs.id),
  organizationId: orgId(),
  rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default({}),
  escalateAfterMinutes: integer('escalate_after_minutes').notNull().default(30),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const contactNotes = pgTable(
  'contact_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    contactType: contactType('contact_type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    durationMinutes: smallint('duration_minutes').notNull(),
    activities: text('activities').array().notNull().default(sql`'{}'::text[]`),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary').notNull(),
    nextSteps: text('next_steps'),
    followUpOn: date('follow_up_on'),
    version: integer('version').notNull().default(1),
    // Billing (workforce): a billable contact, and the service code its program billed it under.
    billable: boolean('billable').notNull().default(false),
    serviceCode: text('service_code'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contact_notes_participant').on(t.participantId, t.occurredAt), index('contact_notes_author').on(t.authorId, t.occurredAt)],
);

/** Every earlier version of a note: edits keep history. */
export const contactNoteVersions = pgTable(
  'contact_note_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => contactNotes.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    editedBy: uuid('edited_by').references(() => users.id),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_note_versions_unique').on(t.noteId, t.version)],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    peerWorkerId: uuid('peer_worker_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull().default(45),
    mode: appointmentMode('mode').notNull(),
    location: text('location'),
    videoLink: text('video_link'),
    note: text('note'),
    status: appointmentStatus('status').notNull().default('scheduled'),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointments_peer').on(t.peerWorkerId, t.startsAt), index('appointments_participant').on(t.participantId, t.startsAt)],
);

/** Personal iCalendar subscription URLs; only a digest of the secret is kept, and it can be revoked. */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: text('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  organizationId: orgId(),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    participantId: uuid('participant_id').references(() => participants.id),
    source: taskSource('source').notNull(),
    sourceId: text('source_id'),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('tasks_owner_due').on(t.ownerId, t.doneAt, t.dueOn)],
);

/** A one-to-one conversation between a participant and their peer worker (a supervisor may join for a handover). */
export const messageThreads = pgTable(
  'message_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    createdAt: createdAt(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('message_threads_participant').on(t.participantId)],
);

export const threadMembers = pgTable(
  'thread_members',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('thread_members_unique').on(t.threadId, t.userId), index('thread_members_user').on(t.userId)],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    crisisDetected: boolean('crisis_detected').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('messages_thread_time').on(t.threadId, t.createdAt)],
);
