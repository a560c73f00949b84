import { describe, expect, it } from 'vitest';
import { getInstrument, scoreResponse, validateAnswers } from '../../src/shared/instruments/index.js';

const bam = getInstrument('bam')!;

/*
 * Worked example, scored by hand from the published rules:
 *   item  answer            points
 *   1     3 (Fair)          3
 *   2     10 nights         3  (9–15)
 *   3     2 days            1  (1–3)
 *   4     5 days            2  (4–8)
 *   5     2 days            1  (1–3)
 *   6     0 days            0  → 7A–7G skipped
 *   8     2 (Moderately)    2
 *   9     3 (Considerably)  3
 *   10    8 days            2  (4–8)
 *   11    1 day             1  (1–3)
 *   12    4 (Extremely)     4
 *   13    16 days           4  (16–30)
 *   14    0 (No)            0
 *   15    1 (Slightly)      1
 *   16    4 days            2  (4–8)
 *   17    3                 not scored
 *   Use        = 4+5+6             = 2+1+0         = 3
 *   Risk       = 1+2+3+8+11+15     = 3+3+1+2+1+1   = 11
 *   Protective = 9+10+12+13+14+16  = 3+2+4+4+0+2   = 15
 */
const worked = {
  '1': 3, '2': 10, '3': 2, '4': 5, '5': 2, '6': 0, '8': 2, '9': 3,
  '10': 8, '11': 1, '12': 4, '13': 16, '14': 0, '15': 1, '16': 4, '17': 3,
};

describe('BAM', () => {
  it('scores the worked example: Use 3, Risk 11, Protective 15', () => {
    const result = scoreResponse(bam, worked);
    expect(result).toEqual({
      instrumentId: 'bam',
      scoringVersion: '1.0.0',
      status: 'complete',
      scores: { use: 3, risk: 11, protective: 15 },
      bands: {},
      flags: [],
      missingItems: [],
    });
  });

  it.each([
    [0, 0],
    [1, 1],
    [3, 1],
    [4, 2],
    [8, 2],
    [9, 3],
    [15, 3],
    [16, 4],
    [30, 4],
  ])('bins %i days of drug use to %i points', (days, points) => {
    // Item 4 = 0 skips item 5, so Use is item 6's points alone.
    expect(scoreResponse(bam, { '4': 0, '6': days }).scores.use).toBe(points);
  });

  it.each([
    [0, 0],
    [1, 1],
    [3, 1],
    [4, 2],
    [8, 2],
    [9, 3],
    [15, 3],
    [16, 4],
    [30, 4],
  ])('bins %i nights of poor sleep to %i points', (nights, points) => {
    const others = { '1': 0, '3': 0, '8': 0, '11': 0, '15': 0 };
    expect(scoreResponse(bam, { ...others, '2': nights }).scores.risk).toBe(points);
  });

  it.each([
    ['lowest', { 1: 0, 2: 0, 3: 0, 4: 0, 6: 0, 8: 0, 9: 0, 10: 0, 11: 0, 12: 0, 13: 0, 14: 0, 15: 0, 16: 0 }, 0, 0, 0],
    ['highest', { 1: 4, 2: 30, 3: 30, 4: 30, 5: 30, 6: 30, 8: 4, 9: 4, 10: 30, 11: 30, 12: 4, 13: 30, 14: 4, 15: 4, 16: 30 }, 12, 24, 24],
  ])('%s answers give Use %i, Risk %i, Protective %i', (_, answers, use, risk, protective) => {
    const result = scoreResponse(bam, answers);
    expect(result.status).toBe('complete');
    expect(result.scores).toEqual({ use, risk, protective });
  });

  it('scores income Yes as 4 and No as 0', () => {
    expect(scoreResponse(bam, { ...worked, '14': 4 }).scores.protective).toBe(19);
    expect(scoreResponse(bam, { ...worked, '14': 0 }).scores.protective).toBe(15);
  });

  it('leaves 7A–7G and 17 out of every score and out of completeness', () => {
    const withDrugUse = { ...worked, '6': 4 }; // 4 days → 2 points, so Use = 2+1+2 = 5
    const without = { ...withDrugUse };
    delete (without as Record<string, number>)['17'];
    const withAll = { ...withDrugUse, '7A': 4, '7B': 0, '7C': 1, '7D': 0, '7E': 30, '7F': 0, '7G': 2, '17': 0 };

    const a = scoreResponse(bam, without);
    const b = scoreResponse(bam, withAll);
    expect(a.status).toBe('complete');
    expect(a.missingItems).toEqual([]);
    expect(a.scores).toEqual({ use: 5, risk: 11, protective: 15 });
    expect(b.scores).toEqual(a.scores);
  });

  it('counts item 5 as 0 when item 4 is 0, and needs it otherwise', () => {
    const skipped = { ...worked, '4': 0 } as Record<string, number>;
    delete skipped['5'];
    expect(scoreResponse(bam, skipped).scores.use).toBe(0);

    const needed = { ...worked } as Record<string, number>;
    delete needed['5'];
    const result = scoreResponse(bam, needed);
    expect(result.status).toBe('incomplete');
    expect(result.missingItems).toEqual(['5']);
    expect(result.scores).toEqual({ risk: 11, protective: 15 });
  });

  it('gives no subscale whose items are missing', () => {
    const answers = { ...worked } as Record<string, number>;
    delete answers['9'];
    delete answers['1'];
    const result = scoreResponse(bam, answers);
    expect(result.status).toBe('incomplete');
    expect(result.missingItems).toEqual(['1', '9']);
    expect(result.scores).toEqual({ use: 3 });
  });

  it.each([
    ['2', 31, 'must be a whole number of nights from 0 to 30 (got 31)'],
    ['3', -1, 'must be a whole number of days from 0 to 30 (got -1)'],
    ['10', 2.5, 'must be a whole number of days from 0 to 30 (got 2.5)'],
    ['7C', 45, 'must be a whole number of days from 0 to 30 (got 45)'],
    ['14', 1, 'must be one of 0, 4 (got 1)'],
    ['1', 5, 'must be one of 0, 1, 2, 3, 4 (got 5)'],
    ['17', -1, 'must be one of 0, 1, 2, 3, 4 (got -1)'],
  ])('rejects item %s = %s', (itemId, value, message) => {
    expect(validateAnswers(bam, { ...worked, [itemId]: value })).toEqual({ ok: false, errors: [{ itemId, message }] });
  });

  it('rejects answers that contradict another item', () => {
    expect(validateAnswers(bam, { ...worked, '4': 3, '5': 4 })).toEqual({
      ok: false,
      errors: [{ itemId: '5', message: 'cannot be more than the answer to item 4 (3)' }],
    });
    expect(validateAnswers(bam, { ...worked, '7A': 3 })).toEqual({
      ok: false,
      errors: [{ itemId: '7A', message: 'is not asked when item 6 is 0; leave it out or answer 0' }],
    });
    expect(validateAnswers(bam, { ...worked, '7A': 0 })).toEqual({ ok: true });
  });

  it('exposes the Risk subscale with no threshold, bands or flags of its own', () => {
    expect(bam.scoring.map((s) => [s.id, s.items])).toEqual([
      ['use', ['4', '5', '6']],
      ['risk', ['1', '2', '3', '8', '11', '15']],
      ['protective', ['9', '10', '12', '13', '14', '16']],
    ]);
    expect(bam.bands).toEqual({});
    expect(bam.flags).toEqual([]);
    expect(bam.thresholds).toEqual([]);
  });
});
