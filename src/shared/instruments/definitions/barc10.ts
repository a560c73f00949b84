import type { InstrumentDefinitionInput } from '../definition.js';

// Plain-language wording of our own; item order and meaning follow the published BARC-10.
const statements = [
  {
    en: 'Other things in my life matter more to me than drinking or using drugs.',
    es: 'Hay cosas en mi vida que me importan más que beber o consumir drogas.',
  },
  { en: 'Overall, I feel happy with my life.', es: 'En general, me siento feliz con mi vida.' },
  {
    en: 'I have the energy to get done the things I set out to do.',
    es: 'Tengo energía para terminar lo que me propongo hacer.',
  },
  {
    en: 'I feel part of my community, and I am proud of it.',
    es: 'Me siento parte de mi comunidad y me enorgullece.',
  },
  { en: 'My friends give me a lot of support.', es: 'Mis amistades me dan mucho apoyo.' },
  {
    en: 'My life feels challenging and fulfilling without alcohol or drugs.',
    es: 'Mi vida me resulta estimulante y plena sin alcohol ni drogas.',
  },
  {
    en: 'The place where I live has helped move my recovery forward.',
    es: 'El lugar donde vivo me ha ayudado a avanzar en mi recuperación.',
  },
  { en: 'I take full responsibility for what I do.', es: 'Asumo toda la responsabilidad de lo que hago.' },
  {
    en: 'I am comfortable dealing with many different kinds of professionals.',
    es: 'Me siento a gusto tratando con profesionales de muchos tipos.',
  },
  { en: 'I am making good progress in my recovery.', es: 'Estoy avanzando bien en mi recuperación.' },
];

export const barc10: InstrumentDefinitionInput = {
  id: 'barc10',
  version: '1.0.0',
  name: { en: 'Brief Assessment of Recovery Capital', es: 'Evaluación Breve del Capital de Recuperación' },
  shortName: 'BARC-10',
  recallPeriod: { days: null, text: { en: 'how things are for you now', es: 'cómo están las cosas para usted ahora' } },
  prompt: {
    en: 'How much do you agree or disagree with each statement?',
    es: '¿Qué tan de acuerdo o en desacuerdo está con cada frase?',
  },
  citation:
    'Vilsaint CL, Kelly JF, Bergman BG, Groshkova T, Best D, White W. Development and validation of a ' +
    'Brief Assessment of Recovery Capital (BARC-10) for alcohol and drug use disorder. Drug Alcohol ' +
    'Depend. 2017;177:71-76. doi:10.1016/j.drugalcdep.2017.03.022',
  termsOfUse:
    'Free to use in research and practice with citation of Vilsaint et al. (2017); derived from the ' +
    'Assessment of Recovery Capital (Groshkova, Best & White 2013). Peerpath shows the items in its ' +
    'own plain-language wording, not the published text.',
  wording: 'plain-language',
  items: statements.map((text, i) => ({ id: String(i + 1), text, scale: 'agreement', scored: true })),
  scales: {
    // 1–6 as published, so the total runs 10–60.
    agreement: {
      type: 'choice',
      options: [
        { value: 1, label: { en: 'Strongly disagree', es: 'Totalmente en desacuerdo' } },
        { value: 2, label: { en: 'Disagree', es: 'En desacuerdo' } },
        { value: 3, label: { en: 'Somewhat disagree', es: 'Algo en desacuerdo' } },
        { value: 4, label: { en: 'Somewhat agree', es: 'Algo de acuerdo' } },
        { value: 5, label: { en: 'Agree', es: 'De acuerdo' } },
        { value: 6, label: { en: 'Strongly agree', es: 'Totalmente de acuerdo' } },
      ],
    },
  },
  scoring: [
    {
      id: 'total',
      label: { en: 'Recovery capital', es: 'Capital de recuperación' },
      items: statements.map((_, i) => String(i + 1)),
      direction: 'higher-is-better',
    },
  ],
  bands: {
    total: [
      { min: 10, max: 46, label: { en: 'Below the recovery capital threshold', es: 'Por debajo del umbral de capital de recuperación' } },
      { min: 47, max: 60, label: { en: 'At or above the recovery capital threshold', es: 'En el umbral de capital de recuperación o por encima' } },
    ],
  },
  thresholds: [
    {
      // Vilsaint et al. (2017): 47 best separated people in sustained remission from those not.
      id: 'sustained-remission',
      score: 'total',
      atLeast: 47,
      label: {
        en: 'Score associated with sustained remission (Vilsaint et al. 2017)',
        es: 'Puntuación asociada con la remisión sostenida (Vilsaint et al. 2017)',
      },
    },
  ],
};
