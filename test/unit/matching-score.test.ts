import { describe, expect, it } from 'vitest';
import {
  MATCH_WEIGHTS,
  assignOptimally,
  scoreMatch,
  type BatchAssignment,
  type ParticipantForMatching,
  type PeerWorkerForMatching,
} from '../../src/shared/matching/index.js';

import { marisol, rosa } from './matching-fixtures.js';

describe('scoring one match', () => {
  it('explains every point in plain words, in English and Spanish', () => {
    expect(scoreMatch(rosa, marisol)).toEqual({
      eligible: true,
      score: 63,
      blockedBy: [],
      reasons: [
        {
          kind: 'wanted_experience',
          points: 12,
          text: {
            en: 'Has the lived experience you asked for: parenting in recovery',
            es: 'Tiene la experiencia vivida que pediste: la crianza en recuperación',
          },
        },
        {
          kind: 'shared_experience',
          points: 16,
          text: {
            en: 'Shares lived experience with opioids and medication for opioid use disorder',
            es: 'Comparte experiencia vivida con los opioides y los medicamentos para el trastorno por consumo de opioides',
          },
        },
        { kind: 'language', points: 10, text: { en: 'Speaks Spanish, your preferred language', es: 'Habla español, tu idioma preferido' } },
        { kind: 'setting', points: 10, text: { en: 'Works in reentry settings', es: 'Trabaja en programas de reinserción' } },
        {
          kind: 'availability',
          points: 10,
          text: { en: 'Available Tuesday evenings, when you prefer', es: 'Disponible los martes por la noche, cuando lo prefieres' },
        },
        { kind: 'room', points: 5, text: { en: 'Has room for 12 more people', es: 'Tiene lugar para 12 personas más' } },
      ],
    });
  });

  it('blocks a peer worker who does not speak the required language', () => {
    const result = scoreMatch(rosa, { ...marisol, languages: ['en'] });
    expect(result.eligible).toBe(false);
    expect(result.blockedBy).toEqual([
      {
        kind: 'required_language',
        text: { en: "Doesn't speak Spanish, the language you need", es: 'No habla español, el idioma que necesitas' },
      },
    ]);
  });

  it.each([
    ['a different gender', 'man'],
    ['no gender shared', undefined],
  ])('blocks a peer worker of %s when the participant asked for a gender', (_, gender) => {
    const result = scoreMatch({ ...rosa, preferredGender: 'woman' }, { ...marisol, gender });
    expect(result.eligible).toBe(false);
    expect(result.blockedBy).toEqual([
      { kind: 'gender_preference', text: { en: 'You asked for a peer worker who is a woman', es: 'Pediste que tu acompañante sea mujer' } },
    ]);
  });

  it('accepts the gender asked for', () => {
    expect(scoreMatch({ ...rosa, preferredGender: 'woman' }, marisol).eligible).toBe(true);
  });

  it.each([
    [10, 10],
    [10, 12],
  ])('blocks a peer worker with no open place (capacity %i, caseload %i)', (capacity, caseload) => {
    const result = scoreMatch(rosa, { ...marisol, capacity, caseload });
    expect(result.eligible).toBe(false);
    expect(result.blockedBy).toEqual([
      { kind: 'no_room', text: { en: 'Has no room for new participants right now', es: 'No tiene lugar para más participantes por ahora' } },
    ]);
    expect(result.reasons.map((r) => r.kind)).not.toContain('room');
  });

  it('lists every hard constraint that fails, and the score is still the sum of the reasons', () => {
    const result = scoreMatch({ ...rosa, preferredGender: 'non_binary' }, { ...marisol, languages: ['en'], caseload: 15 });
    expect(result.eligible).toBe(false);
    expect(result.blockedBy.map((b) => b.kind)).toEqual(['required_language', 'gender_preference', 'no_room']);
    expect(result.blockedBy[1]!.text).toEqual({
      en: 'You asked for a peer worker who is non-binary',
      es: 'Pediste que tu acompañante sea una persona no binaria',
    });
    expect(result.score).toBe(result.reasons.reduce((sum, r) => sum + r.points, 0));
  });

  it('counts experience the participant asked for once, not again as shared experience', () => {
    const result = scoreMatch({ ...rosa, wantedExperience: ['opioids'], pathways: [] }, marisol);
    expect(result.reasons.filter((r) => r.kind.endsWith('experience'))).toEqual([
      {
        kind: 'wanted_experience',
        points: 12,
        text: { en: 'Has the lived experience you asked for: opioids', es: 'Tiene la experiencia vivida que pediste: los opioides' },
      },
    ]);
  });

  it('caps how much a long list of shared tags can add', () => {
    const wanted = ['parent', 'veteran', 'lgbtq', 'trauma', 'homelessness'];
    const result = scoreMatch({ ...rosa, wantedExperience: wanted }, { ...marisol, livedExperience: wanted });
    expect(result.reasons[0]).toMatchObject({ kind: 'wanted_experience', points: 36 });
  });

  it('scores availability by the share of preferred time covered, naming the times', () => {
    const participant = {
      ...rosa,
      preferredTimes: [
        { day: 'tue', from: '18:00', to: '20:00' },
        { day: 'thu', from: '09:00', to: '11:00' },
      ],
    } satisfies ParticipantForMatching;
    const worker = {
      ...marisol,
      availability: [
        { day: 'thu', from: '10:00', to: '11:00' },
        { day: 'tue', from: '18:00', to: '19:00' },
      ],
    } satisfies PeerWorkerForMatching;
    expect(scoreMatch(participant, worker).reasons.find((r) => r.kind === 'availability')).toEqual({
      kind: 'availability',
      points: 5,
      text: {
        en: 'Available Tuesday evenings and Thursday mornings, when you prefer',
        es: 'Disponible los martes por la noche y los jueves por la mañana, cuando lo prefieres',
      },
    });
  });

  it('does not count overlapping availability windows twice', () => {
    const participant = { ...rosa, preferredTimes: [{ day: 'tue', from: '18:00', to: '22:00' }] } satisfies ParticipantForMatching;
    const worker = {
      ...marisol,
      availability: [
        { day: 'tue', from: '18:00', to: '20:00' },
        { day: 'tue', from: '19:00', to: '20:00' },
      ],
    } satisfies PeerWorkerForMatching;
    expect(scoreMatch(participant, worker).reasons.find((r) => r.kind === 'availability')?.points).toBe(5);
  });

  it('gives no availability reason without preferred times or without overlap', () => {
    const { preferredTimes: _, ...noTimes } = rosa;
    expect(scoreMatch(noTimes, marisol).reasons.map((r) => r.kind)).not.toContain('availability');
    expect(scoreMatch(rosa, { ...marisol, availability: [{ day: 'wed', from: '18:00', to: '20:00' }] }).reasons.map((r) => r.kind)).not.toContain(
      'availability',
    );
  });

  it('rejects a time that is not HH:MM', () => {
    expect(() => scoreMatch({ ...rosa, preferredTimes: [{ day: 'tue', from: '6pm', to: '20:00' }] }, marisol)).toThrow(RangeError);
  });

  it('says "1 more person" in the singular', () => {
    expect(scoreMatch(rosa, { ...marisol, caseload: 14 }).reasons.find((r) => r.kind === 'room')).toEqual({
      kind: 'room',
      points: 1,
      text: { en: 'Has room for 1 more person', es: 'Tiene lugar para 1 persona más' },
    });
  });

  it('shows unknown codes as written rather than failing', () => {
    const result = scoreMatch(
      { ...rosa, setting: 'day_program', wantedExperience: ['constructor'] },
      { ...marisol, settings: ['day_program'], livedExperience: ['constructor'] },
    );
    expect(result.reasons.find((r) => r.kind === 'setting')?.text.en).toBe('Works in day program settings');
    expect(result.reasons.find((r) => r.kind === 'wanted_experience')?.text.en).toBe('Has the lived experience you asked for: constructor');
  });

  it('keeps every weight a whole number, so batch totals are exact', () => {
    for (const weight of Object.values(MATCH_WEIGHTS)) expect(Number.isInteger(weight)).toBe(true);
  });
});
