import { desc, eq } from 'drizzle-orm';
import type { CravingLog } from '../../../shared/schemas/coping.js';
import { cravingEpisodes } from '../../db/schema/index.js';
import { anyAllows, requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { toEpisode } from './craving-rows.js';

const LOG_LENGTH = 100;

/** The craving log, newest first: each time, how strong before and after, and what helped. */
export async function listCravings(ctx: AuthedContext, participantId: string): Promise<CravingLog> {
  const { relationships } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'coping',
    access: 'read',
    action: 'craving.read',
    resourceType: 'craving_episode',
  });
  const rows = await ctx.db
    .select()
    .from(cravingEpisodes)
    .where(eq(cravingEpisodes.participantId, participantId))
    .orderBy(desc(cravingEpisodes.startedAt), desc(cravingEpisodes.id))
    .limit(LOG_LENGTH);
  return { episodes: rows.map(toEpisode), can: { record: anyAllows(relationships, 'coping', 'write') } };
}
