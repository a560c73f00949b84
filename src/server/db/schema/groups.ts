import { sql } from 'drizzle-orm';
import { boolean, date, index, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { attendanceStatuses, groupModes, groupSessionStatuses, rsvpResponses } from '../../../shared/groups/vocabulary.js';
import { users } from './accounts.js';
import { createdAtColumn, organizationIdColumn, participantIdColumn } from './columns.js';
import { participants } from './participants.js';
import { programs } from './tenancy.js';

export const groupMode = pgEnum('group_mode', groupModes);
export const groupSessionStatus = pgEnum('group_session_status', groupSessionStatuses);
export const attendanceStatus = pgEnum('attendance_status', attendanceStatuses);
export const rsvpResponse = pgEnum('rsvp_response', rsvpResponses);

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * A group a program runs (relapse prevention, triggers, healthy relationships…). Its sessions follow
 * an RFC 5545 recurrence on the program's wall clock: `rrule` holds the rule without its start, which
 * is `startsOn` at `startTime` in the program's time zone, so 18:00 stays 18:00 across DST changes.
 */
export const peerGroups = pgTable(
  'peer_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    topic: text('topic').notNull(),
    description: text('description'),
    mode: groupMode('mode').notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    capacity: smallint('capacity'),
    rrule: text('rrule').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    startTime: text('start_time').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
    updatedAt: updatedAt(),
  },
  (t) => [index('peer_groups_program').on(t.organizationId, t.programId)],
);

/** Who leads a group: peer workers and supervisors of its program. */
export const peerGroupFacilitators = pgTable(
  'peer_group_facilitators',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => peerGroups.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: organizationIdColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('peer_group_facilitators_user').on(t.userId)],
);

/** A participant's place in a group. Withdrawing keeps the row (and the history) with a date. */
export const peerGroupEnrolments = pgTable(
  'peer_group_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => peerGroups.id),
    participantId: participantIdColumn(),
    enrolledBy: uuid('enrolled_by').references(() => users.id),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('peer_group_enrolments_unique').on(t.groupId, t.participantId), index('peer_group_enrolments_participant').on(t.participantId)],
);

/**
 * One occurrence of a group, written once something happens to it: cancelled or moved, notes
 * taken, attendance recorded, an RSVP. `occursOn` is the recurrence date it stands for (the key);
 * `startsAt` is when it really starts, which differs from the rule when the session was moved.
 */
export const peerGroupSessions = pgTable(
  'peer_group_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => peerGroups.id),
    occursOn: date('occurs_on').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    status: groupSessionStatus('status').notNull().default('scheduled'),
    place: text('place'),
    cancelReason: text('cancel_reason'),
    notes: text('notes'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: createdAtColumn(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('peer_group_sessions_occurrence').on(t.groupId, t.occursOn), index('peer_group_sessions_start').on(t.groupId, t.startsAt)],
);

export const peerGroupRsvps = pgTable(
  'peer_group_rsvps',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => peerGroupSessions.id),
    participantId: participantIdColumn(),
    organizationId: organizationIdColumn(),
    response: rsvpResponse('response').notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.participantId] })],
);

/** Who was there, taken by the facilitator; walk-ins are marked so enrolment and attendance stay apart. */
export const peerGroupAttendance = pgTable(
  'peer_group_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => peerGroupSessions.id),
    participantId: participantIdColumn(),
    status: attendanceStatus('status').notNull(),
    walkIn: boolean('walk_in').notNull().default(false),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('peer_group_attendance_unique').on(t.sessionId, t.participantId), index('peer_group_attendance_participant').on(t.participantId)],
);

/**
 * A person's private, revocable subscription URL for one group's sessions (calendar apps cannot sign
 * in). Only a digest of the secret is kept; each fetch checks that the person may still see the group.
 */
export const peerGroupCalendarLinks = pgTable(
  'peer_group_calendar_links',
  {
    id: text('id').primaryKey(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => peerGroups.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: organizationIdColumn(),
    createdAt: createdAtColumn(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('peer_group_calendar_links_user').on(t.userId, t.groupId)],
);
