import { and, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { CheckIn } from '../../../shared/schemas/checkins.js';
import { checkIns, participants, programs } from '../../db/schema/index.js';
import { seesOwnPrivate, type Granted } from '../../platform/access.js';
import type { RequestContext } from '../../platform/context.js';

export type CheckInRow = typeof checkIns.$inferSelect;

export function toCheckIn(row: CheckInRow): CheckIn {
  return {
    id: row.id,
    participantId: row.participantId,
    mood: row.mood,
    craving: row.craving,
    usedSinceLast: row.usedSinceLast,
    triggers: row.triggers as CheckIn['triggers'],
    triggerNote: row.triggerNote,
    sleepHours: row.sleepHours,
    supportContact: row.supportContact,
    note: row.note,
    private: row.private,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The check-ins of one participant this reader may see. Private ones are the participant's alone:
 * for anyone else they are filtered out in the query, so neither rows nor counts reveal them.
 */
export function readableCheckIns(granted: Granted): SQL {
  return readableCheckInsOf(granted.participantId, seesOwnPrivate(granted.relationships));
}

/** The same, for a statement prepared once: the participant may be a placeholder. */
export function readableCheckInsOf(participantId: string | Placeholder, ownPrivate: boolean): SQL {
  return and(eq(checkIns.participantId, participantId), ownPrivate ? undefined : eq(checkIns.private, false))!;
}

/**
 * The check-ins of many participants that anyone but the participant may see: the shared ones. For
 * views across a caseload: private check-ins leave no trace there, not even by quieting a flag.
 */
export function sharedCheckInsOf(participantIds: readonly string[] | Placeholder): SQL {
  const whose = Array.isArray(participantIds) ? inArray(checkIns.participantId, [...participantIds]) : sql`${checkIns.participantId} = any(${participantIds})`;
  return and(whose, eq(checkIns.private, false))!;
}

/** The IANA time zone of the participant's program: days are counted there, not in UTC. */
export async function programTimeZoneOf(ctx: RequestContext, participantId: string): Promise<string> {
  const [row] = await ctx.db
    .select({ timeZone: programs.timeZone })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(eq(participants.id, participantId));
  if (!row) throw new Error(`programTimeZoneOf: participant ${participantId} does not exist`);
  return row.timeZone;
}
