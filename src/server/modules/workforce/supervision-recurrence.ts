import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { SupervisionSession } from '../../../shared/schemas/workforce.js';
import { supervisionAttendees, supervisionSessions } from '../../db/schema/index.js';
import type { RequestContext } from '../../platform/context.js';

type Recurrence = SupervisionSession['recurrence'];
const steps = { weekly: { weeks: 1 }, biweekly: { weeks: 2 }, monthly: { months: 1 } } as const;

/**
 * The next session of a recurring series: the same wall-clock time on the program's clock, so
 * "every other Tuesday at 10:00" stays Tuesday at 10:00 across daylight-saving changes.
 */
export function nextOccurrence(at: Date, recurrence: Recurrence, timeZone: string): Date | null {
  if (recurrence === 'none') return null;
  return DateTime.fromJSDate(at, { zone: timeZone }).plus(steps[recurrence]).toJSDate();
}

/**
 * Once a recurring session is held or cancelled, the series goes on: the next session is scheduled
 * with the same people, length and rhythm. It names the one it follows, so this happens only once.
 */
export async function continueSeries(tx: Pick<RequestContext, 'db'>, session: typeof supervisionSessions.$inferSelect, timeZone: string): Promise<string | null> {
  const at = nextOccurrence(session.scheduledAt, session.recurrence, timeZone);
  if (!at) return null;
  const [next] = await tx.db
    .insert(supervisionSessions)
    .values({
      organizationId: session.organizationId,
      programId: session.programId,
      supervisorId: session.supervisorId,
      followsId: session.id,
      kind: session.kind,
      recurrence: session.recurrence,
      status: 'scheduled',
      scheduledAt: at,
      durationMinutes: session.durationMinutes,
    })
    .onConflictDoNothing({ target: supervisionSessions.followsId })
    .returning({ id: supervisionSessions.id });
  if (!next) return null;
  const attendees = await tx.db.select({ workerId: supervisionAttendees.workerId }).from(supervisionAttendees).where(eq(supervisionAttendees.sessionId, session.id));
  await tx.db.insert(supervisionAttendees).values(attendees.map((a) => ({ sessionId: next.id, workerId: a.workerId })));
  return next.id;
}
