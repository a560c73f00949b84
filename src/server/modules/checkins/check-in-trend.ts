import { and, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CheckInTrend, CheckInTrendDay, CheckInTrendQuery } from '../../../shared/schemas/checkins.js';
import { checkIns } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext, RequestContext } from '../../platform/context.js';
import { programTimeZoneOf, readableCheckIns } from './check-in-rows.js';
import { localDate } from '../../../shared/milestones.js';

const DAY_MS = 86_400_000;

/** Today's calendar date where the program is. */
export function todayIn(timeZone: string): string {
  return localDate(new Date(), timeZone);
}

/** Calendar dates from `days - 1` days before `end` through `end`, oldest first. */
export function calendarDays(end: string, days: number): string[] {
  const endMs = Date.parse(`${end}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(endMs - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/**
 * Daily averages of mood and craving for the charts. A day is a day in the program's time zone:
 * a check-in at 11 pm in Chicago belongs to that evening, not to the next UTC date. Days without a
 * check-in are in the series with nulls, so a chart shows the gap instead of drawing over it.
 */
export async function checkInTrend(ctx: AuthedContext, participantId: string, query: CheckInTrendQuery): Promise<CheckInTrend> {
  const granted = await requireParticipantAccess(ctx, {
    participantId,
    category: 'checkins',
    access: 'read',
    action: 'checkin.read',
    resourceType: 'check_in_trend',
  });
  const timeZone = await programTimeZoneOf(ctx, participantId);
  const dates = calendarDays(query.end ?? todayIn(timeZone), query.days);
  const days = (await dailyCheckInAverages(ctx, readableCheckIns(granted), timeZone, dates)).get(participantId) ?? emptyDays(dates);
  return { timeZone, days };
}

const emptyDays = (dates: string[]): CheckInTrendDay[] => dates.map((date) => ({ date, mood: null, craving: null, checkIns: 0 }));

/**
 * Daily averages over the given calendar dates for every participant the condition admits, in one
 * query (the caseload asks for a whole caseload at once). Callers decide which check-ins are
 * readable (`readableCheckIns`, or shared ones only); days are days in `timeZone`.
 */
export async function dailyCheckInAverages(ctx: RequestContext, readable: SQL, timeZone: string, dates: string[]): Promise<Map<string, CheckInTrendDay[]>> {
  return byParticipantAndDay(await dailyAveragesQuery(ctx.db, readable, timeZone, dates[0]!, dates.at(-1)!), dates);
}

type Value = string | Placeholder;

/** The query behind the averages; the time zone and the dates may be placeholders of a statement prepared once. */
export function dailyAveragesQuery(db: Db, readable: SQL, timeZone: Value, first: Value, last: Value) {
  const localDay = sql`((${checkIns.createdAt} at time zone ${timeZone})::date)`;
  return db
    .select({
      participantId: checkIns.participantId,
      date: sql<string>`to_char(${localDay}, 'YYYY-MM-DD')`,
      mood: sql<number>`round(avg(${checkIns.mood}), 1)::float8`,
      craving: sql<number>`round(avg(${checkIns.craving}), 1)::float8`,
      checkIns: sql<number>`count(*)::int`,
    })
    .from(checkIns)
    .where(
      and(
        readable,
        // Local midnight of the first day through local midnight after the last, as instants.
        sql`${checkIns.createdAt} >= (${first}::date::timestamp at time zone ${timeZone})`,
        sql`${checkIns.createdAt} < ((${last}::date + 1)::timestamp at time zone ${timeZone})`,
      ),
    )
    // By position: the time zone is a bound parameter, and a second copy of it would not match the select's.
    .groupBy(sql`1, 2`);
}

type AverageRow = Awaited<ReturnType<typeof dailyAveragesQuery>>[number];

/** The rows as a series per participant over every date, days without a check-in as nulls. */
export function byParticipantAndDay(rows: readonly AverageRow[], dates: string[]): Map<string, CheckInTrendDay[]> {
  const byParticipant = new Map<string, Map<string, AverageRow>>();
  for (const r of rows) {
    const days = byParticipant.get(r.participantId) ?? new Map();
    days.set(r.date, r);
    byParticipant.set(r.participantId, days);
  }
  return new Map(
    [...byParticipant].map(([participantId, byDate]) => [
      participantId,
      dates.map((date) => {
        const r = byDate.get(date);
        return r ? { date, mood: Number(r.mood), craving: Number(r.craving), checkIns: Number(r.checkIns) } : { date, mood: null, craving: null, checkIns: 0 };
      }),
    ]),
  );
}
