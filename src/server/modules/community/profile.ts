import { and, eq, sql } from 'drizzle-orm';
import type { CommunityMe } from '../../../shared/schemas/community.js';
import type { leaveChoices } from '../../../shared/community/vocabulary.js';
import { communityBlocks, communityFollows, communityMembers, communityPosts, communityReactions, participants, programs } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findMember, isPeerStaff, moderatesOrganization, requireMember } from './members.js';

/** The actor's community profile (or none yet), what they may do, and where to get help now. */
export async function getMe(ctx: AuthedContext): Promise<CommunityMe> {
  const member = await findMember(ctx.db, ctx.actor);
  let crisisLine = ctx.config.CRISIS_LINE;
  if (ctx.actor.participantId) {
    const [p] = await ctx.db
      .select({ crisisLine: programs.crisisLine })
      .from(participants)
      .innerJoin(programs, eq(programs.id, participants.programId))
      .where(eq(participants.id, ctx.actor.participantId));
    crisisLine = p?.crisisLine ?? crisisLine;
  }
  const now = new Date();
  const active = member && !member.leftAt ? member : null;
  return {
    member: active
      ? {
          id: active.id,
          communityName: active.communityName,
          guidelinesAccepted: Boolean(active.guidelinesAcceptedAt),
          onboarded: Boolean(active.onboardedAt),
          mutedUntil: active.mutedUntil && active.mutedUntil > now ? active.mutedUntil.toISOString() : null,
          suspendedUntil: active.suspendedUntil && active.suspendedUntil > now ? active.suspendedUntil.toISOString() : null,
          banned: Boolean(active.bannedAt),
        }
      : null,
    canModerate: moderatesOrganization(ctx.actor),
    peerWorker: isPeerStaff(ctx.actor),
    crisisLine,
  };
}

async function nameFree(ctx: AuthedContext, name: string, exceptId: string | null): Promise<void> {
  const [taken] = await ctx.db
    .select({ id: communityMembers.id })
    .from(communityMembers)
    .where(and(eq(communityMembers.organizationId, ctx.actor.organizationId), sql`lower(${communityMembers.communityName}) = lower(${name})`));
  if (taken && taken.id !== exceptId) {
    throw new AppError('community.name_taken', 'Someone already uses that community name. Try another.', [{ path: 'communityName', message: 'already in use' }]);
  }
}

/** Joining: a community name of one's choosing (never the legal name). Coming back after leaving starts afresh. */
export async function joinCommunity(ctx: AuthedContext, communityName: string): Promise<CommunityMe> {
  const existing = await findMember(ctx.db, ctx.actor);
  await nameFree(ctx, communityName, existing?.id ?? null);
  await inTransaction(ctx, async (tx) => {
    let id = existing?.id;
    if (existing) {
      await tx.db
        .update(communityMembers)
        .set({ communityName, leftAt: null, guidelinesAcceptedAt: existing.leftAt ? null : existing.guidelinesAcceptedAt })
        .where(eq(communityMembers.id, existing.id));
    } else {
      const [row] = await tx.db
        .insert(communityMembers)
        .values({ organizationId: ctx.actor.organizationId, userId: ctx.actor.userId, communityName })
        .returning({ id: communityMembers.id });
      id = row!.id;
    }
    await recordAudit(tx, { action: 'community.join', resourceType: 'community_member', resourceId: id! });
  });
  return getMe(ctx);
}

export async function updateProfile(ctx: AuthedContext, input: { communityName?: string; onboarded?: true }): Promise<CommunityMe> {
  const member = await requireMember(ctx);
  if (input.communityName) await nameFree(ctx, input.communityName, member.id);
  const changes = { ...(input.communityName ? { communityName: input.communityName } : {}), ...(input.onboarded ? { onboardedAt: member.onboardedAt ?? new Date() } : {}) };
  // Nothing to change (an empty body): answer as it is, rather than an empty UPDATE failing with a 500.
  if (Object.keys(changes).length === 0) return getMe(ctx);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(communityMembers).set(changes).where(eq(communityMembers.id, member.id));
    await recordAudit(tx, { action: 'community.profile_update', resourceType: 'community_member', resourceId: member.id, details: { renamed: Boolean(input.communityName), onboarded: Boolean(input.onboarded) } });
  });
  return getMe(ctx);
}

/**
 * Leaving the community: the person chooses whether their posts are removed or stay without their
 * name. Either way their reactions, follows and blocks go. Moderation records stay.
 */
export async function leaveCommunity(ctx: AuthedContext, choice: (typeof leaveChoices)[number]): Promise<CommunityMe> {
  const member = await requireMember(ctx);
  await inTransaction(ctx, async (tx) => {
    if (choice === 'remove') {
      await tx.db
        .update(communityPosts)
        .set({ status: 'removed', removedAt: new Date(), removalReason: 'Removed by the writer when they left the community.' })
        .where(eq(communityPosts.authorId, member.id));
    } else {
      await tx.db.update(communityPosts).set({ anonymised: true }).where(eq(communityPosts.authorId, member.id));
    }
    await tx.db.delete(communityReactions).where(eq(communityReactions.memberId, member.id));
    await tx.db.delete(communityFollows).where(eq(communityFollows.memberId, member.id));
    await tx.db.delete(communityBlocks).where(eq(communityBlocks.memberId, member.id));
    await tx.db.update(communityMembers).set({ leftAt: new Date() }).where(eq(communityMembers.id, member.id));
    await recordAudit(tx, { action: 'community.leave', resourceType: 'community_member', resourceId: member.id, details: { posts: choice } });
  });
  return getMe(ctx);
}
