import { sql, type SQL } from 'drizzle-orm';

/**
 * Distances on the Earth for the directories (community resources, mutual-aid meetings): one
 * haversine in JavaScript and in SQL, and the latitude/longitude box an index narrows by first.
 */
export const EARTH_RADIUS = { km: 6371.0088, mi: 3958.8 } as const;
export type DistanceUnit = keyof typeof EARTH_RADIUS;
const KM_PER_MILE = 1.609344;
const KM_PER_DEGREE = 111.045;

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in km (haversine). */
export function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((bLat - aLat) * rad) / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(((bLon - aLon) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS.km * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The same haversine in SQL, from a point to a latitude/longitude column pair, in `unit`. */
export function haversineSql(point: Point, latitude: SQL, longitude: SQL, unit: DistanceUnit = 'km'): SQL<number> {
  const [lat, lon, radius] = [sql`${point.latitude}::float8`, sql`${point.longitude}::float8`, sql`${EARTH_RADIUS[unit]}::float8`];
  return sql<number>`(2 * ${radius} * asin(least(1, sqrt(
    power(sin(radians(${latitude} - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(${latitude})) * power(sin(radians(${longitude} - ${lon}) / 2), 2)))))`;
}

/**
 * A condition keeping the latitude/longitude box that holds every point within the radius, for an
 * index on the pair to narrow by before the haversine decides; none where the box would pass a pole
 * or the antimeridian (the haversine alone decides there).
 */
export function boxAroundSql(point: Point, radius: number, unit: DistanceUnit, latitude: SQL, longitude: SQL): SQL | undefined {
  // A little wider than the radius, so rounding never leaves out a place the haversine keeps.
  const km = (unit === 'mi' ? radius * KM_PER_MILE : radius) * 1.01 + 0.1;
  const dLat = km / KM_PER_DEGREE;
  const cos = Math.cos(((Math.abs(point.latitude) + dLat) * Math.PI) / 180);
  if (point.latitude - dLat < -90 || point.latitude + dLat > 90 || cos < 1e-6) return undefined;
  const dLon = km / (KM_PER_DEGREE * cos);
  if (point.longitude - dLon < -180 || point.longitude + dLon > 180) return undefined;
  return sql`${latitude} between ${point.latitude - dLat}::float8 and ${point.latitude + dLat}::float8
    and ${longitude} between ${point.longitude - dLon}::float8 and ${point.longitude + dLon}::float8`;
}
