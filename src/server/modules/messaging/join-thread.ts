import { sql } from 'drizzle-orm';
import type { Thread, ThreadUpdatedEvent } from '../../../shared/schemas/messaging.js';
import { threadMembers } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { publishToMembers } from './publish.js';
import { lookUpThread, mayJoin, mayUse, requireThread } from './thread-access.js';
import { loadThread } from './thread-view.js';

/**
 * A supervisor joins a conversation for a handover; only then may they read it. The others see the
 * change of members at once (a line in the conversation: "Sam joined"). Joining a conversation one
 * is already in changes nothing.
 */
export async function joinThread(ctx: AuthedContext, threadId: string): Promise<Thread> {
  const thread = await requireThread(ctx, threadId, { access: 'write', action: 'thread.join', allow: (t) => mayJoin(t) || mayUse(t, 'read') });
  if (thread.member) return loadThread(ctx, thread);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(threadMembers)
      .values({ threadId: thread.id, userId: ctx.actor.userId })
      .onConflictDoUpdate({ target: [threadMembers.threadId, threadMembers.userId], set: { leftAt: null, joinedAt: sql`now()` } });
    await recordAudit(tx, {
      action: 'thread.join',
      participantId: thread.participantId,
      resourceType: 'message_thread',
      resourceId: thread.id,
      details: { as: thread.relationships },
    });
    const event: ThreadUpdatedEvent = { type: 'thread.updated', threadId: thread.id, participantId: thread.participantId };
    await publishToMembers(tx, thread.id, event);
  });
  return loadThread(ctx, (await lookUpThread(ctx, thread.id))!);
}
