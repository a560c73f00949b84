import { localDate } from '../../../shared/milestones.js';
import type { Milestones } from '../../../shared/schemas/milestones.js';
import { recoveryStarts } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { milestonesView, participantClock } from './milestones-view.js';

const EARLIEST = '1900-01-01';

/**
 * Adds a start date. Earlier ones stay in the history: a new start date never erases the days
 * already lived, it only changes what the counter counts from.
 */
export async function setRecoveryStart(ctx: AuthedContext, participantId: string, input: { startDate: string; note?: string }): Promise<Milestones> {
  const event = { action: 'recovery_start.set' as const, participantId, resourceType: 'recovery_start' };
  const granted = await requireParticipantAccess(ctx, { ...event, category: 'milestones', access: 'write' });
  const { timeZone } = await participantClock(ctx, participantId);
  const today = localDate(new Date(), timeZone);
  if (input.startDate > today || input.startDate < EARLIEST) {
    throw new AppError('validation.failed', 'Please check: body.startDate.', [
      { path: 'body.startDate', message: input.startDate > today ? 'cannot be later than today' : `cannot be before ${EARLIEST}` },
    ]);
  }
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(recoveryStarts)
      .values({ organizationId: ctx.actor.organizationId, participantId, startDate: input.startDate, note: input.note || null, setBy: ctx.actor.userId })
      .returning({ id: recoveryStarts.id });
    await recordAudit(tx, { ...event, resourceId: row!.id });
  });
  return milestonesView(ctx, participantId, granted.relationships);
}
