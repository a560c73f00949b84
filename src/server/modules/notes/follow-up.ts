import { and, eq, isNull } from 'drizzle-orm';
import type { taskSources } from '../../../shared/schemas/journey.js';
import { localeSchema, type Locale } from '../../../shared/schemas/tenancy.js';
import { participants, tasks, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';

type TaskSource = (typeof taskSources)[number];

/** The task owner's language and the participant's preferred name: what a follow-up's title needs. */
export async function followUpWords(tx: RequestContext, ownerId: string, participantId: string): Promise<{ locale: Locale; name: string }> {
  const [[owner], [participant]] = await Promise.all([
    tx.db.select({ locale: users.locale }).from(users).where(eq(users.id, ownerId)),
    tx.db.select({ name: participants.preferredName }).from(participants).where(eq(participants.id, participantId)),
  ]);
  return { locale: localeSchema.catch('en').parse(owner?.locale), name: participant?.name ?? '' };
}

/**
 * Takes an open follow-up off someone's list when what asked for it no longer does (a note's
 * follow-up date cleared, a "missed" corrected to "completed"). Done tasks stay as they are.
 */
export async function withdrawFollowUp(tx: RequestContext, input: { source: TaskSource; sourceId: string; ownerId: string; participantId: string }): Promise<void> {
  const removed = await tx.db
    .delete(tasks)
    .where(and(eq(tasks.source, input.source), eq(tasks.sourceId, input.sourceId), eq(tasks.ownerId, input.ownerId), isNull(tasks.doneAt)))
    .returning({ id: tasks.id });
  for (const task of removed) {
    await recordAudit(tx, {
      action: 'task.update',
      participantId: input.participantId,
      resourceType: 'task',
      resourceId: task.id,
      details: { source: input.source, withdrawn: true },
    });
  }
}
