import { and, eq, exists, isNull, sql } from 'drizzle-orm';
import type { CommunityMember } from '../../../shared/schemas/community.js';
import type { Db } from '../../db/client.js';
import { communityMembers, memberships, users } from '../../db/schema/index.js';
import { hasRole, type Actor, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';

export type MemberRow = typeof communityMembers.$inferSelect;

/** Staff who take part as peer workers (shown as such) and see "for peer workers only" posts. */
export const isPeerStaff = (actor: Actor) => hasRole(actor, 'peer_worker') || hasRole(actor, 'supervisor');

/** Moderators of the whole organization's community. */
export const moderatesOrganization = (actor: Actor) => hasRole(actor, 'moderator') || hasRole(actor, 'org_admin');

/** Whether a member's user holds the peer worker role: a column for member views. */
export const peerWorkerFlag = (userIdColumn: typeof communityMembers.userId) =>
  exists(
    sql`(select 1 from ${memberships} where ${memberships.userId} = ${userIdColumn} and ${memberships.role} in ('peer_worker', 'supervisor'))`,
  ).mapWith(Boolean);

export function memberView(row: { id: string; communityName: string; peerWorker: boolean }): CommunityMember {
  return { id: row.id, communityName: row.communityName, peerWorker: Boolean(row.peerWorker) };
}

export async function findMember(db: Db, actor: Actor): Promise<MemberRow | null> {
  const [row] = await db.select().from(communityMembers).where(and(eq(communityMembers.userId, actor.userId), eq(communityMembers.organizationId, actor.organizationId)));
  return row ?? null;
}

/** The actor's community profile; taking part needs one (a community name), and leaving ends it. */
export async function requireMember(ctx: AuthedContext): Promise<MemberRow> {
  const member = await findMember(ctx.db, ctx.actor);
  if (!member || member.leftAt) throw new AppError('community.profile_required', 'Choose a community name first.');
  return member;
}

/** Posting, replying and speaking in rooms: not while muted, suspended or banned. */
export function requireMayWrite(member: MemberRow, now = new Date()): void {
  if (member.bannedAt) throw new AppError('community.restricted', 'You can no longer post in the community.');
  if (member.suspendedUntil && member.suspendedUntil > now) throw new AppError('community.restricted', 'Your community account is suspended for now.');
  if (member.mutedUntil && member.mutedUntil > now) throw new AppError('community.restricted', 'You are muted for now; you can still read.');
}

/** Days since the person's account was made (not since they joined the community). */
export async function accountAgeDays(db: Db, memberId: string): Promise<number> {
  const [row] = await db
    .select({ createdAt: users.createdAt })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(eq(communityMembers.id, memberId));
  if (!row) return 0;
  return (Date.now() - row.createdAt.getTime()) / 86_400_000;
}

/** The member views of some member ids, by id. */
export async function memberViews(db: Db, organizationId: string, ids: readonly string[]): Promise<Map<string, CommunityMember>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: communityMembers.id, communityName: communityMembers.communityName, peerWorker: peerWorkerFlag(communityMembers.userId) })
    .from(communityMembers)
    .where(and(eq(communityMembers.organizationId, organizationId), sql`${communityMembers.id} in ${[...new Set(ids)]}`));
  return new Map(rows.map((r) => [r.id, memberView(r)]));
}

/** A member of the actor's organization found by community name (exact, ignoring case); people who left are not found. */
export async function lookupMember(ctx: AuthedContext, name: string): Promise<{ member: CommunityMember }> {
  const [row] = await ctx.db
    .select({ id: communityMembers.id, communityName: communityMembers.communityName, peerWorker: peerWorkerFlag(communityMembers.userId) })
    .from(communityMembers)
    .where(and(eq(communityMembers.organizationId, ctx.actor.organizationId), sql`lower(${communityMembers.communityName}) = lower(${name})`, isNull(communityMembers.leftAt)));
  if (!row) throw notFound('community_member.not_found', 'Nobody by that community name');
  return { member: memberView(row) };
}
