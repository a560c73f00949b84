import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { matchPreferences, participants, peerAssignments } from '../../db/schema/index.js';
import type { ParticipantForMatching } from '../../../shared/matching/index.js';
import { toWeeklyTimes } from './availability.js';

export interface MatchingParticipant extends ParticipantForMatching {
  preferredName: string;
  programId: string;
  hasPreferences: boolean;
}

/**
 * Participants as the scorer sees them: their record (language, substances, pathways, setting) and
 * what they asked for. No access check here: callers ask the policy first, or run as an operator.
 * Those who have waited longest come first (the batch gives them the edge among equal choices).
 */
export async function loadMatchingParticipants(
  db: Db,
  where: { organizationId: string; ids?: readonly string[]; programId?: string; unassignedActiveOnly?: boolean },
): Promise<MatchingParticipant[]> {
  if (where.ids?.length === 0) return [];
  const rows = await db
    .select({ participant: participants, preferences: matchPreferences })
    .from(participants)
    .leftJoin(matchPreferences, eq(matchPreferences.participantId, participants.id))
    .where(
      and(
        eq(participants.organizationId, where.organizationId),
        where.ids ? inArray(participants.id, [...where.ids]) : undefined,
        where.programId ? eq(participants.programId, where.programId) : undefined,
        where.unassignedActiveOnly
          ? and(
              eq(participants.status, 'active'),
              sql`not exists (select 1 from ${peerAssignments} pa where pa.participant_id = ${participants.id} and pa.ended_at is null)`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(participants.enrolledAt), asc(participants.id));
  return rows.map(({ participant: p, preferences: m }) => ({
    id: p.id,
    preferredName: p.preferredName,
    programId: p.programId,
    hasPreferences: m !== null,
    language: p.preferredLanguage,
    ...(m?.requiredLanguage ? { requiredLanguage: m.requiredLanguage } : {}),
    ...(m?.preferredGender ? { preferredGender: m.preferredGender } : {}),
    wantedExperience: m?.wantedExperience ?? [],
    substances: p.substances,
    pathways: p.pathways,
    setting: p.setting,
    preferredTimes: toWeeklyTimes(m?.preferredTimes),
  }));
}
