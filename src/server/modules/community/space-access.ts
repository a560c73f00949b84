import { and, eq, exists, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Space } from '../../../shared/schemas/community.js';
import type { Db } from '../../db/client.js';
import { communityMembers, communitySpaceMembers, communitySpaces } from '../../db/schema/index.js';
import { hasRole, isOrgAdmin, type Actor, type AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { memberView, peerWorkerFlag } from './members.js';

export type SpaceRow = typeof communitySpaces.$inferSelect;

const programsOf = (actor: Actor) => [...new Set(actor.memberships.map((m) => m.programId).filter((p): p is string => Boolean(p)))];

/**
 * Which spaces the actor sees: organization-wide ones; their programs' ones; group spaces they were
 * added to. Moderators also see group spaces (to moderate them), and org admins all. Nothing of
 * another organization, ever: those answer 404 like a space that does not exist.
 */
export function visibleSpaces(actor: Actor): SQL {
  const own = and(eq(communitySpaces.organizationId, actor.organizationId), isNull(communitySpaces.archivedAt))!;
  if (isOrgAdmin(actor)) return own;
  const programs = programsOf(actor);
  const addedTo = exists(
    sql`(select 1 from ${communitySpaceMembers} where ${communitySpaceMembers.spaceId} = ${communitySpaces.id} and ${communitySpaceMembers.userId} = ${actor.userId})`,
  );
  const ways: (SQL | undefined)[] = [
    eq(communitySpaces.audience, 'organization'),
    programs.length ? and(eq(communitySpaces.audience, 'program'), inArray(communitySpaces.programId, programs)) : undefined,
    addedTo,
    hasRole(actor, 'moderator') ? eq(communitySpaces.audience, 'group') : undefined,
  ];
  return and(own, or(...ways.filter(Boolean)))!;
}

/** Moderators of the organization moderate its spaces (program spaces: of their programs); a space may add its own. */
export function moderatesSpace(actor: Actor, space: Pick<SpaceRow, 'audience' | 'programId'>, spaceModerator: boolean): boolean {
  if (isOrgAdmin(actor) || spaceModerator) return true;
  if (!hasRole(actor, 'moderator')) return false;
  return space.audience !== 'program' || hasRole(actor, 'moderator', space.programId ?? undefined);
}

async function spaceModeratorIds(db: Db, spaceIds: string[]) {
  if (spaceIds.length === 0) return [];
  return db
    .select({ spaceId: communitySpaceMembers.spaceId, userId: communitySpaceMembers.userId })
    .from(communitySpaceMembers)
    .where(and(inArray(communitySpaceMembers.spaceId, spaceIds), eq(communitySpaceMembers.moderator, true)));
}

/** Space views with their moderators (by community name) and whether the actor moderates each. */
export async function spaceViews(ctx: AuthedContext, rows: SpaceRow[]): Promise<Space[]> {
  const ids = rows.map((r) => r.id);
  const mods = await spaceModeratorIds(ctx.db, ids);
  const modUsers = [...new Set(mods.map((m) => m.userId))];
  const profiles = modUsers.length
    ? await ctx.db
        .select({ id: communityMembers.id, userId: communityMembers.userId, communityName: communityMembers.communityName, peerWorker: peerWorkerFlag(communityMembers.userId), leftAt: communityMembers.leftAt })
        .from(communityMembers)
        .where(inArray(communityMembers.userId, modUsers))
    : [];
  const byUser = new Map(profiles.filter((p) => !p.leftAt).map((p) => [p.userId, p]));
  return rows.map((row) => {
    const here = mods.filter((m) => m.spaceId === row.id);
    return {
      id: row.id,
      audience: row.audience,
      programId: row.programId,
      name: row.name,
      description: row.description,
      rules: row.rules,
      language: row.language,
      moderators: here.flatMap((m) => (byUser.get(m.userId) ? [memberView(byUser.get(m.userId)!)] : [])),
      canModerate: moderatesSpace(ctx.actor, row, here.some((m) => m.userId === ctx.actor.userId)),
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export interface OpenSpace {
  row: SpaceRow;
  canModerate: boolean;
}

/** A space the actor may see, or 404. */
export async function requireSpace(ctx: AuthedContext, spaceId: string): Promise<OpenSpace> {
  const [row] = await ctx.db.select().from(communitySpaces).where(and(eq(communitySpaces.id, spaceId), visibleSpaces(ctx.actor)));
  if (!row) throw notFound('community_space.not_found', 'That space');
  const [mod] = await ctx.db
    .select({ moderator: communitySpaceMembers.moderator })
    .from(communitySpaceMembers)
    .where(and(eq(communitySpaceMembers.spaceId, spaceId), eq(communitySpaceMembers.userId, ctx.actor.userId)));
  return { row, canModerate: moderatesSpace(ctx.actor, row, Boolean(mod?.moderator)) };
}

/** Spaces the actor moderates (ids), for the queue. */
export async function moderatedSpaceIds(ctx: AuthedContext): Promise<string[]> {
  const rows = await ctx.db.select().from(communitySpaces).where(visibleSpaces(ctx.actor));
  const mods = await spaceModeratorIds(ctx.db, rows.map((r) => r.id));
  return rows.filter((r) => moderatesSpace(ctx.actor, r, mods.some((m) => m.spaceId === r.id && m.userId === ctx.actor.userId))).map((r) => r.id);
}
