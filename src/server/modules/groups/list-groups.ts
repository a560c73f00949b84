import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Group } from '../../../shared/schemas/groups.js';
import { participants, peerGroups, programs } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import { loadGroup } from './group-access.js';
import { groupView } from './group-view.js';
import { programsWithRole } from '../../platform/context.js';

/**
 * The groups the actor may see: every group of the programs they work in, and a participant's own
 * program's groups. Nothing from other programs.
 */
export async function listGroups(ctx: AuthedContext, filter: { programId?: string; archived?: boolean } = {}): Promise<Group[]> {
  const programIds = new Set([...programsWithRole(ctx.actor, 'peer_worker'), ...programsWithRole(ctx.actor, 'supervisor')]);
  if (ctx.actor.participantId) {
    const [me] = await ctx.db.select({ programId: participants.programId }).from(participants).where(eq(participants.id, ctx.actor.participantId));
    if (me) programIds.add(me.programId);
  }
  if (filter.programId) for (const id of [...programIds]) if (id !== filter.programId) programIds.delete(id);
  if (programIds.size === 0) return [];
  const rows = await ctx.db
    .select({ id: peerGroups.id })
    .from(peerGroups)
    .innerJoin(programs, eq(programs.id, peerGroups.programId))
    .where(
      and(
        eq(peerGroups.organizationId, ctx.actor.organizationId),
        inArray(peerGroups.programId, [...programIds]),
        filter.archived ? isNotNull(peerGroups.archivedAt) : isNull(peerGroups.archivedAt),
      ),
    )
    .orderBy(asc(programs.name), asc(peerGroups.topic));
  const groups: Group[] = [];
  for (const row of rows) {
    // A participant discharged from the program no longer sees its groups: loadGroup decides, one rule.
    const g = await loadGroup(ctx, row.id).catch(() => null);
    if (g) groups.push(await groupView(ctx, g));
  }
  return groups;
}
