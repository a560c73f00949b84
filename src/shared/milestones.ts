/**
 * Days in recovery and milestones, as pure calendar arithmetic shared by server and web.
 *
 * Everything works on calendar dates (YYYY-MM-DD) in the program's time zone: "today" is the date
 * on the program's wall clock, so a participant in Chicago reaches 30 days at local midnight, not
 * at UTC midnight, and a DST change (a 23- or 25-hour day) never shifts a count by one.
 * The words around these numbers say every day counts; a new start date adds to the history and
 * nothing here ever "resets" anything.
 */

/** A calendar date, YYYY-MM-DD, with no time and no zone. */
export type CalendarDate = string;

const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat costs far more than using one (the caseload calls localDate for
// every recent check-in: 90 ms of a 40-person caseload before this cache), so one per time zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format;
}

// Since 1980 every zone's offset and every DST change falls on a quarter hour, so all instants of
// one UTC quarter hour share their local date: remembered per zone (a caseload asks about the same
// check-ins on every load). Bounded: forgotten wholesale past QUARTERS_REMEMBERED entries.
const QUARTER_MS = 15 * 60_000;
const MEMO_FROM_MS = Date.UTC(1980, 0, 1);
const QUARTERS_REMEMBERED = 100_000;
const quarterDates = new Map<string, Map<number, CalendarDate>>();
let remembered = 0;

/** The calendar date an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  const ms = instant.getTime();
  if (!(ms >= MEMO_FROM_MS)) return formatDate(instant, timeZone);
  const quarter = Math.floor(ms / QUARTER_MS);
  let dates = quarterDates.get(timeZone);
  if (!dates) quarterDates.set(timeZone, (dates = new Map()));
  let date = dates.get(quarter);
  if (date === undefined) {
    if (remembered >= QUARTERS_REMEMBERED) {
      quarterDates.clear();
      quarterDates.set(timeZone, (dates = new Map()));
      remembered = 0;
    }
    date = formatDate(instant, timeZone);
    dates.set(quarter, date);
    remembered++;
  }
  return date;
}

/** en-US numeric dates are MM/DD/YYYY: plain format() is several times faster than formatToParts(). */
function formatDate(instant: Date, timeZone: string): CalendarDate {
  const us = dateFormat(timeZone).format(instant);
  const [month, day, year] = us.split('/') as [string, string, string];
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

function parse(date: CalendarDate): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

// Calendar dates as UTC midnights: plain day arithmetic, untouched by any time zone's DST.
function toEpochDay(date: CalendarDate): number {
  const [y, m, d] = parse(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromEpochDay(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day of the month, `months` later. A day the target month lacks becomes its last day
 * (Aug 31 + 6 months = Feb 28 or 29; Feb 29 + 1 year = Feb 28): the milestone comes on time, never
 * spilling into the month after.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parse(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const milestoneUnits = ['days', 'weeks', 'months', 'years'] as const;
export type MilestoneUnit = (typeof milestoneUnits)[number];

export interface StandardMilestone {
  /** Stable within one recovery start: `days:30`, `months:6`, `years:2`. */
  key: string;
  unit: MilestoneUnit;
  amount: number;
  /** The calendar date it is reached on, in the program's time zone. */
  date: CalendarDate;
}

/** The standard milestones before the yearly ones, in order. */
const firstMilestones: ReadonlyArray<{ unit: MilestoneUnit; amount: number }> = [
  { unit: 'days', amount: 1 },
  { unit: 'weeks', amount: 1 },
  { unit: 'days', amount: 30 },
  { unit: 'days', amount: 60 },
  { unit: 'days', amount: 90 },
  { unit: 'months', amount: 6 },
  { unit: 'months', amount: 9 },
  { unit: 'years', amount: 1 },
];

export function milestoneDate(start: CalendarDate, unit: MilestoneUnit, amount: number): CalendarDate {
  switch (unit) {
    case 'days':
      return addDays(start, amount);
    case 'weeks':
      return addDays(start, 7 * amount);
    case 'months':
      return addMonths(start, amount);
    case 'years':
      return addMonths(start, 12 * amount);
  }
}

function milestone(start: CalendarDate, unit: MilestoneUnit, amount: number): StandardMilestone {
  return { key: `${unit}:${amount}`, unit, amount, date: milestoneDate(start, unit, amount) };
}

/** The standard milestones in date order, without end (yearly after the first year). */
export function* standardMilestones(start: CalendarDate): Generator<StandardMilestone> {
  for (const m of firstMilestones) yield milestone(start, m.unit, m.amount);
  for (let years = 2; ; years++) yield milestone(start, 'years', years);
}

export interface MilestoneProgress {
  /** Calendar days from the start date to today; 0 on the start date itself. */
  days: number;
  /** Standard milestones reached by today, oldest first. */
  reached: StandardMilestone[];
  last: StandardMilestone | null;
  next: StandardMilestone;
}

/**
 * Where a participant stands on `today` (the program's calendar date) with a recovery start date.
 * A start date after today (a clock or zone mismatch) counts as today: nothing is negative.
 */
export function milestoneProgress(start: CalendarDate, today: CalendarDate): MilestoneProgress {
  const days = Math.max(0, daysBetween(start, today));
  const reached: StandardMilestone[] = [];
  for (const m of standardMilestones(start)) {
    if (m.date > today) return { days, reached, last: reached.at(-1) ?? null, next: m };
    reached.push(m);
  }
  throw new Error('unreachable: the milestones never end');
}

/** The key that remembers a standard milestone as celebrated, tied to the start date it counts from. */
export function standardMilestoneKey(start: CalendarDate, m: Pick<StandardMilestone, 'key'>): string {
  return `start:${start}:${m.key}`;
}

export function customMilestoneKey(id: string): string {
  return `custom:${id}`;
}
