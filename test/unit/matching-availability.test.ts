import { describe, expect, it } from 'vitest';
import { toStoredSlots, toWeeklyTimes } from '../../src/server/modules/matching/availability.js';
import { weekdays, weeklyTimesSchema } from '../../src/shared/schemas/matching.js';

describe('weekly times between the table (0 = Sunday) and the API (weekday names)', () => {
  it('maps every day both ways, Sunday to 0 and Saturday to 6', () => {
    const windows = weekdays.map((day) => ({ day, from: '09:00', to: '10:30' }));
    const stored = toStoredSlots(windows);
    expect(stored.map((s) => s.day)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(toWeeklyTimes(stored)).toEqual(windows);
  });

  it('leaves out a stored slot that is not a valid window instead of failing the whole list', () => {
    const stored = [
      { day: 2, from: '17:00', to: '21:00' },
      { day: 9, from: '09:00', to: '10:00' },
      { day: 3, from: '12:00', to: '11:00' },
      { day: 4, from: 'noon', to: '13:00' },
    ];
    expect(toWeeklyTimes(stored)).toEqual([{ day: 'tue', from: '17:00', to: '21:00' }]);
    expect(toWeeklyTimes(null)).toEqual([]);
  });
});

describe('weekly times as input', () => {
  it('accepts back-to-back windows and the end of the day, refuses overlaps and reversed windows', () => {
    expect(weeklyTimesSchema.safeParse([{ day: 'mon', from: '09:00', to: '12:00' }, { day: 'mon', from: '12:00', to: '24:00' }]).success).toBe(true);
    expect(weeklyTimesSchema.safeParse([{ day: 'mon', from: '09:00', to: '12:00' }, { day: 'tue', from: '10:00', to: '11:00' }]).success).toBe(true);
    expect(weeklyTimesSchema.safeParse([{ day: 'mon', from: '09:00', to: '12:00' }, { day: 'mon', from: '11:59', to: '13:00' }]).success).toBe(false);
    expect(weeklyTimesSchema.safeParse([{ day: 'mon', from: '12:00', to: '12:00' }]).success).toBe(false);
    expect(weeklyTimesSchema.safeParse([{ day: 'mon', from: '24:00', to: '24:00' }]).success).toBe(false);
    expect(weeklyTimesSchema.safeParse([{ day: 'mon', from: '9:00', to: '10:00' }]).success).toBe(false);
  });
});
