import { sql } from 'drizzle-orm';
import { bigint, date, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MeetingGuideRecord } from '../../../shared/meetings/feed.js';
import { attendanceModes } from '../../../shared/meetings/vocabulary.js';
import { users } from './accounts.js';
import { createdAtColumn, organizationIdColumn, participantIdColumn } from './columns.js';

export const meetingAttendanceMode = pgEnum('meeting_attendance_mode', attendanceModes);

/**
 * A mutual-aid meeting in an organization's directory, in the Meeting Guide model. `record` is the
 * listing as the feed states it (normalized: one day, string slug, time zone filled in): export
 * writes it back unchanged. The other columns are worked out from it for the finder to query.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    // Day 0 = Sunday … 6, and the start in minutes after midnight, both on the meeting's own clock; null = by appointment.
    day: smallint('day'),
    startMinute: smallint('start_minute'),
    // day * 1440 + startMinute: where the start falls in the meeting's week.
    weekMinute: integer('week_minute'),
    timeZone: text('time_zone'),
    types: text('types').array().notNull().default(sql`'{}'::text[]`),
    attendanceMode: meetingAttendanceMode('attendance_mode').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull(),
    record: jsonb('record').$type<MeetingGuideRecord>().notNull(),
    contentHash: text('content_hash').notNull(),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meetings_org_slug').on(t.organizationId, t.slug),
    index('meetings_org_week').on(t.organizationId, t.weekMinute),
    // The finder's other filters: the zones in use (read as a skip scan; with the mode, the count of
    // every active listing reads this index alone), day and start, types, a latitude/longitude box.
    index('meetings_org_zone').on(t.organizationId, t.timeZone, t.attendanceMode),
    index('meetings_types').using('gin', t.types),
    index('meetings_org_day').on(t.organizationId, t.day, t.startMinute),
    index('meetings_org_geo').on(t.organizationId, t.latitude, t.longitude),
  ],
);

/**
 * How many times each organization's directory has changed: triggers on `meetings` (migration
 * 0012) add one on every insert, update, delete or truncate, whatever code path writes, in the
 * writer's transaction. The public feed caches its body per version (modules/meetings/feed-cache.ts).
 */
export const meetingFeedVersions = pgTable('meeting_feed_versions', {
  organizationId: organizationIdColumn().primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
});

/** Meetings a person keeps on their list. */
export const meetingSaves = pgTable(
  'meeting_saves',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    organizationId: organizationIdColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.meetingId] })],
);

/** A participant's own note that they went to a meeting on a day; it counts toward their engagement. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    participantId: participantIdColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    attendedOn: date('attended_on').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('meeting_attendance_unique').on(t.participantId, t.meetingId, t.attendedOn), index('meeting_attendance_participant').on(t.participantId, t.attendedOn)],
);
