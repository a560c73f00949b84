import { eq } from 'drizzle-orm';
import { safetyPlanSteps, type SafetyPlan, type UpdateSafetyPlan } from '../../../shared/schemas/safety-plan.js';
import { safetyPlans } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadSafetyPlan } from './get-safety-plan.js';

/** JSON with sorted keys: jsonb gives objects back in its own key order, not the order they were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const CHANGED_MESSAGE = 'Someone else saved this safety plan while you were editing. Your changes are not saved yet: look at the new version, then add them again.';

/**
 * Saves the whole plan, by the participant or their peer worker. The save names the version it
 * started from; if the other person saved in between, it is refused rather than overwriting them.
 */
export async function saveSafetyPlan(ctx: AuthedContext, participantId: string, input: UpdateSafetyPlan): Promise<SafetyPlan> {
  const { relationships } = await requireParticipantAccess(ctx, { participantId, category: 'safety_plan', access: 'write', action: 'safety_plan.update' });
  const { baseUpdatedAt, ...content } = input;
  // Millisecond precision on purpose: the version the client saw round-trips exactly.
  const updatedAt = new Date();
  await inTransaction(ctx, async (tx) => {
    const [current] = await tx.db.select().from(safetyPlans).where(eq(safetyPlans.participantId, participantId)).for('update');
    const seen = baseUpdatedAt === undefined ? undefined : baseUpdatedAt === null ? null : Date.parse(baseUpdatedAt);
    if (seen !== undefined && seen !== (current?.updatedAt.getTime() ?? null)) {
      throw new AppError('safety_plan.changed', CHANGED_MESSAGE);
    }
    const values = { ...content, updatedBy: ctx.actor.userId, updatedAt };
    if (current) {
      await tx.db.update(safetyPlans).set(values).where(eq(safetyPlans.participantId, participantId));
    } else {
      const inserted = await tx.db
        .insert(safetyPlans)
        .values({ participantId, organizationId: ctx.actor.organizationId, ...values })
        .onConflictDoNothing()
        .returning({ id: safetyPlans.participantId });
      // Both people started the first version at once; the other one's is there now.
      if (inserted.length === 0) throw new AppError('safety_plan.changed', CHANGED_MESSAGE);
    }
    // Which steps changed, never their words: the trail shows that a plan changed, not what it says.
    const changed = safetyPlanSteps.filter((step) => canonical(current?.[step] ?? []) !== canonical(content[step]));
    await recordAudit(tx, { action: 'safety_plan.update', participantId, resourceType: 'safety_plan', resourceId: participantId, details: { changed } });
  });
  return loadSafetyPlan(ctx, participantId, relationships);
}
