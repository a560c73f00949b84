import { CRAVING_MAX, MOOD_MAX, type CheckIn, type CreateCheckIn } from '../../../shared/schemas/checkins.js';
import { checkIns } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { raiseAlert } from '../alerts/raise.js';
import { toCheckIn } from './check-in-rows.js';

const emptyToNull = (text: string | null | undefined) => (text ? text : null);

/** What the peer worker reads on the alert. A private check-in gives away nothing but the reported use. */
function reportedUseReason(input: CreateCheckIn): string {
  const reported = 'Reported use since the last check-in.';
  if (input.private) return reported;
  return `${reported} Mood ${input.mood} of ${MOOD_MAX}, craving ${input.craving} of ${CRAVING_MAX}.`;
}

/**
 * The participant's own check-in. Only the participant writes it (the policy's 'checkins' write
 * grant is theirs alone). Reported use raises an alert in the same transaction, even on a private
 * check-in: use that is reported always reaches a person.
 */
export async function recordCheckIn(ctx: AuthedContext, participantId: string, input: CreateCheckIn): Promise<CheckIn> {
  await requireParticipantAccess(ctx, { participantId, category: 'checkins', access: 'write', action: 'checkin.create', resourceType: 'check_in' });
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(checkIns)
      .values({
        organizationId: ctx.actor.organizationId,
        participantId,
        mood: input.mood,
        craving: input.craving,
        usedSinceLast: input.usedSinceLast,
        triggers: input.triggers,
        triggerNote: emptyToNull(input.triggerNote),
        sleepHours: input.sleepHours ?? null,
        supportContact: input.supportContact ?? null,
        note: emptyToNull(input.note),
        private: input.private,
      })
      .returning();
    // The trail records that a check-in was made, never what it says.
    await recordAudit(tx, { action: 'checkin.create', participantId, resourceType: 'check_in', resourceId: row!.id });
    if (input.usedSinceLast === 'yes') {
      await raiseAlert(tx, {
        participantId,
        kind: 'reported_use',
        severity: 'high',
        reason: reportedUseReason(input),
        sourceType: 'check_in',
        // A private check-in is not linked, so the alert leads nowhere the peer worker may not go.
        sourceId: input.private ? undefined : row!.id,
      });
    }
    return toCheckIn(row!);
  });
}
