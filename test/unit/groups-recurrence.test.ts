import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isOccurrence, nextOccurrence, occurrenceDates, ruleOf, scheduleOfRule } from '../../src/server/modules/groups/recurrence.js';
import { instantOf, nextWeeklyStart } from '../../src/server/modules/groups/wall-clock.js';

describe('group recurrence', () => {
  it('writes schedules as RFC 5545 rules and reads them back', () => {
    const rule = ruleOf({ frequency: 'weekly', interval: 2, weekdays: ['MO', 'TH'] });
    expect(rule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH');
    expect(scheduleOfRule(rule)).toEqual({ frequency: 'weekly', interval: 2, weekdays: ['MO', 'TH'] });
    expect(ruleOf({ frequency: 'daily', interval: 1, weekdays: ['MO'] })).toBe('FREQ=DAILY;INTERVAL=1');
  });

  it('gives the dates between two days, from the first day on and up to the last', () => {
    const group = { rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU', startsOn: '2026-10-08', endsOn: '2026-11-17' };
    expect(occurrenceDates(group, '2026-10-01', '2026-12-31')).toEqual(['2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17']);
    expect(isOccurrence(group, '2026-11-03')).toBe(true);
    expect(isOccurrence(group, '2026-11-04')).toBe(false);
    expect(isOccurrence(group, '2026-11-24')).toBe(false);
    expect(nextOccurrence(group, '2026-11-11')).toBe('2026-11-17');
    expect(nextOccurrence(group, '2026-11-18')).toBeNull();
  });

  it('every other week keeps to the weeks of the first day', () => {
    const group = { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', startsOn: '2026-03-04', endsOn: null };
    expect(occurrenceDates(group, '2026-03-01', '2026-04-10')).toEqual(['2026-03-04', '2026-03-18', '2026-04-01']);
  });

  it('puts 18:00 at 18:00 on the local clock on both sides of a daylight-saving change', () => {
    // United States: summer time starts 8 March 2026 and ends 1 November 2026.
    expect(instantOf('2026-03-03', '18:00', 'America/Chicago').toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(instantOf('2026-03-10', '18:00', 'America/Chicago').toISOString()).toBe('2026-03-10T23:00:00.000Z');
    expect(instantOf('2026-10-27', '18:00', 'America/Chicago').toISOString()).toBe('2026-10-27T23:00:00.000Z');
    expect(instantOf('2026-11-03', '18:00', 'America/Chicago').toISOString()).toBe('2026-11-04T00:00:00.000Z');
  });

  it('finds the next start of a weekly meeting on its own clock, counting a just-started one', () => {
    const now = new Date('2026-10-31T23:30:00Z'); // Saturday 18:30 in Chicago, the night before the change
    expect(nextWeeklyStart(0, '09:00', 'America/Chicago', now).toISOString()).toBe('2026-11-01T15:00:00.000Z');
    expect(nextWeeklyStart(6, '18:25', 'America/Chicago', now, 10).toISOString()).toBe('2026-10-31T23:25:00.000Z');
    expect(nextWeeklyStart(6, '18:15', 'America/Chicago', now, 10).toISOString()).toBe('2026-11-08T00:15:00.000Z');
  });

  it('a remembered next start is right as time moves forward across starts and a DST change, and when it moves back', () => {
    // The rule itself, worked out afresh each time: the first wall-clock occurrence at or after now − grace.
    const fresh = (day: number, time: string, tz: string, now: Date, grace: number) => {
      const threshold = DateTime.fromMillis(now.getTime() - grace * 60_000, { zone: tz });
      const [hour, minute] = time.split(':').map(Number) as [number, number];
      for (let i = 0; ; i++) {
        const d = threshold.plus({ days: i });
        const at = DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour, minute }, { zone: tz });
        if (d.weekday % 7 === day && at >= threshold) return at.toJSDate().toISOString();
      }
    };
    const meetings: Array<[number, string, string, number]> = [
      [0, '01:30', 'America/Chicago', 0],
      [6, '18:25', 'America/Chicago', 10],
      [3, '23:50', 'Asia/Kathmandu', 15],
      [1, '07:00', 'Europe/Madrid', 0],
    ];
    const wrong: string[] = [];
    const from = Date.parse('2026-10-24T00:00:00Z');
    const check = (ms: number) => {
      for (const [day, time, tz, grace] of meetings) {
        const now = new Date(ms);
        const got = nextWeeklyStart(day, time, tz, now, grace).toISOString();
        if (got !== fresh(day, time, tz, now, grace)) wrong.push(`${day} ${time} ${tz} at ${now.toISOString()}: ${got}`);
      }
    };
    for (let ms = from; ms < from + 16 * 86_400_000; ms += 7 * 60_000) check(ms);
    // Backwards, as a test or a report for an earlier moment would ask.
    for (let ms = from + 16 * 86_400_000; ms > from; ms -= 53 * 60_000) check(ms);
    expect(wrong).toEqual([]);
  });

  it('a meeting that began a few minutes ago before midnight is still to come after midnight', () => {
    // Wednesday 23:50 in Kathmandu is 18:05 UTC; at 00:02 on Thursday it began 12 minutes ago.
    expect(nextWeeklyStart(3, '23:50', 'Asia/Kathmandu', new Date('2026-10-28T18:17:00Z'), 15).toISOString()).toBe('2026-10-28T18:05:00.000Z');
    expect(nextWeeklyStart(3, '23:50', 'Asia/Kathmandu', new Date('2026-10-28T18:21:00Z'), 15).toISOString()).toBe('2026-11-04T18:05:00.000Z');
  });

  it('a time that the clocks go back through happens once', () => {
    // Sunday 1 November 2026, Chicago: 01:30 comes twice (06:30 and 07:30 UTC); the meeting is at one
    // of them (the second, as luxon resolves it), never at both.
    expect(nextWeeklyStart(0, '01:30', 'America/Chicago', new Date('2026-11-01T06:00:00Z')).toISOString()).toBe('2026-11-01T07:30:00.000Z');
    expect(nextWeeklyStart(0, '01:30', 'America/Chicago', new Date('2026-11-01T06:45:00Z')).toISOString()).toBe('2026-11-01T07:30:00.000Z');
    expect(nextWeeklyStart(0, '01:30', 'America/Chicago', new Date('2026-11-01T07:40:00Z')).toISOString()).toBe('2026-11-08T07:30:00.000Z');
  });
});
