import { and, eq, sql } from 'drizzle-orm';
import type { MarkRead, MessageReadEvent, ReadReceipt } from '../../../shared/schemas/messaging.js';
import { messages, threadMembers } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireThread } from './thread-access.js';
import { publishToMembers } from './publish.js';
import { countUnread } from './thread-view.js';

/**
 * A read receipt: the reader has seen the conversation up to this message. It only moves forward
 * (a late receipt from another tab never un-reads anything). The others in the conversation, and
 * the reader's other tabs, hear of it at once.
 */
export async function markRead(ctx: AuthedContext, threadId: string, input: MarkRead): Promise<ReadReceipt> {
  const thread = await requireThread(ctx, threadId, { access: 'read', action: 'message.read' });
  const [upTo] = await ctx.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.id, input.upTo), eq(messages.threadId, thread.id)));
  if (!upTo) {
    throw new AppError('validation.failed', 'That message is not in this conversation.', [{ path: 'body.upTo', message: 'is not a message of this conversation' }]);
  }
  const readUpTo = sql`(select created_at from messages where id = ${input.upTo})`;
  const moved = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(threadMembers)
      .set({ lastReadAt: readUpTo })
      .where(
        and(
          eq(threadMembers.threadId, thread.id),
          eq(threadMembers.userId, ctx.actor.userId),
          sql`(${threadMembers.lastReadAt} is null or ${threadMembers.lastReadAt} < ${readUpTo})`,
        ),
      )
      .returning({ lastReadAt: threadMembers.lastReadAt });
    if (!row) return false;
    await recordAudit(tx, {
      action: 'message.read',
      participantId: thread.participantId,
      resourceType: 'message_thread',
      resourceId: thread.id,
      details: { receipt: true, upTo: input.upTo },
    });
    const event: MessageReadEvent = { type: 'message.read', threadId: thread.id, userId: ctx.actor.userId, lastReadAt: row.lastReadAt!.toISOString() };
    await publishToMembers(tx, thread.id, event);
    return true;
  });
  const [member] = await ctx.db
    .select({ lastReadAt: threadMembers.lastReadAt })
    .from(threadMembers)
    .where(and(eq(threadMembers.threadId, thread.id), eq(threadMembers.userId, ctx.actor.userId)));
  const lastReadAt = member?.lastReadAt ?? null;
  return {
    threadId: thread.id,
    moved,
    lastReadAt: lastReadAt?.toISOString() ?? null,
    unreadCount: await countUnread(ctx.db, thread.id, ctx.actor.userId),
  };
}
