import { eq } from 'drizzle-orm';
import { personalFields, type ParticipantProfile, type UpdateParticipantProfile } from '../../../shared/schemas/profile.js';
import { participants, users } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { decidesPersonal, getParticipantProfile, loadProfileRow } from './profile.js';

type Changes = Partial<typeof participants.$inferInsert>;

function changesFrom(input: UpdateParticipantProfile): Changes {
  const changes: Changes = {};
  if (input.preferredName !== undefined) changes.preferredName = input.preferredName;
  // An emptied field means "not shared", not an empty string.
  if (input.pronouns !== undefined) changes.pronouns = input.pronouns || null;
  if (input.preferredLanguage !== undefined) changes.preferredLanguage = input.preferredLanguage;
  if (input.pathways !== undefined) changes.pathways = input.pathways;
  if (input.substances !== undefined) changes.substances = input.substances;
  if (input.setting !== undefined) changes.setting = input.setting;
  if (input.demographics !== undefined) changes.demographics = input.demographics;
  if (input.countsDays !== undefined) changes.countsDays = input.countsDays;
  return changes;
}

/** Changes only the fields sent. The trail names the fields changed, never their values. */
export async function updateParticipantProfile(
  ctx: AuthedContext,
  participantId: string,
  input: UpdateParticipantProfile,
): Promise<ParticipantProfile> {
  const event = { action: 'participant.update' as const, participantId, resourceType: 'participant_profile', resourceId: participantId };
  const granted = await requireParticipantAccess(ctx, { ...event, category: 'profile', access: 'write' });
  const row = await loadProfileRow(ctx, participantId);
  const personal = personalFields.filter((f) => input[f] !== undefined);
  if (personal.length > 0 && !decidesPersonal(granted.relationships, row.participant.userId !== null)) {
    await recordAudit(ctx, { ...event, outcome: 'denied', details: { fields: personal } });
    throw new AppError(
      'auth.forbidden',
      'Only the participant can change these.',
      personal.map((f) => ({ path: `body.${f}`, message: 'only the participant can change this' })),
    );
  }
  const changes = changesFrom(input);
  const fields = Object.keys(changes);
  if (fields.length > 0) {
    await inTransaction(ctx, async (tx) => {
      await tx.db.update(participants).set(changes).where(eq(participants.id, participantId));
      // The name someone wants to be called is also the name their account greets them with.
      if (changes.preferredName && row.participant.userId) {
        await tx.db.update(users).set({ displayName: changes.preferredName }).where(eq(users.id, row.participant.userId));
      }
      await recordAudit(tx, { ...event, details: { fields } });
    });
  }
  return getParticipantProfile(ctx, participantId);
}
