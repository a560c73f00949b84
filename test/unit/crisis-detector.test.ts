import { describe, expect, it } from 'vitest';
import {
  detectCrisisLanguage,
  englishCrisisLanguage,
  spanishCrisisLanguage,
  type CrisisCategory,
  type CrisisLanguage,
} from '../../src/shared/crisis/index.js';

/** [phrase entry, category, the words as written in the text]; an empty list means no hit. */
type Expected = Array<[string, CrisisCategory, string]>;

function found(text: string, language: CrisisLanguage) {
  const result = detectCrisisLanguage(text);
  return {
    hit: result.hit,
    matches: result.matches.map((m) => [m.phrase, m.category, text.slice(m.start, m.end)]),
    languages: [...new Set(result.matches.map((m) => m.language))],
    expectedLanguages: result.matches.length > 0 ? [language] : [],
  };
}

const english: Array<[string, Expected]> = [
  // plain hits, one per category
  ['I want to kill myself', [['kill* myself', 'suicidal', 'kill myself']]],
  ["I'm going to end it all tonight", [['end it all', 'suicidal', 'end it all']]],
  ['Sometimes I just want to die', [['want to die', 'suicidal', 'want to die']]],
  ['My family would be better off without me', [['better off without me', 'suicidal', 'better off without me']]],
  ["I'd be better off dead", [['better off dead', 'suicidal', 'better off dead']]],
  ["I don't want to live anymore", [['not want to live', 'suicidal', "don't want to live"]]],
  ['I keep thinking about hurting myself', [['hurt* myself', 'self_harm', 'hurting myself']]],
  ['I cut myself again last night', [['cut* myself', 'self_harm', 'cut myself']]],
  ["I've been self-harming again", [['self harm*', 'self_harm', 'self-harming']]],
  ["I'm going to overdose on purpose", [['overdos* on purpose', 'overdose', 'overdose on purpose']]],
  ["I'm going to take all my pills tonight", [['take all my pills', 'overdose', 'take all my pills']]],
  ["I'm going to use until I die", [['use until i die', 'overdose', 'use until I die']]],
  ["There's no reason to live anymore", [['no reason to live', 'hopelessness', 'no reason to live']]],
  ["I can't go on like this", [["can't go on", 'hopelessness', "can't go on"]]],
  ['I feel hopeless', [['feel* hopeless', 'hopelessness', 'feel hopeless']]],
  ["I'm going to kill him", [['kill him', 'harm_to_others', 'kill him']]],
  // a negation in another clause does not cancel the phrase
  ["I'm not okay, I want to die", [['want to die', 'suicidal', 'want to die']]],
  ["I'm not okay but I want to die", [['want to die', 'suicidal', 'want to die']]],
  ["I'm not okay and I want to die", [['want to die', 'suicidal', 'want to die']]],
  ["I can't stop thinking about killing myself", [['kill* myself', 'suicidal', 'killing myself']]],
  ["I wasn't going to hurt myself but now I want to die", [['want to die', 'suicidal', 'want to die']]],
  // double negatives are ambiguous, so they reach a person
  ["I'm not sure I don't want to die", [['want to die', 'suicidal', 'want to die']]],
  ["I never said I wouldn't hurt myself", [['hurt* myself', 'self_harm', 'hurt myself']]],
  // a comma ends the clause, so emphatic "never, ever" errs toward a person
  ['I would never, ever kill myself', [['kill* myself', 'suicidal', 'kill myself']]],
  // spelling, case, spacing and Unicode variants
  ['I wanna dieeee', [['want to die', 'suicidal', 'wanna dieeee']]],
  ['im gonna kill myself', [['kill* myself', 'suicidal', 'kill myself']]],
  ['I’m going to kill myself', [['kill* myself', 'suicidal', 'kill myself']]],
  ['I WANT TO DIE', [['want to die', 'suicidal', 'WANT TO DIE']]],
  ['I   want    to  die', [['want to die', 'suicidal', 'want    to  die']]],
  ['I. Want. To. Die.', [['want to die', 'suicidal', 'Want. To. Die']]],
  ['ｋｉｌｌ ｍｙｓｅｌｆ', [['kill* myself', 'suicidal', 'ｋｉｌｌ ｍｙｓｅｌｆ']]],
  ['I want to kill my self', [['kill* myself', 'suicidal', 'kill my self']]],
  ['I can’t take it anymore', [["can't take it anymore", 'hopelessness', 'can’t take it anymore']]],
  [
    "I want to die. I'm going to take all my pills tonight.",
    [
      ['want to die', 'suicidal', 'want to die'],
      ['take all my pills', 'overdose', 'take all my pills'],
    ],
  ],
  // negated: the negation governs the phrase
  ["I'm not going to hurt myself", []],
  ['I would never kill myself', []],
  ["I don't want to die", []],
  ['I’m not going to hurt myself', []],
  ['I don’t want to die', []],
  ['Im not gonna kill myself', []],
  ['I have no intention of hurting myself', []],
  ["I won't ever hurt myself again", []],
  ["I'm not suicidal", []],
  ["No, I don't want to die", []],
  // idioms and topics that are not a crisis
  ['This workout is killing me', []],
  ['I could die of laughter', []],
  ["I'm dying to see you", []],
  ['I want to die laughing at this video', []],
  ['I need to cut myself some slack', []],
  ['I take all my pills every morning', []],
  ['Call the 988 Suicide & Crisis Lifeline any time', []],
  ['I saw someone overdose at the shelter', []],
  ['My kids are my reason to live', []],
  ['Fentanyl killed him last year', []],
  ["I'm killing it at my new job", []],
  ['I want to take my life back', []],
];

const spanish: Array<[string, Expected]> = [
  // plain hits
  ['Quiero quitarme la vida', [['quitarme la vida', 'suicidal', 'quitarme la vida']]],
  ['Voy a matarme', [['matarme', 'suicidal', 'matarme']]],
  ['Me quiero matar', [['me quiero matar', 'suicidal', 'Me quiero matar']]],
  ['Quiero morir', [['quier* morir*', 'suicidal', 'Quiero morir']]],
  ['Me quiero morir', [['me quier* morir*', 'suicidal', 'Me quiero morir']]],
  ['No quiero vivir', [['no quiero vivir', 'suicidal', 'No quiero vivir']]],
  // the "no" is part of the phrase, so it cannot negate it
  ['Ya no quiero vivir', [['no quiero vivir', 'suicidal', 'no quiero vivir']]],
  ['Voy a hacerme daño', [['hacerme daño', 'self_harm', 'hacerme daño']]],
  ['Anoche volví a cortarme', [['cortarme', 'self_harm', 'cortarme']]],
  ['Quiero acabar con todo', [['acabar con todo', 'suicidal', 'acabar con todo']]],
  ['Todos estarían mejor sin mí', [['mejor sin mí', 'suicidal', 'mejor sin mí']]],
  ['Tengo pensamientos suicidas', [['suicidas', 'suicidal', 'suicidas']]],
  ['Me voy a tomar todas las pastillas', [['me voy a tomar todas las pastillas', 'overdose', 'Me voy a tomar todas las pastillas']]],
  ['Voy a tomarme todas las pastillas esta noche', [['tomarme todas las pastillas', 'overdose', 'tomarme todas las pastillas']]],
  ['Quiero una sobredosis a propósito', [['sobredosis a propósito', 'overdose', 'sobredosis a propósito']]],
  ['Voy a consumir hasta morirme', [['consum* hasta morir*', 'overdose', 'consumir hasta morirme']]],
  ['Estoy sin razón para vivir', [['sin razón para vivir', 'hopelessness', 'sin razón para vivir']]],
  ['Ya no puedo más', [['no puedo más', 'hopelessness', 'no puedo más']]],
  ['Lo voy a matar', [['lo voy a matar', 'harm_to_others', 'Lo voy a matar']]],
  // a negation in another clause does not cancel the phrase
  ['No estoy bien, quiero morir', [['quier* morir*', 'suicidal', 'quiero morir']]],
  ['No estoy bien pero quiero morirme', [['quier* morir*', 'suicidal', 'quiero morirme']]],
  ['No voy a matarme, pero quiero morir', [['quier* morir*', 'suicidal', 'quiero morir']]],
  // double negative: ambiguous, so it reaches a person
  ['No sé si no quiero morir', [['quier* morir*', 'suicidal', 'quiero morir']]],
  // accents, case, spacing, repeated letters
  ['sin razon para vivir', [['sin razón para vivir', 'hopelessness', 'sin razon para vivir']]],
  ['SIN RAZÓN PARA VIVIR', [['sin razón para vivir', 'hopelessness', 'SIN RAZÓN PARA VIVIR']]],
  ['No aguanto mas', [['no aguanto más', 'hopelessness', 'No aguanto mas']]],
  ['quiero    morir', [['quier* morir*', 'suicidal', 'quiero    morir']]],
  ['quierooo morirrr', [['quier* morir*', 'suicidal', 'quierooo morirrr']]],
  // negated
  ['No voy a hacerme daño', []],
  ['Nunca me quitaría la vida', []],
  ['Ya no quiero morir', []],
  ['No quiero morir', []],
  ['No me voy a matar', []],
  ['No tengo planes de matarme', []],
  ['Jamás me voy a cortar', []],
  ['No, no quiero matarme', []],
  // idioms and topics
  ['Me muero de risa', []],
  ['Me muero por verte', []],
  ['Me quiero morir de risa con este video', []],
  ['Mañana voy a cortarme el pelo', []],
  ['Me tomo todas mis pastillas cada mañana', []],
  ['Estoy muerta de cansancio', []],
  ['Mi hija es mi razón para vivir', []],
  ['Me mato trabajando toda la semana', []],
  ['Línea de prevención del suicidio', []],
  ['Te amaré hasta morir', []],
];

describe('crisis language in English', () => {
  it.each(english)('%s', (text, expected) => {
    const result = found(text, 'en');
    expect(result.matches).toEqual(expected);
    expect(result.hit).toBe(expected.length > 0);
    expect(result.languages).toEqual(result.expectedLanguages);
  });
});

describe('crisis language in Spanish', () => {
  it.each(spanish)('%s', (text, expected) => {
    const result = found(text, 'es');
    expect(result.matches).toEqual(expected);
    expect(result.hit).toBe(expected.length > 0);
    expect(result.languages).toEqual(result.expectedLanguages);
  });
});

describe('match positions in the original text', () => {
  it.each([
    // text, [start, end] of each match (UTF-16 offsets, end exclusive)
    ["I'm not okay, I want to die", [[16, 27]]],
    ['I’m going to kill myself', [[13, 24]]],
    // a contraction's match starts where the written word starts
    ["I don't want to live", [[2, 20]]],
    ['Sin razón para vivir', [[0, 20]]],
    // an accent typed as a separate combining mark stays inside the match
    ['sin razo\u0301n para vivir', [[0, 21]]],
    // an emoji is two UTF-16 units
    ['😞 I want to die', [[5, 16]]],
    ['Ｉ ｗａｎｔ ｔｏ ｄｉｅ', [[2, 13]]],
    ['No estoy bien, quiero morir', [[15, 27]]],
    ['ya no quiero vivir', [[3, 18]]],
    [
      "I want to die. I'm going to take all my pills tonight.",
      [
        [2, 13],
        [28, 45],
      ],
    ],
  ] as Array<[string, Array<[number, number]>]>)('%s', (text, spans) => {
    expect(detectCrisisLanguage(text).matches.map((m) => [m.start, m.end])).toEqual(spans);
  });
});

describe('choosing phrase lists', () => {
  it('uses both languages by default, so a message that switches language is read whole', () => {
    const result = detectCrisisLanguage("I'm fine, pero quiero morir");
    expect(result.matches.map((m) => [m.phrase, m.language])).toEqual([['quier* morir*', 'es']]);
  });

  it('uses only the lists asked for', () => {
    expect(detectCrisisLanguage('quiero morir', { languages: ['en'] })).toEqual({ hit: false, matches: [] });
    expect(detectCrisisLanguage('I want to die', { languages: ['es'] })).toEqual({ hit: false, matches: [] });
    expect(detectCrisisLanguage('I want to die', { languages: ['en'] }).matches).toEqual([
      { phrase: 'want to die', category: 'suicidal', language: 'en', start: 2, end: 13 },
    ]);
  });

  it('finds nothing in empty or wordless text', () => {
    expect(detectCrisisLanguage('')).toEqual({ hit: false, matches: [] });
    expect(detectCrisisLanguage(' ... 😞 !!')).toEqual({ hit: false, matches: [] });
  });
});

describe('the phrase lists', () => {
  // Every entry must fire on its own words: catches an entry that its own words negate, or that
  // another entry hides.
  const entries = [
    ...englishCrisisLanguage.phrases.map((entry) => ({ ...entry, language: 'en' as const })),
    ...spanishCrisisLanguage.phrases.map((entry) => ({ ...entry, language: 'es' as const })),
  ];

  it.each(entries.map((entry) => [entry.phrase, entry] as const))('"%s" is found on its own', (_, entry) => {
    const text = entry.phrase.replace(/\*/g, '');
    expect(detectCrisisLanguage(text).matches).toEqual([
      { phrase: entry.phrase, category: entry.category, language: entry.language, start: 0, end: text.length },
    ]);
  });

  it('lists each phrase once', () => {
    const phrases = entries.map((entry) => `${entry.language}:${entry.phrase}`);
    expect(new Set(phrases).size).toBe(phrases.length);
  });
});
