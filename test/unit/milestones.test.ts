import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysBetween,
  localDate,
  milestoneProgress,
  standardMilestoneKey,
  standardMilestones,
} from '../../src/shared/milestones.js';

describe('the calendar date in the program time zone', () => {
  it.each([
    // instant (UTC), time zone, local date
    ['2026-03-01T05:59:59Z', 'America/Chicago', '2026-02-28'],
    ['2026-03-01T06:00:00Z', 'America/Chicago', '2026-03-01'],
    ['2026-03-01T06:00:00Z', 'Pacific/Auckland', '2026-03-01'],
    ['2026-02-28T11:00:00Z', 'Pacific/Auckland', '2026-03-01'],
    ['2026-06-30T23:30:00Z', 'Europe/Madrid', '2026-07-01'],
    ['2026-06-30T23:30:00Z', 'UTC', '2026-06-30'],
    ['2026-01-01T09:59:59Z', 'Pacific/Honolulu', '2025-12-31'],
    // US spring forward (Chicago, 2026-03-08 02:00 CST → 03:00 CDT) and fall back (2026-11-01 02:00 CDT → 01:00 CST)
    ['2026-03-08T05:59:00Z', 'America/Chicago', '2026-03-07'],
    ['2026-03-08T06:00:00Z', 'America/Chicago', '2026-03-08'],
    ['2026-03-09T04:59:00Z', 'America/Chicago', '2026-03-08'],
    ['2026-03-09T05:00:00Z', 'America/Chicago', '2026-03-09'],
    ['2026-11-01T04:59:00Z', 'America/Chicago', '2026-10-31'],
    ['2026-11-01T05:00:00Z', 'America/Chicago', '2026-11-01'],
    ['2026-11-02T05:59:00Z', 'America/Chicago', '2026-11-01'],
    ['2026-11-02T06:00:00Z', 'America/Chicago', '2026-11-02'],
  ])('%s in %s is %s', (instant, timeZone, expected) => {
    expect(localDate(new Date(instant), timeZone)).toBe(expected);
  });

  // localDate remembers each UTC quarter hour's date: asked twice, minute by minute across a year's
  // DST changes in zones with odd offsets (Nepal +5:45, Chatham +12:45/+13:45, Lord Howe's
  // half-hour DST, Newfoundland -3:30), it agrees with a fresh formatter every time.
  it.each(['America/Chicago', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/St_Johns'])(
    'remembered dates agree with the formatter minute by minute in %s',
    (timeZone) => {
      const fresh = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      const expected = (d: Date) => {
        const part = (type: string) => fresh.formatToParts(d).find((p) => p.type === type)!.value;
        return `${part('year')}-${part('month')}-${part('day')}`;
      };
      const wrong: string[] = [];
      // Two days either side of each of the year's DST changes and of a plain midnight, every 7 minutes.
      for (const around of ['2026-03-08', '2026-04-05', '2026-09-27', '2026-10-04', '2026-11-01', '2026-06-15']) {
        const from = Date.parse(`${around}T00:00:00Z`) - 2 * 86_400_000;
        for (let ms = from; ms < from + 4 * 86_400_000; ms += 7 * 60_000) {
          for (let pass = 0; pass < 2; pass++) {
            const d = new Date(ms);
            if (localDate(d, timeZone) !== expected(d)) wrong.push(`${d.toISOString()} pass ${pass}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  it('dates before 1980 and far in the past are computed, not remembered', () => {
    expect(localDate(new Date('1883-11-18T17:00:00Z'), 'America/Chicago')).toBe('1883-11-18');
    expect(localDate(new Date('0385-07-25T12:00:00Z'), 'UTC')).toBe('0385-07-25');
  });
});

describe('days in recovery', () => {
  it.each([
    ['2026-01-10', '2026-01-10', 0],
    ['2026-01-10', '2026-01-11', 1],
    ['2026-01-10', '2026-02-09', 30],
    // Across DST changes a calendar day is one day, whatever its length in hours.
    ['2026-03-07', '2026-03-09', 2],
    ['2026-10-31', '2026-11-02', 2],
    // Leap years count their extra day.
    ['2024-02-28', '2024-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
    ['2023-06-15', '2024-06-15', 366],
    ['2024-06-15', '2025-06-15', 365],
  ])('from %s to %s: %i days', (start, today, days) => {
    expect(daysBetween(start, today)).toBe(days);
    expect(milestoneProgress(start, today).days).toBe(days);
  });

  it('never goes below zero when a start date is later than today', () => {
    expect(milestoneProgress('2026-05-02', '2026-05-01').days).toBe(0);
    expect(milestoneProgress('2026-05-02', '2026-05-01').reached).toEqual([]);
  });
});

describe('calendar months and years', () => {
  it.each([
    ['2026-01-15', 6, '2026-07-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-05-31', 9, '2027-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-07-30', 7, '2027-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-11-15', 3, '2027-02-15'],
  ])('%s plus %i months is %s', (start, months, expected) => {
    expect(addMonths(start, months)).toBe(expected);
  });
});

const first = (start: string, count: number) => {
  const out: string[] = [];
  for (const m of standardMilestones(start)) {
    out.push(`${m.key}@${m.date}`);
    if (out.length === count) break;
  }
  return out;
};

describe('standard milestones', () => {
  it('are 1 day, 1 week, 30, 60, 90 days, 6 and 9 months, then every year, in date order', () => {
    expect(first('2026-01-31', 10)).toEqual([
      'days:1@2026-02-01',
      'weeks:1@2026-02-07',
      'days:30@2026-03-02',
      'days:60@2026-04-01',
      'days:90@2026-05-01',
      'months:6@2026-07-31',
      'months:9@2026-10-31',
      'years:1@2027-01-31',
      'years:2@2028-01-31',
      'years:3@2029-01-31',
    ]);
  });

  it('from a leap day: the yearly milestone falls on Feb 28, and on Feb 29 again in leap years', () => {
    expect(first('2024-02-29', 12).slice(5)).toEqual([
      'months:6@2024-08-29',
      'months:9@2024-11-29',
      'years:1@2025-02-28',
      'years:2@2026-02-28',
      'years:3@2027-02-28',
      'years:4@2028-02-29',
      'years:5@2029-02-28',
    ]);
  });

  it.each([
    // start, today, last reached, next
    ['2026-03-01', '2026-03-01', null, 'days:1@2026-03-02'],
    ['2026-03-01', '2026-03-02', 'days:1', 'weeks:1@2026-03-08'],
    ['2026-03-01', '2026-03-07', 'days:1', 'weeks:1@2026-03-08'],
    ['2026-03-01', '2026-03-08', 'weeks:1', 'days:30@2026-03-31'],
    ['2026-03-01', '2026-05-30', 'days:90', 'months:6@2026-09-01'],
    ['2026-03-01', '2026-09-01', 'months:6', 'months:9@2026-12-01'],
    ['2026-03-01', '2027-03-01', 'years:1', 'years:2@2028-03-01'],
    ['2015-03-01', '2026-02-28', 'years:10', 'years:11@2026-03-01'],
    ['2015-03-01', '2026-03-01', 'years:11', 'years:12@2027-03-01'],
  ])('from %s on %s: last %s, next %s', (start, today, last, next) => {
    const progress = milestoneProgress(start, today);
    expect(progress.last?.key ?? null).toBe(last);
    expect(`${progress.next.key}@${progress.next.date}`).toBe(next);
    expect(progress.reached.every((m) => m.date <= today)).toBe(true);
  });

  it('is reached at local midnight in the program time zone, not at UTC midnight', () => {
    const start = '2026-02-06';
    // 30 days: 2026-03-08 (the US spring-forward day). 05:59Z is still Mar 7 in Chicago; 06:00Z is Mar 8.
    const at = (instant: string, tz: string) => milestoneProgress(start, localDate(new Date(instant), tz));
    expect(at('2026-03-08T05:59:00Z', 'America/Chicago').last?.key).toBe('weeks:1');
    expect(at('2026-03-08T06:00:00Z', 'America/Chicago').last?.key).toBe('days:30');
    // The same instant is already Mar 8 in Auckland and in UTC.
    expect(at('2026-03-08T05:59:00Z', 'Pacific/Auckland').last?.key).toBe('days:30');
    expect(at('2026-03-07T23:30:00Z', 'UTC').last?.key).toBe('weeks:1');
  });

  it('remembers a celebration per start date, so a new start date is celebrated afresh', () => {
    expect(standardMilestoneKey('2026-03-01', { key: 'days:30' })).toBe('start:2026-03-01:days:30');
    expect(standardMilestoneKey('2026-04-11', { key: 'days:30' })).not.toBe(standardMilestoneKey('2026-03-01', { key: 'days:30' }));
  });
});
