import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { dayBefore, localMoment, type LocalMoment } from '../../../shared/resources/schedule.js';
import { STALE_AFTER_MONTHS, type ResourceSearchQuery, type ResourceSearchResult, type ServiceSummary } from '../../../shared/schemas/resources.js';
import { resourceServicePlaces } from '../../db/schema/index.js';
import { executePrepared } from '../../db/prepared.js';
import { boxAroundSql, haversineKm, haversineSql } from '../../platform/geo.js';
import { directoryTimeZone, type Directory } from './directory-store.js';

export interface Origin {
  latitude: number;
  longitude: number;
  name: string | null;
}

/** Beyond this many matches the total reads "1,000+": nobody pages that far, and counting it costs a scan. */
export const COUNT_CAP = 1_000;

const placeLatitude = sql`pl.latitude`;
const placeLongitude = sql`pl.longitude`;

/**
 * Open at a moment, per opening-hours row `h`: the moment on the row's own clock (its IANA zone,
 * or its fixed UTC offset), then the weekday and minute, the dates it is valid, and for monthly
 * hours the nth weekday — the SQL twin of isOpenAt in src/shared/resources/schedule.ts (the API
 * tests check that the two agree).
 *
 * Given the directory's own zone, the rows on that clock (nearly all of them) are compared with
 * the local weekday, minute and date worked out once here, which the (organization, time zone,
 * weekday, opens) index can answer; only rows at a fixed offset or on another clock do the time
 * zone math. Each arm of the OR has an index of its own, so the rows open now can be read as a set.
 */
function openHoursRowSql(at: Date, directoryZone?: string): SQL {
  const moment = sql`${at.toISOString()}::timestamptz`;
  // Every clock on Earth is within a day of UTC: only rows for the UTC weekday and its neighbours can match.
  const utcDay = at.getUTCDay();
  const days = sql.join([(utcDay + 6) % 7, utcDay, (utcDay + 1) % 7].map((d) => sql`${d}::smallint`), sql`, `);
  const anyClock = (extra: SQL) => sql`(${extra} and h.weekday in (${days}) and exists (
    select 1 from (select case when h.utc_offset_minutes is null then ${moment} at time zone h.time_zone
                               else ${moment} at time zone make_interval(mins => h.utc_offset_minutes) end as t) l
    cross join lateral (select (case when h.spill then l.t - interval '1 day' else l.t end)::date as d) a
    where h.weekday = extract(dow from l.t)::int
      and h.opens_minute <= extract(hour from l.t)::int * 60 + extract(minute from l.t)::int
      and extract(hour from l.t)::int * 60 + extract(minute from l.t)::int < h.closes_minute
      and (h.valid_from is null or a.d >= h.valid_from)
      and (h.valid_to is null or a.d <= h.valid_to)
      and (h.nth is null
           or (h.nth > 0 and (extract(day from a.d)::int + 6) / 7 = h.nth)
           or (h.nth < 0 and (extract(day from (date_trunc('month', a.d) + interval '1 month - 1 day'))::int - extract(day from a.d)::int) / 7 + 1 = -h.nth))))`;
  if (!directoryZone) return anyClock(sql`true`);

  const now = localMoment(at, { timeZone: directoryZone });
  // The day the hours began: today, or yesterday for the after-midnight part of a night.
  const began = (m: LocalMoment, spill: boolean) => {
    const nth = [Math.ceil(m.dayOfMonth / 7), -Math.ceil((m.daysInMonth - m.dayOfMonth + 1) / 7)];
    return sql`(h.spill = ${spill} and (h.valid_from is null or h.valid_from <= ${m.date}::date) and (h.valid_to is null or h.valid_to >= ${m.date}::date)
      and (h.nth is null or h.nth in (${nth[0]}::smallint, ${nth[1]}::smallint)))`;
  };
  return sql`((h.utc_offset_minutes is null and h.time_zone = ${directoryZone}
        and h.weekday = ${now.weekday}::smallint and h.opens_minute <= ${now.minute}::smallint and h.closes_minute > ${now.minute}::smallint
        and (${began(now, false)} or ${began(dayBefore(now), true)}))
    or ${anyClock(sql`h.utc_offset_minutes is not null`)}
    or ${anyClock(sql`h.utc_offset_minutes is null and h.time_zone < ${directoryZone}`)}
    or ${anyClock(sql`h.utc_offset_minutes is null and h.time_zone > ${directoryZone}`)})`;
}

/** Whether service `s` is open at a moment: for one row (the page's "open now"). */
export function openAtSql(at: Date, directoryZone?: string): SQL {
  return sql`exists (select 1 from resource_open_hours h where h.organization_id = s.organization_id and h.service_id = s.id and ${openHoursRowSql(at, directoryZone)})`;
}

/**
 * The same test as a filter: the services open at a moment as a set, so PostgreSQL can read the
 * open rows once by index and join them (or probe per candidate when few candidates remain).
 */
function openServicesSql(organizationId: string, at: Date, directoryZone?: string): SQL {
  return sql`s.id in (select h.service_id from resource_open_hours h where h.organization_id = ${organizationId} and ${openHoursRowSql(at, directoryZone)})`;
}

/** Local state and the source's assured date: whichever is later; stale after six months. */
export const verifiedOnSql = sql`greatest(s.assured_on, (s.verified_at at time zone 'UTC')::date)`;
export function needsCheck(verifiedOn: string | null, at: Date): boolean {
  if (!verifiedOn) return true;
  const limit = new Date(at);
  limit.setUTCMonth(limit.getUTCMonth() - STALE_AFTER_MONTHS);
  return verifiedOn < limit.toISOString().slice(0, 10);
}

interface Row extends Record<string, unknown> {
  id: string;
  name: string;
  provider_name: string | null;
  description: string | null;
  status: string;
  categories: string[];
  languages: string[];
  free: boolean;
  local: boolean;
  hours_known: boolean;
  open_now: boolean;
  verified_on: string | Date | null;
  distance_km: number | null;
}

const dateText = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/**
 * Text (English and Spanish full text), category, distance from a point, open at a moment,
 * language and free of charge, together, over active services. Every filter is an indexed
 * condition: GIN on the text, the categories and the languages, a latitude/longitude box before
 * the haversine, the opening-hours rows of each candidate.
 */
export async function searchServices(dir: Directory, q: ResourceSearchQuery, origin: Origin | null, at: Date): Promise<ResourceSearchResult> {
  const zone = await directoryTimeZone(dir);
  const text = q.q ? sql`(websearch_to_tsquery('english', ${q.q}) || websearch_to_tsquery('spanish', ${q.q}))` : null;
  const where: SQL[] = [sql`s.organization_id = ${dir.organizationId}`, sql`s.status = 'active'`];
  if (text) where.push(sql`s.search @@ ${text}`);
  if (q.category) where.push(sql`s.categories @> array[${q.category}]::text[]`);
  if (q.language) where.push(sql`s.languages @> array[${q.language}]::text[]`);
  if (q.free) where.push(sql`s.free`);
  if (q.openNow) where.push(openServicesSql(dir.organizationId, at, zone));

  let near = sql``;
  if (origin) {
    const box = boxAroundSql(origin, q.radiusKm, 'km', placeLatitude, placeLongitude);
    near = sql`join (
      select pl.service_id, min(${haversineSql(origin, placeLatitude, placeLongitude)}) as distance_km
      from resource_service_places pl
      where pl.organization_id = ${dir.organizationId}${box ? sql` and ${box}` : sql``}
      group by pl.service_id
    ) n on n.service_id = s.id and n.distance_km <= ${q.radiusKm}::float8`;
  }
  const order = text
    ? sql`ts_rank(s.search, ${text}) desc, ${origin ? sql`n.distance_km asc,` : sql``} s.name asc`
    : origin
      ? sql`n.distance_km asc, s.name asc`
      : sql`s.name asc`;

  const from = sql`from resource_services s ${near} where ${sql.join(where, sql` and `)}`;
  // The page first (an ORDER BY … LIMIT can stop early), then "open now" for its rows only; the
  // total is counted apart and stops at COUNT_CAP, so a broad search never evaluates the whole directory twice.
  const [result, counted] = await Promise.all([
    executePrepared<Row>(dir.db, sql`
      select s.*, ${openAtSql(at, zone)} as open_now
      from (
        select s.organization_id, s.id, s.name, s.provider_name, left(s.description, 280) as description, s.status, s.categories, s.languages,
               s.free, s.local, s.hours_known, ${verifiedOnSql}::text as verified_on,
               ${origin ? sql`n.distance_km::float8` : sql`null::float8`} as distance_km,
               ${text ? sql`ts_rank(s.search, ${text})` : sql`0`}::float8 as rank
        ${from}
        order by ${order}
        limit ${q.size} offset ${(q.page - 1) * q.size}
      ) s
      order by s.rank desc, s.distance_km asc nulls last, s.name asc`),
    executePrepared<{ n: number }>(dir.db, sql`select count(*)::int as n from (select 1 ${from} limit ${COUNT_CAP + 1}) c`),
  ]);
  const total = Number(counted.rows[0]?.n ?? 0);
  const rows = result.rows;
  const places = await nearestPlaces(dir, rows.map((r) => r.id), origin);
  const items: ServiceSummary[] = rows.map((r) => {
    const verifiedOn = dateText(r.verified_on);
    return {
      id: r.id,
      name: r.name,
      providerName: r.provider_name,
      description: r.description,
      status: r.status,
      categories: r.categories as ServiceSummary['categories'],
      languages: r.languages,
      free: r.free,
      distanceKm: r.distance_km === null ? null : Math.round(Number(r.distance_km) * 10) / 10,
      place: places.get(r.id) ?? null,
      openNow: r.hours_known ? r.open_now : null,
      verifiedOn,
      needsCheck: needsCheck(verifiedOn, at),
      local: r.local,
    };
  });
  return { items, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP, page: q.page, size: q.size, origin, at: at.toISOString() };
}

/** For each service on the page, the place nearest the origin (or its first place). */
async function nearestPlaces(dir: Directory, ids: string[], origin: Origin | null): Promise<Map<string, { name: string | null; address: string | null }>> {
  const out = new Map<string, { name: string | null; address: string | null; d: number }>();
  if (ids.length === 0) return out;
  const rows = await dir.db
    .select()
    .from(resourceServicePlaces)
    .where(and(eq(resourceServicePlaces.organizationId, dir.organizationId), inArray(resourceServicePlaces.serviceId, ids)));
  for (const p of rows.sort((a, b) => a.locationId.localeCompare(b.locationId))) {
    const d = origin && p.latitude !== null && p.longitude !== null ? haversineKm(origin.latitude, origin.longitude, p.latitude, p.longitude) : Infinity;
    const seen = out.get(p.serviceId);
    if (!seen || d < seen.d) out.set(p.serviceId, { name: p.name, address: p.address, d });
  }
  return new Map([...out].map(([id, { name, address }]) => [id, { name, address }]));
}
