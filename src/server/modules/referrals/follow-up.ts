import { and, eq, isNull } from 'drizzle-orm';
import { localeSchema, type Locale } from '../../../shared/schemas/tenancy.js';
import { tasks, users } from '../../db/schema/index.js';
import type { RequestContext } from '../../platform/context.js';
import { createTask } from '../tasks/create-task.js';

const titles: Record<Locale, (name: string, service: string) => string> = {
  en: (name, service) => `Follow up on ${name}'s referral to ${service}`,
  es: (name, service) => `Seguimiento de la derivación de ${name} a ${service}`,
};

export interface FollowUp {
  organizationId: string;
  referralId: string;
  ownerId: string;
  participantId: string;
  participantName: string;
  serviceName: string;
  followUpOn: string | null;
}

/**
 * Puts the follow-up on the referring peer worker's task list, in their language. The tasks
 * table's sources are note, alert, appointment and manual: a referral's task is 'manual' with the
 * referral's id as its source id, so there is one open task per referral and a new date moves it.
 */
export async function scheduleFollowUp(tx: RequestContext, f: FollowUp): Promise<string> {
  const [owner] = await tx.db.select({ locale: users.locale }).from(users).where(eq(users.id, f.ownerId));
  const locale = localeSchema.catch('en').parse(owner?.locale);
  return createTask(tx, {
    organizationId: f.organizationId,
    ownerId: f.ownerId,
    participantId: f.participantId,
    source: 'manual',
    sourceId: f.referralId,
    title: titles[locale](f.participantName, f.serviceName),
    dueOn: f.followUpOn,
  });
}

/** The loop is closed: the follow-up is done. */
export async function closeFollowUp(tx: RequestContext, referralId: string, at: Date): Promise<void> {
  await tx.db
    .update(tasks)
    .set({ doneAt: at })
    .where(and(eq(tasks.source, 'manual'), eq(tasks.sourceId, referralId), isNull(tasks.doneAt)));
}
