import type { Milestones } from '../../../shared/schemas/milestones.js';
import { customMilestones } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { milestonesView } from './milestones-view.js';

/** A milestone in the participant's own words (a first paycheck, a child's birthday), past or still ahead. */
export async function addCustomMilestone(ctx: AuthedContext, participantId: string, input: { label: string; date: string }): Promise<Milestones> {
  const event = { action: 'milestone.create' as const, participantId, resourceType: 'custom_milestone' };
  const granted = await requireParticipantAccess(ctx, { ...event, category: 'milestones', access: 'write' });
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(customMilestones)
      .values({ organizationId: ctx.actor.organizationId, participantId, label: input.label, date: input.date })
      .returning({ id: customMilestones.id });
    await recordAudit(tx, { ...event, resourceId: row!.id });
  });
  return milestonesView(ctx, participantId, granted.relationships);
}
