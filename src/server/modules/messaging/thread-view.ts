import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Message, Thread } from '../../../shared/schemas/messaging.js';
import { messages, messageThreads, participants, users } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import type { Db } from '../../db/client.js';
import { mayJoin, mayUse, type OpenThread } from './thread-access.js';
import { loadMembers } from './thread-members.js';

/**
 * Messages from others after the reader's last read (all of them when they never read). Compared
 * in the database, at its full precision, against the membership row itself.
 */
export function unreadCondition(threadId: string, userId: string): SQL {
  return and(
    eq(messages.threadId, threadId),
    ne(messages.senderId, userId),
    sql`${messages.createdAt} > coalesce((select tm.last_read_at from thread_members tm where tm.thread_id = ${threadId} and tm.user_id = ${userId}), '-infinity')`,
  )!;
}

export async function countUnread(db: Db, threadId: string, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(messages).where(unreadCondition(threadId, userId));
  return row?.n ?? 0;
}

/** The conversation as its page shows it. */
export async function loadThread(ctx: AuthedContext, thread: OpenThread): Promise<Thread> {
  const [row] = await ctx.db
    .select({
      createdAt: messageThreads.createdAt,
      lastMessageAt: messageThreads.lastMessageAt,
      participantId: participants.id,
      preferredName: participants.preferredName,
      programId: participants.programId,
      userId: participants.userId,
    })
    .from(messageThreads)
    .innerJoin(participants, eq(participants.id, messageThreads.participantId))
    .where(eq(messageThreads.id, thread.id));
  const canRead = mayUse(thread, 'read');
  const standing = thread.relationships.includes('self') || thread.relationships.includes('assigned_peer');
  return {
    id: thread.id,
    participant: { id: row!.participantId, preferredName: row!.preferredName, programId: row!.programId, hasLogin: row!.userId !== null },
    members: await loadMembers(ctx.db, thread.id),
    createdAt: row!.createdAt.toISOString(),
    lastMessageAt: row!.lastMessageAt?.toISOString() ?? null,
    unreadCount: canRead ? await countUnread(ctx.db, thread.id, ctx.actor.userId) : 0,
    can: {
      read: canRead,
      send: mayUse(thread, 'write'),
      join: mayJoin(thread),
      // The participant and their peer worker stay while they walk together; others leave after a handover.
      leave: thread.member !== null && !standing,
    },
  };
}

/** Messages with the name each sender is known by in this conversation. */
export function messagesQuery(db: Db) {
  return db
    .select({
      id: messages.id,
      threadId: messages.threadId,
      senderId: messages.senderId,
      senderName: sql<string>`case when ${messages.senderId} = ${participants.userId} then ${participants.preferredName} else ${users.displayName} end`,
      body: messages.body,
      crisisDetected: messages.crisisDetected,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .innerJoin(participants, eq(participants.id, messageThreads.participantId))
    .innerJoin(users, eq(users.id, messages.senderId));
}

export type MessageRow = Awaited<ReturnType<ReturnType<typeof messagesQuery>['where']>>[number];

export function toMessage(row: MessageRow): Message {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
