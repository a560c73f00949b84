import type { InstrumentDefinitionInput, Localized } from '../definition.js';

/**
 * ProQOL 5, the Professional Quality of Life scale (Stamm 2009/2010), for peer workers' own
 * wellbeing. Its terms allow free use with credit, no changes, and never selling it; the one
 * change its office allows without calling the result an adaptation is naming the helper role.
 * So the items below are the published English wording (Version 5, 2009) with "[helper]" named
 * "peer worker"; every other bracketed word keeps its published default ("[help]" stays "help",
 * "case [work] load" stays "case work load"). Checked item by item against published copies of
 * the proqol.org form. We have not made our own translation (that would be a change); an
 * organization loads the published Spanish version, or any other wording it is entitled to, as
 * an instrument pack of the same id and version.
 */
const published = [
  'I am happy.',
  'I am preoccupied with more than one person I help.',
  'I get satisfaction from being able to help people.',
  'I feel connected to others.',
  'I jump or am startled by unexpected sounds.',
  'I feel invigorated after working with those I help.',
  'I find it difficult to separate my personal life from my life as a peer worker.',
  'I am not as productive at work because I am losing sleep over traumatic experiences of a person I help.',
  'I think that I might have been affected by the traumatic stress of those I help.',
  'I feel trapped by my job as a peer worker.',
  'Because of my helping, I have felt "on edge" about various things.',
  'I like my work as a peer worker.',
  'I feel depressed because of the traumatic experiences of the people I help.',
  'I feel as though I am experiencing the trauma of someone I have helped.',
  'I have beliefs that sustain me.',
  'I am pleased with how I am able to keep up with helping techniques and protocols.',
  'I am the person I always wanted to be.',
  'My work makes me feel satisfied.',
  'I feel worn out because of my work as a peer worker.',
  'I have happy thoughts and feelings about those I help and how I could help them.',
  'I feel overwhelmed because my case work load seems endless.',
  'I believe I can make a difference through my work.',
  'I avoid certain activities or situations because they remind me of frightening experiences of the people I help.',
  'I am proud of what I can do to help.',
  'As a result of my helping, I have intrusive, frightening thoughts.',
  'I feel "bogged down" by the system.',
  'I have thoughts that I am a "success" as a peer worker.',
  "I can't recall important parts of my work with trauma victims.",
  'I am a very caring person.',
  'I am happy that I chose to do this work.',
];

/** Burnout items scored 6 − answer, as published. */
export const PROQOL_REVERSED_ITEMS = ['1', '4', '15', '17', '29'] as const;

export const proqolSubscales = {
  compassion_satisfaction: ['3', '6', '12', '16', '18', '20', '22', '24', '27', '30'],
  burnout: ['1', '4', '8', '10', '15', '17', '19', '21', '26', '29'],
  secondary_traumatic_stress: ['2', '5', '7', '9', '11', '13', '14', '23', '25', '28'],
} as const;

// The published English text stands in both languages until an organization loads a translation.
const sameInBoth = (en: string): Localized => ({ en, es: en });

const options = [
  { value: 1, label: { en: 'Never', es: 'Nunca' } },
  { value: 2, label: { en: 'Rarely', es: 'Rara vez' } },
  { value: 3, label: { en: 'Sometimes', es: 'A veces' } },
  { value: 4, label: { en: 'Often', es: 'A menudo' } },
  { value: 5, label: { en: 'Very often', es: 'Muy a menudo' } },
];

const selfScoreBands = (higherIsWorse: boolean) => [
  { min: 10, max: 22, label: { en: 'Low', es: 'Bajo' }, ...(higherIsWorse ? { severity: 0 } : {}) },
  { min: 23, max: 41, label: { en: 'Moderate', es: 'Moderado' }, ...(higherIsWorse ? { severity: 1 } : {}) },
  { min: 42, max: 50, label: { en: 'High', es: 'Alto' }, ...(higherIsWorse ? { severity: 2 } : {}) },
];

/**
 * The footer of the published form, word for word, and the credit the ProQOL office (The Center
 * for Victims of Torture) now asks for, with its link.
 */
export const PROQOL_CREDIT =
  '© B. Hudnall Stamm, 2009-2012. Professional Quality of Life: Compassion Satisfaction and Fatigue Version 5 (ProQOL). www.proqol.org. ' +
  'This test may be freely copied as long as (a) author is credited, (b) no changes are made, and (c) it is not sold. ' +
  'Those interested in using the test should visit www.proqol.org to verify that the copy they are using is the most current version of the test. ' +
  'Credit: The Center for Victims of Torture, www.ProQOL.org.';

export const proqol5: InstrumentDefinitionInput = {
  id: 'proqol5',
  version: '5.0.0',
  name: { en: 'Professional Quality of Life Scale (ProQOL 5)', es: 'Escala de Calidad de Vida Profesional (ProQOL 5)' },
  shortName: 'ProQOL 5',
  recallPeriod: { days: 30, text: { en: 'the last 30 days', es: 'los últimos 30 días' } },
  prompt: sameInBoth(
    'When you help people you have direct contact with their lives. As you may have found, your compassion for those you help ' +
      'can affect you in positive and negative ways. Below are some questions about your experiences, both positive and negative, as a ' +
      'peer worker. Consider each of the following questions about you and your current work situation. Select the number that honestly ' +
      'reflects how frequently you experienced these things in the last 30 days.',
  ),
  citation:
    'Stamm BH. The Concise ProQOL Manual. 2nd ed. Pocatello, ID: ProQOL.org; 2010. Professional Quality of Life: Compassion ' +
    'Satisfaction and Fatigue Version 5 (ProQOL), www.proqol.org.',
  termsOfUse: PROQOL_CREDIT,
  wording: 'official',
  items: published.map((text, i) => ({
    id: String(i + 1),
    text: sameInBoth(text),
    scale: (PROQOL_REVERSED_ITEMS as readonly string[]).includes(String(i + 1)) ? 'frequency-reversed' : 'frequency',
    scored: true,
  })),
  scales: {
    frequency: { type: 'choice', options },
    // Same answers; scored 6 − answer.
    'frequency-reversed': { type: 'choice', options, points: 'reversed' },
  },
  scoring: [
    {
      id: 'compassion_satisfaction',
      label: { en: 'Compassion Satisfaction', es: 'Satisfacción por compasión' },
      items: [...proqolSubscales.compassion_satisfaction],
      direction: 'higher-is-better',
    },
    { id: 'burnout', label: { en: 'Burnout', es: 'Agotamiento (burnout)' }, items: [...proqolSubscales.burnout], direction: 'higher-is-worse' },
    {
      id: 'secondary_traumatic_stress',
      label: { en: 'Secondary Traumatic Stress', es: 'Estrés traumático secundario' },
      items: [...proqolSubscales.secondary_traumatic_stress],
      direction: 'higher-is-worse',
    },
  ],
  bands: {
    compassion_satisfaction: selfScoreBands(false),
    burnout: selfScoreBands(true),
    secondary_traumatic_stress: selfScoreBands(true),
  },
};
