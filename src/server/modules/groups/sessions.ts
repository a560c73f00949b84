import { and, between, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { GroupSession } from '../../../shared/schemas/groups.js';
import { peerGroupAttendance, peerGroupRsvps, peerGroupSessions } from '../../db/schema/index.js';
import type { AuthedContext, RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { GroupInContext } from './group-access.js';
import { isOccurrence, occurrenceDates } from './recurrence.js';
import { instantOf } from './wall-clock.js';
import { addDays, localDate } from '../../../shared/milestones.js';

export type SessionRow = typeof peerGroupSessions.$inferSelect;

export function scheduledStart(g: GroupInContext, date: string): Date {
  return instantOf(date, g.group.startTime, g.timeZone);
}

interface SessionExtras {
  myRsvp: GroupSession['myRsvp'];
  going: number | null;
  attendance: GroupSession['attendance'];
}

export function toSessionView(g: GroupInContext, date: string, row: SessionRow | null, extras: SessionExtras): GroupSession {
  const startsAt = row?.startsAt ?? scheduledStart(g, date);
  const duration = row?.durationMinutes ?? g.group.durationMinutes;
  return {
    date,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + duration * 60_000).toISOString(),
    status: row?.status ?? 'scheduled',
    moved: row !== null && row.startsAt.getTime() !== scheduledStart(g, date).getTime(),
    place: row?.place ?? g.group.place,
    cancelReason: row?.cancelReason ?? null,
    topics: row?.topics ?? [],
    notes: g.manage ? (row?.notes ?? null) : null,
    myRsvp: extras.myRsvp,
    going: g.manage ? extras.going : null,
    attendance: g.manage ? extras.attendance : null,
  };
}

/** RSVPs and attendance counts for session rows, in two queries. */
async function extrasFor(ctx: RequestContext, g: GroupInContext, rows: SessionRow[]): Promise<Map<string, SessionExtras>> {
  const result = new Map<string, SessionExtras>(rows.map((r) => [r.id, { myRsvp: null, going: 0, attendance: { present: 0, absent: 0, excused: 0 } }]));
  if (rows.length === 0) return result;
  const ids = rows.map((r) => r.id);
  const rsvps = await ctx.db
    .select({ sessionId: peerGroupRsvps.sessionId, participantId: peerGroupRsvps.participantId, response: peerGroupRsvps.response })
    .from(peerGroupRsvps)
    .where(inArray(peerGroupRsvps.sessionId, ids));
  for (const r of rsvps) {
    const e = result.get(r.sessionId)!;
    if (r.response === 'going') e.going! += 1;
    if (r.participantId === g.participantId) e.myRsvp = r.response;
  }
  if (g.manage) {
    const marks = await ctx.db
      .select({ sessionId: peerGroupAttendance.sessionId, status: peerGroupAttendance.status, n: count() })
      .from(peerGroupAttendance)
      .where(inArray(peerGroupAttendance.sessionId, ids))
      .groupBy(peerGroupAttendance.sessionId, peerGroupAttendance.status);
    for (const m of marks) result.get(m.sessionId)!.attendance![m.status] = m.n;
  }
  return result;
}

const noExtras: SessionExtras = { myRsvp: null, going: 0, attendance: { present: 0, absent: 0, excused: 0 } };

/**
 * The sessions whose start falls between two dates (program clock, inclusive): the rule's
 * occurrences, with cancellations, moves, notes and counts from the session rows. A session moved
 * into the range from outside it is found by its new start.
 */
export async function sessionsBetween(ctx: RequestContext, g: GroupInContext, from: string, to: string): Promise<GroupSession[]> {
  const rangeStart = instantOf(from, '00:00', g.timeZone);
  const rangeEnd = instantOf(addDays(to, 1), '00:00', g.timeZone);
  const rows = await ctx.db
    .select()
    .from(peerGroupSessions)
    .where(
      and(
        eq(peerGroupSessions.groupId, g.group.id),
        or(between(peerGroupSessions.occursOn, from, to), and(sql`${peerGroupSessions.startsAt} >= ${rangeStart.toISOString()}`, sql`${peerGroupSessions.startsAt} < ${rangeEnd.toISOString()}`)),
      ),
    );
  const byDate = new Map(rows.map((r) => [r.occursOn, r]));
  const dates = new Set([...occurrenceDates(g.group, from, to), ...byDate.keys()]);
  const extras = await extrasFor(ctx, g, rows);
  return [...dates]
    .map((date) => {
      const row = byDate.get(date) ?? null;
      return toSessionView(g, date, row, row ? extras.get(row.id)! : noExtras);
    })
    .filter((s) => {
      const local = localDate(new Date(s.startsAt), g.timeZone);
      return local >= from && local <= to;
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

export async function sessionView(ctx: RequestContext, g: GroupInContext, date: string): Promise<GroupSession> {
  const row = await findSessionRow(ctx, g, date);
  if (!row && !isOccurrence(g.group, date)) throw notFound('group_session.not_found', 'That session');
  const extras = row ? (await extrasFor(ctx, g, [row])).get(row.id)! : noExtras;
  return toSessionView(g, date, row, extras);
}

export async function findSessionRow(ctx: RequestContext, g: GroupInContext, date: string): Promise<SessionRow | null> {
  const [row] = await ctx.db
    .select()
    .from(peerGroupSessions)
    .where(and(eq(peerGroupSessions.groupId, g.group.id), eq(peerGroupSessions.occursOn, date)));
  return row ?? null;
}

/**
 * The session row for an occurrence, written (as scheduled) the first time something happens to
 * it, and locked for the rest of the transaction. A date the schedule does not give is not found.
 */
export async function ensureSessionRow(tx: AuthedContext, g: GroupInContext, date: string): Promise<SessionRow> {
  const existing = await tx.db
    .select()
    .from(peerGroupSessions)
    .where(and(eq(peerGroupSessions.groupId, g.group.id), eq(peerGroupSessions.occursOn, date)))
    .for('update');
  if (existing[0]) return existing[0];
  if (!isOccurrence(g.group, date)) throw notFound('group_session.not_found', 'That session');
  await tx.db
    .insert(peerGroupSessions)
    .values({
      organizationId: tx.actor.organizationId,
      groupId: g.group.id,
      occursOn: date,
      startsAt: scheduledStart(g, date),
      durationMinutes: g.group.durationMinutes,
    })
    .onConflictDoNothing();
  const [row] = await tx.db
    .select()
    .from(peerGroupSessions)
    .where(and(eq(peerGroupSessions.groupId, g.group.id), eq(peerGroupSessions.occursOn, date)))
    .for('update');
  return row!;
}
