import type { MatchPreferences, UpdateMatchPreferences } from '../../../shared/schemas/matching.js';
import { matchPreferences } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { toStoredSlots } from './availability.js';
import { loadPreferencesRow, toMatchPreferences } from './get-match-preferences.js';

/** The participant (or a supervisor, with them) says what they look for in a peer worker. Only what is sent changes. */
export async function updateMatchPreferences(ctx: AuthedContext, participantId: string, input: UpdateMatchPreferences): Promise<MatchPreferences> {
  const { relationships } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'match_preferences',
    access: 'write',
    action: 'match.preferences_update',
    resourceType: 'match_preferences',
  });
  const set = {
    ...(input.requiredLanguage !== undefined && { requiredLanguage: input.requiredLanguage }),
    ...(input.preferredGender !== undefined && { preferredGender: input.preferredGender }),
    ...(input.wantedExperience !== undefined && { wantedExperience: input.wantedExperience }),
    ...(input.preferredTimes !== undefined && { preferredTimes: toStoredSlots(input.preferredTimes) }),
    updatedAt: new Date(),
  };
  const fields = ['requiredLanguage', 'preferredGender', 'wantedExperience', 'preferredTimes'] as const;
  await inTransaction(ctx, async (tx) => {
    const before = await loadPreferencesRow(tx.db, participantId);
    const changed = fields.filter((f) => f in set && JSON.stringify(before?.[f] ?? null) !== JSON.stringify((set as Record<string, unknown>)[f]));
    await tx.db
      .insert(matchPreferences)
      .values({ participantId, organizationId: ctx.actor.organizationId, ...set })
      .onConflictDoUpdate({ target: matchPreferences.participantId, set });
    await recordAudit(tx, { action: 'match.preferences_update', participantId, resourceType: 'match_preferences', resourceId: participantId, details: { changed } });
  });
  return toMatchPreferences(participantId, await loadPreferencesRow(ctx.db, participantId), relationships);
}
