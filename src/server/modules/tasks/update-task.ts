import { and, eq } from 'drizzle-orm';
import type { Task, UpdateTask } from '../../../shared/schemas/tasks.js';
import { tasks } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadTasks, ownTimeZone } from './task-rows.js';

/** Ticks a task done or not done, rewords or re-dates it. Only its owner may; to anyone else it does not exist. */
export async function updateTask(ctx: AuthedContext, taskId: string, input: UpdateTask, now = new Date()): Promise<Task> {
  const [owned] = await ctx.db
    .select({ ownerId: tasks.ownerId })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.organizationId, ctx.actor.organizationId)));
  if (!owned || owned.ownerId !== ctx.actor.userId) {
    if (owned) await recordAudit(ctx, { action: 'task.update', outcome: 'denied', resourceType: 'task', resourceId: taskId });
    throw new AppError('task.not_found', 'That task was not found.');
  }
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
    if (!row) throw new AppError('task.not_found', 'That task was not found.');
    // Ticking a done task again keeps the moment it was first done.
    const doneAt = input.done === undefined ? undefined : input.done ? (row.doneAt ?? now) : null;
    await tx.db
      .update(tasks)
      .set({
        ...(doneAt !== undefined && { doneAt }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.dueOn !== undefined && { dueOn: input.dueOn }),
      })
      .where(eq(tasks.id, taskId));
    const changed = (['done', 'title', 'dueOn'] as const).filter((k) => input[k] !== undefined);
    await recordAudit(tx, { action: 'task.update', participantId: row.participantId, resourceType: 'task', resourceId: taskId, details: { changed, ...(input.done !== undefined && { done: input.done }) } });
  });
  const [task] = await loadTasks(ctx, { id: taskId, timeZone: await ownTimeZone(ctx), now });
  return task!;
}
