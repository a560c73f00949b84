import type { AvailabilitySlot } from '../../db/schema/workspace.js';
import type { Weekday } from '../../../shared/matching/index.js';
import { weeklyTimeSchema, type WeeklyTimeWindow } from '../../../shared/schemas/matching.js';

/**
 * The one place where stored weekly times (day 0 = Sunday … 6, as the table keeps them) become the
 * weekday names the API and the scorer use, and back.
 */
const byNumber: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Stored slots as weekday windows; a slot that is not a valid window is left out, not the whole list. */
export function toWeeklyTimes(slots: readonly AvailabilitySlot[] | null | undefined): WeeklyTimeWindow[] {
  const out: WeeklyTimeWindow[] = [];
  for (const slot of slots ?? []) {
    const parsed = weeklyTimeSchema.safeParse({ day: byNumber[slot.day], from: slot.from, to: slot.to });
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function toStoredSlots(windows: readonly WeeklyTimeWindow[]): AvailabilitySlot[] {
  return windows.map((w) => ({ day: byNumber.indexOf(w.day), from: w.from, to: w.to }));
}
