import { and, arrayContains, asc, count, eq, inArray, isNotNull, isNull, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { MINUTES_PER_WEEK, SOON_AHEAD_MINUTES, SOON_GRACE_MINUTES, timeOfDayBands } from '../../../shared/meetings/schedule.js';
import type { MeetingFinderQuery, MeetingList } from '../../../shared/schemas/meetings.js';
import { meetings, meetingSaves } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import { boxAroundSql, haversineSql } from '../../platform/geo.js';
import { toMeetingSummary } from './meeting-view.js';


/** Where `now` falls in the week (minutes from Sunday 00:00) on a zone's wall clock. */
function weekMinuteIn(timeZone: string, now: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return day * 1440 + Number(part('hour')) * 60 + Number(part('minute'));
}

/**
 * Minutes until the next start (from -grace), per row on the meeting's own clock. "Now" is worked
 * out once per time zone the directory uses (a handful), not once per row: a CASE over the zones
 * is far cheaper for PostgreSQL than `at time zone` on ten thousand rows.
 */
function minutesUntilSql(timeZones: string[], now: Date): SQL<number> {
  if (timeZones.length === 0) return sql<number>`null::int`;
  const branches = sql.join(
    timeZones.map((tz) => sql`when ${tz} then ${weekMinuteIn(tz, now)}::int`),
    sql` `,
  );
  const nowWeekMinute = sql`(case ${meetings.timeZone} ${branches} end)`;
  return sql<number>`(mod(mod(${meetings.weekMinute} - ${nowWeekMinute} + ${SOON_GRACE_MINUTES}, ${MINUTES_PER_WEEK}) + ${MINUTES_PER_WEEK}, ${MINUTES_PER_WEEK}) - ${SOON_GRACE_MINUTES})`;
}

/**
 * The time zones a directory's meetings use, read as a skip scan of the (organization, time zone)
 * index: one index probe per zone (a handful) instead of reading every meeting.
 */
async function directoryZones(ctx: AuthedContext): Promise<string[]> {
  const org = ctx.actor.organizationId;
  const result = await ctx.db.execute<{ time_zone: string | null }>(sql`
    with recursive z(time_zone) as (
      (select m.time_zone from meetings m where m.organization_id = ${org} and m.time_zone is not null order by m.time_zone limit 1)
      union all
      select (select m.time_zone from meetings m where m.organization_id = ${org} and m.time_zone > z.time_zone order by m.time_zone limit 1)
      from z where z.time_zone is not null
    )
    select time_zone from z where time_zone is not null`);
  return (result as unknown as { rows: Array<{ time_zone: string }> }).rows.map((r) => r.time_zone);
}

/**
 * The meetings whose next start is at most `ahead` minutes away (from -grace), as week-minute
 * ranges the (organization, week minute) index can read: for each zone the stretch of its week
 * from now - grace to now + ahead, wrapping past the end of the week. A superset (a range comes
 * from one zone's clock and may hold another zone's meetings); the exact test stays beside it.
 */
function startsWithinRangesSql(timeZones: string[], now: Date, ahead: number): SQL {
  const ranges: Array<[number, number]> = [];
  for (const tz of timeZones) {
    const from = weekMinuteIn(tz, now) - SOON_GRACE_MINUTES;
    const to = from + SOON_GRACE_MINUTES + ahead;
    if (from < 0) ranges.push([from + MINUTES_PER_WEEK, MINUTES_PER_WEEK - 1], [0, to]);
    else if (to >= MINUTES_PER_WEEK) ranges.push([from, MINUTES_PER_WEEK - 1], [0, to - MINUTES_PER_WEEK]);
    else ranges.push([from, to]);
  }
  if (ranges.length === 0) return sql`false`;
  return sql`(${sql.join(
    ranges.map(([a, b]) => sql`${meetings.weekMinute} between ${a}::int and ${b}::int`),
    sql` or `,
  )})`;
}

/** The window "upcoming first" tries before ordering the whole directory: enough for a page nearly always. */
const FIRST_WINDOW_MINUTES = 360;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The meeting finder: the organization's directory narrowed by day, time of day, types, how to
 * attend, distance from a point, words, "starting soon" and the person's saved list; upcoming
 * first (or nearest first when a point is given), with the count of all matches.
 *
 * Every filter has an index to narrow by (day and start, week minute, a latitude/longitude box);
 * "upcoming first" reads the next few hours of the week first and orders the whole directory only
 * when those do not fill the page; the count is a separate, narrow count, skipped when the page
 * itself shows there are no more.
 */
export async function findMeetings(ctx: AuthedContext, query: MeetingFinderQuery, now = new Date()): Promise<MeetingList> {
  const zones = await directoryZones(ctx);
  const minutesUntil = minutesUntilSql(zones, now);
  const point = query.near?.split(',').map(Number) as [number, number] | undefined;
  const origin = point ? { latitude: point[0], longitude: point[1] } : null;
  const distance = origin ? haversineSql(origin, sql`${meetings.latitude}`, sql`${meetings.longitude}`, query.unit) : null;
  const conditions: Array<SQL | undefined> = [eq(meetings.organizationId, ctx.actor.organizationId)];
  if (query.inactive !== 'true') conditions.push(ne(meetings.attendanceMode, 'inactive'));
  if (query.day !== undefined) conditions.push(eq(meetings.day, query.day));
  if (query.time === 'appointment') conditions.push(isNull(meetings.startMinute));
  else if (query.time) {
    conditions.push(or(...timeOfDayBands[query.time].map(([from, to]) => sql`(${meetings.startMinute} >= ${from} and ${meetings.startMinute} < ${to})`)));
  }
  if (query.types) conditions.push(arrayContains(meetings.types, query.types.split(',')));
  if (query.attend) conditions.push(inArray(meetings.attendanceMode, [query.attend, 'hybrid']));
  if (query.q) {
    // search_text is stored lower-cased (derive.ts), so a plain LIKE of the lower-cased word matches as ILIKE would, at a fraction of the cost.
    for (const word of query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) conditions.push(like(meetings.searchText, `%${escapeLike(word)}%`));
  }
  if (query.soon === 'true') {
    conditions.push(isNotNull(meetings.weekMinute), startsWithinRangesSql(zones, now, SOON_AHEAD_MINUTES), sql`${minutesUntil} <= ${SOON_AHEAD_MINUTES}`);
  }
  if (origin && distance && query.radius !== undefined) {
    const box = boxAroundSql(origin, query.radius, query.unit, sql`${meetings.latitude}`, sql`${meetings.longitude}`);
    conditions.push(isNotNull(meetings.latitude), box, sql`${distance} <= ${query.radius}::float8`);
  }
  const saved = sql<boolean>`exists (select 1 from ${meetingSaves} s where s.meeting_id = ${meetings.id} and s.user_id = ${ctx.actor.userId})`;
  if (query.saved === 'true') conditions.push(saved);

  // The page is chosen on narrow rows first; the listings and "saved" are read for those only.
  const where = and(...conditions);
  const byDistance = Boolean(distance) && query.soon !== 'true';
  const pageWhere = (extra?: SQL) =>
    ctx.db
      .select({ id: meetings.id, distance: distance ?? sql<null>`null::float8` })
      .from(meetings)
      .where(extra ? and(where, extra) : where)
      .orderBy(...(byDistance ? [sql`${distance} asc nulls last`] : []), sql`${minutesUntil} asc nulls last`, asc(meetings.name), asc(meetings.slug))
      .limit(query.limit)
      .offset(query.offset);
  // Upcoming first: when the next few hours hold a full page, it is the same page as the whole
  // directory would give (every meeting left out starts later than all of them).
  const tryWindow = !byDistance && query.soon !== 'true' && query.time !== 'appointment' && zones.length > 0 && query.offset + query.limit <= 200;
  let page = tryWindow
    ? await pageWhere(and(startsWithinRangesSql(zones, now, FIRST_WINDOW_MINUTES), sql`${minutesUntil} <= ${FIRST_WINDOW_MINUTES}`))
    : [];
  if (!tryWindow || page.length < query.limit) page = await pageWhere();
  // A page that is not full ends the list, so it gives the count; otherwise count apart.
  const total =
    page.length > 0 && page.length < query.limit
      ? query.offset + page.length
      : page.length === 0 && query.offset === 0
        ? 0
        : ((await ctx.db.select({ n: count() }).from(meetings).where(where))[0]?.n ?? 0);
  if (page.length === 0) return { meetings: [], total };
  const details = await ctx.db
    .select({
      id: meetings.id,
      slug: meetings.slug,
      name: meetings.name,
      day: meetings.day,
      timeZone: meetings.timeZone,
      types: meetings.types,
      attendanceMode: meetings.attendanceMode,
      regions: meetings.regions,
      record: meetings.record,
      latitude: meetings.latitude,
      longitude: meetings.longitude,
      saved,
    })
    .from(meetings)
    .where(inArray(meetings.id, page.map((p) => p.id)));
  const byId = new Map(details.map((d) => [d.id, d]));
  const rows = page.map((p) => ({ ...byId.get(p.id)!, distance: p.distance }));
  return { meetings: rows.map((row) => toMeetingSummary(row, now)), total };
}
