import { and, eq, sql } from 'drizzle-orm';
import type { CravingEpisode, UpdateCraving } from '../../../shared/schemas/coping.js';
import { cravingEpisodes, participants } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { raiseAlert } from '../alerts/raise.js';
import { toEpisode } from './craving-rows.js';

/**
 * Records what happened during the episode. Telling the peer worker raises exactly one alert, in
 * the same transaction, however many times it is sent; an ended episode stays as it was.
 */
export async function updateCraving(ctx: AuthedContext, participantId: string, cravingId: string, input: UpdateCraving): Promise<CravingEpisode> {
  await requireParticipantAccess(ctx, {
    participantId,
    category: 'coping',
    access: 'write',
    action: 'craving.update',
    resourceType: 'craving_episode',
    resourceId: cravingId,
  });
  return inTransaction(ctx, async (tx) => {
    const [episode] = await tx.db
      .select()
      .from(cravingEpisodes)
      .where(and(eq(cravingEpisodes.id, cravingId), eq(cravingEpisodes.participantId, participantId)))
      .for('update');
    if (!episode) throw notFound('craving.not_found', 'That craving');
    if (episode.endedAt) throw new AppError('craving.already_ended', 'This craving was already closed. Start a new one if it came back.');
    const tellNow = input.toldPeerWorker === true && !episode.toldPeerWorker;
    const changes = {
      strategiesUsed: input.strategiesUsed,
      intensityAfter: input.intensityAfter,
      toldPeerWorker: tellNow ? true : undefined,
      endedAt: input.ended ? sql`now()` : undefined,
    };
    // A repeated "tell my peer worker" (a double tap, a retry) changes nothing and answers as before.
    if (Object.values(changes).every((v) => v === undefined)) return toEpisode(episode);
    const [row] = await tx.db.update(cravingEpisodes).set(changes).where(eq(cravingEpisodes.id, cravingId)).returning();
    const alertId = tellNow ? await askPeerWorker(tx, participantId, episode.id, episode.intensityBefore) : undefined;
    await recordAudit(tx, {
      action: 'craving.update',
      participantId,
      resourceType: 'craving_episode',
      resourceId: cravingId,
      details: {
        fields: Object.keys(input).filter((k) => input[k as keyof UpdateCraving] !== undefined),
        ...(input.intensityAfter !== undefined ? { intensityAfter: input.intensityAfter } : {}),
        ...(alertId ? { alertId } : {}),
      },
    });
    return toEpisode(row!);
  });
}

async function askPeerWorker(tx: RequestContext, participantId: string, episodeId: string, intensity: number): Promise<string> {
  const [p] = await tx.db.select({ name: participants.preferredName }).from(participants).where(eq(participants.id, participantId));
  return raiseAlert(tx, {
    participantId,
    kind: 'craving_help',
    severity: 'high',
    reason: `${p?.name ?? 'A participant'} is having a craving right now (${intensity} out of 10) and asked you to reach out.`,
    sourceType: 'craving_episode',
    sourceId: episodeId,
  });
}
