import type { Milestones } from '../../../shared/schemas/milestones.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { milestonesView } from './milestones-view.js';

export async function getMilestones(ctx: AuthedContext, participantId: string, now = new Date()): Promise<Milestones> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'milestones', access: 'read', action: 'milestone.read' });
  return milestonesView(ctx, participantId, granted.relationships, now);
}
