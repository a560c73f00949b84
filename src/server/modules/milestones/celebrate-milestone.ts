import type { Milestones } from '../../../shared/schemas/milestones.js';
import { milestoneCelebrations } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { milestonesView } from './milestones-view.js';

/** The participant has seen the celebration: it is not shown again. Only reached milestones can be. */
export async function celebrateMilestone(ctx: AuthedContext, participantId: string, key: string): Promise<Milestones> {
  const event = { action: 'milestone.celebrate' as const, participantId, resourceType: 'milestone' };
  const granted = await requireParticipantAccess(ctx, { ...event, category: 'milestones', access: 'write' });
  const view = await milestonesView(ctx, participantId, granted.relationships);
  const reached = [...view.reached, ...view.custom].find((m) => m.key === key && m.reached);
  if (!reached) throw new AppError('milestone.not_found', 'That milestone was not found, or is not reached yet.');
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(milestoneCelebrations).values({ participantId, milestoneKey: key }).onConflictDoNothing();
    await recordAudit(tx, { ...event, details: { key } });
  });
  return milestonesView(ctx, participantId, granted.relationships);
}
