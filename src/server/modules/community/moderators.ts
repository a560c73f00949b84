import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { communitySpaceMembers, communitySpaces, memberships, users } from '../../db/schema/index.js';
import { afterCommit, type RequestContext } from '../../platform/context.js';
import { userChannel, type RealtimeEvent } from '../../platform/realtime.js';

/** Who moderates a space: the organization's moderators and admins (program spaces: that program's) and the space's own. */
export async function spaceModeratorUsers(ctx: RequestContext, organizationId: string, spaceId: string | null): Promise<string[]> {
  const [space] = spaceId ? await ctx.db.select().from(communitySpaces).where(eq(communitySpaces.id, spaceId)) : [];
  const staff = await ctx.db
    .select({ userId: memberships.userId, role: memberships.role, programId: memberships.programId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.role, ['moderator', 'org_admin']), isNull(users.disabledAt)));
  const ids = staff
    .filter((m) => m.role === 'org_admin' || !space || space.audience !== 'program' || m.programId === space.programId || m.programId === null)
    .map((m) => m.userId);
  if (spaceId) {
    const own = await ctx.db
      .select({ userId: communitySpaceMembers.userId })
      .from(communitySpaceMembers)
      .where(and(eq(communitySpaceMembers.spaceId, spaceId), or(eq(communitySpaceMembers.moderator, true))));
    ids.push(...own.map((o) => o.userId));
  }
  return [...new Set(ids)];
}

/** Tells the moderators' open screens at once (after the change commits). */
export async function tellModerators(ctx: RequestContext, organizationId: string, spaceId: string | null, event: RealtimeEvent): Promise<void> {
  const ids = await spaceModeratorUsers(ctx, organizationId, spaceId);
  await afterCommit(ctx, async () => {
    await Promise.all(ids.map((id) => ctx.realtime.publish(userChannel(id), event)));
  });
}
