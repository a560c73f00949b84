import { describe, expect, it } from 'vitest';
import {
  InvalidAnswersError,
  bandFor,
  changeFromBaseline,
  getInstrument,
  instruments,
  scoreResponse,
  validateAnswers,
  type InstrumentDefinition,
} from '../../src/shared/instruments/index.js';

function instrument(id: string): InstrumentDefinition {
  const definition = getInstrument(id);
  if (!definition) throw new Error(`no instrument ${id}`);
  return definition;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

/** Answers reaching `total` by filling items in order, each from `min` up to `max`. */
function answersForTotal(itemIds: string[], total: number, min: number, max: number): Record<string, number> {
  const answers: Record<string, number> = {};
  let left = total - min * itemIds.length;
  for (const id of itemIds) {
    const extra = Math.min(max - min, left);
    answers[id] = min + extra;
    left -= extra;
  }
  if (left !== 0) throw new Error(`cannot reach ${total}`);
  return answers;
}

const phq9 = instrument('phq9');
const phq2 = instrument('phq2');
const gad7 = instrument('gad7');
const barc10 = instrument('barc10');

describe('registry', () => {
  it('ships the five instruments in plain-language wording', () => {
    expect(instruments.map((d) => d.id)).toEqual(['phq9', 'phq2', 'gad7', 'barc10', 'bam']);
    expect(instruments.every((d) => d.wording === 'plain-language')).toBe(true);
    expect(getInstrument('audit')).toBeUndefined();
  });

  it('freezes shipped definitions so scoring rules cannot be changed at run time', () => {
    const band = phq9.bands.total?.[0];
    expect(() => {
      if (band) band.max = 10;
    }).toThrow(TypeError);
    expect(phq9.bands.total?.[0]?.max).toBe(4);
  });
});

describe('PHQ-9', () => {
  it.each([
    [0, 0, 'Minimal'],
    [3, 27, 'Severe'],
  ])('every item at %i gives a total of %i (%s)', (value, total, label) => {
    const result = scoreResponse(phq9, Object.fromEntries(ids(9).map((id) => [id, value])));
    expect(result.status).toBe('complete');
    expect(result.scores.total).toBe(total);
    expect(result.bands.total?.label.en).toBe(label);
  });

  it.each([
    [4, 'Minimal', 0],
    [5, 'Mild', 1],
    [9, 'Mild', 1],
    [10, 'Moderate', 2],
    [14, 'Moderate', 2],
    [15, 'Moderately severe', 3],
    [19, 'Moderately severe', 3],
    [20, 'Severe', 4],
  ])('a total of %i is %s', (total, label, severity) => {
    // Items 1–8 carry up to 24 points, so item 9 stays 0 and no safety flag muddies the band check.
    const result = scoreResponse(phq9, answersForTotal(ids(9), total, 0, 3));
    expect(result.scores.total).toBe(total);
    expect(result.bands.total).toMatchObject({ label: { en: label }, severity });
    expect(result.flags).toEqual([]);
  });

  it('raises the safety flag for item 9 above 0 even at a total of 1', () => {
    const answers = { ...answersForTotal(ids(9), 0, 0, 3), '9': 1 };
    const result = scoreResponse(phq9, answers);
    expect(result.scores.total).toBe(1);
    expect(result.bands.total?.label.en).toBe('Minimal');
    expect(result.flags).toEqual(['safety']);
  });

  it('raises the safety flag when item 9 is the only answer', () => {
    const result = scoreResponse(phq9, { '9': 2 });
    expect(result.status).toBe('incomplete');
    expect(result.scores).toEqual({});
    expect(result.flags).toEqual(['safety']);
    expect(result.missingItems).toEqual(ids(8));
  });

  it('gives no total while an item is missing, never a prorated one', () => {
    const answers: Record<string, number | null> = answersForTotal(ids(9), 16, 0, 3);
    answers['5'] = null;
    delete answers['6'];
    const result = scoreResponse(phq9, answers);
    expect(result.status).toBe('incomplete');
    expect(result.scores).toEqual({ phq2: 6 });
    expect(result.bands.total).toBeUndefined();
    expect(result.missingItems).toEqual(['5', '6']);
  });
});

describe('PHQ-2', () => {
  it.each([
    [0, 0, 0, 'Negative screen', []],
    [1, 1, 2, 'Negative screen', []],
    [2, 1, 3, 'Positive screen', ['positive-screen']],
    [3, 3, 6, 'Positive screen', ['positive-screen']],
  ])('items %i + %i = %i: %s', (first, second, total, label, flags) => {
    const result = scoreResponse(phq2, { '1': first, '2': second });
    expect(result.status).toBe('complete');
    expect(result.scores.total).toBe(total);
    expect(result.bands.total?.label.en).toBe(label);
    expect(result.flags).toEqual(flags);
  });

  it('is derived from a PHQ-9 response with the same result as the standalone screen', () => {
    const phq9Answers = { ...answersForTotal(ids(9), 0, 0, 3), '1': 2, '2': 1, '7': 3 };
    const fromPhq9 = scoreResponse(phq9, phq9Answers);
    const standalone = scoreResponse(phq2, { '1': phq9Answers['1'], '2': phq9Answers['2'] });
    expect(fromPhq9.scores.phq2).toBe(3);
    expect(standalone.scores.total).toBe(3);
    expect(fromPhq9.bands.phq2).toEqual(standalone.bands.total);
  });

  it('rejects PHQ-9 items it does not have', () => {
    expect(validateAnswers(phq2, { '1': 0, '2': 0, '3': 1 })).toEqual({
      ok: false,
      errors: [{ itemId: '3', message: 'PHQ-2 has no item "3"' }],
    });
  });
});

describe('GAD-7', () => {
  it.each([
    [0, 0, 'Minimal'],
    [3, 21, 'Severe'],
  ])('every item at %i gives a total of %i (%s)', (value, total, label) => {
    const result = scoreResponse(gad7, Object.fromEntries(ids(7).map((id) => [id, value])));
    expect(result.scores.total).toBe(total);
    expect(result.bands.total?.label.en).toBe(label);
  });

  it.each([
    [4, 'Minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Severe'],
  ])('a total of %i is %s', (total, label) => {
    const result = scoreResponse(gad7, answersForTotal(ids(7), total, 0, 3));
    expect(result.scores.total).toBe(total);
    expect(result.bands.total?.label.en).toBe(label);
  });
});

describe('BARC-10', () => {
  it.each([
    [1, 10, 'Below the recovery capital threshold'],
    [6, 60, 'At or above the recovery capital threshold'],
  ])('every item at %i gives a total of %i', (value, total, label) => {
    const result = scoreResponse(barc10, Object.fromEntries(ids(10).map((id) => [id, value])));
    expect(result.scores.total).toBe(total);
    expect(result.bands.total?.label.en).toBe(label);
  });

  it.each([
    [46, 'Below the recovery capital threshold'],
    [47, 'At or above the recovery capital threshold'],
  ])('a total of %i is %s', (total, label) => {
    const result = scoreResponse(barc10, answersForTotal(ids(10), total, 1, 6));
    expect(result.scores.total).toBe(total);
    expect(result.bands.total?.label.en).toBe(label);
  });

  it('states the published threshold of 47 as a fact of its own', () => {
    expect(barc10.thresholds).toMatchObject([{ id: 'sustained-remission', score: 'total', atLeast: 47 }]);
  });

  it('rejects 0, which is not on the 1–6 agreement scale', () => {
    expect(validateAnswers(barc10, { '4': 0 })).toEqual({
      ok: false,
      errors: [{ itemId: '4', message: 'must be one of 1, 2, 3, 4, 5, 6 (got 0)' }],
    });
  });
});

describe('answer validation', () => {
  it.each([
    ['4', 4],
    ['1', -1],
    ['2', 1.5],
    ['3', Number.NaN],
  ])('rejects PHQ-9 item %s = %s', (itemId, value) => {
    const result = validateAnswers(phq9, { [itemId]: value });
    expect(result).toEqual({
      ok: false,
      errors: [{ itemId, message: `must be one of 0, 1, 2, 3 (got ${String(value)})` }],
    });
  });

  it('names every bad item, unknown ids included', () => {
    const result = validateAnswers(phq9, { '1': 0, '2': 7, '10': 1, q3: 0 });
    expect(result).toEqual({
      ok: false,
      errors: [
        { itemId: '2', message: 'must be one of 0, 1, 2, 3 (got 7)' },
        { itemId: '10', message: 'PHQ-9 has no item "10"' },
        { itemId: 'q3', message: 'PHQ-9 has no item "q3"' },
      ],
    });
  });

  it('rejects a value that is not a number at all', () => {
    const answers = { '1': '2' } as unknown as Record<string, number>;
    expect(validateAnswers(phq9, answers)).toEqual({
      ok: false,
      errors: [{ itemId: '1', message: 'must be one of 0, 1, 2, 3 (got "2")' }],
    });
  });

  it('accepts null as "not answered"', () => {
    expect(validateAnswers(phq9, { '1': null, '2': 3 })).toEqual({ ok: true });
  });

  it('refuses to score invalid answers', () => {
    expect(() => scoreResponse(gad7, { '8': 1 })).toThrow(InvalidAnswersError);
    expect(() => scoreResponse(gad7, { '8': 1 })).toThrow('item 8: GAD-7 has no item "8"');
  });
});

describe('bands and change from baseline', () => {
  it('finds the band for a value and knows scores without bands', () => {
    expect(bandFor(phq9, 'total', 10)).toEqual({ label: { en: 'Moderate', es: 'Moderada' }, severity: 2, min: 10, max: 14 });
    expect(bandFor(barc10, 'total', 47)).toEqual({
      label: { en: 'At or above the recovery capital threshold', es: 'En el umbral de capital de recuperación o por encima' },
      min: 47,
      max: 60,
    });
    expect(bandFor(instrument('bam'), 'risk', 12)).toBeUndefined();
    expect(() => bandFor(phq9, 'risk', 1)).toThrow('PHQ-9 has no score "risk"');
    expect(() => bandFor(phq9, 'total', 28)).toThrow(RangeError);
  });

  it('reports difference and band movement per score', () => {
    const baseline = scoreResponse(phq9, answersForTotal(ids(9), 12, 0, 3)); // items 1–2 = 3+3
    const latest = scoreResponse(phq9, { ...answersForTotal(ids(9), 7, 0, 3), '1': 0, '2': 1, '3': 3, '4': 3 });
    expect(latest.scores).toEqual({ total: 7, phq2: 1 });
    expect(changeFromBaseline(baseline, latest)).toEqual({
      total: { baseline: 12, latest: 7, difference: -5, band: 'down' },
      phq2: { baseline: 6, latest: 1, difference: -5, band: 'down' },
    });
  });

  it.each([
    [3, 8, 'up'],
    [5, 9, 'same'],
    [15, 14, 'down'],
  ])('GAD-7 %i → %i moves %s', (before, after, move) => {
    const change = changeFromBaseline(
      scoreResponse(gad7, answersForTotal(ids(7), before, 0, 3)),
      scoreResponse(gad7, answersForTotal(ids(7), after, 0, 3)),
    );
    expect(change.total).toEqual({ baseline: before, latest: after, difference: after - before, band: move });
  });

  it('skips scores missing on either side and refuses to compare different instruments', () => {
    const partial = scoreResponse(phq9, { '1': 1, '2': 1 });
    const full = scoreResponse(phq9, answersForTotal(ids(9), 9, 0, 3));
    expect(changeFromBaseline(partial, full)).toEqual({ phq2: { baseline: 2, latest: 6, difference: 4, band: 'up' } });
    expect(() => changeFromBaseline(full, scoreResponse(phq2, { '1': 1, '2': 1 }))).toThrow(
      'cannot compare phq9@1.0.0 with phq2@1.0.0',
    );
  });
});
