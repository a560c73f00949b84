import { describe, expect, it } from 'vitest';
import { isOpenAt, localMoment, nextChange, openIntervals, parseTime, type HsdsScheduleLike } from '../../src/shared/resources/schedule.js';

const CHICAGO = 'America/Chicago';
const at = (iso: string) => new Date(iso);
const hours = (s: HsdsScheduleLike) => {
  const parsed = openIntervals(s);
  expect(parsed.understood).toBe(true);
  return parsed.intervals;
};
const openAt = (s: HsdsScheduleLike, iso: string, tz = CHICAGO) => isOpenAt(hours(s), at(iso), tz);

describe('reading HSDS times', () => {
  it('reads bare, UTC and offset times', () => {
    expect(parseTime('09:00')).toEqual({ minutes: 540, offsetMinutes: null });
    expect(parseTime('09:00:00Z')).toEqual({ minutes: 540, offsetMinutes: 0 });
    expect(parseTime('09:00-05:00')).toEqual({ minutes: 540, offsetMinutes: -300 });
    expect(parseTime('17:30:00.000+0530')).toEqual({ minutes: 1050, offsetMinutes: 330 });
    expect(parseTime('25:00')).toBeNull();
    expect(parseTime('9am')).toBeNull();
  });
});

describe('hours across midnight', () => {
  // A Friday-night warming shelter: 22:00 to 06:00, local time in Chicago.
  const fridayNight = { freq: 'WEEKLY', byday: 'FR', opens_at: '22:00', closes_at: '06:00' };

  it('is open late Friday and early Saturday, and closed either side', () => {
    // 2026-11-27 is a Friday; Chicago is UTC-6 in November.
    expect(openAt(fridayNight, '2026-11-28T03:59:00Z')).toBe(false); // Fri 21:59
    expect(openAt(fridayNight, '2026-11-28T04:00:00Z')).toBe(true); // Fri 22:00
    expect(openAt(fridayNight, '2026-11-28T08:00:00Z')).toBe(true); // Sat 02:00
    expect(openAt(fridayNight, '2026-11-28T11:59:00Z')).toBe(true); // Sat 05:59
    expect(openAt(fridayNight, '2026-11-28T12:00:00Z')).toBe(false); // Sat 06:00
    // Saturday is not one of its days: Saturday night it stays closed.
    expect(openAt(fridayNight, '2026-11-29T05:00:00Z')).toBe(false); // Sat 23:00
  });

  it('splits the night at midnight into the evening and the morning after', () => {
    expect(hours(fridayNight)).toEqual([
      expect.objectContaining({ weekday: 5, opens: 22 * 60, closes: 1440, spill: false }),
      expect.objectContaining({ weekday: 6, opens: 0, closes: 6 * 60, spill: true }),
    ]);
  });

  it('keeps a monthly night with its own date: the morning after the first Friday, not after the second', () => {
    const firstFriday = { freq: 'MONTHLY', byday: '1FR', opens_at: '22:00', closes_at: '02:00' };
    // 2026-05-01 is the first Friday of May; Chicago is UTC-5 in May.
    expect(openAt(firstFriday, '2026-05-02T03:30:00Z')).toBe(true); // Fri 1 May 22:30
    expect(openAt(firstFriday, '2026-05-02T06:30:00Z')).toBe(true); // Sat 2 May 01:30
    expect(openAt(firstFriday, '2026-05-09T06:30:00Z')).toBe(false); // Sat 9 May 01:30, after the second Friday
  });

  it('reads 23:59 as the end of the day and equal times as 24 hours', () => {
    expect(openAt({ freq: 'WEEKLY', byday: 'MO', opens_at: '08:00', closes_at: '23:59' }, '2026-06-02T04:59:30Z')).toBe(true); // Mon 23:59:30 CDT
    const allDay = { freq: 'WEEKLY', byday: 'SU,MO,TU,WE,TH,FR,SA', opens_at: '00:00', closes_at: '00:00' };
    for (const iso of ['2026-06-01T05:00:00Z', '2026-06-01T17:00:00Z', '2026-06-02T04:59:00Z']) expect(openAt(allDay, iso)).toBe(true);
  });
});

describe('time zones', () => {
  const nineToFive = { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' };

  it('reads bare times on the local clock of the directory, so one instant can be open in one city and closed in another', () => {
    // Monday 2026-06-01 22:30 UTC: 18:30 in New York (closed), 15:30 in Los Angeles (open).
    expect(openAt(nineToFive, '2026-06-01T22:30:00Z', 'America/New_York')).toBe(false);
    expect(openAt(nineToFive, '2026-06-01T22:30:00Z', 'America/Los_Angeles')).toBe(true);
  });

  it('follows daylight saving time', () => {
    // 14:30 UTC is 08:30 in Chicago on Friday 6 March (CST, UTC-6) and 09:30 on Monday 9 March (CDT, UTC-5).
    expect(openAt(nineToFive, '2026-03-06T14:30:00Z')).toBe(false);
    expect(openAt(nineToFive, '2026-03-09T14:30:00Z')).toBe(true);
  });

  it('reads times written with Z or an offset at that offset, whatever the directory clock', () => {
    // The HSDS field-guidance schedule: Monday to Thursday 09:00Z to 12:00Z, valid to 2020-12-20.
    const guidance = { freq: 'WEEKLY', byday: 'MO,TU,WE,TH', opens_at: '09:00:00Z', closes_at: '12:00:00Z', valid_from: '2020-04-01', valid_to: '2020-12-20' };
    expect(openAt(guidance, '2020-06-01T09:30:00Z', 'America/Chicago')).toBe(true);
    expect(openAt(guidance, '2020-06-01T09:30:00Z', 'Asia/Tokyo')).toBe(true);
    expect(openAt(guidance, '2020-06-01T12:30:00Z')).toBe(false);
    expect(openAt(guidance, '2021-01-04T09:30:00Z')).toBe(false); // a Monday after valid_to
    expect(openAt({ ...nineToFive, opens_at: '09:00-05:00', closes_at: '17:00-05:00' }, '2026-01-05T14:30:00Z', 'Asia/Tokyo')).toBe(true);
  });

  it('uses the schedule timezone (a UTC offset in hours), half hours included', () => {
    expect(openAt({ ...nineToFive, timezone: -5 }, '2026-01-05T14:30:00Z', 'Europe/London')).toBe(true); // 09:30 at UTC-5
    expect(openAt({ ...nineToFive, timezone: 5.5 }, '2026-01-05T03:45:00Z', 'America/Chicago')).toBe(true); // 09:15 at UTC+5:30
    expect(openAt({ ...nineToFive, timezone: 5.5 }, '2026-01-05T03:15:00Z', 'America/Chicago')).toBe(false); // 08:45
  });

  it('counts a weekday that the offset moves across midnight on the local day', () => {
    // Monday 09:00 at UTC+14 is Sunday 19:00 UTC.
    expect(openAt({ ...nineToFive, timezone: 14 }, '2026-06-07T19:30:00Z', 'UTC')).toBe(true);
    expect(localMoment(at('2026-06-07T19:30:00Z'), { utcOffsetMinutes: 14 * 60 })).toMatchObject({ date: '2026-06-08', weekday: 1, minute: 570 });
  });
});

describe('monthly schedules', () => {
  it('opens on the first Saturday between dtstart and until (the HSDS field-guidance example)', () => {
    const firstSaturday = { freq: 'MONTHLY', byday: '1SA', opens_at: '09:00:00Z', closes_at: '17:00:00Z', dtstart: '2020-07-04', until: '2020-11-07' };
    expect(openAt(firstSaturday, '2020-07-04T10:00:00Z')).toBe(true);
    expect(openAt(firstSaturday, '2020-07-11T10:00:00Z')).toBe(false);
    expect(openAt(firstSaturday, '2020-12-05T10:00:00Z')).toBe(false); // first Saturday, after until
  });

  it('counts from the end of the month for -1', () => {
    const lastFriday = { freq: 'MONTHLY', byday: '-1FR', opens_at: '10:00', closes_at: '12:00' };
    expect(openAt(lastFriday, '2026-10-30T15:00:00Z')).toBe(true); // 30 Oct, the last Friday
    expect(openAt(lastFriday, '2026-11-20T16:00:00Z')).toBe(false); // 20 Nov, not the last
    expect(openAt(lastFriday, '2026-11-27T16:00:00Z')).toBe(true); // 27 Nov, the last
  });
});

describe('what is not understood never counts as open', () => {
  it.each([
    ['every other week', { freq: 'WEEKLY', interval: 2, byday: 'MO', opens_at: '09:00', closes_at: '17:00' }],
    ['days of the month', { freq: 'MONTHLY', bymonthday: '1,15', opens_at: '09:00', closes_at: '17:00' }],
    ['no closing time', { freq: 'WEEKLY', byday: 'MO', opens_at: '09:00' }],
    ['a nth day on a weekly schedule', { freq: 'WEEKLY', byday: '2MO', opens_at: '09:00', closes_at: '17:00' }],
    ['daily (not an HSDS frequency)', { freq: 'DAILY', opens_at: '09:00', closes_at: '17:00' }],
  ])('%s', (_name, s) => {
    expect(openIntervals(s)).toEqual({ intervals: [], understood: false });
  });
});

describe('the next change', () => {
  it('says until when it is open, and when it opens next', () => {
    const s = hours({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' });
    expect(nextChange(s, at('2026-06-01T15:10:00Z'), CHICAGO)).toEqual({ open: true, at: at('2026-06-01T22:00:00Z') }); // Mon 10:10 → 17:00 CDT
    expect(nextChange(s, at('2026-06-05T23:00:00Z'), CHICAGO)).toEqual({ open: false, at: at('2026-06-08T14:00:00Z') }); // Fri 18:00 → Mon 09:00
  });
});
