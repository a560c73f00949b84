import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { communityModerationActions, communityQueueItems, communityReports } from '../../../db/schema/index.js';
import type { AuthedContext } from '../../../platform/context.js';

/**
 * A month's figures for the organization's transparency page: reports received, texts held by the
 * safety rules, actions by kind, and the median time from an item entering the queue to its first review.
 * Counts only; no person or post is named.
 */
export async function transparency(ctx: AuthedContext, month?: string) {
  const m = month ?? new Date().toISOString().slice(0, 7);
  const from = new Date(`${m}-01T00:00:00Z`);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const org = ctx.actor.organizationId;
  const [reports] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(communityReports)
    .where(and(eq(communityReports.organizationId, org), gte(communityReports.createdAt, from), lt(communityReports.createdAt, to)));
  const [held] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(communityQueueItems)
    .where(and(eq(communityQueueItems.organizationId, org), eq(communityQueueItems.kind, 'held'), gte(communityQueueItems.createdAt, from), lt(communityQueueItems.createdAt, to)));
  const actions = await ctx.db
    .select({ kind: communityModerationActions.kind, n: sql<number>`count(*)`.mapWith(Number) })
    .from(communityModerationActions)
    .where(and(eq(communityModerationActions.organizationId, org), gte(communityModerationActions.createdAt, from), lt(communityModerationActions.createdAt, to)))
    .groupBy(communityModerationActions.kind);
  const [median] = await ctx.db
    .select({
      minutes: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (${communityQueueItems.firstReviewedAt} - ${communityQueueItems.createdAt})) / 60)`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(communityQueueItems)
    .where(and(eq(communityQueueItems.organizationId, org), gte(communityQueueItems.createdAt, from), lt(communityQueueItems.createdAt, to), sql`${communityQueueItems.firstReviewedAt} is not null`));
  return {
    month: m,
    reportsReceived: reports?.n ?? 0,
    heldBySafetyRules: held?.n ?? 0,
    actions: Object.fromEntries(actions.map((a) => [a.kind, a.n])),
    medianMinutesToFirstReview: median?.minutes === null || median?.minutes === undefined ? null : Math.round(median.minutes * 10) / 10,
  };
}
