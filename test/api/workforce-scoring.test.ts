import { describe, expect, it } from 'vitest';
import { proqolSubscales, PROQOL_CREDIT } from '../../src/shared/instruments/definitions/proqol5.js';
import { bandFor, scoreResponse, workerInstruments, getInstrument, instruments } from '../../src/shared/instruments/index.js';
import { unitsFor } from '../../src/shared/service-units.js';

const proqol = workerInstruments.find((d) => d.id === 'proqol5')!;
const all = (value: number) => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [String(i + 1), value]));

describe('ProQOL 5 scoring, as published', () => {
  it('has 30 items in three 10-item subscales, no total, and the author credited', () => {
    expect(proqol.items).toHaveLength(30);
    expect(proqol.scoring.map((s) => [s.id, s.items.length])).toEqual([
      ['compassion_satisfaction', 10],
      ['burnout', 10],
      ['secondary_traumatic_stress', 10],
    ]);
    expect(new Set(proqol.scoring.flatMap((s) => s.items)).size).toBe(30);
    expect(proqol.termsOfUse).toBe(PROQOL_CREDIT);
    expect(proqol.termsOfUse).toMatch(/Stamm/);
    expect(proqol.items.map((i) => i.text.en).join(' ')).not.toMatch(/\[|helper\b/);
  });

  it('keeps the published wording, naming only the helper role "peer worker"', () => {
    const text = (n: number) => proqol.items[n - 1]!.text.en;
    // "[helper]" is named; every other bracketed word keeps its published default.
    expect(text(12)).toBe('I like my work as a peer worker.');
    expect(text(2)).toBe('I am preoccupied with more than one person I help.');
    expect(text(11)).toBe('Because of my helping, I have felt "on edge" about various things.');
    expect(text(14)).toBe('I feel as though I am experiencing the trauma of someone I have helped.');
    expect(text(16)).toBe('I am pleased with how I am able to keep up with helping techniques and protocols.');
    expect(text(21)).toBe('I feel overwhelmed because my case work load seems endless.');
    expect(text(24)).toBe('I am proud of what I can do to help.');
    expect(proqol.items.map((i) => i.text.en).join(' ')).not.toMatch(/\bsupport(ed)?\b|caseload/);
    expect(PROQOL_CREDIT).toMatch(/^© B\. Hudnall Stamm, 2009-2012\. Professional Quality of Life: Compassion Satisfaction and Fatigue Version 5 \(ProQOL\)\. www\.proqol\.org\./);
    expect(PROQOL_CREDIT).toMatch(/\(a\) author is credited, \(b\) no changes are made, and \(c\) it is not sold\./);
    expect(PROQOL_CREDIT).toMatch(/The Center for Victims of Torture, www\.ProQOL\.org/);
  });

  it('is not offered to participants as a measure', () => {
    expect(getInstrument('proqol5')).toBeUndefined();
    expect(instruments.map((d) => d.id)).not.toContain('proqol5');
  });

  it.each([
    // every answer the same: CS and STS are 10 × answer; Burnout has 5 items reversed (6 − answer)
    [1, { compassion_satisfaction: 10, burnout: 5 * 1 + 5 * 5, secondary_traumatic_stress: 10 }],
    [3, { compassion_satisfaction: 30, burnout: 30, secondary_traumatic_stress: 30 }],
    [5, { compassion_satisfaction: 50, burnout: 5 * 5 + 5 * 1, secondary_traumatic_stress: 50 }],
  ])('all answers %i score %j', (value, scores) => {
    expect(scoreResponse(proqol, all(value)).scores).toEqual(scores);
  });

  it('reverses items 1, 4, 15, 17 and 29 before summing Burnout, and only those', () => {
    const answers = all(1);
    // Burnout at its lowest: reversed items answered 5 (scored 1), the others answered 1.
    for (const id of ['1', '4', '15', '17', '29']) answers[id] = 5;
    expect(scoreResponse(proqol, answers).scores.burnout).toBe(10);
    // Highest: reversed items answered 1 (scored 5), the others answered 5.
    const high = all(5);
    for (const id of ['1', '4', '15', '17', '29']) high[id] = 1;
    expect(scoreResponse(proqol, high).scores.burnout).toBe(50);
    // Item 3 (Compassion Satisfaction) is not reversed.
    const one = all(3);
    one['3'] = 5;
    expect(scoreResponse(proqol, one).scores.compassion_satisfaction).toBe(32);
    one['1'] = 5;
    expect(scoreResponse(proqol, one).scores.burnout).toBe(28);
  });

  it('keeps the published item sets', () => {
    const ids = (id: string) => proqol.scoring.find((s) => s.id === id)!.items;
    expect(ids('compassion_satisfaction')).toEqual(['3', '6', '12', '16', '18', '20', '22', '24', '27', '30']);
    expect(ids('burnout')).toEqual(['1', '4', '8', '10', '15', '17', '19', '21', '26', '29']);
    expect(ids('secondary_traumatic_stress')).toEqual(['2', '5', '7', '9', '11', '13', '14', '23', '25', '28']);
    expect(proqolSubscales.burnout).toHaveLength(10);
  });

  it.each([
    [10, 'Low'],
    [22, 'Low'],
    [23, 'Moderate'],
    [41, 'Moderate'],
    [42, 'High'],
    [50, 'High'],
  ])('a raw sum of %i is %s on every subscale', (value, label) => {
    for (const id of ['compassion_satisfaction', 'burnout', 'secondary_traumatic_stress']) {
      expect(bandFor(proqol, id, value)?.label.en).toBe(label);
    }
  });

  it('reaches the band boundaries through answers', () => {
    // STS: 2 × 10 = 20, then +2 → 22 (low), +3 → 23 (moderate)
    const a = all(2);
    a['2'] = 4;
    expect(scoreResponse(proqol, a).bands.secondary_traumatic_stress?.label.en).toBe('Low');
    a['5'] = 3;
    expect(scoreResponse(proqol, a).scores.secondary_traumatic_stress).toBe(23);
    expect(scoreResponse(proqol, a).bands.secondary_traumatic_stress?.label.en).toBe('Moderate');
    // CS: 4 × 10 = 40, +1 → 41 (moderate), +2 → 42 (high)
    const b = all(4);
    b['3'] = 5;
    expect(scoreResponse(proqol, b).bands.compassion_satisfaction?.label.en).toBe('Moderate');
    b['6'] = 5;
    expect(scoreResponse(proqol, b).scores.compassion_satisfaction).toBe(42);
    expect(scoreResponse(proqol, b).bands.compassion_satisfaction?.label.en).toBe('High');
  });

  it('scores nothing for a subscale with an unanswered item', () => {
    const a: Record<string, number> = all(3);
    delete a['2'];
    const scored = scoreResponse(proqol, a);
    expect(scored.status).toBe('incomplete');
    expect(scored.scores.secondary_traumatic_stress).toBeUndefined();
  });
});

describe('service units', () => {
  it.each([
    [0, 0],
    [1, 0],
    [7, 0],
    [8, 1],
    [15, 1],
    [22, 1],
    [23, 2],
    [30, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [60, 4],
    [67, 4],
    [68, 5],
    [480, 32],
  ])('CMS 8-minute rule: %i minutes is %i units', (minutes, units) => {
    expect(unitsFor(minutes, 'cms_8_minute')).toBe(units);
  });

  it.each([
    [0, 0],
    [8, 0],
    [14, 0],
    [15, 1],
    [22, 1],
    [29, 1],
    [30, 2],
    [44, 2],
    [45, 3],
    [60, 4],
    [480, 32],
  ])('whole units only: %i minutes is %i units', (minutes, units) => {
    expect(unitsFor(minutes, 'whole_units')).toBe(units);
  });
});
