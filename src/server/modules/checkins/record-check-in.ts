import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { CRAVING_MAX, MOOD_MAX, type CheckIn, type CreateCheckIn } from '../../../shared/schemas/checkins.js';
import { checkIns } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { preparedAuditedWrite, recordAudit } from '../../platform/audit.js';
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

const columns = ['id', 'organizationId', 'participantId', 'mood', 'craving', 'usedSinceLast', 'triggers', 'triggerNote', 'sleepHours', 'supportContact', 'note', 'private'] as const;

/**
 * The common check-in (no reported use): the row and its audit event in one statement, prepared once.
 * The values go to the driver as they are (a column's own encoder would turn a missing number into 'null').
 */
const insertAudited = preparedAuditedWrite('peerpath_checkin_create', (db) =>
  db
    .insert(checkIns)
    .values(Object.fromEntries(columns.map((c) => [c, sql`${sql.placeholder(c)}`])) as unknown as typeof checkIns.$inferInsert)
    .returning(),
);

/**
 * The participant's own check-in. Only the participant writes it (the policy's 'checkins' write
 * grant is theirs alone). Reported use raises an alert in the same transaction, even on a private
 * check-in: use that is reported always reaches a person.
 */
export async function recordCheckIn(ctx: AuthedContext, participantId: string, input: CreateCheckIn): Promise<CheckIn> {
  await requireParticipantAccess(ctx, { participantId, category: 'checkins', access: 'write', action: 'checkin.create', resourceType: 'check_in' });
  const id = randomUUID();
  const values: typeof checkIns.$inferInsert & Record<(typeof columns)[number], unknown> = {
    id,
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
  };
  // The trail records that a check-in was made, never what it says.
  const audit = { action: 'checkin.create', participantId, resourceType: 'check_in', resourceId: id } as const;
  if (input.usedSinceLast !== 'yes') {
    const [row] = await insertAudited(ctx, values, audit);
    return toCheckIn(row!);
  }
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(checkIns).values(values).returning();
    await recordAudit(tx, audit);
    await raiseAlert(tx, {
      participantId,
      kind: 'reported_use',
      severity: 'high',
      reason: reportedUseReason(input),
      sourceType: 'check_in',
      // A private check-in is not linked, so the alert leads nowhere the peer worker may not go.
      sourceId: input.private ? undefined : id,
    });
    return toCheckIn(row!);
  });
}
