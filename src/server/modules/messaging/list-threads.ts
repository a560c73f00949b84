import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { messagePreview, type ThreadList, type ThreadSummary, type UnreadSummary } from '../../../shared/schemas/messaging.js';
import { messages, messageThreads, participants, threadMembers } from '../../db/schema/index.js';
import { anyAllows, relationshipsTo } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { memberName, memberRole, rowsOf, syncThreadMembers, threadsOfUser } from './thread-members.js';
import { messagesQuery } from './thread-view.js';

/**
 * The conversations the caller is in now and may still read, after bringing members in line with
 * current assignments, each with its unread count.
 */
async function myThreads(ctx: AuthedContext) {
  await syncThreadMembers(ctx.db, threadsOfUser(ctx.actor.userId, ctx.actor.participantId));
  const rows = await ctx.db
    .select({
      id: messageThreads.id,
      participantId: participants.id,
      preferredName: participants.preferredName,
      programId: participants.programId,
      participantUserId: participants.userId,
      lastMessageAt: messageThreads.lastMessageAt,
      unreadCount: sql<number>`(select count(*)::int from ${messages} m where m.thread_id = ${messageThreads.id}
        and m.sender_id <> ${ctx.actor.userId} and m.created_at > coalesce(${threadMembers.lastReadAt}, '-infinity'))`,
    })
    .from(threadMembers)
    .innerJoin(messageThreads, eq(messageThreads.id, threadMembers.threadId))
    .innerJoin(participants, eq(participants.id, messageThreads.participantId))
    .where(and(eq(threadMembers.userId, ctx.actor.userId), isNull(threadMembers.leftAt), eq(messageThreads.organizationId, ctx.actor.organizationId)))
    .orderBy(sql`${messageThreads.lastMessageAt} desc nulls last`, participants.preferredName);
  const rels = await relationshipsTo(ctx, [...new Set(rows.map((r) => r.participantId))]);
  return rows.filter((r) => anyAllows(rels.get(r.participantId) ?? [], 'messages', 'read'));
}

/** The number on the Messages badge: no words of any message, so nothing to audit. */
export async function unreadSummary(ctx: AuthedContext): Promise<UnreadSummary> {
  const threads = await myThreads(ctx);
  return {
    unreadCount: threads.reduce((sum, t) => sum + t.unreadCount, 0),
    threads: threads.filter((t) => t.unreadCount > 0).length,
  };
}

/** The caller's conversations, most recent first, with who else is in them and a taste of the last message. */
export async function listThreads(ctx: AuthedContext): Promise<ThreadList> {
  const threads = await myThreads(ctx);
  const ids = threads.map((t) => t.id);
  if (ids.length === 0) return { threads: [] };

  const last = await messagesQuery(ctx.db)
    .where(
      inArray(
        messages.id,
        sql`(select distinct on (m.thread_id) m.id from ${messages} m where m.thread_id in ${ids} order by m.thread_id, m.created_at desc, m.id desc)`,
      ),
    )
    .orderBy(desc(messages.createdAt));
  const lastByThread = new Map(last.map((m) => [m.threadId, m]));

  const others = await rowsOf<{ thread_id: string; user_id: string; display_name: string; role: ThreadSummary['others'][number]['role'] }>(
    ctx.db,
    sql`select tm.thread_id, tm.user_id, ${memberName} as display_name, ${memberRole} as role
      from thread_members tm
      join message_threads t on t.id = tm.thread_id
      join participants p on p.id = t.participant_id
      join users u on u.id = tm.user_id
      where tm.thread_id in ${ids} and tm.left_at is null and tm.user_id <> ${ctx.actor.userId}
      order by tm.joined_at`,
  );

  // A list that shows the start of each last message is a read of each of those conversations.
  await recordAudit(
    ctx,
    ...threads
      .filter((t) => lastByThread.has(t.id))
      .map((t) => ({ action: 'message.read' as const, participantId: t.participantId, resourceType: 'message_thread', resourceId: t.id, details: { list: true } })),
  );

  return {
    threads: threads.map((t) => {
      const m = lastByThread.get(t.id);
      return {
        id: t.id,
        participant: { id: t.participantId, preferredName: t.preferredName, programId: t.programId, hasLogin: t.participantUserId !== null },
        others: others.filter((o) => o.thread_id === t.id).map((o) => ({ userId: o.user_id, displayName: o.display_name, role: o.role })),
        lastMessage: m ? { senderId: m.senderId, senderName: m.senderName, preview: messagePreview(m.body), createdAt: m.createdAt.toISOString() } : null,
        unreadCount: t.unreadCount,
      };
    }),
  };
}

