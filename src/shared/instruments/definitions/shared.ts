import type { ScaleInput } from '../definition.js';

/**
 * The 0–3 frequency scale shared by PHQ-9, PHQ-2 and GAD-7 ("over the last 2 weeks"), scored by
 * its value as published (Kroenke, Spitzer & Williams 2001; Spitzer et al. 2006).
 */
export const twoWeekFrequencyScale: ScaleInput = {
  type: 'choice',
  options: [
    { value: 0, label: { en: 'Not at all', es: 'Ningún día' } },
    { value: 1, label: { en: 'Several days', es: 'Varios días' } },
    { value: 2, label: { en: 'More than half the days', es: 'Más de la mitad de los días' } },
    { value: 3, label: { en: 'Nearly every day', es: 'Casi todos los días' } },
  ],
};

export const twoWeekRecall = {
  days: 14,
  text: { en: 'the last 2 weeks', es: 'las últimas 2 semanas' },
};

export const pfizerTerms =
  'Developed by Drs. Robert L. Spitzer, Janet B. W. Williams, Kurt Kroenke and colleagues with an ' +
  'educational grant from Pfizer Inc. No permission is required to reproduce, translate, display or ' +
  'distribute. Peerpath shows the items in its own plain-language wording, not the official text.';
