import { and, eq, isNull } from 'drizzle-orm';
import type { taskSources } from '../../../shared/schemas/journey.js';
import { tasks } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';

export interface NewTask {
  organizationId: string;
  ownerId: string;
  participantId?: string | null;
  source: (typeof taskSources)[number];
  /** The note, alert or appointment the task follows up; one open task per source row. */
  sourceId?: string | null;
  title: string;
  /** Local date, YYYY-MM-DD. */
  dueOn?: string | null;
}

/**
 * Puts a follow-up on someone's list. Call it in the transaction of the change that asks for it
 * (a note's follow-up date, an alert, an appointment). A source row has at most one open task:
 * writing it again moves the existing task rather than adding a second one.
 */
export async function createTask(tx: RequestContext, task: NewTask): Promise<string> {
  if (task.sourceId) {
    const [open] = await tx.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.source, task.source), eq(tasks.sourceId, task.sourceId), eq(tasks.ownerId, task.ownerId), isNull(tasks.doneAt)));
    if (open) {
      await tx.db.update(tasks).set({ title: task.title, dueOn: task.dueOn ?? null }).where(eq(tasks.id, open.id));
      return open.id;
    }
  }
  const [row] = await tx.db
    .insert(tasks)
    .values({
      organizationId: task.organizationId,
      ownerId: task.ownerId,
      participantId: task.participantId ?? null,
      source: task.source,
      sourceId: task.sourceId ?? null,
      title: task.title,
      dueOn: task.dueOn ?? null,
    })
    .returning({ id: tasks.id });
  await recordAudit(tx, {
    action: 'task.create',
    organizationId: task.organizationId,
    participantId: task.participantId ?? null,
    resourceType: 'task',
    resourceId: row!.id,
    details: { source: task.source },
  });
  return row!.id;
}
