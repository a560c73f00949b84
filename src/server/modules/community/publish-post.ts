import { and, eq } from 'drizzle-orm';
import type { CreatePost, PublishResult } from '../../../shared/schemas/community.js';
import { createPostSchema, createReplySchema } from '../../../shared/schemas/community.js';
import type { z } from 'zod';
import { communityFollows, communityMembers, communityPosts } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { isPeerStaff, requireMayWrite, requireMember, type MemberRow } from './members.js';
import { findMentions, notifyMentions, saveMentions } from './mentions.js';
import { notifyFollowers } from './notify-followers.js';
import { loadPostsByIds, readablePosts } from './post-view.js';
import { answerCrisis, queueHeld, screenText, type CrisisSupport } from './safety/screen.js';
import { requireSpace } from './space-access.js';

/** A new post in a space: screened first, then published, held for review, and/or answered with crisis support. */
export async function createPost(ctx: AuthedContext, spaceId: string, input: z.output<typeof createPostSchema>): Promise<PublishResult> {
  const space = await requireSpace(ctx, spaceId);
  const member = await writer(ctx, input.acceptGuidelines);
  if (input.peerWorkersOnly && !isPeerStaff(ctx.actor)) throw new AppError('auth.forbidden', 'Only peer workers can post for peer workers only.');
  return publish(ctx, member, { spaceId: space.row.id, threadId: null, title: input.title ?? null, body: input.body, peerWorkersOnly: input.peerWorkersOnly, targetMemberId: null, acceptGuidelines: input.acceptGuidelines });
}

/** A reply in a thread the writer can read; it inherits the thread's "for peer workers only". */
export async function createReply(ctx: AuthedContext, postId: string, input: z.output<typeof createReplySchema>): Promise<PublishResult> {
  const member = await writer(ctx, input.acceptGuidelines);
  const [thread] = await ctx.db.select().from(communityPosts).where(and(eq(communityPosts.id, postId), eq(communityPosts.organizationId, ctx.actor.organizationId)));
  if (!thread || thread.threadId !== thread.id) throw notFound('community_post.not_found', 'That post');
  const space = await requireSpace(ctx, thread.spaceId);
  const [readable] = await ctx.db
    .select({ id: communityPosts.id })
    .from(communityPosts)
    .where(and(eq(communityPosts.id, postId), readablePosts({ memberId: member.id, peerStaff: isPeerStaff(ctx.actor) }, false)));
  if (!readable || thread.status !== 'published') throw notFound('community_post.not_found', 'That post');
  void space;
  return publish(ctx, member, { spaceId: thread.spaceId, threadId: thread.id, title: null, body: input.body, peerWorkersOnly: thread.peerWorkersOnly, targetMemberId: thread.authorId, acceptGuidelines: input.acceptGuidelines });
}

async function writer(ctx: AuthedContext, acceptGuidelines: boolean | undefined): Promise<MemberRow> {
  const member = await requireMember(ctx);
  requireMayWrite(member);
  if (!member.guidelinesAcceptedAt && !acceptGuidelines) {
    throw new AppError('community.guidelines_required', 'Please read and accept the community guidelines before your first post.');
  }
  return member;
}

interface Draft {
  spaceId: string;
  threadId: string | null;
  title: string | null;
  body: string;
  peerWorkersOnly: boolean;
  targetMemberId: string | null;
  acceptGuidelines: boolean | undefined;
}

async function publish(ctx: AuthedContext, member: MemberRow, draft: Draft): Promise<PublishResult> {
  const screening = await screenText(ctx, member, `${draft.title ?? ''}\n${draft.body}`.trim(), draft.targetMemberId);
  const held = screening.held.length > 0;
  let support: CrisisSupport | null = null;
  const id = await inTransaction(ctx, async (tx) => {
    if (!member.guidelinesAcceptedAt) await tx.db.update(communityMembers).set({ guidelinesAcceptedAt: new Date() }).where(eq(communityMembers.id, member.id));
    const [row] = await tx.db
      .insert(communityPosts)
      .values({
        organizationId: member.organizationId,
        spaceId: draft.spaceId,
        threadId: draft.threadId,
        authorId: member.id,
        title: draft.title,
        body: draft.body,
        peerWorkersOnly: draft.peerWorkersOnly,
        status: held ? 'held' : 'published',
        heldFor: screening.held,
        crisis: screening.crisis.length > 0,
        ruleVersion: screening.ruleVersion,
      })
      .returning({ id: communityPosts.id });
    const postId = row!.id;
    const threadId = draft.threadId ?? postId;
    if (!draft.threadId) await tx.db.update(communityPosts).set({ threadId: postId }).where(eq(communityPosts.id, postId));
    // Writers follow their own threads and the ones they answer.
    await tx.db.insert(communityFollows).values({ threadId, memberId: member.id, organizationId: member.organizationId }).onConflictDoNothing();
    // The trail records that something was posted and what the checks found, never the words.
    await recordAudit(tx, {
      action: 'community.post_create',
      resourceType: 'community_post',
      resourceId: postId,
      details: { spaceId: draft.spaceId, reply: Boolean(draft.threadId), held: screening.held, crisis: screening.crisis.length > 0, ruleVersion: screening.ruleVersion },
    });
    const source = { organizationId: member.organizationId, spaceId: draft.spaceId, postId, memberId: member.id };
    await saveMentions(tx, postId, member.organizationId, await findMentions(tx, member, draft.spaceId, draft.peerWorkersOnly, draft.body));
    if (!held) await notifyMentions(tx, postId);
    if (held) await queueHeld(tx, source, screening.held);
    if (screening.crisis.length) support = await answerCrisis(tx as AuthedContext, { ...source, text: draft.body, matches: screening.crisis });
    if (!held && draft.threadId) {
      await notifyFollowers(tx, { organizationId: member.organizationId, threadId, authorId: member.id, authorName: member.communityName, anonymous: false });
    }
    return postId;
  });
  const [post] = await loadPostsByIds(ctx.db, [id], { memberId: member.id, peerStaff: isPeerStaff(ctx.actor) }, false);
  return { post: post!, held, crisis: { detected: screening.crisis.length > 0, support } };
}

export type { CreatePost };
