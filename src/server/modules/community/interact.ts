import { and, eq, or } from 'drizzle-orm';
import type { ReactionKind } from '../../../shared/community/vocabulary.js';
import type { Post } from '../../../shared/schemas/community.js';
import { communityBlocks, communityFollows, communityMembers, communityPosts, communityReactions } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { isPeerStaff, memberViews, requireMember } from './members.js';
import { loadPostsByIds, readablePosts } from './post-view.js';
import { requireSpace } from './space-access.js';

/** A published post the member can read, or 404. */
async function readablePost(ctx: AuthedContext, memberId: string, postId: string) {
  const [post] = await ctx.db
    .select()
    .from(communityPosts)
    .where(and(eq(communityPosts.id, postId), eq(communityPosts.organizationId, ctx.actor.organizationId), eq(communityPosts.status, 'published'), readablePosts({ memberId, peerStaff: isPeerStaff(ctx.actor) }, false)));
  if (!post) throw notFound('community_post.not_found', 'That post');
  await requireSpace(ctx, post.spaceId).catch(() => {
    throw notFound('community_post.not_found', 'That post');
  });
  return post;
}

/** "Me too", "sending strength", "thank you": on or off. Nobody sees who reacted, and there are no counts. */
export async function react(ctx: AuthedContext, postId: string, kind: ReactionKind, on: boolean): Promise<Post> {
  const member = await requireMember(ctx);
  const post = await readablePost(ctx, member.id, postId);
  await inTransaction(ctx, async (tx) => {
    if (on) {
      await tx.db.insert(communityReactions).values({ postId: post.id, memberId: member.id, kind, organizationId: member.organizationId }).onConflictDoNothing();
    } else {
      await tx.db.delete(communityReactions).where(and(eq(communityReactions.postId, post.id), eq(communityReactions.memberId, member.id), eq(communityReactions.kind, kind)));
    }
    await recordAudit(tx, { action: 'community.react', resourceType: 'community_post', resourceId: post.id, details: { kind, on } });
  });
  return (await loadPostsByIds(ctx.db, [post.id], { memberId: member.id, peerStaff: isPeerStaff(ctx.actor) }, false))[0]!;
}

export async function followThread(ctx: AuthedContext, postId: string, following: boolean): Promise<{ following: boolean }> {
  const member = await requireMember(ctx);
  const post = await readablePost(ctx, member.id, postId);
  const threadId = post.threadId ?? post.id;
  if (following) {
    await ctx.db.insert(communityFollows).values({ threadId, memberId: member.id, organizationId: member.organizationId }).onConflictDoNothing();
  } else {
    await ctx.db.delete(communityFollows).where(and(eq(communityFollows.threadId, threadId), eq(communityFollows.memberId, member.id)));
  }
  return { following };
}

/**
 * Block: the two no longer see each other's posts and replies, and cannot mention or message each
 * other in the community. Mute: the other's posts disappear for the one who muted only.
 */
export async function blockMember(ctx: AuthedContext, otherId: string, kind: 'block' | 'mute') {
  const member = await requireMember(ctx);
  const [other] = await ctx.db
    .select({ id: communityMembers.id })
    .from(communityMembers)
    .where(and(eq(communityMembers.id, otherId), eq(communityMembers.organizationId, member.organizationId)));
  if (!other || other.id === member.id) throw notFound('community_member.not_found', 'That member');
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(communityBlocks)
      .values({ memberId: member.id, otherId: other.id, kind, organizationId: member.organizationId })
      .onConflictDoUpdate({ target: [communityBlocks.memberId, communityBlocks.otherId], set: { kind } });
    await recordAudit(tx, { action: 'community.block', resourceType: 'community_member', resourceId: other.id, details: { kind } });
  });
  return listBlocks(ctx);
}

export async function unblockMember(ctx: AuthedContext, otherId: string) {
  const member = await requireMember(ctx);
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(communityBlocks).where(and(eq(communityBlocks.memberId, member.id), eq(communityBlocks.otherId, otherId)));
    await recordAudit(tx, { action: 'community.block', resourceType: 'community_member', resourceId: otherId, details: { kind: 'none' } });
  });
  return listBlocks(ctx);
}

export async function listBlocks(ctx: AuthedContext) {
  const member = await requireMember(ctx);
  const rows = await ctx.db.select().from(communityBlocks).where(eq(communityBlocks.memberId, member.id));
  const views = await memberViews(ctx.db, member.organizationId, rows.map((r) => r.otherId));
  return { people: rows.flatMap((r) => (views.has(r.otherId) ? [{ ...views.get(r.otherId)!, kind: r.kind }] : [])) };
}

/** Whether a block stands between two members (either way): they cannot reach each other. */
export async function blockedBetween(ctx: AuthedContext, a: string, b: string): Promise<boolean> {
  const rows = await ctx.db
    .select({ kind: communityBlocks.kind })
    .from(communityBlocks)
    .where(and(eq(communityBlocks.kind, 'block'), or(and(eq(communityBlocks.memberId, a), eq(communityBlocks.otherId, b)), and(eq(communityBlocks.memberId, b), eq(communityBlocks.otherId, a)))));
  return rows.length > 0;
}

export function refuseBlocked(): never {
  throw new AppError('community.restricted', 'You cannot reach this person.');
}
