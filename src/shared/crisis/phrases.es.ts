import type { CrisisLanguagePack } from './detect.js';

/**
 * Spanish crisis phrases and grammar words. Written with accents; the detector strips them on both
 * sides, so "razon" and "razón", "dano" and "daño" match alike. A trailing * matches any ending
 * ("me quit* la vida" is quito, quité, quitaría…).
 *
 * Spanish puts the negation inside some crisis phrases: "no quiero vivir" and "ya no puedo más" are
 * themselves the alarm, so they are listed WITH their "no" and the negation check (which only looks
 * at the words before a phrase) cannot cancel them. "quiero morir" is listed without it, so
 * "no quiero morir" and "ya no quiero morir" are read as negated.
 *
 * Idioms kept out: "me muero de risa", "me muero por verte", "muerto de cansancio" (no "muero" or
 * "muerto" entry on its own); "cortarme el pelo"; "me mato trabajando" (no "me mato" entry).
 */
const cutIdioms = ['el pelo', 'el cabello', 'las uñas', 'el fleco', 'la barba', 'las puntas'];
// Taking every dose on schedule is medication adherence, not an overdose plan.
const adherence = ['cada', 'a tiempo', 'a la hora', 'como me indic*', 'todos los días', 'diario'];

export const spanishCrisisLanguage: CrisisLanguagePack = {
  language: 'es',
  phrases: [
    // suicidal
    { phrase: 'quitarme la vida', category: 'suicidal' },
    { phrase: 'me quit* la vida', category: 'suicidal' },
    { phrase: 'me voy a quitar la vida', category: 'suicidal' },
    { phrase: 'me quiero quitar la vida', category: 'suicidal' },
    { phrase: 'matarme', category: 'suicidal', unlessFollowedBy: ['trabajando', 'estudiando'] },
    { phrase: 'me voy a matar', category: 'suicidal' },
    { phrase: 'me quiero matar', category: 'suicidal' },
    { phrase: 'suicidarme', category: 'suicidal' },
    { phrase: 'me voy a suicidar', category: 'suicidal' },
    { phrase: 'me quiero suicidar', category: 'suicidal' },
    { phrase: 'suicidio', category: 'suicidal', unlessPrecededBy: ['prevención del', 'prevención de'] },
    { phrase: 'suicida', category: 'suicidal' },
    { phrase: 'suicidas', category: 'suicidal' },
    // quiero, quiera, quieres… morir or morirme
    { phrase: 'me quier* morir*', category: 'suicidal', unlessFollowedBy: ['de risa', 'de hambre'] },
    { phrase: 'quier* morir*', category: 'suicidal', unlessFollowedBy: ['de risa', 'de hambre'] },
    { phrase: 'no quiero vivir', category: 'suicidal' },
    { phrase: 'no quiero seguir viviendo', category: 'suicidal' },
    { phrase: 'no quiero seguir aquí', category: 'suicidal' },
    // "ya" (anymore) makes it about life, not about this room.
    { phrase: 'ya no quiero estar aquí', category: 'suicidal' },
    { phrase: 'no quiero existir', category: 'suicidal' },
    { phrase: 'acabar con todo', category: 'suicidal' },
    { phrase: 'acabar con mi vida', category: 'suicidal' },
    { phrase: 'terminar con mi vida', category: 'suicidal' },
    { phrase: 'mejor muert*', category: 'suicidal' },
    { phrase: 'mejor sin mí', category: 'suicidal' },
    { phrase: 'no quiero despertar', category: 'suicidal' },
    { phrase: 'ojalá no despierte', category: 'suicidal' },
    { phrase: 'dormirme y no despertar', category: 'suicidal' },
    { phrase: 'ahorcarme', category: 'suicidal' },
    { phrase: 'me quiero ahorcar', category: 'suicidal' },
    { phrase: 'tirarme de un puente', category: 'suicidal' },
    { phrase: 'pegarme un tiro', category: 'suicidal' },
    // self-harm
    { phrase: 'hacerme daño', category: 'self_harm' },
    { phrase: 'me voy a hacer daño', category: 'self_harm' },
    { phrase: 'me quiero hacer daño', category: 'self_harm' },
    { phrase: 'me hago daño', category: 'self_harm' },
    { phrase: 'cortarme', category: 'self_harm', unlessFollowedBy: cutIdioms },
    { phrase: 'me voy a cortar', category: 'self_harm', unlessFollowedBy: cutIdioms },
    { phrase: 'me quiero cortar', category: 'self_harm', unlessFollowedBy: cutIdioms },
    { phrase: 'lastimarme', category: 'self_harm' },
    { phrase: 'me quiero lastimar', category: 'self_harm' },
    { phrase: 'me voy a lastimar', category: 'self_harm' },
    { phrase: 'autolesion*', category: 'self_harm' },
    // overdose
    ...[
      'tomarme todas las pastillas',
      'tomarme todas mis pastillas',
      'me voy a tomar todas las pastillas',
      'me voy a tomar todas mis pastillas',
      'me tom* todas las pastillas',
      'me tom* todas mis pastillas',
    ].map((phrase) => ({ phrase, category: 'overdose' as const, unlessFollowedBy: adherence })),
    { phrase: 'sobredosis a propósito', category: 'overdose' },
    { phrase: 'sobredosis apropósito', category: 'overdose' },
    { phrase: 'meterme una sobredosis', category: 'overdose' },
    { phrase: 'darme una sobredosis', category: 'overdose' },
    // "hasta morir" only after a use verb: "te amaré hasta morir" is a love song.
    { phrase: 'consum* hasta morir*', category: 'overdose' },
    { phrase: 'drogarme hasta morir*', category: 'overdose' },
    { phrase: 'beber hasta morir*', category: 'overdose' },
    { phrase: 'tomar hasta morir*', category: 'overdose' },
    { phrase: 'usar hasta morir*', category: 'overdose' },
    // hopelessness
    { phrase: 'sin razón para vivir', category: 'hopelessness' },
    { phrase: 'no tengo razón para vivir', category: 'hopelessness' },
    { phrase: 'no tengo razones para vivir', category: 'hopelessness' },
    { phrase: 'no tengo motivos para vivir', category: 'hopelessness' },
    { phrase: 'no hay razón para vivir', category: 'hopelessness' },
    { phrase: 'no tengo por qué vivir', category: 'hopelessness' },
    { phrase: 'nada por qué vivir', category: 'hopelessness' },
    { phrase: 'sin ganas de vivir', category: 'hopelessness' },
    { phrase: 'no tengo ganas de vivir', category: 'hopelessness' },
    { phrase: 'no vale la pena vivir', category: 'hopelessness' },
    { phrase: 'la vida no vale la pena', category: 'hopelessness' },
    { phrase: 'no puedo más', category: 'hopelessness' },
    { phrase: 'no aguanto más', category: 'hopelessness' },
    { phrase: 'no puedo seguir así', category: 'hopelessness' },
    { phrase: 'no puedo seguir viviendo', category: 'hopelessness' },
    { phrase: 'no puedo seguir adelante', category: 'hopelessness' },
    { phrase: 'no hay salida', category: 'hopelessness' },
    { phrase: 'no tengo esperanza', category: 'hopelessness' },
    { phrase: 'sin esperanza', category: 'hopelessness' },
    // harm to others
    ...['matarlo', 'matarla', 'matarlos', 'matarlas', 'lo voy a matar', 'la voy a matar', 'los voy a matar', 'matar a alguien'].map(
      (phrase) => ({ phrase, category: 'harm_to_others' as const }),
    ),
    { phrase: 'lastimar a alguien', category: 'harm_to_others' },
    { phrase: 'hacerle daño a alguien', category: 'harm_to_others' },
  ],
  negators: ['no', 'nunca', 'jamás', 'tampoco'],
  // Between a negation and its phrase: "no VOY A hacerme daño", "nunca ME quitaría la vida",
  // "no TENGO PLANES DE matarme". Anything else ends the search.
  bridges: [
    'a', 'voy', 'vas', 'va', 'ir', 'quiero', 'quisiera', 'quería', 'quise', 'pienso', 'planeo', 'intento', 'tengo',
    'tenía', 'planes', 'intención', 'ganas', 'de', 'me', 'te', 'se', 'lo', 'la', 'le', 'volver', 'vuelvo',
    'volvería',
  ],
  clauseWords: ['pero', 'aunque', 'sino'],
  contractions: {},
  suffixes: {},
  joins: [],
};
