/**
 * Opening hours from HSDS 3 schedules (iCal-style recurrence: WEEKLY by day, MONTHLY by the nth
 * weekday such as `1SA` or `-1FR`) as weekly intervals in minutes of a local day, and whether a
 * place is open at an instant.
 *
 * Time zones: a time with its own offset (`09:00Z`, `09:00-05:00`) or a schedule `timezone` (a UTC
 * offset in hours) is read at that offset. A bare `09:00` is read on the local clock of the
 * directory (the organization's time zone), daylight saving included. HSDS says bare times are
 * UTC, but real directories write local opening hours; reading them as UTC would shift every
 * service by hours.
 *
 * Midnight: hours that close at or before they open (`22:00`–`06:00`) run into the next day;
 * the part after midnight belongs to the day it started (a Friday night shelter is open early
 * Saturday, even if Saturday is not one of its days). `23:59` closes at the end of the day;
 * equal open and close times mean 24 hours.
 */

export interface HsdsScheduleLike {
  freq?: unknown;
  interval?: unknown;
  byday?: unknown;
  opens_at?: unknown;
  closes_at?: unknown;
  timezone?: unknown;
  valid_from?: unknown;
  valid_to?: unknown;
  dtstart?: unknown;
  until?: unknown;
}

export interface OpenInterval {
  /** 0 = Sunday … 6 = Saturday, on the local clock. */
  weekday: number;
  /** Minutes after local midnight, [opens, closes). closes ≤ 1440. */
  opens: number;
  closes: number;
  /** MONTHLY: the nth such weekday of the month (1…5), or counted from the end (-1 = last). */
  nth: number | null;
  /** The after-midnight part of hours that began the day before: nth and dates apply to that day. */
  spill: boolean;
  validFrom: string | null;
  validTo: string | null;
  /** A fixed offset from UTC the times are written in; null = the directory's local time zone. */
  utcOffsetMinutes: number | null;
}

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const DAY_MINUTES = 1440;

export interface ParsedTime {
  minutes: number;
  offsetMinutes: number | null;
}

/** `HH:MM`, `HH:MM:SS(.fff)`, optionally followed by `Z` or an offset such as `-05:00`. */
export function parseTime(value: unknown): ParsedTime | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(value.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  let offsetMinutes: number | null = null;
  if (m[4]) {
    if (m[4].toUpperCase() === 'Z') offsetMinutes = 0;
    else {
      const sign = m[4].startsWith('-') ? -1 : 1;
      const digits = m[4].slice(1).replace(':', '');
      offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
    }
  }
  return { minutes: hours * 60 + minutes, offsetMinutes };
}

const dateOnly = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

/** `MO,TU` or `1SA,-1FR` → weekdays with their nth. */
function parseByDay(value: unknown): Array<{ weekday: number; nth: number | null }> | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const out: Array<{ weekday: number; nth: number | null }> = [];
  for (const part of value.split(',')) {
    const m = /^\s*([+-]?\d)?\s*(SU|MO|TU|WE|TH|FR|SA)\s*$/i.exec(part);
    if (!m) return null;
    out.push({ weekday: DAYS.indexOf(m[2]!.toUpperCase()), nth: m[1] ? Number(m[1]) : null });
  }
  return out;
}

/**
 * The weekly intervals one schedule describes. `understood` is false for what this reading does
 * not cover (no days, every-other-week intervals, days of the month, missing times): such a
 * schedule is shown as its description and never counts as open now.
 */
export function openIntervals(s: HsdsScheduleLike): { intervals: OpenInterval[]; understood: boolean } {
  const none = { intervals: [], understood: false };
  const freq = typeof s.freq === 'string' ? s.freq.toUpperCase() : s.byday ? 'WEEKLY' : null;
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') return none;
  if (typeof s.interval === 'number' && s.interval > 1) return none;
  const days = parseByDay(s.byday);
  const opens = parseTime(s.opens_at);
  const closes = parseTime(s.closes_at);
  if (!days || !opens || !closes) return none;
  if (freq === 'WEEKLY' && days.some((d) => d.nth !== null)) return none;

  const scheduleOffset = typeof s.timezone === 'number' && Number.isFinite(s.timezone) ? Math.round(s.timezone * 60) : null;
  const utcOffsetMinutes = opens.offsetMinutes ?? closes.offsetMinutes ?? scheduleOffset;
  // Both ends are read on the same clock: a close written at another offset is moved onto it.
  const shift = closes.offsetMinutes !== null && utcOffsetMinutes !== null ? utcOffsetMinutes - closes.offsetMinutes : 0;
  const start = opens.minutes % DAY_MINUTES;
  let end = (((closes.minutes + shift) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  if (end === 23 * 60 + 59 || closes.minutes === DAY_MINUTES) end = DAY_MINUTES;
  const validFrom = dateOnly(s.valid_from) ?? dateOnly(s.dtstart);
  const validTo = dateOnly(s.valid_to) ?? dateOnly(s.until);

  const intervals: OpenInterval[] = [];
  for (const { weekday, nth } of days) {
    const base = { nth: freq === 'MONTHLY' ? nth : null, validFrom, validTo, utcOffsetMinutes };
    if (end > start) intervals.push({ ...base, weekday, opens: start, closes: end, spill: false });
    else {
      intervals.push({ ...base, weekday, opens: start, closes: DAY_MINUTES, spill: false });
      if (end > 0) intervals.push({ ...base, weekday: (weekday + 1) % 7, opens: 0, closes: end, spill: true });
    }
  }
  if (freq === 'MONTHLY' && intervals.some((i) => i.nth === null)) return none;
  return { intervals, understood: true };
}

export interface LocalMoment {
  /** YYYY-MM-DD on the local clock. */
  date: string;
  weekday: number;
  minute: number;
  dayOfMonth: number;
  daysInMonth: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

function momentOf(year: number, month: number, day: number, hour: number, minute: number): LocalMoment {
  const utc = Date.UTC(year, month - 1, day);
  return {
    date: new Date(utc).toISOString().slice(0, 10),
    weekday: new Date(utc).getUTCDay(),
    minute: hour * 60 + minute,
    dayOfMonth: day,
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}

/** The local date and time of an instant in an IANA time zone, or at a fixed offset from UTC. */
export function localMoment(instant: Date, zone: { timeZone: string } | { utcOffsetMinutes: number }): LocalMoment {
  if ('utcOffsetMinutes' in zone) {
    const d = new Date(instant.getTime() + zone.utcOffsetMinutes * 60_000);
    return momentOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  }
  const parts = Object.fromEntries(formatterFor(zone.timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return momentOf(Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute));
}

/** The day before a local date, as a moment at the same minute (for the after-midnight part). */
export function dayBefore(m: LocalMoment): LocalMoment {
  const d = new Date(`${m.date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return momentOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, m.minute);
}

/** Is this the nth (or nth-from-last) such weekday of its month? */
export function isNthWeekday(m: LocalMoment, nth: number): boolean {
  return nth > 0 ? Math.ceil(m.dayOfMonth / 7) === nth : Math.ceil((m.daysInMonth - m.dayOfMonth + 1) / 7) === -nth;
}

function covers(i: OpenInterval, m: LocalMoment): boolean {
  if (m.weekday !== i.weekday || m.minute < i.opens || m.minute >= i.closes) return false;
  const startDay = i.spill ? dayBefore(m) : m;
  if (i.validFrom && startDay.date < i.validFrom) return false;
  if (i.validTo && startDay.date > i.validTo) return false;
  return i.nth === null || isNthWeekday(startDay, i.nth);
}

/** Open at this instant? Intervals without an offset are read in `timeZone` (IANA). */
export function isOpenAt(intervals: OpenInterval[], instant: Date, timeZone: string): boolean {
  return intervals.some((i) => covers(i, localMoment(instant, i.utcOffsetMinutes === null ? { timeZone } : { utcOffsetMinutes: i.utcOffsetMinutes })));
}

/**
 * When it closes (if open) or next opens (if closed, within a week), as instants: for "open now,
 * until 5 PM" and "opens Monday 9 AM". Steps through the coming week in 15-minute slots.
 */
export function nextChange(intervals: OpenInterval[], from: Date, timeZone: string): { open: boolean; at: Date | null } {
  const open = isOpenAt(intervals, from, timeZone);
  if (intervals.length === 0) return { open, at: null };
  const step = 15 * 60_000;
  const first = Math.ceil(from.getTime() / step) * step;
  for (let t = first; t <= from.getTime() + 8 * 86_400_000; t += step) {
    if (t === from.getTime()) continue;
    if (isOpenAt(intervals, new Date(t), timeZone) !== open) return { open, at: new Date(t) };
  }
  return { open, at: null };
}
