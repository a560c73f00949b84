import { and, desc, eq, inArray } from 'drizzle-orm';
import { communityAppeals, communityModerationActions, communityQueueItems } from '../../../db/schema/index.js';
import { recordAudit } from '../../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { requireMember } from '../members.js';
import { tellModerators } from '../moderators.js';

/** What moderators did about me or my posts, with their reasons, and any appeal. */
export async function myModeration(ctx: AuthedContext) {
  const member = await requireMember(ctx);
  const actions = await ctx.db
    .select()
    .from(communityModerationActions)
    .where(and(eq(communityModerationActions.memberId, member.id), inArray(communityModerationActions.kind, ['edit', 'remove', 'warn', 'mute', 'suspend', 'ban'])))
    .orderBy(desc(communityModerationActions.createdAt));
  const appeals = actions.length ? await ctx.db.select().from(communityAppeals).where(inArray(communityAppeals.actionId, actions.map((a) => a.id))) : [];
  return {
    actions: actions.map((a) => {
      const appeal = appeals.find((x) => x.actionId === a.id);
      return {
        id: a.id,
        kind: a.kind,
        reason: a.reason,
        until: a.until?.toISOString() ?? null,
        createdAt: a.createdAt.toISOString(),
        postId: a.postId,
        appeal: appeal ? { status: appeal.status } : null,
      };
    }),
  };
}

/** The writer appeals an action taken about them; it goes to the queue for another look. */
export async function appeal(ctx: AuthedContext, actionId: string, body: string) {
  const member = await requireMember(ctx);
  const [action] = await ctx.db
    .select()
    .from(communityModerationActions)
    .where(and(eq(communityModerationActions.id, actionId), eq(communityModerationActions.memberId, member.id)));
  if (!action) throw notFound('community_action.not_found', 'That moderation action');
  const [existing] = await ctx.db.select({ id: communityAppeals.id }).from(communityAppeals).where(eq(communityAppeals.actionId, actionId));
  if (existing) throw new AppError('community.action_invalid', 'You already appealed this.');
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(communityAppeals).values({ organizationId: member.organizationId, actionId, memberId: member.id, body }).returning({ id: communityAppeals.id });
    const [item] = await tx.db
      .insert(communityQueueItems)
      .values({ organizationId: member.organizationId, kind: 'appeal', urgency: 2, postId: action.postId, storyId: action.storyId, memberId: member.id, appealId: row!.id, rules: [`appeal.${action.kind}`] })
      .returning({ id: communityQueueItems.id });
    await recordAudit(tx, { action: 'community.appeal', resourceType: 'community_appeal', resourceId: row!.id, details: { actionId } });
    await tellModerators(tx, member.organizationId, null, { type: 'community.queue', queueItemId: item!.id, kind: 'appeal' });
  });
  return myModeration(ctx);
}
