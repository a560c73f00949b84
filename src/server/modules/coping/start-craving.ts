import type { CravingEpisode, StartCraving } from '../../../shared/schemas/coping.js';
import { cravingEpisodes } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { toEpisode } from './craving-rows.js';

/**
 * The "I'm having a craving" flow, one episode per use: how strong it is first, then (optionally)
 * the strategies tried and a call for the peer worker, then how strong it is after. Only the
 * participant records their own; their peer worker and supervisor may read the log.
 * This starts an episode with the first rating.
 */
export async function startCraving(ctx: AuthedContext, participantId: string, input: StartCraving): Promise<CravingEpisode> {
  await requireParticipantAccess(ctx, { participantId, category: 'coping', access: 'write', action: 'craving.create', resourceType: 'craving_episode' });
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(cravingEpisodes)
      .values({ organizationId: ctx.actor.organizationId, participantId, intensityBefore: input.intensityBefore })
      .returning();
    await recordAudit(tx, {
      action: 'craving.create',
      participantId,
      resourceType: 'craving_episode',
      resourceId: row!.id,
      details: { intensityBefore: input.intensityBefore },
    });
    return toEpisode(row!);
  });
}
