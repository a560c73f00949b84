import { and, eq } from 'drizzle-orm';
import { communityMembers, communityPosts, communityQueueItems, communityReports } from '../../../db/schema/index.js';
import { recordAudit } from '../../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { tellModerators } from '../moderators.js';
import { requireSpace } from '../space-access.js';

/** Anyone signed in may report a post or a person with a reason; the reporter is never shown to anyone. */
export async function report(ctx: AuthedContext, input: { postId?: string; memberId?: string; reason: string; details?: string }): Promise<{ received: true }> {
  const org = ctx.actor.organizationId;
  let spaceId: string | null = null;
  let memberId = input.memberId ?? null;
  if (input.postId) {
    const [post] = await ctx.db.select().from(communityPosts).where(and(eq(communityPosts.id, input.postId), eq(communityPosts.organizationId, org)));
    if (!post) throw notFound('community_post.not_found', 'That post');
    // Only a post the reporter can see (its space): otherwise it answers as if it did not exist.
    await requireSpace(ctx, post.spaceId).catch(() => { throw notFound('community_post.not_found', 'That post'); });
    spaceId = post.spaceId;
    memberId = post.authorId;
  } else if (memberId) {
    const [m] = await ctx.db.select({ id: communityMembers.id }).from(communityMembers).where(and(eq(communityMembers.id, memberId), eq(communityMembers.organizationId, org)));
    if (!m) throw notFound('community_member.not_found', 'That member');
  }
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(communityReports)
      .values({ organizationId: org, postId: input.postId ?? null, memberId, reporterId: ctx.actor.userId, reason: input.reason, details: input.details ?? null })
      .returning({ id: communityReports.id });
    const urgency = input.reason === 'unsafe' ? 1 : input.reason === 'dealing' || input.reason === 'recruiting' || input.reason === 'contact_request' ? 2 : 3;
    const [item] = await tx.db
      .insert(communityQueueItems)
      .values({ organizationId: org, kind: 'report', urgency, postId: input.postId ?? null, memberId, reportId: row!.id, rules: [`report.${input.reason}`] })
      .returning({ id: communityQueueItems.id });
    await recordAudit(tx, { action: 'community.report', resourceType: 'community_report', resourceId: row!.id, details: { reason: input.reason } });
    await tellModerators(tx, org, spaceId, { type: 'community.queue', queueItemId: item!.id, kind: 'report' });
  });
  return { received: true };
}
