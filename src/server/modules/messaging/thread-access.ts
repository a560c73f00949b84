import { and, eq, isNull, sql } from 'drizzle-orm';
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
  // Two rounds of two statements each: membership is brought in line while the thread is read, then
  // the policy's relationships and the caller's own membership are read together.
  const [[thread]] = await Promise.all([
    ctx.db
      .select({ id: messageThreads.id, participantId: messageThreads.participantId })
      .from(messageThreads)
      .where(and(eq(messageThreads.id, threadId), eq(messageThreads.organizationId, ctx.actor.organizationId))),
    syncThreadMembers(ctx.db, sql`${threadById(threadId)} and t.organization_id = ${ctx.actor.organizationId}`),
  ]);
  if (!thread) return null;
  const [held, [member]] = await Promise.all([
    relationshipsTo(ctx, [thread.participantId]),
    ctx.db
      .select({ lastReadAt: threadMembers.lastReadAt })
      .from(threadMembers)
      .where(and(eq(threadMembers.threadId, thread.id), eq(threadMembers.userId, ctx.actor.userId), isNull(threadMembers.leftAt))),
  ]);
  return { ...thread, relationships: held.get(thread.participantId) ?? [], member: member ?? null };
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
