import type { CreateTask, Task } from '../../../shared/schemas/tasks.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { createTask } from './create-task.js';
import { loadTasks, ownTimeZone } from './task-rows.js';

/** A task written by hand, on my own list; about a participant only if I may write to their record. */
export async function addTask(ctx: AuthedContext, input: CreateTask): Promise<Task> {
  if (input.participantId) {
    await requireParticipantAccess(ctx, { participantId: input.participantId, category: 'profile', access: 'write', action: 'task.create', resourceType: 'task' });
  }
  const id = await inTransaction(ctx, (tx) =>
    createTask(tx, {
      organizationId: ctx.actor.organizationId,
      ownerId: ctx.actor.userId,
      participantId: input.participantId ?? null,
      source: 'manual',
      title: input.title,
      dueOn: input.dueOn ?? null,
    }),
  );
  const [task] = await loadTasks(ctx, { id, timeZone: await ownTimeZone(ctx), now: new Date() });
  return task!;
}
