import { eq } from 'drizzle-orm';
import type { Moderate } from '../../../../shared/schemas/community.js';
import { communityAppeals, communityMembers, communityModerationActions, communityPosts, communityQueueItems, communityStories, participants } from '../../../db/schema/index.js';
import { recordAudit } from '../../../platform/audit.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { raiseAlert } from '../../alerts/raise.js';
import { isPeerStaff } from '../members.js';
import { notifyMentions } from '../mentions.js';
import { notifyFollowers } from '../notify-followers.js';
import { loadPostsByIds } from '../post-view.js';
import { currentRules } from '../rule-set.js';
import { redactContacts } from '../safety/check-text.js';
import { openItems } from './queue.js';

const HOUR = 3_600_000;
const needsReason = new Set(['remove', 'warn', 'mute', 'suspend', 'ban', 'escalate']);

/**
 * A moderator acts on a queue item: approve, edit out contact details, remove (the writer sees the
 * reason), warn, mute or suspend for a time, ban, escalate to the program, dismiss a report, or
 * restore. On an appeal, restore overturns the action and dismiss upholds it. Every action is a row
 * and an audit event.
 */
export async function moderate(ctx: AuthedContext, itemId: string, input: Moderate) {
  const [item] = await openItems(ctx, [itemId]);
  if (!item) throw notFound('community_queue_item.not_found', 'That queue item');
  if (item.resolvedAt) throw new AppError('community.action_invalid', 'That item was already dealt with.');
  if (needsReason.has(input.action) && !input.reason) {
    throw new AppError('validation.failed', 'Say why: the person will see the reason.', [{ path: 'reason', message: 'required for this action' }]);
  }
  const [post] = item.postId ? await ctx.db.select().from(communityPosts).where(eq(communityPosts.id, item.postId)) : [];
  const [story] = item.storyId ? await ctx.db.select().from(communityStories).where(eq(communityStories.id, item.storyId)) : [];
  const [appeal] = item.appealId ? await ctx.db.select().from(communityAppeals).where(eq(communityAppeals.id, item.appealId)) : [];
  const contentActions = ['approve', 'edit', 'remove', 'restore'];
  if (contentActions.includes(input.action) && !post && !story && !appeal) throw new AppError('community.action_invalid', 'There is no post or story here to act on.');
  const now = new Date();
  const { rules } = await currentRules(ctx.db, ctx.actor.organizationId);

  await inTransaction(ctx, async (tx) => {
    let until: Date | null = null;
    const member = item.memberId;
    if (appeal) {
      const overturn = input.action === 'restore';
      if (!overturn && input.action !== 'dismiss') throw new AppError('community.action_invalid', 'An appeal is upheld (dismiss) or overturned (restore).');
      await tx.db.update(communityAppeals).set({ status: overturn ? 'overturned' : 'upheld', decidedBy: ctx.actor.userId, decidedAt: now }).where(eq(communityAppeals.id, appeal.id));
      if (overturn) await undo(tx, appeal.actionId);
    } else {
      switch (input.action) {
        case 'approve':
        case 'edit': {
          const edited = input.action === 'edit';
          if (post) {
            const body = edited ? input.body ?? redactContacts(post.body, rules) : post.body;
            await tx.db.update(communityPosts).set({ status: 'published', body, editedAt: edited ? now : post.editedAt }).where(eq(communityPosts.id, post.id));
            if (post.status === 'held' && post.threadId && post.threadId !== post.id) {
              const [author] = await tx.db.select().from(communityMembers).where(eq(communityMembers.id, post.authorId));
              await notifyFollowers(tx, { organizationId: post.organizationId, threadId: post.threadId, authorId: post.authorId, authorName: author!.communityName, anonymous: post.anonymised });
            }
            await notifyMentions(tx, post.id);
          }
          if (story) {
            const body = edited ? input.body ?? redactContacts(story.body, rules) : story.body;
            await tx.db.update(communityStories).set({ status: 'published', body, publishedAt: now, reviewedBy: ctx.actor.userId, reviewNote: input.reason ?? null }).where(eq(communityStories.id, story.id));
          }
          break;
        }
        case 'remove':
          if (post) await tx.db.update(communityPosts).set({ status: 'removed', removedAt: now, removalReason: input.reason! }).where(eq(communityPosts.id, post.id));
          if (story) await tx.db.update(communityStories).set({ status: 'declined', reviewNote: input.reason!, reviewedBy: ctx.actor.userId }).where(eq(communityStories.id, story.id));
          break;
        case 'restore':
          if (post) await tx.db.update(communityPosts).set({ status: 'published', removedAt: null, removalReason: null }).where(eq(communityPosts.id, post.id));
          break;
        case 'mute':
        case 'suspend': {
          if (!member) throw new AppError('community.action_invalid', 'There is no person here to act on.');
          until = new Date(now.getTime() + (input.hours ?? (input.action === 'mute' ? 24 : 24 * 7)) * HOUR);
          await tx.db.update(communityMembers).set(input.action === 'mute' ? { mutedUntil: until } : { suspendedUntil: until }).where(eq(communityMembers.id, member));
          break;
        }
        case 'ban':
          if (!member) throw new AppError('community.action_invalid', 'There is no person here to act on.');
          await tx.db.update(communityMembers).set({ bannedAt: now }).where(eq(communityMembers.id, member));
          break;
        case 'escalate': {
          // To the program: the writer's peer worker hears of it, when the writer is a participant.
          const [person] = member
            ? await tx.db.select({ id: participants.id }).from(communityMembers).innerJoin(participants, eq(participants.userId, communityMembers.userId)).where(eq(communityMembers.id, member))
            : [];
          if (person) {
            await raiseAlert(tx, { participantId: person.id, kind: 'crisis_language', severity: 'high', reason: `A community moderator asked the program to follow up: ${input.reason}`, sourceType: 'community_queue_item', sourceId: item.id });
          }
          break;
        }
        case 'warn':
        case 'dismiss':
          break;
      }
    }
    const [action] = await tx.db
      .insert(communityModerationActions)
      .values({ organizationId: ctx.actor.organizationId, kind: input.action, queueItemId: item.id, postId: item.postId, storyId: item.storyId, memberId: member, moderatorId: ctx.actor.userId, reason: input.reason ?? null, until })
      .returning({ id: communityModerationActions.id });
    // Acting on a person or content resolves the item; a warning alone leaves held content waiting.
    const resolves = !(input.action === 'warn' && post?.status === 'held');
    await tx.db
      .update(communityQueueItems)
      .set({ firstReviewedAt: item.firstReviewedAt ?? now, ...(resolves ? { resolvedAt: now, resolvedBy: ctx.actor.userId } : {}) })
      .where(eq(communityQueueItems.id, item.id));
    await recordAudit(tx, { action: 'community.moderate', resourceType: 'community_queue_item', resourceId: item.id, details: { action: input.action, actionId: action!.id, postId: item.postId, storyId: item.storyId, memberId: member, hours: input.hours ?? null } });
  });
  const [after] = item.postId ? await loadPostsByIds(ctx.db, [item.postId], { memberId: null, peerStaff: isPeerStaff(ctx.actor) }, true) : [];
  return { done: true as const, post: after ?? null };
}

/** Overturning an appealed action puts things back as they were. */
async function undo(tx: RequestContext, actionId: string) {
  const [action] = await tx.db.select().from(communityModerationActions).where(eq(communityModerationActions.id, actionId));
  if (!action) return;
  if (action.kind === 'remove' && action.postId) await tx.db.update(communityPosts).set({ status: 'published', removedAt: null, removalReason: null }).where(eq(communityPosts.id, action.postId));
  if (action.kind === 'remove' && action.storyId) await tx.db.update(communityStories).set({ status: 'published', publishedAt: new Date() }).where(eq(communityStories.id, action.storyId));
  if (action.memberId) {
    if (action.kind === 'mute') await tx.db.update(communityMembers).set({ mutedUntil: null }).where(eq(communityMembers.id, action.memberId));
    if (action.kind === 'suspend') await tx.db.update(communityMembers).set({ suspendedUntil: null }).where(eq(communityMembers.id, action.memberId));
    if (action.kind === 'ban') await tx.db.update(communityMembers).set({ bannedAt: null }).where(eq(communityMembers.id, action.memberId));
  }
}

