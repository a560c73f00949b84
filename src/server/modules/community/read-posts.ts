import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Post, Thread } from '../../../shared/schemas/community.js';
import { communityFollows, communityPosts } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { findMember, isPeerStaff } from './members.js';
import { readablePosts, selectPosts, toPost, type Viewer } from './post-view.js';
import { requireSpace, spaceViews, visibleSpaces } from './space-access.js';

async function viewerOf(ctx: AuthedContext): Promise<Viewer> {
  const member = await findMember(ctx.db, ctx.actor);
  return { memberId: member && !member.leftAt ? member.id : null, peerStaff: isPeerStaff(ctx.actor) };
}

/** A space's threads, newest first. */
export async function listSpacePosts(ctx: AuthedContext, spaceId: string): Promise<{ posts: Post[] }> {
  const space = await requireSpace(ctx, spaceId);
  const viewer = await viewerOf(ctx);
  const rows = await selectPosts(ctx.db, viewer.memberId)
    .where(and(eq(communityPosts.spaceId, space.row.id), sql`${communityPosts.threadId} = ${communityPosts.id}`, readablePosts(viewer, space.canModerate)))
    .orderBy(desc(communityPosts.createdAt))
    .limit(100);
  return { posts: rows.map((r) => toPost(r, viewer, space.canModerate)) };
}

/** A thread with its replies, oldest first. A removed post is gone for members (404) but kept for moderators. */
export async function getThread(ctx: AuthedContext, postId: string): Promise<Thread> {
  const [head] = await ctx.db
    .select({ spaceId: communityPosts.spaceId, threadId: communityPosts.threadId })
    .from(communityPosts)
    .where(and(eq(communityPosts.id, postId), eq(communityPosts.organizationId, ctx.actor.organizationId)));
  if (!head) throw notFound('community_post.not_found', 'That post');
  const space = await requireSpace(ctx, head.spaceId).catch(() => {
    throw notFound('community_post.not_found', 'That post');
  });
  const viewer = await viewerOf(ctx);
  const threadId = head.threadId ?? postId;
  const rows = await selectPosts(ctx.db, viewer.memberId)
    .where(and(eq(communityPosts.threadId, threadId), readablePosts(viewer, space.canModerate)))
    .orderBy(asc(communityPosts.createdAt));
  const first = rows.find((r) => r.post.id === threadId);
  if (!first) throw notFound('community_post.not_found', 'That post');
  const [follow] = viewer.memberId
    ? await ctx.db.select().from(communityFollows).where(and(eq(communityFollows.threadId, threadId), eq(communityFollows.memberId, viewer.memberId)))
    : [];
  return {
    post: toPost(first, viewer, space.canModerate),
    replies: rows.filter((r) => r.post.id !== threadId).map((r) => toPost(r, viewer, space.canModerate)),
    following: Boolean(follow),
    space: (await spaceViews(ctx, [space.row]))[0]!,
  };
}

/**
 * Search within the spaces the actor sees (or one of them): Postgres full-text search in English
 * and Spanish, over what the actor may read.
 */
export async function searchPosts(ctx: AuthedContext, q: string, spaceId?: string): Promise<{ posts: Post[] }> {
  const viewer = await viewerOf(ctx);
  const spaces = spaceId ? [(await requireSpace(ctx, spaceId)).row.id] : (await ctx.db.select({ id: sql<string>`community_spaces.id` }).from(sql`community_spaces`).where(visibleSpaces(ctx.actor))).map((r) => r.id);
  if (spaces.length === 0) return { posts: [] };
  const query = sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('spanish', ${q}))`;
  const doc = sql`(to_tsvector('english', coalesce(${communityPosts.title}, '') || ' ' || ${communityPosts.body}) || to_tsvector('spanish', coalesce(${communityPosts.title}, '') || ' ' || ${communityPosts.body}))`;
  const rows = await selectPosts(ctx.db, viewer.memberId)
    .where(and(inArray(communityPosts.spaceId, spaces), sql`${doc} @@ ${query}`, readablePosts(viewer, false)))
    .orderBy(desc(sql`ts_rank(${doc}, ${query})`), desc(communityPosts.createdAt))
    .limit(50);
  return { posts: rows.map((r) => toPost(r, viewer, false)) };
}
