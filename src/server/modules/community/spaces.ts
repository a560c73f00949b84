import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { createSpaceSchema, Space } from '../../../shared/schemas/community.js';
import { communityMembers, communitySpaceMembers, communitySpaces, programs } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { hasRole, inTransaction, isOrgAdmin, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { memberView, moderatesOrganization, peerWorkerFlag } from './members.js';
import { moderatesSpace, requireSpace, spaceViews, visibleSpaces } from './space-access.js';

export async function listSpaces(ctx: AuthedContext): Promise<{ spaces: Space[] }> {
  const rows = await ctx.db.select().from(communitySpaces).where(visibleSpaces(ctx.actor)).orderBy(asc(communitySpaces.audience), asc(communitySpaces.name));
  return { spaces: await spaceViews(ctx, rows) };
}

export async function getSpace(ctx: AuthedContext, spaceId: string): Promise<Space> {
  const { row } = await requireSpace(ctx, spaceId);
  return (await spaceViews(ctx, [row]))[0]!;
}

type SpaceInput = z.output<typeof createSpaceSchema>;

/** Whether the actor may make or change spaces of this audience: org moderators and admins (program spaces: that program's). */
async function checkAudience(ctx: AuthedContext, input: SpaceInput): Promise<string | null> {
  if (!moderatesOrganization(ctx.actor)) throw new AppError('auth.forbidden', 'Spaces are made by the community’s moderators.');
  const programId = input.audience === 'program' ? input.programId! : null;
  if (programId) {
    if (!isOrgAdmin(ctx.actor) && !hasRole(ctx.actor, 'moderator', programId)) throw new AppError('auth.forbidden', 'You moderate another program.');
    const [program] = await ctx.db.select({ id: programs.id }).from(programs).where(and(eq(programs.id, programId), eq(programs.organizationId, ctx.actor.organizationId)));
    if (!program) throw notFound('program.not_found', 'That program');
  }
  return programId;
}

/** The members and moderators named by member id, all of this organization and still in the community; else 404. */
async function peopleOf(ctx: AuthedContext, input: SpaceInput) {
  const memberIds = input.audience === 'group' ? input.memberIds : [];
  const wanted = [...new Set([...memberIds, ...input.moderatorIds])];
  const people = wanted.length
    ? await ctx.db
        .select({ id: communityMembers.id, userId: communityMembers.userId })
        .from(communityMembers)
        .where(and(eq(communityMembers.organizationId, ctx.actor.organizationId), inArray(communityMembers.id, wanted), isNull(communityMembers.leftAt)))
    : [];
  if (people.length !== wanted.length) throw notFound('community_member.not_found', 'One of those members');
  return people.map((p) => ({ userId: p.userId, organizationId: ctx.actor.organizationId, moderator: input.moderatorIds.includes(p.id) }));
}

/** A new space (moderators and org admins): its audience, description, rules, members and moderators. */
export async function createSpace(ctx: AuthedContext, input: SpaceInput): Promise<Space> {
  const programId = await checkAudience(ctx, input);
  const people = await peopleOf(ctx, input);
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(communitySpaces)
      .values({ organizationId: ctx.actor.organizationId, audience: input.audience, programId, name: input.name, description: input.description, rules: input.rules, language: input.language, createdBy: ctx.actor.userId })
      .returning({ id: communitySpaces.id });
    if (people.length) await tx.db.insert(communitySpaceMembers).values(people.map((p) => ({ ...p, spaceId: row!.id })));
    await recordAudit(tx, { action: 'community.space_create', resourceType: 'community_space', resourceId: row!.id, details: { audience: input.audience } });
    return row!.id;
  });
  return getSpace(ctx, id);
}

/** A space the actor may change: one they can see and moderate as an org (or its program's) moderator; else 404 or 403. */
async function requireEditableSpace(ctx: AuthedContext, spaceId: string) {
  const { row } = await requireSpace(ctx, spaceId);
  if (!moderatesOrganization(ctx.actor) || !moderatesSpace(ctx.actor, row, false)) throw new AppError('auth.forbidden', 'Spaces are changed by the community’s moderators.');
  return row;
}

/** Changes what a space says and who it is for; its members and moderators are replaced by the ones given. */
export async function updateSpace(ctx: AuthedContext, spaceId: string, input: SpaceInput): Promise<Space> {
  await requireEditableSpace(ctx, spaceId);
  const programId = await checkAudience(ctx, input);
  const people = await peopleOf(ctx, input);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(communitySpaces)
      .set({ audience: input.audience, programId, name: input.name, description: input.description, rules: input.rules, language: input.language })
      .where(eq(communitySpaces.id, spaceId));
    await tx.db.delete(communitySpaceMembers).where(eq(communitySpaceMembers.spaceId, spaceId));
    if (people.length) await tx.db.insert(communitySpaceMembers).values(people.map((p) => ({ ...p, spaceId })));
    await recordAudit(tx, { action: 'community.space_update', resourceType: 'community_space', resourceId: spaceId, details: { audience: input.audience, members: people.length } });
  });
  return getSpace(ctx, spaceId);
}

/** The members (group spaces) and the moderators of a space, by community name: for the people who may change it. */
export async function spacePeople(ctx: AuthedContext, spaceId: string) {
  await requireEditableSpace(ctx, spaceId);
  const rows = await ctx.db
    .select({ id: communityMembers.id, communityName: communityMembers.communityName, peerWorker: peerWorkerFlag(communityMembers.userId), moderator: communitySpaceMembers.moderator })
    .from(communitySpaceMembers)
    .innerJoin(communityMembers, and(eq(communityMembers.userId, communitySpaceMembers.userId), eq(communityMembers.organizationId, communitySpaceMembers.organizationId)))
    .where(and(eq(communitySpaceMembers.spaceId, spaceId), isNull(communityMembers.leftAt)))
    .orderBy(asc(communityMembers.communityName));
  return { members: rows.filter((r) => !r.moderator).map(memberView), moderators: rows.filter((r) => r.moderator).map(memberView) };
}
