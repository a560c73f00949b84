import { eq, sql } from 'drizzle-orm';
import type { Group, UpdateGroup } from '../../../shared/schemas/groups.js';
import { peerGroups } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireFacilitators, setFacilitators } from './facilitators.js';
import { loadGroup, loadGroupToManage } from './group-access.js';
import { groupView } from './group-view.js';
import { ruleOf } from './recurrence.js';

/**
 * Changes a group (its facilitators or its program's supervisors). A new schedule applies to sessions
 * not yet written; sessions already cancelled, moved or attended keep what happened to them.
 */
export async function updateGroup(ctx: AuthedContext, groupId: string, input: UpdateGroup): Promise<Group> {
  const g = await loadGroupToManage(ctx, groupId);
  const mode = input.mode ?? g.group.mode;
  const place = input.place !== undefined ? input.place : g.group.place;
  const onlineUrl = input.onlineUrl !== undefined ? input.onlineUrl : g.group.onlineUrl;
  if (mode !== 'online' && !place) throw new AppError('validation.failed', 'Say where the group meets.', [{ path: 'body.place', message: 'say where the group meets' }]);
  if (mode !== 'in_person' && !onlineUrl) throw new AppError('validation.failed', 'Add the link people join with.', [{ path: 'body.onlineUrl', message: 'add the link people join with' }]);
  if (input.facilitatorIds) await requireFacilitators(ctx, g.group.programId, input.facilitatorIds);
  const s = input.schedule;
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(peerGroups)
      .set({
        ...(input.topic !== undefined && { topic: input.topic }),
        ...(input.description !== undefined && { description: input.description }),
        mode,
        place: mode === 'online' ? null : place,
        onlineUrl: mode === 'in_person' ? null : onlineUrl,
        ...(input.capacity !== undefined && { capacity: input.capacity }),
        ...(s && { rrule: ruleOf(s), startsOn: s.startsOn, endsOn: s.endsOn ?? null, startTime: s.startTime, durationMinutes: s.durationMinutes }),
        ...(input.archived !== undefined && { archivedAt: input.archived ? sql`coalesce(${peerGroups.archivedAt}, now())` : null }),
        updatedAt: sql`now()`,
      })
      .where(eq(peerGroups.id, groupId));
    if (input.facilitatorIds) await setFacilitators(tx as AuthedContext, groupId, input.facilitatorIds);
    const changed = Object.keys(input).filter((k) => input[k as keyof UpdateGroup] !== undefined);
    await recordAudit(tx, { action: 'group.update', resourceType: 'group', resourceId: groupId, details: { changed } });
  });
  return groupView(ctx, await loadGroup(ctx, groupId));
}
