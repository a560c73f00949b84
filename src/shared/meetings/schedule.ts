import type { TimeOfDay } from './vocabulary.js';

export const MINUTES_PER_WEEK = 7 * 1440;

/** tsml-ui's time-of-day bands in minutes after midnight; a 16:30 meeting is both midday and evening. */
export const timeOfDayBands: Record<Exclude<TimeOfDay, 'appointment'>, Array<[number, number]>> = {
  morning: [[240, 720]],
  midday: [[660, 1020]],
  evening: [[960, 1260]],
  night: [
    [1200, 1440],
    [0, 300],
  ],
};

export function timesOfDayOf(startMinute: number | null): TimeOfDay[] {
  if (startMinute === null) return ['appointment'];
  return (Object.keys(timeOfDayBands) as Array<keyof typeof timeOfDayBands>).filter((band) =>
    timeOfDayBands[band].some(([from, to]) => startMinute >= from && startMinute < to),
  );
}

/** "Starting soon" looks this far ahead, and counts meetings that began up to 10 minutes ago (tsml-ui's now_offset). */
export const SOON_AHEAD_MINUTES = 60;
export const SOON_GRACE_MINUTES = 10;

/** Minutes from now until a weekly start, in [-grace, week - grace): just-started meetings come out slightly negative. */
export function minutesUntil(weekMinute: number, nowWeekMinute: number, grace = SOON_GRACE_MINUTES): number {
  return ((((weekMinute - nowWeekMinute + grace) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK) - grace;
}

export function minuteOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}
