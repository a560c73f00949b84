import { describe, expect, it } from 'vitest';
import { defaultFlagRules, flagRulesSchema, type FlagRules } from '../../src/shared/schemas/caseload.js';
import {
  byAttention,
  cravingHigh,
  cravingRising,
  evaluateFlags,
  fromOpenAlerts,
  missedCheckIns,
  noContact,
  type FlagAlert,
  type FlagCheckIn,
  type FlagHistory,
} from '../../src/server/modules/caseload/flag-rules.js';
import { rulesFromStored } from '../../src/server/modules/caseload/rules-store.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Noon in Chicago on a Wednesday.
const now = new Date('2026-03-11T17:00:00Z');
const daysAgo = (d: number, hourOffset = 0) => new Date(now.getTime() - d * DAY + hourOffset * HOUR);

/** Check-ins on the given days ago, each with the given craving (or 2). */
function checkIns(days: number[], craving: number | ((d: number) => number) = 2): FlagCheckIn[] {
  return days.map((d) => ({ at: daysAgo(d), craving: typeof craving === 'number' ? craving : craving(d) }));
}
const range = (from: number, to: number, step = 1) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

function history(overrides: Partial<FlagHistory> = {}): FlagHistory {
  return {
    now,
    timeZone: 'America/Chicago',
    checkIns: [],
    openAlerts: [],
    lastContactAt: daysAgo(2),
    assignedAt: daysAgo(100),
    ...overrides,
  };
}

const rules = defaultFlagRules;

describe('missed check-ins, against the person’s own rhythm', () => {
  it('flags someone who usually checks in daily after 6 quiet days, and says both numbers', () => {
    const flag = missedCheckIns(history({ checkIns: checkIns(range(6, 30)) }), rules.missed_checkins);
    expect(flag).toEqual({ kind: 'missed_checkins', severity: 'normal', params: { days: 6, usualEveryDays: 1 }, alertId: null });
  });

  it('stays quiet for a daily person one or two days after their last check-in', () => {
    expect(missedCheckIns(history({ checkIns: checkIns(range(1, 30)) }), rules.missed_checkins)).toBeNull();
    expect(missedCheckIns(history({ checkIns: checkIns(range(2, 30)) }), rules.missed_checkins)).toBeNull();
  });

  it('flags a daily person at 3 × their usual gap, not a day earlier', () => {
    expect(missedCheckIns(history({ checkIns: checkIns(range(2, 30)) }), rules.missed_checkins)).toBeNull();
    expect(missedCheckIns(history({ checkIns: checkIns(range(3, 30)) }), rules.missed_checkins)?.params).toEqual({ days: 3, usualEveryDays: 1 });
  });

  it('gives a weekly person weeks, not days: quiet at 13 days, flagged at 21', () => {
    const weekly = (last: number) => checkIns(range(last, last + 56, 7));
    expect(missedCheckIns(history({ checkIns: weekly(13) }), rules.missed_checkins)).toBeNull();
    expect(missedCheckIns(history({ checkIns: weekly(21) }), rules.missed_checkins)?.params).toEqual({ days: 21, usualEveryDays: 7 });
  });

  it('needs enough history to know a rhythm, and honours the program’s multiplier and minimum', () => {
    expect(missedCheckIns(history({ checkIns: checkIns([20, 21, 22]) }), rules.missed_checkins)).toBeNull();
    const daily = history({ checkIns: checkIns(range(4, 30)) });
    expect(missedCheckIns(daily, { enabled: true, multiplier: 5, minDays: 3 })).toBeNull();
    expect(missedCheckIns(daily, { enabled: true, multiplier: 2, minDays: 5 })).toBeNull();
    expect(missedCheckIns(daily, { enabled: true, multiplier: 2, minDays: 4 })).not.toBeNull();
    expect(missedCheckIns(daily, { ...rules.missed_checkins, enabled: false })).toBeNull();
  });

  it('counts calendar days in the program’s time zone: several check-ins in one day are one day', () => {
    const twiceDaily = [...checkIns(range(5, 20)), ...checkIns(range(5, 20)).map((c) => ({ ...c, at: new Date(c.at.getTime() + 4 * HOUR) }))];
    expect(missedCheckIns(history({ checkIns: twiceDaily }), rules.missed_checkins)?.params).toEqual({ days: 5, usualEveryDays: 1 });
  });
});

describe('craving', () => {
  it('flags a craving of 7 or more at the last check-in, with the number', () => {
    const flag = cravingHigh(history({ checkIns: checkIns([1], 8) }), rules.craving_high);
    expect(flag).toMatchObject({ kind: 'craving_high', severity: 'high', params: { craving: 8 } });
    expect(cravingHigh(history({ checkIns: checkIns([1], 7) }), rules.craving_high)).not.toBeNull();
  });

  it('stays quiet at 6, or when the high craving was not the last check-in, or long ago', () => {
    expect(cravingHigh(history({ checkIns: checkIns([1], 6) }), rules.craving_high)).toBeNull();
    expect(cravingHigh(history({ checkIns: [...checkIns([3], 9), ...checkIns([1], 2)] }), rules.craving_high)).toBeNull();
    expect(cravingHigh(history({ checkIns: checkIns([10], 9) }), rules.craving_high)).toBeNull();
  });

  it('uses the program’s threshold, and can be switched off', () => {
    const h = history({ checkIns: checkIns([1], 6) });
    expect(cravingHigh(h, { enabled: true, threshold: 6 })).not.toBeNull();
    expect(cravingHigh(history({ checkIns: checkIns([1], 9) }), { enabled: false, threshold: 6 })).toBeNull();
  });

  it('flags a craving 3 or more above the person’s 14-day mean, even when it is not high on the scale', () => {
    const h = history({ checkIns: [...checkIns(range(2, 14), 1), ...checkIns([1], 5)] });
    expect(cravingHigh(h, rules.craving_high)).toBeNull();
    expect(cravingRising(h, rules.craving_rising)).toEqual({
      kind: 'craving_rising',
      severity: 'high',
      params: { craving: 5, average: 1, riseBy: 3 },
      alertId: null,
    });
  });

  it('stays quiet when the rise is smaller than the rule, or there is too little history to compare with', () => {
    expect(cravingRising(history({ checkIns: [...checkIns(range(2, 14), 3), ...checkIns([1], 5)] }), rules.craving_rising)).toBeNull();
    expect(cravingRising(history({ checkIns: [...checkIns([2, 3], 0), ...checkIns([1], 8)] }), rules.craving_rising)).toBeNull();
    // Check-ins older than 14 days before the last one are not the baseline.
    expect(cravingRising(history({ checkIns: [...checkIns(range(17, 30), 0), ...checkIns([1], 5)] }), rules.craving_rising)).toBeNull();
  });
});

describe('signals from open alerts', () => {
  const alert = (kind: FlagAlert['kind'], d: number, id = `${kind}-${d}`): FlagAlert => ({ id, kind, severity: 'urgent', createdAt: daysAgo(d) });

  it('makes PHQ-9 item 9 (suicidality) and crisis language urgent flags, naming the newest alert', () => {
    const h = history({ openAlerts: [alert('suicidality', 2, 'older'), alert('suicidality', 0, 'newer'), alert('crisis_language', 1)] });
    expect(fromOpenAlerts(h, 'suicidality', rules.suicidality)).toMatchObject({ severity: 'urgent', alertId: 'newer', params: { count: 2 } });
    expect(fromOpenAlerts(h, 'crisis_language', rules.crisis_language)).toMatchObject({ kind: 'crisis_language', severity: 'urgent' });
  });

  it('makes reported use, BAM risk and a call for help with a craving high flags', () => {
    const h = history({ openAlerts: [alert('reported_use', 1), alert('bam_risk', 3), alert('craving_help', 0)] });
    for (const kind of ['reported_use', 'bam_risk', 'craving_help'] as const) {
      expect(fromOpenAlerts(h, kind, { enabled: true })).toMatchObject({ kind, severity: 'high' });
    }
  });

  it('stays quiet without an open alert of that kind (resolved alerts are not in the history)', () => {
    const h = history({ openAlerts: [alert('bam_risk', 1)] });
    expect(fromOpenAlerts(h, 'suicidality', rules.suicidality)).toBeNull();
    expect(fromOpenAlerts(h, 'reported_use', rules.reported_use)).toBeNull();
    expect(fromOpenAlerts(h, 'bam_risk', { enabled: false })).toBeNull();
  });
});

describe('no contact', () => {
  it('flags 14 days without a contact note, and stays quiet at 13', () => {
    expect(noContact(history({ lastContactAt: daysAgo(14) }), rules.no_contact)).toEqual({
      kind: 'no_contact',
      severity: 'normal',
      params: { days: 14, never: 0 },
      alertId: null,
    });
    expect(noContact(history({ lastContactAt: daysAgo(13) }), rules.no_contact)).toBeNull();
  });

  it('counts from the match when no contact was ever recorded', () => {
    expect(noContact(history({ lastContactAt: null, assignedAt: daysAgo(20) }), rules.no_contact)?.params).toEqual({ days: 20, never: 1 });
    expect(noContact(history({ lastContactAt: null, assignedAt: daysAgo(3) }), rules.no_contact)).toBeNull();
  });

  it('uses the program’s number of days', () => {
    expect(noContact(history({ lastContactAt: daysAgo(8) }), { enabled: true, days: 7 })).not.toBeNull();
    expect(noContact(history({ lastContactAt: daysAgo(30) }), { enabled: false, days: 7 })).toBeNull();
  });
});

describe('all flags for a person, and who comes first', () => {
  it('puts urgent flags first and leaves a quiet history without flags', () => {
    const busy = history({
      checkIns: [...checkIns(range(2, 20), 1), ...checkIns([1], 8)],
      openAlerts: [{ id: 'a', kind: 'suicidality', severity: 'urgent', createdAt: daysAgo(0) }],
      lastContactAt: daysAgo(20),
    });
    expect(evaluateFlags(busy, rules).map((f) => f.kind)).toEqual(['suicidality', 'craving_high', 'craving_rising', 'no_contact']);
    expect(evaluateFlags(history({ checkIns: checkIns(range(1, 20)) }), rules)).toEqual([]);
  });

  it('sorts urgent first, then by how serious and how many the flags are, then by the longest without contact', () => {
    const flag = (severity: 'urgent' | 'high' | 'normal') => ({ kind: 'no_contact' as const, severity, params: {}, alertId: null });
    const people = [
      { name: 'Quiet, long gap', flags: [], daysWithoutContact: 40 },
      { name: 'Two high', flags: [flag('high'), flag('high')], daysWithoutContact: 1 },
      { name: 'One normal', flags: [flag('normal')], daysWithoutContact: 3 },
      { name: 'Urgent', flags: [flag('urgent')], daysWithoutContact: 0 },
      { name: 'One high, long gap', flags: [flag('high')], daysWithoutContact: 30 },
      { name: 'One high, short gap', flags: [flag('high')], daysWithoutContact: 2 },
      { name: 'Quiet, short gap', flags: [], daysWithoutContact: 2 },
    ];
    expect([...people].sort(byAttention).map((p) => p.name)).toEqual([
      'Urgent',
      'Two high',
      'One high, long gap',
      'One high, short gap',
      'One normal',
      'Quiet, long gap',
      'Quiet, short gap',
    ]);
  });
});

describe('a program’s rules', () => {
  it('validates thresholds and never lets the safety flags be switched off', () => {
    expect(flagRulesSchema.safeParse(defaultFlagRules).success).toBe(true);
    const withRule = (patch: Partial<FlagRules>) => flagRulesSchema.safeParse({ ...defaultFlagRules, ...patch }).success;
    expect(withRule({ craving_high: { enabled: true, threshold: 11 } })).toBe(false);
    expect(withRule({ missed_checkins: { enabled: true, multiplier: 1, minDays: 3 } })).toBe(false);
    expect(withRule({ no_contact: { enabled: true, days: 0 } })).toBe(false);
    expect(flagRulesSchema.safeParse({ ...defaultFlagRules, suicidality: { enabled: false } }).success).toBe(false);
  });

  it('fills rules a program has not saved with the defaults, and ignores a stored rule that no longer validates', () => {
    const merged = rulesFromStored({ craving_high: { threshold: 5 }, no_contact: { enabled: false, days: 500 } });
    expect(merged.craving_high).toEqual({ enabled: true, threshold: 5 });
    expect(merged.no_contact).toEqual(defaultFlagRules.no_contact);
    expect(merged.missed_checkins).toEqual(defaultFlagRules.missed_checkins);
  });
});
