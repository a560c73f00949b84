import type { InstrumentDefinitionInput } from '../definition.js';
import { pfizerTerms, twoWeekFrequencyScale, twoWeekRecall } from './shared.js';

// Plain-language wording of our own; item order and meaning follow the published PHQ-9.
export const phq9Items = [
  {
    id: '1',
    text: {
      en: 'Having little interest in, or little enjoyment from, things you usually do',
      es: 'Tener poco interés o poco gusto por las cosas que suele hacer',
    },
  },
  {
    id: '2',
    text: {
      en: 'Feeling low, depressed or without hope',
      es: 'Tener el ánimo bajo, sentir depresión o falta de esperanza',
    },
  },
  {
    id: '3',
    text: {
      en: 'Trouble getting to sleep or staying asleep, or sleeping much more than usual',
      es: 'Dificultad para dormirse o para seguir durmiendo, o dormir mucho más de lo habitual',
    },
  },
  {
    id: '4',
    text: { en: 'Feeling worn out or low on energy', es: 'Sentir cansancio o tener poca energía' },
  },
  {
    id: '5',
    text: {
      en: 'Not feeling like eating, or eating much more than usual',
      es: 'Tener poco apetito o comer mucho más de lo habitual',
    },
  },
  {
    id: '6',
    text: {
      en: 'Thinking badly of yourself, or feeling that you have failed or let yourself or your family down',
      es: 'Tener una mala opinión de sí, o sentir que ha fracasado o que ha decepcionado a su familia o a sí mismo/a',
    },
  },
  {
    id: '7',
    text: {
      en: 'Finding it hard to focus on things, such as reading or watching a TV show',
      es: 'Dificultad para concentrarse en cosas como leer o ver un programa de televisión',
    },
  },
  {
    id: '8',
    text: {
      en: 'Moving or speaking so slowly that others could notice, or the opposite: being so restless that you move around much more than usual',
      es: 'Moverse o hablar tan despacio que otras personas podrían notarlo, o lo contrario: sentir tanta inquietud que se mueve mucho más de lo habitual',
    },
  },
  {
    id: '9',
    text: {
      en: 'Thinking that you would be better off dead, or thinking about hurting yourself in some way',
      es: 'Pensar que estaría mejor muerto o muerta, o pensar en hacerse daño de alguna manera',
    },
  },
].map((item) => ({ ...item, scale: 'frequency', scored: true }));

export const phq9Prompt = {
  en: 'In the last 2 weeks, how often has each of these bothered you?',
  es: 'En las últimas 2 semanas, ¿con qué frecuencia le ha molestado cada una de estas cosas?',
};

/** PHQ-2 screen: positive at 3 or more of 6 (Kroenke, Spitzer & Williams 2003). */
export const phq2Bands = [
  { min: 0, max: 2, label: { en: 'Negative screen', es: 'Tamizaje negativo' }, severity: 0 },
  { min: 3, max: 6, label: { en: 'Positive screen', es: 'Tamizaje positivo' }, severity: 1 },
];

export const phq9: InstrumentDefinitionInput = {
  id: 'phq9',
  version: '1.0.0',
  name: { en: 'Patient Health Questionnaire-9 (depression)', es: 'Cuestionario de Salud del Paciente-9 (depresión)' },
  shortName: 'PHQ-9',
  recallPeriod: twoWeekRecall,
  prompt: phq9Prompt,
  citation:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. ' +
    'J Gen Intern Med. 2001;16(9):606-613. doi:10.1046/j.1525-1497.2001.016009606.x',
  termsOfUse: pfizerTerms,
  wording: 'plain-language',
  items: phq9Items,
  scales: { frequency: twoWeekFrequencyScale },
  scoring: [
    {
      id: 'total',
      label: { en: 'Depression symptoms', es: 'Síntomas de depresión' },
      items: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
      direction: 'higher-is-worse',
    },
    {
      // The PHQ-2 is items 1 and 2 of the PHQ-9, so every PHQ-9 response also yields it.
      id: 'phq2',
      label: { en: 'PHQ-2 (first two items)', es: 'PHQ-2 (primeras dos preguntas)' },
      items: ['1', '2'],
      direction: 'higher-is-worse',
    },
  ],
  bands: {
    // Severity cut-points 5, 10, 15 and 20 as published (Kroenke et al. 2001).
    total: [
      { min: 0, max: 4, label: { en: 'Minimal', es: 'Mínima' }, severity: 0 },
      { min: 5, max: 9, label: { en: 'Mild', es: 'Leve' }, severity: 1 },
      { min: 10, max: 14, label: { en: 'Moderate', es: 'Moderada' }, severity: 2 },
      { min: 15, max: 19, label: { en: 'Moderately severe', es: 'Moderadamente grave' }, severity: 3 },
      { min: 20, max: 27, label: { en: 'Severe', es: 'Grave' }, severity: 4 },
    ],
    phq2: phq2Bands,
  },
  flags: [
    {
      // Any answer above "not at all" on item 9 needs a person to follow up, whatever the total.
      id: 'safety',
      when: { item: '9', atLeast: 1 },
      label: {
        en: 'Thoughts of death or self-harm reported (item 9)',
        es: 'Se informaron pensamientos de muerte o de hacerse daño (pregunta 9)',
      },
    },
  ],
};
