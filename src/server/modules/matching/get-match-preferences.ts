import { eq } from 'drizzle-orm';
import { livedExperiences } from '../../../shared/schemas/journey.js';
import { matchGenders, type MatchPreferences } from '../../../shared/schemas/matching.js';
import type { Db } from '../../db/client.js';
import { matchPreferences } from '../../db/schema/index.js';
import { anyAllows, requireParticipantAccess, type Relationship } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { toWeeklyTimes } from './availability.js';

type PreferencesRow = typeof matchPreferences.$inferSelect;

export async function loadPreferencesRow(db: Db, participantId: string): Promise<PreferencesRow | null> {
  const [row] = await db.select().from(matchPreferences).where(eq(matchPreferences.participantId, participantId)).limit(1);
  return row ?? null;
}

const isMatchGender = (g: string | null | undefined): g is (typeof matchGenders)[number] => (matchGenders as readonly string[]).includes(g ?? '');

export function toMatchPreferences(participantId: string, row: PreferencesRow | null, rels: readonly Relationship[]): MatchPreferences {
  return {
    participantId,
    requiredLanguage: row?.requiredLanguage ?? null,
    preferredGender: isMatchGender(row?.preferredGender) ? row.preferredGender : null,
    wantedExperience: (row?.wantedExperience ?? []).filter((c): c is (typeof livedExperiences)[number] => (livedExperiences as readonly string[]).includes(c)),
    preferredTimes: toWeeklyTimes(row?.preferredTimes),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    can: { edit: anyAllows(rels, 'match_preferences', 'write') },
  };
}

/** What the participant looks for in a peer worker; someone who has said nothing yet gets empty preferences. */
export async function getMatchPreferences(ctx: AuthedContext, participantId: string): Promise<MatchPreferences> {
  const { relationships } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'match_preferences',
    access: 'read',
    // A read of the participant's record; match.read is the suggestions.
    action: 'participant.read',
    resourceType: 'match_preferences',
  });
  return toMatchPreferences(participantId, await loadPreferencesRow(ctx.db, participantId), relationships);
}
