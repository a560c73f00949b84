import { z } from 'zod';
import {
  appealStatuses,
  blockKinds,
  contentNotes,
  leaveChoices,
  moderationActionKinds,
  postStatuses,
  queueKinds,
  reactionKinds,
  reportReasons,
  spaceAudiences,
  storyStatuses,
} from '../community/vocabulary.js';
import { uuidSchema } from './tenancy.js';

const isoTime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A name chosen for the community, never a legal name. It may not look like contact details
 * (no @, no long runs of digits), so it cannot carry a phone number or a handle.
 */
export const communityNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u, 'use letters, digits, spaces, dots, dashes')
  .refine((n) => !/\d{4,}/.test(n), 'no long runs of digits');

/** How a member appears: an opaque member id and their community name; nothing else about them. */
export const communityMemberSchema = z.object({
  id: uuidSchema,
  communityName: z.string(),
  /** Peer workers are shown as such, so people know who is staff. */
  peerWorker: z.boolean(),
});
export type CommunityMember = z.infer<typeof communityMemberSchema>;

export const communityMeSchema = z.object({
  member: z
    .object({
      id: uuidSchema,
      communityName: z.string(),
      guidelinesAccepted: z.boolean(),
      onboarded: z.boolean(),
      mutedUntil: isoTime.nullable(),
      suspendedUntil: isoTime.nullable(),
      banned: z.boolean(),
    })
    .nullable(),
  canModerate: z.boolean(),
  peerWorker: z.boolean(),
  /** Where to get help now; the community is not a crisis service. */
  crisisLine: z.string(),
});
export type CommunityMe = z.infer<typeof communityMeSchema>;

export const joinCommunitySchema = z.object({ communityName: communityNameSchema });
export const updateProfileSchema = z.object({ communityName: communityNameSchema.optional(), onboarded: z.literal(true).optional() });

export const spaceSchema = z.object({
  id: uuidSchema,
  audience: z.enum(spaceAudiences),
  programId: uuidSchema.nullable(),
  name: z.string(),
  description: z.string(),
  rules: z.string(),
  language: z.string(),
  moderators: z.array(communityMemberSchema),
  canModerate: z.boolean(),
  createdAt: isoTime,
});
export type Space = z.infer<typeof spaceSchema>;
export const spaceListSchema = z.object({ spaces: z.array(spaceSchema) });

const spaceFields = z.object({
  audience: z.enum(spaceAudiences),
  programId: uuidSchema.nullable().optional(),
  name: text(80),
  description: text(1000),
  rules: text(4000),
  language: z.enum(['en', 'es']).default('en'),
  /** For a group space: the members (by member id) who may see it. */
  memberIds: z.array(uuidSchema).max(500).default([]),
  moderatorIds: z.array(uuidSchema).max(50).default([]),
});
const programChosen = (s: { audience: string; programId?: string | null }) => s.audience !== 'program' || Boolean(s.programId);
const chooseProgram = { path: ['programId'], message: 'choose the program' };
export const createSpaceSchema = spaceFields.refine(programChosen, chooseProgram);
export type CreateSpace = z.input<typeof createSpaceSchema>;
/** Editing a space replaces what it says, who it is for, and its members and moderators. */
export const updateSpaceSchema = spaceFields.strict().refine(programChosen, chooseProgram);
export type UpdateSpace = z.input<typeof updateSpaceSchema>;
/** The people of a space, for its moderators: the members of a group space, and its own moderators. */
export const spacePeopleSchema = z.object({ members: z.array(communityMemberSchema), moderators: z.array(communityMemberSchema) });
/** Finding a member by their community name (exact, ignoring case): to add to a space, or to block. */
export const memberLookupQuerySchema = z.object({ name: z.string().trim().min(2).max(40) });
export const memberLookupSchema = z.object({ member: communityMemberSchema });

export const spaceParams = z.object({ spaceId: uuidSchema });
export const postParams = z.object({ postId: uuidSchema });
export const memberParams = z.object({ memberId: uuidSchema });

export const postSchema = z.object({
  id: uuidSchema,
  spaceId: uuidSchema,
  threadId: uuidSchema,
  /** Null once the writer left and chose to stay anonymous. */
  author: communityMemberSchema.nullable(),
  mine: z.boolean(),
  title: z.string().nullable(),
  body: z.string(),
  /** The members this post names with @community-name (never across a block). */
  mentions: z.array(z.object({ id: uuidSchema, communityName: z.string() })),
  peerWorkersOnly: z.boolean(),
  status: z.enum(postStatuses),
  /** Shown to the writer and to moderators only. */
  heldFor: z.array(z.string()),
  removalReason: z.string().nullable(),
  /** The reactions I gave; nobody sees who else reacted, and there are no counts. */
  myReactions: z.array(z.enum(reactionKinds)),
  replyCount: z.number().int(),
  createdAt: isoTime,
  editedAt: isoTime.nullable(),
});
export type Post = z.infer<typeof postSchema>;
export const postListSchema = z.object({ posts: z.array(postSchema) });

export const threadSchema = z.object({ post: postSchema, replies: z.array(postSchema), following: z.boolean(), space: spaceSchema });
export type Thread = z.infer<typeof threadSchema>;

export const createPostSchema = z.object({
  title: text(140).nullable().optional(),
  body: text(8000),
  peerWorkersOnly: z.boolean().default(false),
  /** The community guidelines, accepted with one's first post. */
  acceptGuidelines: z.boolean().optional(),
});
export type CreatePost = z.input<typeof createPostSchema>;
export const createReplySchema = createPostSchema.omit({ title: true, peerWorkersOnly: true });

/** Shown to a writer whose words carried crisis language: kindness first, and where to get help now. */
export const crisisSupportSchema = z.object({
  crisisLine: z.string(),
  /** Whether their safety plan is one tap away (they are a participant); the app knows its own path. */
  safetyPlan: z.boolean(),
  /** Whether their peer worker was told just now. */
  peerWorkerTold: z.boolean(),
});

export const publishResultSchema = z.object({
  post: postSchema,
  held: z.boolean(),
  crisis: z.object({ detected: z.boolean(), support: crisisSupportSchema.nullable() }),
});
export type PublishResult = z.infer<typeof publishResultSchema>;

export const reactSchema = z.object({ kind: z.enum(reactionKinds), on: z.boolean().default(true) });
export const followSchema = z.object({ following: z.boolean() });
export const searchQuerySchema = z.object({ q: z.string().trim().min(2).max(200), spaceId: uuidSchema.optional() });

export const reportSchema = z
  .object({
    postId: uuidSchema.optional(),
    storyId: uuidSchema.optional(),
    memberId: uuidSchema.optional(),
    reason: z.enum(reportReasons),
    details: z.string().trim().max(1000).optional(),
  })
  .refine((r) => Boolean(r.postId || r.memberId || r.storyId), { path: ['postId'], message: 'say what you are reporting' });
export const reportReceivedSchema = z.object({ received: z.literal(true) });

export const blockSchema = z.object({ kind: z.enum(blockKinds) });
export const blockListSchema = z.object({ people: z.array(communityMemberSchema.extend({ kind: z.enum(blockKinds) })) });

export const leaveSchema = z.object({ posts: z.enum(leaveChoices) });

export const queueItemSchema = z.object({
  id: uuidSchema,
  kind: z.enum(queueKinds),
  urgency: z.number().int(),
  createdAt: isoTime,
  waitingMinutes: z.number().int(),
  rules: z.array(z.string()),
  report: z.object({ reason: z.string(), details: z.string().nullable() }).nullable(),
  appeal: z.object({ body: z.string(), action: z.enum(moderationActionKinds), reason: z.string().nullable() }).nullable(),
  spaceName: z.string().nullable(),
  post: postSchema.nullable(),
  story: z.lazy(() => storySchema).nullable(),
  member: communityMemberSchema.nullable(),
  /** The thread around the post: what it answered and what came right before. */
  context: z.array(postSchema),
});
export type QueueItem = z.infer<typeof queueItemSchema>;
export const queueSchema = z.object({ items: z.array(queueItemSchema) });

export const moderateSchema = z.object({
  action: z.enum(moderationActionKinds),
  reason: z.string().trim().max(1000).optional(),
  /** For 'edit': the text with contact details taken out; without it they are taken out for you. */
  body: text(8000).optional(),
  /** For 'mute' and 'suspend'. */
  hours: z.number().int().min(1).max(24 * 90).optional(),
});
export type Moderate = z.input<typeof moderateSchema>;
export const moderationResultSchema = z.object({ done: z.literal(true), post: postSchema.nullable() });

export const myModerationSchema = z.object({
  actions: z.array(
    z.object({
      id: uuidSchema,
      kind: z.enum(moderationActionKinds),
      reason: z.string().nullable(),
      until: isoTime.nullable(),
      createdAt: isoTime,
      postId: uuidSchema.nullable(),
      appeal: z.object({ status: z.enum(appealStatuses) }).nullable(),
    }),
  ),
});
export const appealSchema = z.object({ body: text(2000) });
export const decideAppealSchema = z.object({ decision: z.enum(['upheld', 'overturned']) });
export const actionParams = z.object({ actionId: uuidSchema });
export const queueItemParams = z.object({ itemId: uuidSchema });

export const transparencyQuerySchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use YYYY-MM').optional() });
export const transparencySchema = z.object({
  month: z.string(),
  reportsReceived: z.number().int(),
  heldBySafetyRules: z.number().int(),
  actions: z.record(z.string(), z.number().int()),
  medianMinutesToFirstReview: z.number().nullable(),
});

/** The organization's safety rules: thresholds and patterns, versioned. */
export const rulePatternSchema = z.object({
  key: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
  kind: z.enum(['contact', 'dealing', 'brokering']),
  pattern: z.string().min(1).max(2000),
  /** Words around a hit that make it fine (a meeting's public line, a helpline). */
  allowNear: z.string().max(2000).optional(),
});
export const safetyRulesSchema = z.object({
  newAccountDays: z.number().int().min(0).max(365),
  linkMinAccountDays: z.number().int().min(0).max(365),
  postsPerHourNew: z.number().int().min(1).max(1000),
  postsPerHour: z.number().int().min(1).max(1000),
  publicLines: z.array(z.string().regex(/^\d{3,15}$/)).max(100),
  patterns: z.array(rulePatternSchema).max(200),
});
export type SafetyRules = z.infer<typeof safetyRulesSchema>;
export const ruleSetSchema = z.object({ version: z.number().int(), rules: safetyRulesSchema, createdAt: isoTime.nullable() });

export const storySchema = z.object({
  id: uuidSchema,
  author: communityMemberSchema.nullable(),
  mine: z.boolean(),
  title: z.string(),
  body: z.string(),
  contentNotes: z.array(z.enum(contentNotes)),
  status: z.enum(storyStatuses),
  reviewNote: z.string().nullable(),
  publishedAt: isoTime.nullable(),
  createdAt: isoTime,
});
export type Story = z.infer<typeof storySchema>;
export const storyListSchema = z.object({ stories: z.array(storySchema) });
export const createStorySchema = z.object({
  title: text(140),
  body: text(20000),
  contentNotes: z.array(z.enum(contentNotes)).max(contentNotes.length).default([]),
  acceptGuidelines: z.boolean().optional(),
});
export const storyParams = z.object({ storyId: uuidSchema });

export const roomSchema = z.object({
  id: uuidSchema,
  spaceId: uuidSchema.nullable(),
  groupId: uuidSchema.nullable(),
  host: communityMemberSchema,
  topic: z.string(),
  rules: z.string(),
  startsAt: isoTime,
  capacity: z.number().int(),
  keepTranscript: z.boolean(),
  locked: z.boolean(),
  ended: z.boolean(),
  isHost: z.boolean(),
  present: z.array(communityMemberSchema.extend({ muted: z.boolean() })),
  joined: z.boolean(),
  mutedMe: z.boolean(),
});
export type Room = z.infer<typeof roomSchema>;
export const roomListSchema = z.object({ rooms: z.array(roomSchema) });
export const createRoomSchema = z.object({
  topic: text(140),
  rules: text(2000),
  spaceId: uuidSchema.nullable().optional(),
  /** Link the room to a group the host runs: the group's people join it from the group's schedule. */
  groupId: uuidSchema.nullable().optional(),
  /** Later for a scheduled room; now (or left out) for an ad-hoc one. */
  startsAt: isoTime.optional(),
  capacity: z.number().int().min(2).max(100).default(20),
  keepTranscript: z.boolean().default(false),
});
export const roomParams = z.object({ roomId: uuidSchema });
export const roomListQuerySchema = z.object({ groupId: uuidSchema.optional() });
export const roomMessageSchema = z.object({ id: uuidSchema, author: communityMemberSchema, body: z.string(), createdAt: isoTime });
export const roomTranscriptSchema = z.object({ messages: z.array(roomMessageSchema) });
export const sendRoomMessageSchema = z.object({ body: text(2000) });
export const roomSendResultSchema = z.object({
  sent: z.boolean(),
  held: z.boolean(),
  message: roomMessageSchema.nullable(),
  crisis: z.object({ detected: z.boolean(), support: crisisSupportSchema.nullable() }),
});
export const roomControlSchema = z.object({ action: z.enum(['mute', 'unmute', 'remove', 'lock', 'unlock', 'end']), memberId: uuidSchema.optional() });
