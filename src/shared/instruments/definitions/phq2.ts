import type { InstrumentDefinitionInput } from '../definition.js';
import { phq2Bands, phq9Items, phq9Prompt } from './phq9.js';
import { twoWeekFrequencyScale, twoWeekRecall, pfizerTerms } from './shared.js';

// Same item ids and wording as PHQ-9 items 1 and 2, so a PHQ-2 and a PHQ-9 score the pair alike.
export const phq2: InstrumentDefinitionInput = {
  id: 'phq2',
  version: '1.0.0',
  name: { en: 'Patient Health Questionnaire-2 (depression screen)', es: 'Cuestionario de Salud del Paciente-2 (tamizaje de depresión)' },
  shortName: 'PHQ-2',
  recallPeriod: twoWeekRecall,
  prompt: phq9Prompt,
  citation:
    'Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a two-item ' +
    'depression screener. Med Care. 2003;41(11):1284-1292. doi:10.1097/01.MLR.0000093487.78664.3C',
  termsOfUse: pfizerTerms,
  wording: 'plain-language',
  items: phq9Items.filter((item) => item.id === '1' || item.id === '2'),
  scales: { frequency: twoWeekFrequencyScale },
  scoring: [
    {
      id: 'total',
      label: { en: 'Depression screen', es: 'Tamizaje de depresión' },
      items: ['1', '2'],
      direction: 'higher-is-worse',
    },
  ],
  bands: { total: phq2Bands },
  flags: [
    {
      // Cut-point 3 as published: a positive screen calls for the full PHQ-9.
      id: 'positive-screen',
      when: { score: 'total', atLeast: 3 },
      label: { en: 'Positive depression screen: offer the PHQ-9', es: 'Tamizaje de depresión positivo: ofrecer el PHQ-9' },
    },
  ],
};
