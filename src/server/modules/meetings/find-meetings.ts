import { and, arrayContains, asc, count, eq, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { MINUTES_PER_WEEK, SOON_AHEAD_MINUTES, SOON_GRACE_MINUTES, timeOfDayBands } from '../../../shared/meetings/schedule.js';
import type { MeetingFinderQuery, MeetingList } from '../../../shared/schemas/meetings.js';
import { meetings, meetingSaves } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import { toMeetingSummary } from './meeting-view.js';

const EARTH_RADIUS = { mi: 3958.8, km: 6371.0088 } as const;

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

/** Great-circle distance (haversine) from a point, in miles or kilometres. */
function distanceSql(lat: number, lng: number, unit: 'mi' | 'km'): SQL<number> {
  const [pLat, pLng, radius] = [sql`${lat}::float8`, sql`${lng}::float8`, sql`${EARTH_RADIUS[unit]}::float8`];
  return sql<number>`(2 * ${radius} * asin(least(1, sqrt(
    power(sin(radians(${meetings.latitude} - ${pLat}) / 2), 2)
    + cos(radians(${pLat})) * cos(radians(${meetings.latitude})) * power(sin(radians(${meetings.longitude} - ${pLng}) / 2), 2)))))`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The meeting finder: the organization's directory narrowed by day, time of day, types, how to
 * attend, distance from a point, words, "starting soon" and the person's saved list; upcoming
 * first (or nearest first when a point is given). One query, with the count of all matches.
 */
export async function findMeetings(ctx: AuthedContext, query: MeetingFinderQuery, now = new Date()): Promise<MeetingList> {
  const zones = await ctx.db
    .selectDistinct({ timeZone: meetings.timeZone })
    .from(meetings)
    .where(and(eq(meetings.organizationId, ctx.actor.organizationId), isNotNull(meetings.timeZone)));
  const minutesUntil = minutesUntilSql(zones.map((z) => z.timeZone!), now);
  const point = query.near?.split(',').map(Number) as [number, number] | undefined;
  const distance = point ? distanceSql(point[0], point[1], query.unit) : null;
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
    for (const word of query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) conditions.push(ilike(meetings.searchText, `%${escapeLike(word)}%`));
  }
  if (query.soon === 'true') conditions.push(isNotNull(meetings.weekMinute), sql`${minutesUntil} <= ${SOON_AHEAD_MINUTES}`);
  if (distance && query.radius !== undefined) conditions.push(isNotNull(meetings.latitude), sql`${distance} <= ${query.radius}::float8`);
  const saved = sql<boolean>`exists (select 1 from ${meetingSaves} s where s.meeting_id = ${meetings.id} and s.user_id = ${ctx.actor.userId})`;
  if (query.saved === 'true') conditions.push(saved);

  // The page is chosen on narrow rows first; the listings and "saved" are read for those 50 only.
  const where = and(...conditions);
  const page = await ctx.db
    .select({ id: meetings.id, distance: distance ?? sql<null>`null::float8`, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(meetings)
    .where(where)
    .orderBy(...(distance && query.soon !== 'true' ? [sql`${distance} asc nulls last`] : []), sql`${minutesUntil} asc nulls last`, asc(meetings.name), asc(meetings.slug))
    .limit(query.limit)
    .offset(query.offset);
  // Past the last page the window count is gone with the rows; count them apart only then.
  const total = page[0]?.total ?? (query.offset > 0 ? ((await ctx.db.select({ n: count() }).from(meetings).where(where))[0]?.n ?? 0) : 0);
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
