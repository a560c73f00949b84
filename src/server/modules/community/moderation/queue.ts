import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { QueueItem } from '../../../../shared/schemas/community.js';
import { communityAppeals, communityModerationActions, communityPosts, communityQueueItems, communityReports, communitySpaces, communityStories } from '../../../db/schema/index.js';
import { recordAudit } from '../../../platform/audit.js';
import type { AuthedContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { isPeerStaff, memberViews, moderatesOrganization } from '../members.js';
import { loadPostsByIds } from '../post-view.js';
import { moderatedSpaceIds } from '../space-access.js';
import { storyViews } from '../stories.js';

/** Open items the actor may moderate: in the spaces they moderate, or (org moderators) stories, people and rooms too. */
export async function openItems(ctx: AuthedContext, ids?: string[]) {
  const spaces = await moderatedSpaceIds(ctx);
  const org = moderatesOrganization(ctx.actor);
  if (!org && spaces.length === 0) throw new AppError('auth.forbidden', 'The moderation queue is for moderators.');
  const inMySpaces = spaces.length
    ? sql`${communityQueueItems.postId} in (select ${communityPosts.id} from ${communityPosts} where ${inArray(communityPosts.spaceId, spaces)})`
    : sql`false`;
  return ctx.db
    .select()
    .from(communityQueueItems)
    .where(
      and(
        eq(communityQueueItems.organizationId, ctx.actor.organizationId),
        ids ? inArray(communityQueueItems.id, ids) : isNull(communityQueueItems.resolvedAt),
        org ? or(isNull(communityQueueItems.postId), inMySpaces) : inMySpaces,
      ),
    )
    .orderBy(asc(communityQueueItems.urgency), asc(communityQueueItems.createdAt))
    .limit(200);
}

/** The queue: most urgent first, then longest waiting; each with the rule or report, and the thread around it. */
export async function listQueue(ctx: AuthedContext): Promise<{ items: QueueItem[] }> {
  const rows = await openItems(ctx);
  const items = await queueViews(ctx, rows);
  await recordAudit(ctx, { action: 'community.queue_read', resourceType: 'community_queue', details: { items: rows.length } });
  return { items };
}

export async function queueViews(ctx: AuthedContext, rows: (typeof communityQueueItems.$inferSelect)[]): Promise<QueueItem[]> {
  const viewer = { memberId: null, peerStaff: isPeerStaff(ctx.actor) };
  const postIds = rows.flatMap((r) => (r.postId ? [r.postId] : []));
  const posts = new Map((await loadPostsByIds(ctx.db, postIds, viewer, true)).map((p) => [p.id, p]));
  const members = await memberViews(ctx.db, ctx.actor.organizationId, rows.flatMap((r) => (r.memberId ? [r.memberId] : [])));
  const reportIds = rows.flatMap((r) => (r.reportId ? [r.reportId] : []));
  const reports = new Map(
    (reportIds.length ? await ctx.db.select().from(communityReports).where(inArray(communityReports.id, reportIds)) : []).map((r) => [r.id, r]),
  );
  const appealIds = rows.flatMap((r) => (r.appealId ? [r.appealId] : []));
  const appeals = new Map(
    (appealIds.length
      ? await ctx.db
          .select({ id: communityAppeals.id, body: communityAppeals.body, action: communityModerationActions.kind, reason: communityModerationActions.reason })
          .from(communityAppeals)
          .innerJoin(communityModerationActions, eq(communityModerationActions.id, communityAppeals.actionId))
          .where(inArray(communityAppeals.id, appealIds))
      : []
    ).map((a) => [a.id, a]),
  );
  const storyIds = rows.flatMap((r) => (r.storyId ? [r.storyId] : []));
  const stories = new Map(
    (storyIds.length ? await storyViews(ctx, await ctx.db.select().from(communityStories).where(inArray(communityStories.id, storyIds)), null) : []).map((s) => [s.id, s]),
  );
  const spaceNames = new Map((await ctx.db.select({ id: communitySpaces.id, name: communitySpaces.name }).from(communitySpaces).where(eq(communitySpaces.organizationId, ctx.actor.organizationId))).map((s) => [s.id, s.name]));
  const now = Date.now();
  const out: QueueItem[] = [];
  for (const r of rows) {
    const post = r.postId ? posts.get(r.postId) ?? null : null;
    const report = r.reportId ? reports.get(r.reportId) : undefined;
    const appeal = r.appealId ? appeals.get(r.appealId) : undefined;
    out.push({
      id: r.id,
      kind: r.kind,
      urgency: r.urgency,
      createdAt: r.createdAt.toISOString(),
      waitingMinutes: Math.max(0, Math.floor((now - r.createdAt.getTime()) / 60_000)),
      rules: r.rules,
      report: report ? { reason: report.reason, details: report.details } : null,
      appeal: appeal ? { body: appeal.body, action: appeal.action, reason: appeal.reason } : null,
      spaceName: post ? spaceNames.get(post.spaceId) ?? null : null,
      post,
      story: r.storyId ? stories.get(r.storyId) ?? null : null,
      member: r.memberId ? members.get(r.memberId) ?? null : null,
      context: post ? await contextOf(ctx, post.threadId, post.id, post.createdAt) : [],
    });
  }
  return out;
}

/** What the post answered (the thread's first post) and up to three replies right before it. */
async function contextOf(ctx: AuthedContext, threadId: string, postId: string, createdAt: string) {
  const before = await ctx.db
    .select({ id: communityPosts.id })
    .from(communityPosts)
    .where(and(eq(communityPosts.threadId, threadId), lt(communityPosts.createdAt, new Date(createdAt)), sql`${communityPosts.id} <> ${threadId}`))
    .orderBy(desc(communityPosts.createdAt))
    .limit(3);
  const ids = [...(threadId !== postId ? [threadId] : []), ...before.map((b) => b.id).reverse()];
  void gt;
  return loadPostsByIds(ctx.db, ids, { memberId: null, peerStaff: true }, true);
}
