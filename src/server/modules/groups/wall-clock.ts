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

// Remembered next starts: the meeting finder asks for thousands of them on every search. Bounded.
const nextStarts = new Map<string, { from: number; start: Date }>();
const STARTS_REMEMBERED = 50_000;

/**
 * The next start of a weekly meeting (day 0 = Sunday) at `time` on its own clock, counting one that
 * began `graceMinutes` ago or less as still to come (also across midnight). Each week's occurrence is
 * the wall-clock time on that date, so the starts form one fixed sequence (a time repeated by a DST
 * change happens once).
 */
export function nextWeeklyStart(day: number, time: string, timeZone: string, now: Date, graceMinutes = 0): Date {
  const key = `${day} ${time} ${timeZone} ${graceMinutes}`;
  const at = now.getTime();
  const known = nextStarts.get(key);
  // The start found at `from` is the first of the sequence at or after from − grace; it stays so
  // until it is more than the grace in the past.
  if (known && known.from <= at && at <= known.start.getTime() + graceMinutes * 60_000) return new Date(known.start);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const threshold = DateTime.fromMillis(at - graceMinutes * 60_000, { zone: timeZone });
  const onDate = (d: DateTime) => DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour, minute }, { zone: timeZone });
  const date = threshold.plus({ days: ((day === 0 ? 7 : day) - threshold.weekday + 7) % 7 });
  let start = onDate(date);
  if (start.toMillis() < threshold.toMillis()) start = onDate(date.plus({ weeks: 1 }));
  const found = start.toJSDate();
  if (nextStarts.size >= STARTS_REMEMBERED) nextStarts.clear();
  nextStarts.set(key, { from: at, start: found });
  return new Date(found);
}
