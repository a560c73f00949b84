import { and, eq, sql } from 'drizzle-orm';
import type { Thread, ThreadUpdatedEvent } from '../../../shared/schemas/messaging.js';
import { threadMembers } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { publishToMembers } from './publish.js';
import { lookUpThread, requireThread } from './thread-access.js';
import { loadThread } from './thread-view.js';

/**
 * A supervisor leaves after the handover; the conversation goes on without them and they no longer
 * read it. The participant and their peer worker stay in it while they walk together.
 */
export async function leaveThread(ctx: AuthedContext, threadId: string): Promise<Thread> {
  const thread = await requireThread(ctx, threadId, { access: 'read', action: 'thread.leave', allow: (t) => t.member !== null });
  if (thread.relationships.includes('self') || thread.relationships.includes('assigned_peer')) {
    throw new AppError(
      'thread.cannot_leave',
      thread.relationships.includes('self')
        ? 'This is your conversation with your peer worker; it stays with you.'
        : 'You walk alongside this person, so their conversation stays with you until they are assigned to someone else.',
    );
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(threadMembers)
      .set({ leftAt: sql`now()` })
      .where(and(eq(threadMembers.threadId, thread.id), eq(threadMembers.userId, ctx.actor.userId)));
    await recordAudit(tx, { action: 'thread.leave', participantId: thread.participantId, resourceType: 'message_thread', resourceId: thread.id });
    const event: ThreadUpdatedEvent = { type: 'thread.updated', threadId: thread.id, participantId: thread.participantId };
    // The one who left hears it too: their other tabs close the conversation.
    await publishToMembers(tx, thread.id, event, [ctx.actor.userId]);
  });
  return loadThread(ctx, (await lookUpThread(ctx, thread.id))!);
}
