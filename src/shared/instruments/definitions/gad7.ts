import type { InstrumentDefinitionInput } from '../definition.js';
import { pfizerTerms, twoWeekFrequencyScale, twoWeekRecall } from './shared.js';

// Plain-language wording of our own; item order and meaning follow the published GAD-7.
const items = [
  { id: '1', en: 'Feeling nervous, anxious or tense', es: 'Sentir nervios, ansiedad o tensión' },
  {
    id: '2',
    en: 'Not being able to stop worrying or keep it under control',
    es: 'No poder dejar de preocuparse ni controlar la preocupación',
  },
  {
    id: '3',
    en: 'Worrying too much about many different things',
    es: 'Preocuparse demasiado por muchas cosas distintas',
  },
  { id: '4', en: 'Finding it hard to relax', es: 'Tener dificultad para relajarse' },
  {
    id: '5',
    en: 'Being so restless that it is hard to stay seated',
    es: 'Sentir tanta inquietud que cuesta quedarse sentado o sentada',
  },
  { id: '6', en: 'Getting annoyed or irritated easily', es: 'Molestarse o irritarse con facilidad' },
  {
    id: '7',
    en: 'Feeling scared that something terrible might happen',
    es: 'Sentir miedo de que pueda pasar algo terrible',
  },
];

export const gad7: InstrumentDefinitionInput = {
  id: 'gad7',
  version: '1.0.0',
  name: { en: 'Generalized Anxiety Disorder-7 (anxiety)', es: 'Trastorno de Ansiedad Generalizada-7 (ansiedad)' },
  shortName: 'GAD-7',
  recallPeriod: twoWeekRecall,
  prompt: {
    en: 'In the last 2 weeks, how often has each of these bothered you?',
    es: 'En las últimas 2 semanas, ¿con qué frecuencia le ha molestado cada una de estas cosas?',
  },
  citation:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety ' +
    'disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097. doi:10.1001/archinte.166.10.1092',
  termsOfUse: pfizerTerms,
  wording: 'plain-language',
  items: items.map(({ id, en, es }) => ({ id, text: { en, es }, scale: 'frequency', scored: true })),
  scales: { frequency: twoWeekFrequencyScale },
  scoring: [
    {
      id: 'total',
      label: { en: 'Anxiety symptoms', es: 'Síntomas de ansiedad' },
      items: items.map((item) => item.id),
      direction: 'higher-is-worse',
    },
  ],
  bands: {
    // Cut-points 5, 10 and 15 as published (Spitzer et al. 2006).
    total: [
      { min: 0, max: 4, label: { en: 'Minimal', es: 'Mínima' }, severity: 0 },
      { min: 5, max: 9, label: { en: 'Mild', es: 'Leve' }, severity: 1 },
      { min: 10, max: 14, label: { en: 'Moderate', es: 'Moderada' }, severity: 2 },
      { min: 15, max: 21, label: { en: 'Severe', es: 'Grave' }, severity: 3 },
    ],
  },
};
