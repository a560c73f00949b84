import type { InstrumentDefinitionInput, ScaleInput } from '../definition.js';

/*
 * Brief Addiction Monitor (Cacciola et al. 2013; VA scoring guide), scored as published:
 * - every scored item is worth 0–4; day counts are binned 0 / 1–3 / 4–8 / 9–15 / 16–30 → 0–4;
 * - Use = 4+5+6, Risk = 1+2+3+8+11+15, Protective = 9+10+12+13+14+16; there is no total;
 * - 7A–7G only elaborate item 6 and 17 is a progress check: recorded, never scored;
 * - the form skips item 5 when item 4 is 0, and 7A–7G when item 6 is 0; a skipped item counts as 0.
 * Alert thresholds on Risk (e.g. 12) belong to each program's settings, not to the instrument.
 */

const dayBins = [
  { min: 0, max: 0, points: 0 },
  { min: 1, max: 3, points: 1 },
  { min: 4, max: 8, points: 2 },
  { min: 9, max: 15, points: 3 },
  { min: 16, max: 30, points: 4 },
];
const days: ScaleInput = { type: 'days', max: 30, unit: { en: 'days', es: 'días' }, bins: dayBins };
const nights: ScaleInput = { type: 'days', max: 30, unit: { en: 'nights', es: 'noches' }, bins: dayBins };

const extent: ScaleInput = {
  type: 'choice',
  options: [
    { value: 0, label: { en: 'Not at all', es: 'Nada' } },
    { value: 1, label: { en: 'Slightly', es: 'Un poco' } },
    { value: 2, label: { en: 'Moderately', es: 'Moderadamente' } },
    { value: 3, label: { en: 'Considerably', es: 'Bastante' } },
    { value: 4, label: { en: 'Extremely', es: 'Muchísimo' } },
  ],
};

// Risk item: higher is worse, so Excellent = 0 … Poor = 4 as published.
const health: ScaleInput = {
  type: 'choice',
  options: [
    { value: 0, label: { en: 'Excellent', es: 'Excelente' } },
    { value: 1, label: { en: 'Very good', es: 'Muy buena' } },
    { value: 2, label: { en: 'Good', es: 'Buena' } },
    { value: 3, label: { en: 'Fair', es: 'Regular' } },
    { value: 4, label: { en: 'Poor', es: 'Mala' } },
  ],
};

// Protective item answered yes/no. The VA scoring gives Yes = 4, No = 0: each Protective item is
// worth 0–4, which is what makes the published Protective range 0–24 (6 items × 4). Storing the
// answer as its points keeps exported item values equal to the published item scores.
const income: ScaleInput = {
  type: 'choice',
  options: [
    { value: 0, label: { en: 'No', es: 'No' } },
    { value: 4, label: { en: 'Yes', es: 'Sí' } },
  ],
};

const past30 = { en: 'In the past 30 days, ', es: 'En los últimos 30 días, ' };
const drugDays = (id: string, en: string, es: string) => ({
  id,
  text: {
    en: `${past30.en}on how many days did you use ${en}?`,
    es: `${past30.es}¿cuántos días consumió ${es}?`,
  },
  scale: 'days',
  scored: false,
  skipWhen: { item: '6', equals: 0, impliedAnswer: 0 },
});

export const bam: InstrumentDefinitionInput = {
  id: 'bam',
  version: '1.0.0',
  name: { en: 'Brief Addiction Monitor', es: 'Monitor Breve de Adicciones' },
  shortName: 'BAM',
  recallPeriod: { days: 30, text: { en: 'the past 30 days', es: 'los últimos 30 días' } },
  citation:
    'Cacciola JS, Alterman AI, DePhilippis D, Drapkin ML, Valadez C Jr, Fala NC, Oslin D, McKay JR. ' +
    'Development and initial evaluation of the Brief Addiction Monitor (BAM). J Subst Abuse Treat. ' +
    '2013;44(3):256-263. doi:10.1016/j.jsat.2012.07.013',
  termsOfUse:
    'Developed for the U.S. Department of Veterans Affairs; in the public domain and free to use ' +
    'without permission. Peerpath shows the items in its own plain-language wording, not the VA form text.',
  wording: 'plain-language',
  scales: { days, nights, extent, health, income },
  items: [
    {
      id: '1',
      text: { en: `${past30.en}how would you rate your physical health?`, es: `${past30.es}¿cómo calificaría su salud física?` },
      scale: 'health',
      scored: true,
    },
    {
      id: '2',
      text: {
        en: `${past30.en}on how many nights was it hard to fall asleep or to stay asleep?`,
        es: `${past30.es}¿cuántas noches le costó dormirse o seguir durmiendo?`,
      },
      scale: 'nights',
      scored: true,
    },
    {
      id: '3',
      text: {
        en: `${past30.en}on how many days did you feel depressed, anxious, angry or very upset for most of the day?`,
        es: `${past30.es}¿cuántos días sintió depresión, ansiedad, enojo o mucho malestar durante la mayor parte del día?`,
      },
      scale: 'days',
      scored: true,
    },
    {
      id: '4',
      text: {
        en: `${past30.en}on how many days did you have any alcohol at all?`,
        es: `${past30.es}¿cuántos días tomó alguna bebida con alcohol, aunque fuera poca?`,
      },
      scale: 'days',
      scored: true,
    },
    {
      id: '5',
      text: {
        en:
          `${past30.en}on how many days did you have 5 or more drinks in a day if you are a man, or 4 or more if ` +
          'you are a woman? (One drink is a 12-ounce beer, a 5-ounce glass of wine or a 1.5-ounce shot of liquor.)',
        es:
          `${past30.es}¿cuántos días tomó 5 o más tragos en un mismo día si es hombre, o 4 o más si es mujer? ` +
          '(Un trago es una cerveza de 12 onzas, una copa de vino de 5 onzas o un trago de licor de 1.5 onzas.)',
      },
      scale: 'days',
      scored: true,
      skipWhen: { item: '4', equals: 0, impliedAnswer: 0 },
      // A heavy-drinking day is a drinking day, so item 5 cannot exceed item 4.
      atMostItem: '4',
    },
    {
      id: '6',
      text: {
        en: `${past30.en}on how many days did you use any street drugs, or take a prescription medicine in a way it was not prescribed?`,
        es: `${past30.es}¿cuántos días consumió alguna droga ilegal o tomó un medicamento recetado de una forma distinta a la indicada?`,
      },
      scale: 'days',
      scored: true,
    },
    drugDays('7A', 'marijuana (cannabis)', 'marihuana (cannabis)'),
    drugDays(
      '7B',
      'sedatives or tranquilizers (for example "benzos" such as Xanax or Valium)',
      'sedantes o tranquilizantes (por ejemplo, "benzos" como Xanax o Valium)',
    ),
    drugDays('7C', 'cocaine or crack', 'cocaína o crack'),
    drugDays(
      '7D',
      'other stimulants (for example methamphetamine, or amphetamine pills not taken as prescribed)',
      'otros estimulantes (por ejemplo, metanfetamina o pastillas de anfetamina no tomadas como se recetaron)',
    ),
    drugDays(
      '7E',
      'opioids (for example heroin, fentanyl, or pain pills not taken as prescribed)',
      'opioides (por ejemplo, heroína, fentanilo o pastillas para el dolor no tomadas como se recetaron)',
    ),
    drugDays(
      '7F',
      'inhalants (for example glue, solvents or gases breathed in to get high)',
      'inhalantes (por ejemplo, pegamento, solventes o gases que se aspiran para drogarse)',
    ),
    drugDays('7G', 'any other drug (for example hallucinogens or ecstasy)', 'alguna otra droga (por ejemplo, alucinógenos o éxtasis)'),
    {
      id: '8',
      text: {
        en: `${past30.en}how much have cravings or urges to drink alcohol or use drugs bothered you?`,
        es: `${past30.es}¿cuánto le han molestado los deseos intensos o las ganas de beber alcohol o de consumir drogas?`,
      },
      scale: 'extent',
      scored: true,
    },
    {
      id: '9',
      text: {
        en: 'How sure are you that you can stay completely free of alcohol and drugs for the next 30 days?',
        es: '¿Cuánta confianza tiene en poder mantenerse totalmente sin alcohol ni drogas durante los próximos 30 días?',
      },
      scale: 'extent',
      scored: true,
    },
    {
      id: '10',
      text: {
        en: `${past30.en}on how many days did you go to a self-help or mutual-help meeting, such as AA or NA, to support your recovery?`,
        es: `${past30.es}¿cuántos días fue a una reunión de autoayuda o de ayuda mutua, como AA o NA, para apoyar su recuperación?`,
      },
      scale: 'days',
      scored: true,
    },
    {
      id: '11',
      text: {
        en: `${past30.en}on how many days were you in places or with people that could raise your risk of drinking or using drugs?`,
        es: `${past30.es}¿cuántos días estuvo en lugares o con personas que podrían aumentar su riesgo de beber o de consumir drogas?`,
      },
      scale: 'days',
      scored: true,
    },
    {
      id: '12',
      text: {
        en: 'How much does religion or spirituality help your recovery?',
        es: '¿Cuánto le ayuda la religión o la espiritualidad en su recuperación?',
      },
      scale: 'extent',
      scored: true,
    },
    {
      id: '13',
      text: {
        en: `${past30.en}on how many days did you spend much of the day working, at school or volunteering?`,
        es: `${past30.es}¿cuántos días pasó buena parte del día trabajando, estudiando o haciendo voluntariado?`,
      },
      scale: 'days',
      scored: true,
    },
    {
      id: '14',
      text: {
        en: 'Do you have enough money from legal sources to pay for basics such as housing, transportation, food and clothing for yourself and anyone who depends on you?',
        es: '¿Tiene suficiente dinero de fuentes legales para pagar lo básico, como vivienda, transporte, comida y ropa, para usted y para quienes dependen de usted?',
      },
      scale: 'income',
      scored: true,
    },
    {
      id: '15',
      text: {
        en: `${past30.en}how much have arguments or trouble getting along with family or friends bothered you?`,
        es: `${past30.es}¿cuánto le han molestado las discusiones o los problemas para llevarse bien con familiares o amistades?`,
      },
      scale: 'extent',
      scored: true,
    },
    {
      id: '16',
      text: {
        en: `${past30.en}on how many days were you in touch with, or spent time with, family or friends who support your recovery?`,
        es: `${past30.es}¿cuántos días estuvo en contacto o pasó tiempo con familiares o amistades que apoyan su recuperación?`,
      },
      scale: 'days',
      scored: true,
    },
    {
      id: '17',
      text: {
        en: 'How satisfied are you with the progress you are making toward your recovery goals?',
        es: '¿Cuánta satisfacción siente con el avance hacia sus metas de recuperación?',
      },
      scale: 'extent',
      scored: false,
    },
  ],
  scoring: [
    {
      id: 'use',
      label: { en: 'Substance use', es: 'Consumo de sustancias' },
      items: ['4', '5', '6'],
      direction: 'higher-is-worse',
    },
    {
      id: 'risk',
      label: { en: 'Risk factors', es: 'Factores de riesgo' },
      items: ['1', '2', '3', '8', '11', '15'],
      direction: 'higher-is-worse',
    },
    {
      id: 'protective',
      label: { en: 'Protective factors', es: 'Factores de protección' },
      items: ['9', '10', '12', '13', '14', '16'],
      direction: 'higher-is-better',
    },
  ],
};
