import type { TaskList } from '../../../shared/schemas/tasks.js';
import type { AuthedContext } from '../../platform/context.js';
import { loadTasks, ownTimeZone, type TaskView } from './task-rows.js';

/** My tasks: due today or overdue (and undated) for "today", later ones for "upcoming", the newest done. */
export async function listTasks(ctx: AuthedContext, view: TaskView, now = new Date()): Promise<TaskList> {
  const timeZone = await ownTimeZone(ctx);
  return { tasks: await loadTasks(ctx, { view, timeZone, now }), timeZone };
}
