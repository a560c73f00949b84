import { and, eq, isNull } from 'drizzle-orm';
import { messageThreads, threadMembers } from '../../db/schema/index.js';
import { anyAllows, relationshipsTo, type Access, type Relationship } from '../../platform/access.js';
import { recordAudit, type AuditAction } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { syncThreadMembers, threadById } from './thread-members.js';

export interface OpenThread {
  id: string;
  participantId: string;
  relationships: Relationship[];
  /** The caller's membership, when they are in the conversation now. */
  member: { lastReadAt: Date | null } | null;
}

export const threadNotFound = () => new AppError('thread.not_found', 'That conversation was not found.');

/** The thread row, its participant, the caller's relationships to them and their membership, after bringing members in line. */
export async function lookUpThread(ctx: AuthedContext, threadId: string): Promise<OpenThread | null> {
  const [thread] = await ctx.db
    .select({ id: messageThreads.id, participantId: messageThreads.participantId })
    .from(messageThreads)
    .where(and(eq(messageThreads.id, threadId), eq(messageThreads.organizationId, ctx.actor.organizationId)));
  if (!thread) return null;
  await syncThreadMembers(ctx.db, threadById(thread.id));
  const relationships = (await relationshipsTo(ctx, [thread.participantId])).get(thread.participantId) ?? [];
  const [member] = await ctx.db
    .select({ lastReadAt: threadMembers.lastReadAt })
    .from(threadMembers)
    .where(and(eq(threadMembers.threadId, thread.id), eq(threadMembers.userId, ctx.actor.userId), isNull(threadMembers.leftAt)));
  return { ...thread, relationships, member: member ?? null };
}

/** Members read and write the conversation, as long as the access policy still lets them at the participant's messages. */
export function mayUse(thread: OpenThread, access: Access): boolean {
  return thread.member !== null && anyAllows(thread.relationships, 'messages', access);
}

/** A supervisor of the participant's program who is not in the conversation may join it for a handover. */
export function mayJoin(thread: Pick<OpenThread, 'relationships' | 'member'>): boolean {
  return thread.member === null && thread.relationships.includes('supervisor') && anyAllows(thread.relationships, 'messages', 'write');
}

/**
 * The conversation, when the caller is in it (or, with `allow`, may act on it another way).
 * Anyone else is told it does not exist, and the attempt is audited: a peer worker who is not
 * assigned, another participant, or a supervisor who has not joined.
 */
export async function requireThread(
  ctx: AuthedContext,
  threadId: string,
  request: { access: Access; action: AuditAction; allow?: (thread: OpenThread) => boolean },
): Promise<OpenThread> {
  const thread = await lookUpThread(ctx, threadId);
  const allowed = thread !== null && (request.allow ?? ((t: OpenThread) => mayUse(t, request.access)))(thread);
  if (!allowed) {
    await recordAudit(ctx, {
      action: request.action,
      outcome: 'denied',
      participantId: thread?.participantId ?? null,
      resourceType: 'message_thread',
      resourceId: threadId,
      details: { category: 'messages', access: request.access, ...(thread?.relationships.length ? { as: thread.relationships } : {}) },
    });
    throw threadNotFound();
  }
  return thread;
}
