import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  appealStatuses,
  blockKinds,
  moderationActionKinds,
  postStatuses,
  queueKinds,
  reactionKinds,
  spaceAudiences,
  storyStatuses,
} from '../../../shared/community/vocabulary.js';
import { users } from './accounts.js';
import { createdAtColumn, organizationIdColumn } from './columns.js';
import { peerGroups } from './groups.js';
import { programs } from './tenancy.js';

export const communitySpaceAudience = pgEnum('community_space_audience', spaceAudiences);
export const communityReactionKind = pgEnum('community_reaction_kind', reactionKinds);
export const communityPostStatus = pgEnum('community_post_status', postStatuses);
export const communityStoryStatus = pgEnum('community_story_status', storyStatuses);
export const communityQueueKind = pgEnum('community_queue_kind', queueKinds);
export const communityActionKind = pgEnum('community_action_kind', moderationActionKinds);
export const communityAppealStatus = pgEnum('community_appeal_status', appealStatuses);
export const communityBlockKind = pgEnum('community_block_kind', blockKinds);

/**
 * A person's community profile. Its id is the opaque member id the community API shows; the
 * community name is chosen by the person and is never their legal name. The user id never leaves
 * the server.
 */
export const communityMembers = pgTable(
  'community_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    communityName: text('community_name').notNull(),
    guidelinesAcceptedAt: timestamp('guidelines_accepted_at', { withTimezone: true }),
    onboardedAt: timestamp('onboarded_at', { withTimezone: true }),
    mutedUntil: timestamp('muted_until', { withTimezone: true }),
    suspendedUntil: timestamp('suspended_until', { withTimezone: true }),
    bannedAt: timestamp('banned_at', { withTimezone: true }),
    leftAt: timestamp('left_at', { withTimezone: true }),
    joinedAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('community_members_user').on(t.userId),
    uniqueIndex('community_members_name').on(t.organizationId, sql`lower(${t.communityName})`),
  ],
);

/** The organization's safety rules, versioned: a new version is a new row, the old ones stay. */
export const communityRuleSets = pgTable(
  'community_rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('community_rule_sets_version').on(t.organizationId, t.version)],
);

/** A space: open to the organization, to one program, or to the people added to it. */
export const communitySpaces = pgTable(
  'community_spaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    audience: communitySpaceAudience('audience').notNull(),
    programId: uuid('program_id').references(() => programs.id),
    name: text('name').notNull(),
    description: text('description').notNull(),
    rules: text('rules').notNull(),
    language: text('language').notNull().default('en'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [index('community_spaces_org').on(t.organizationId)],
);

/** Members of a group space, and each space's own moderators. */
export const communitySpaceMembers = pgTable(
  'community_space_members',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => communitySpaces.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: organizationIdColumn(),
    moderator: boolean('moderator').notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.userId] }), index('community_space_members_user').on(t.userId)],
);

/** A post (threadId = its own id) or a reply (threadId = the post it answers). */
export const communityPosts = pgTable(
  'community_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => communitySpaces.id),
    threadId: uuid('thread_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => communityMembers.id),
    title: text('title'),
    body: text('body').notNull(),
    peerWorkersOnly: boolean('peer_workers_only').notNull().default(false),
    status: communityPostStatus('status').notNull(),
    heldFor: text('held_for').array().notNull().default(sql`'{}'::text[]`),
    crisis: boolean('crisis').notNull().default(false),
    removalReason: text('removal_reason'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    /** Kept after the writer left the community, shown without their name. */
    anonymised: boolean('anonymised').notNull().default(false),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    ruleVersion: integer('rule_version'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('community_posts_space').on(t.spaceId, t.createdAt),
    index('community_posts_thread').on(t.threadId, t.createdAt),
    index('community_posts_author').on(t.authorId, t.createdAt),
    index('community_posts_search').using('gin', sql`(to_tsvector('english', coalesce(${t.title}, '') || ' ' || ${t.body}) || to_tsvector('spanish', coalesce(${t.title}, '') || ' ' || ${t.body}))`),
  ],
);

/** Members named with @community-name in a post or reply (never across a block). */
export const communityMentions = pgTable(
  'community_mentions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => communityPosts.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id),
    organizationId: organizationIdColumn(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.memberId] }), index('community_mentions_member').on(t.memberId)],
);

export const communityReactions = pgTable(
  'community_reactions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => communityPosts.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id),
    kind: communityReactionKind('kind').notNull(),
    organizationId: organizationIdColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.memberId, t.kind] })],
);

export const communityFollows = pgTable(
  'community_follows',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => communityPosts.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id),
    organizationId: organizationIdColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.memberId] })],
);

/** Block hides both people from each other; mute hides the other only from the one who muted. */
export const communityBlocks = pgTable(
  'community_blocks',
  {
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id),
    otherId: uuid('other_id')
      .notNull()
      .references(() => communityMembers.id),
    kind: communityBlockKind('kind').notNull(),
    organizationId: organizationIdColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.otherId] }), index('community_blocks_other').on(t.otherId)],
);

/** Reports: the reporter is kept for abuse checks only and is never shown to anyone. */
export const communityReports = pgTable(
  'community_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    postId: uuid('post_id').references(() => communityPosts.id),
    storyId: uuid('story_id'),
    memberId: uuid('member_id').references(() => communityMembers.id),
    reporterId: uuid('reporter_id').references(() => users.id),
    reason: text('reason').notNull(),
    details: text('details'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('community_reports_org').on(t.organizationId, t.createdAt)],
);

/** What waits for a moderator: crisis posts, held posts, reports, appeals. */
export const communityQueueItems = pgTable(
  'community_queue_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    kind: communityQueueKind('kind').notNull(),
    /** 0 is most urgent. */
    urgency: smallint('urgency').notNull(),
    postId: uuid('post_id').references(() => communityPosts.id),
    storyId: uuid('story_id'),
    memberId: uuid('member_id').references(() => communityMembers.id),
    reportId: uuid('report_id').references(() => communityReports.id),
    appealId: uuid('appeal_id'),
    rules: text('rules').array().notNull().default(sql`'{}'::text[]`),
    firstReviewedAt: timestamp('first_reviewed_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [index('community_queue_open').on(t.organizationId, t.resolvedAt, t.urgency, t.createdAt)],
);

export const communityModerationActions = pgTable(
  'community_moderation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    kind: communityActionKind('kind').notNull(),
    queueItemId: uuid('queue_item_id').references(() => communityQueueItems.id),
    postId: uuid('post_id').references(() => communityPosts.id),
    storyId: uuid('story_id'),
    memberId: uuid('member_id').references(() => communityMembers.id),
    moderatorId: uuid('moderator_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason'),
    until: timestamp('until', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('community_actions_org').on(t.organizationId, t.createdAt), index('community_actions_member').on(t.memberId)],
);

export const communityAppeals = pgTable(
  'community_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => communityModerationActions.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id),
    body: text('body').notNull(),
    status: communityAppealStatus('status').notNull().default('open'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('community_appeals_action').on(t.actionId)],
);

/** "Living proof": longer recovery stories, published after a moderator's review. */
export const communityStories = pgTable(
  'community_stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => communityMembers.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    contentNotes: text('content_notes').array().notNull().default(sql`'{}'::text[]`),
    status: communityStoryStatus('status').notNull().default('pending'),
    crisis: boolean('crisis').notNull().default(false),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('community_stories_org').on(t.organizationId, t.status, t.publishedAt)],
);

/** A live, peer-led text room. */
export const communityRooms = pgTable(
  'community_rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    spaceId: uuid('space_id').references(() => communitySpaces.id),
    /** A room linked to a program's group: joinable from the group's schedule, seen by the group's people. */
    groupId: uuid('group_id').references(() => peerGroups.id),
    hostId: uuid('host_id')
      .notNull()
      .references(() => communityMembers.id),
    topic: text('topic').notNull(),
    rules: text('rules').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    capacity: smallint('capacity').notNull(),
    keepTranscript: boolean('keep_transcript').notNull().default(false),
    locked: boolean('locked').notNull().default(false),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('community_rooms_org').on(t.organizationId, t.startsAt)],
);

export const communityRoomPeople = pgTable(
  'community_room_people',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => communityRooms.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id),
    organizationId: organizationIdColumn(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    muted: boolean('muted').notNull().default(false),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.memberId] })],
);

/** Kept only when the room's settings say so. */
export const communityRoomMessages = pgTable(
  'community_room_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => communityRooms.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id),
    body: text('body').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index('community_room_messages_room').on(t.roomId, t.createdAt)],
);
