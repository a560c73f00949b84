import { DateTime } from 'luxon';

/**
 * Wall-clock time in a place, and back. Schedules are kept as the people in them live them
 * ("Tuesdays at 18:00 in Chicago"); instants are worked out per occurrence, so DST never moves them.
 */
export function instantOf(localDate: string, localTime: string, timeZone: string): Date {
  const dt = DateTime.fromISO(`${localDate}T${localTime}`, { zone: timeZone });
  if (!dt.isValid) throw new Error(`not a wall-clock time: ${localDate} ${localTime} in ${timeZone}`);
  return dt.toJSDate();
}

export function localTimeOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('HH:mm');
}

/**
 * The next start of a weekly meeting (day 0 = Sunday) at `time` on its own clock, counting one that
 * began less than `graceMinutes` ago as still to come.
 */
export function nextWeeklyStart(day: number, time: string, timeZone: string, now: Date, graceMinutes = 0): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const weekday = day === 0 ? 7 : day;
  let start = local.set({ hour, minute, second: 0, millisecond: 0 }).plus({ days: (weekday - local.weekday + 7) % 7 });
  if (start < local.minus({ minutes: graceMinutes })) start = start.plus({ weeks: 1 });
  return start.toJSDate();
}
