import { z } from 'zod';
import { uuidSchema } from './tenancy.js';

/**
 * Secure messaging between a participant and their peer worker: one conversation per participant.
 * Its members are the participant (when they have a login) and their current peer worker; a
 * supervisor joins for a handover and only then reads it.
 */

export const MESSAGE_MAX_LENGTH = 4000;
/** How much of a message a thread list or a live event shows. */
export const PREVIEW_LENGTH = 80;
export const MESSAGE_PAGE_DEFAULT = 30;
export const MESSAGE_PAGE_MAX = 100;

const isoTime = z.iso.datetime({ offset: true });

export const sendMessageSchema = z.object({
  /** Surrounding blank space is dropped; what is left must say something. */
  body: z.string().trim().min(1, 'write a message first').max(MESSAGE_MAX_LENGTH),
  /**
   * Made by the client before the first try. Sending again with the same id (a retry after a
   * dropped connection) gives back the same message instead of a second one.
   */
  clientId: uuidSchema.optional(),
});
export type SendMessage = z.infer<typeof sendMessageSchema>;

export const messagePageQuerySchema = z.object({
  /** The `before` cursor of the previous page: older messages than those. */
  before: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(MESSAGE_PAGE_MAX).default(MESSAGE_PAGE_DEFAULT),
});
export type MessagePageQuery = z.infer<typeof messagePageQuerySchema>;

export const markReadSchema = z.object({
  /** The newest message the reader has seen; everything up to it counts as read. */
  upTo: uuidSchema,
});
export type MarkRead = z.infer<typeof markReadSchema>;

export const threadParams = z.object({ id: uuidSchema });

export const memberRoles = ['participant', 'peer_worker', 'supervisor', 'staff'] as const;

export const threadMemberSchema = z.object({
  userId: uuidSchema,
  displayName: z.string(),
  role: z.enum(memberRoles),
  joinedAt: isoTime,
  /** Set once they left (a supervisor after a handover, a peer worker after reassignment). */
  leftAt: isoTime.nullable(),
  /** Read receipt: every message up to this time has been seen by them. */
  lastReadAt: isoTime.nullable(),
});
export type ThreadMember = z.infer<typeof threadMemberSchema>;

export const messageSchema = z.object({
  id: uuidSchema,
  threadId: uuidSchema,
  senderId: uuidSchema,
  senderName: z.string(),
  body: z.string(),
  /** The participant's words reached their peer worker as an urgent alert. */
  crisisDetected: z.boolean(),
  createdAt: isoTime,
});
export type Message = z.infer<typeof messageSchema>;

export const threadParticipantSchema = z.object({
  id: uuidSchema,
  preferredName: z.string(),
  programId: uuidSchema,
  hasLogin: z.boolean(),
});

/** One conversation as its page shows it: who is in it, and what the caller may do there. */
export const threadSchema = z.object({
  id: uuidSchema,
  participant: threadParticipantSchema,
  /** Everyone who has been in it, those who left too (their leaving shows as a line in the conversation). */
  members: z.array(threadMemberSchema),
  createdAt: isoTime,
  lastMessageAt: isoTime.nullable(),
  /** Messages from others the caller has not read yet (0 when they are not a member). */
  unreadCount: z.number().int(),
  can: z.object({
    /** A member reads and writes; a supervisor who has not joined sees only that the conversation exists. */
    read: z.boolean(),
    send: z.boolean(),
    join: z.boolean(),
    leave: z.boolean(),
  }),
});
export type Thread = z.infer<typeof threadSchema>;

export const messagePageSchema = z.object({
  /** Oldest first within the page; the first page holds the newest messages. */
  messages: z.array(messageSchema),
  /** Pass as `before` for the next older page; null when this page reaches the beginning. */
  before: z.string().nullable(),
});
export type MessagePage = z.infer<typeof messagePageSchema>;

export const threadSummarySchema = z.object({
  id: uuidSchema,
  participant: threadParticipantSchema,
  /** The other people in the conversation now. */
  others: z.array(z.object({ userId: uuidSchema, displayName: z.string(), role: z.enum(memberRoles) })),
  lastMessage: z
    .object({ senderId: uuidSchema, senderName: z.string(), preview: z.string(), createdAt: isoTime })
    .nullable(),
  unreadCount: z.number().int(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const threadListSchema = z.object({ threads: z.array(threadSummarySchema) });
export type ThreadList = z.infer<typeof threadListSchema>;

export const unreadSummarySchema = z.object({
  /** Unread messages across the caller's conversations: the number on the badge. */
  unreadCount: z.number().int(),
  /** How many conversations hold them. */
  threads: z.number().int(),
});
export type UnreadSummary = z.infer<typeof unreadSummarySchema>;

/** Where to get help now: sent with a participant's message that used crisis language. */
export const crisisResourcesSchema = z.object({
  /** Their program's crisis line (988 in the US unless the program set a local one). */
  crisisLine: z.string(),
  /** Their safety plan, one tap away. */
  safetyPlanPath: z.string(),
  /** Who was told just now, when someone walks alongside them. */
  peerWorkerName: z.string().nullable(),
});
export type CrisisResources = z.infer<typeof crisisResourcesSchema>;

export const sentMessageSchema = z.object({
  message: messageSchema,
  crisis: z.object({ detected: z.boolean(), resources: crisisResourcesSchema.nullable() }),
});
export type SentMessage = z.infer<typeof sentMessageSchema>;

export const readReceiptSchema = z.object({
  threadId: uuidSchema,
  lastReadAt: isoTime.nullable(),
  unreadCount: z.number().int(),
  /** False when the reader had already read that far (nothing changed, nobody was told). */
  moved: z.boolean(),
});
export type ReadReceipt = z.infer<typeof readReceiptSchema>;

/** A short, single-line taste of a message for lists and live events. */
export function messagePreview(body: string, length = PREVIEW_LENGTH): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

/** The live events this module publishes (to `user:<id>` channels). */
export type MessageCreatedEvent = {
  type: 'message.created';
  threadId: string;
  participantId: string;
  messageId: string;
  senderId: string;
  preview: string;
};
export type MessageReadEvent = {
  type: 'message.read';
  threadId: string;
  userId: string;
  lastReadAt: string | null;
};
export type ThreadUpdatedEvent = {
  type: 'thread.updated';
  threadId: string;
  participantId: string;
};
