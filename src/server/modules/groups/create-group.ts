import type { CreateGroup, Group } from '../../../shared/schemas/groups.js';
import { peerGroups } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireProgram } from '../organizations/programs.js';
import { requireFacilitators, setFacilitators } from './facilitators.js';
import { isProgramStaff, loadGroup } from './group-access.js';
import { groupView } from './group-view.js';
import { ruleOf } from './recurrence.js';

/** A peer worker or supervisor starts a group in their program; they lead it unless they name others. */
export async function createGroup(ctx: AuthedContext, input: CreateGroup): Promise<Group> {
  const program = await requireProgram(ctx, input.programId);
  if (!isProgramStaff(ctx.actor, program.id)) throw new AppError('auth.forbidden', 'Only peer workers and supervisors of that program can start a group there.');
  const facilitatorIds = input.facilitatorIds ?? [ctx.actor.userId];
  await requireFacilitators(ctx, program.id, facilitatorIds);
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(peerGroups)
      .values({
        organizationId: ctx.actor.organizationId,
        programId: program.id,
        topic: input.topic,
        description: input.description ?? null,
        mode: input.mode,
        place: input.mode === 'online' ? null : (input.place ?? null),
        onlineUrl: input.mode === 'in_person' ? null : (input.onlineUrl ?? null),
        capacity: input.capacity ?? null,
        rrule: ruleOf(input.schedule),
        startsOn: input.schedule.startsOn,
        endsOn: input.schedule.endsOn ?? null,
        startTime: input.schedule.startTime,
        durationMinutes: input.schedule.durationMinutes,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: peerGroups.id });
    await setFacilitators(tx as AuthedContext, row!.id, facilitatorIds);
    await recordAudit(tx, { action: 'group.create', resourceType: 'group', resourceId: row!.id, details: { programId: program.id, facilitators: facilitatorIds.length } });
    return row!.id;
  });
  return groupView(ctx, await loadGroup(ctx, id));
}
