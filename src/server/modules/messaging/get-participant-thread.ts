import { and, eq } from 'drizzle-orm';
import type { Thread } from '../../../shared/schemas/messaging.js';
import { messageThreads } from '../../db/schema/index.js';
import { anyAllows, relationshipsTo } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { lookUpThread, mayJoin, mayUse } from './thread-access.js';
import { loadThread } from './thread-view.js';

/**
 * The participant's one conversation, started on first use. Its members are brought in line with
 * the current assignment. A supervisor of the program gets the conversation without its messages,
 * so they can join it for a handover; anyone else is told the participant does not exist (audited).
 */
export async function getParticipantThread(ctx: AuthedContext, participantId: string): Promise<Thread> {
  const rels = (await relationshipsTo(ctx, [participantId])).get(participantId) ?? [];
  if (!anyAllows(rels, 'messages', 'read')) await deny(ctx, participantId);

  await ctx.db
    .insert(messageThreads)
    .values({ organizationId: ctx.actor.organizationId, participantId })
    .onConflictDoNothing({ target: messageThreads.participantId });
  const [row] = await ctx.db
    .select({ id: messageThreads.id })
    .from(messageThreads)
    .where(and(eq(messageThreads.participantId, participantId), eq(messageThreads.organizationId, ctx.actor.organizationId)));
  const thread = row && (await lookUpThread(ctx, row.id));
  if (!thread || !(mayUse(thread, 'read') || mayJoin(thread))) await deny(ctx, participantId);
  return loadThread(ctx, thread!);
}

async function deny(ctx: AuthedContext, participantId: string): Promise<never> {
  await recordAudit(ctx, {
    action: 'message.read',
    outcome: 'denied',
    participantId,
    resourceType: 'message_thread',
    resourceId: participantId,
    details: { category: 'messages', access: 'read' },
  });
  throw new AppError('participant.not_found', 'That participant was not found.');
}
