import { eq } from 'drizzle-orm';
import type { SafetyPlan } from '../../../shared/schemas/safety-plan.js';
import { participants, programs, safetyPlans, users } from '../../db/schema/index.js';
import { anyAllows, requireParticipantAccess, type Relationship } from '../../platform/access.js';
import type { AuthedContext, RequestContext } from '../../platform/context.js';

/** The plan as stored, with who changed it last and the crisis line of the participant's program. */
export async function loadSafetyPlan(ctx: RequestContext, participantId: string, rels: readonly Relationship[]): Promise<SafetyPlan> {
  const [row] = await ctx.db
    .select({ plan: safetyPlans, editorName: users.displayName, crisisLine: programs.crisisLine })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .leftJoin(safetyPlans, eq(safetyPlans.participantId, participants.id))
    .leftJoin(users, eq(users.id, safetyPlans.updatedBy))
    .where(eq(participants.id, participantId));
  const plan = row?.plan;
  return {
    participantId,
    warningSigns: plan?.warningSigns ?? [],
    internalCoping: plan?.internalCoping ?? [],
    distractions: plan?.distractions ?? [],
    helpContacts: plan?.helpContacts ?? [],
    professionals: plan?.professionals ?? [],
    environmentSafety: plan?.environmentSafety ?? [],
    reasonsForLiving: plan?.reasonsForLiving ?? [],
    updatedAt: plan?.updatedAt.toISOString() ?? null,
    updatedBy: plan?.updatedBy ? { id: plan.updatedBy, displayName: row?.editorName ?? '' } : null,
    crisisLine: row?.crisisLine ?? ctx.config.CRISIS_LINE,
    can: { edit: anyAllows(rels, 'safety_plan', 'write') },
  };
}

/** The safety plan; a participant without one yet gets an empty plan to fill in. */
export async function getSafetyPlan(ctx: AuthedContext, participantId: string): Promise<SafetyPlan> {
  const { relationships } = await requireParticipantAccess(ctx, { participantId, category: 'safety_plan', access: 'read', action: 'safety_plan.read' });
  return loadSafetyPlan(ctx, participantId, relationships);
}
