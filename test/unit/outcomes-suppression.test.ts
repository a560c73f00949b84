import { describe, expect, it } from 'vitest';
import { equityTable } from '../../src/shared/outcomes/equity.js';
import { equityDimensions, type ParticipantFacts } from '../../src/shared/outcomes/facts.js';
import { gapFlag, rollUp } from '../../src/shared/outcomes/rollup.js';
import { median } from '../../src/shared/outcomes/stats.js';
import { suppressCells, tooFew } from '../../src/shared/outcomes/suppression.js';
import { flatTable, toCsv } from '../../src/shared/outcomes/tables.js';

const cells = (o: Record<string, number>) => Object.entries(o).map(([key, n]) => ({ key, n }));
const hidden = (o: Record<string, number>) => Object.fromEntries(suppressCells(cells(o)));

describe('small-cell suppression', () => {
  it('hides nothing when every cell holds 11 or more (11 itself is shown)', () => {
    expect(hidden({ a: 11, b: 40, c: 12 })).toEqual({});
  });

  it('shows zeros: an empty cell singles nobody out', () => {
    expect(hidden({ a: 0, b: 30, c: 25 })).toEqual({});
  });

  it('hides a lone small cell together with the smallest other non-empty cell, so the total cannot give it away', () => {
    expect(hidden({ a: 5, b: 30, c: 14, d: 0 })).toEqual({ a: 'small_cell', c: 'complementary' });
  });

  it('keeps hiding, smallest first, until the hidden cells hold at least 11 people', () => {
    // 2 + 3 = 5 < 11: the next smallest (12) goes too.
    expect(hidden({ a: 2, b: 3, c: 12, d: 40 })).toEqual({ a: 'small_cell', b: 'small_cell', c: 'complementary' });
    // 6 + 7 = 13 ≥ 11 and two hidden: enough.
    expect(hidden({ a: 6, b: 7, c: 12, d: 40 })).toEqual({ a: 'small_cell', b: 'small_cell' });
  });

  it('hides everything when there is nothing else to hide a small cell behind', () => {
    expect(hidden({ a: 4, b: 20 })).toEqual({ a: 'small_cell', b: 'complementary' });
    expect(hidden({ a: 4 })).toEqual({ a: 'small_cell' });
  });

  it('breaks ties between equal candidates by name, so the same data always hides the same cells', () => {
    expect(hidden({ z: 20, y: 20, a: 3 })).toEqual({ a: 'small_cell', y: 'complementary' });
  });

  it('counts cells hidden for another reason, and complements them only when they hold a small figure', () => {
    const withHidden = (o: Record<string, number>, already: string[]) => Object.fromEntries(suppressCells(cells(o), undefined, new Set(already)));
    // One figure withheld (3), the others shown: 3 = total − 20 − 30, so the smallest other (20) goes too.
    expect(withHidden({ a: 3, b: 20, c: 30 }, ['a'])).toEqual({ b: 'complementary' });
    // A group hidden as a whole that holds 12 for this measure: recovering 12 reveals no small figure.
    expect(withHidden({ a: 12, b: 20, c: 30 }, ['a'])).toEqual({});
    // Hidden 12 and a small 4 (not yet hidden): two hidden holding 16 ≥ 11 → enough.
    expect(withHidden({ a: 12, b: 4, c: 30 }, ['a'])).toEqual({ b: 'small_cell' });
    // A "not recorded" cell is a cell like any other: small, withheld, complemented.
    expect(withHidden({ not_recorded: 2, woman: 25, man: 14 }, [])).toEqual({ not_recorded: 'small_cell', man: 'complementary' });
    // Hidden cells that are empty for this measure reveal only a zero.
    expect(withHidden({ a: 0, b: 20, c: 30 }, ['a'])).toEqual({});
  });

  it('withholds figures resting on 1 to 10 people', () => {
    expect([0, 1, 10, 11].map((n) => tooFew(n))).toEqual([false, true, true, false]);
  });
});

describe('gaps and statistics', () => {
  it('flags rates 10 points apart and other figures 20 % apart, in the measure’s own direction', () => {
    expect(gapFlag('retention_30', 0.7, 0.8)).toBe('unfavourable');
    expect(gapFlag('retention_30', 0.75, 0.8)).toBeNull();
    expect(gapFlag('checkin_use_latest', 0.3, 0.1)).toBe('unfavourable');
    expect(gapFlag('days_to_first_contact', 4, 6)).toBe('favourable');
    expect(gapFlag('days_to_first_contact', 5.5, 6)).toBeNull();
    expect(gapFlag('enrolled', 3, 30)).toBeNull();
    expect(gapFlag('retention_30', null, 0.8)).toBeNull();
  });

  it('takes the middle of an even list as the mean of the two middle values', () => {
    expect(median([10, 1, 3, 7])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('writes CSV that a spreadsheet cannot turn into a formula', () => {
    const csv = toCsv({ columns: ['a', 'b'], rows: [['=HYPERLINK("x")', -1.5], ['plain, with comma', null]] });
    expect(csv).toBe('a,b\r\n"\'=HYPERLINK(""x"")",-1.5\r\n"plain, with comma",\r\n');
    expect(flatTable({ workforce: { peerWorkers: 2 } } as never, 'workforce').rows).toEqual([['peerWorkers', 2]]);
  });
});

describe('complementary suppression per measure across the groups of a dimension', () => {
  const person = (i: number, language: string, enrolledInPeriod: boolean): ParticipantFacts => ({
    participantId: `p${i}`,
    programId: 'prog',
    enrolledAt: '2026-01-01T00:00:00.000Z',
    enrolledInPeriod,
    active: true,
    participantDays: 30,
    retention: { '30': { eligible: false, engaged: false }, '90': { eligible: false, engaged: false }, '180': { eligible: false, engaged: false } },
    daysToFirstContact: null,
    contactsByType: {},
    attendancePresent: 0,
    attendanceAbsent: 0,
    checkIns: 0,
    checkInWeeks: 0,
    checkInUse: 0,
    checkInUseAnswered: 0,
    checkInUsePair: null,
    meetingsAttended: 0,
    hadPeerWorker: true,
    alertsRaised: 0,
    alertsInTime: 0,
    barc10: null,
    phq9: null,
    gad7: null,
    bamUse: null,
    daysInRecovery: null,
    referralsCompleted: 0,
    referralsUnmet: 0,
    referralDaysToComplete: [],
    groups: { ...Object.fromEntries(equityDimensions.map((d) => [d, ['x']])), language: [language] } as ParticipantFacts['groups'],
  });
  // en 20 people (15 enrolled in the period), es 12 (3 enrolled), not recorded 14 (12 enrolled).
  const facts = [
    ...Array.from({ length: 20 }, (_, i) => person(i, 'en', i < 15)),
    ...Array.from({ length: 12 }, (_, i) => person(100 + i, 'es', i < 3)),
    ...Array.from({ length: 14 }, (_, i) => person(200 + i, 'not_recorded', i < 12)),
  ];
  const table = equityTable(facts, 'language', rollUp(facts));
  const enrolled = (g: string) => table.cells.find((c) => c.group === g)!.measures['enrolled']!;

  it('shows every group (all hold 11 or more people)', () => {
    expect(table.cells.map((c) => [c.group, c.n, c.suppressed])).toEqual([
      ['en', 20, null],
      ['es', 12, null],
      ['not_recorded', 14, null],
    ]);
  });

  it('withholds the small figure and the next smallest, so overall − visible cannot give it back', () => {
    // Overall 30 enrolled; es 3 < 11 withheld; en 15 and not recorded 12 shown would give 30 − 15 − 12 = 3 →
    // the smallest other (not recorded, 12) is withheld too; 3 + 12 = 15 ≥ 11 in two cells is enough.
    expect(enrolled('es')).toEqual({ value: null, denominator: null, suppressed: 'small_denominator', gap: null });
    expect(enrolled('not_recorded')).toEqual({ value: null, denominator: null, suppressed: 'complementary', gap: null });
    expect(enrolled('en')).toMatchObject({ value: 15, denominator: 15, suppressed: null });
    // A measure with no small figure is untouched: everyone had a peer worker.
    expect(table.cells.map((c) => c.measures['peer_worker_share']!.value)).toEqual([1, 1, 1]);
  });
});
