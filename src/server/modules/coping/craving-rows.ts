import type { CravingEpisode } from '../../../shared/schemas/coping.js';
import type { cravingEpisodes } from '../../db/schema/index.js';

export function toEpisode(row: typeof cravingEpisodes.$inferSelect): CravingEpisode {
  return {
    id: row.id,
    participantId: row.participantId,
    intensityBefore: row.intensityBefore,
    intensityAfter: row.intensityAfter,
    strategiesUsed: row.strategiesUsed,
    toldPeerWorker: row.toldPeerWorker,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}
