import type { CrisisLanguagePack } from './detect.js';

/**
 * English crisis phrases and the few grammar words the detector needs to read them.
 *
 * Phrases are written the way people type them; the detector normalizes both sides the same way
 * (case, accents, curly apostrophes, repeated letters, "im"/"wanna"/"gonna" and other contractions),
 * so "can't go on" also catches "cant go on", "CAN'T GO ONNN" and "can’t go on".
 * A trailing * on a word matches any ending: "kill* myself" is kill, kills, killed, killing myself.
 *
 * Why some words are NOT phrases on their own: "overdose", "die", "dying", "dead" and "kill me" are
 * everyday words in recovery conversations ("I witnessed an overdose", "dying to see you", "this
 * workout is killing me"). Each entry below names an intent, a method or a state, not a topic.
 * `unlessFollowedBy` lists the few idioms that would otherwise flood peer workers with false alarms
 * (a peer worker sharing the "988 Suicide & Crisis Lifeline" number, "cut myself some slack").
 */
export const englishCrisisLanguage: CrisisLanguagePack = {
  language: 'en',
  phrases: [
    // suicidal
    { phrase: 'kill* myself', category: 'suicidal', unlessFollowedBy: ['laughing'] },
    { phrase: 'want to die', category: 'suicidal', unlessFollowedBy: ['laughing', 'of laughter'] },
    { phrase: 'wish i was dead', category: 'suicidal' },
    { phrase: 'wish i were dead', category: 'suicidal' },
    { phrase: 'better off dead', category: 'suicidal' },
    { phrase: 'better off without me', category: 'suicidal' },
    { phrase: 'end it all', category: 'suicidal' },
    { phrase: 'ending it all', category: 'suicidal' },
    { phrase: 'end my life', category: 'suicidal' },
    { phrase: 'ending my life', category: 'suicidal' },
    // "take my life back" is a recovery slogan, not a crisis.
    { phrase: 'take my own life', category: 'suicidal' },
    { phrase: 'take my life', category: 'suicidal', unlessFollowedBy: ['back'] },
    { phrase: 'taking my own life', category: 'suicidal' },
    { phrase: 'suicide', category: 'suicidal', unlessFollowedBy: ['prevention', 'crisis', 'lifeline', 'hotline', 'awareness'] },
    { phrase: 'suicidal', category: 'suicidal' },
    // Written from "not" so that don't, didn't, doesn't and do not all match.
    { phrase: 'not want to live', category: 'suicidal' },
    { phrase: 'not want to be alive', category: 'suicidal' },
    { phrase: 'not want to be here anymore', category: 'suicidal' },
    { phrase: 'not want to wake up', category: 'suicidal', unlessFollowedBy: ['early'] },
    { phrase: "hope i don't wake up", category: 'suicidal' },
    { phrase: 'sleep and never wake up', category: 'suicidal' },
    { phrase: 'hang myself', category: 'suicidal' },
    { phrase: 'shoot myself', category: 'suicidal' },
    { phrase: 'jump off a bridge', category: 'suicidal' },
    // self-harm
    { phrase: 'hurt* myself', category: 'self_harm' },
    { phrase: 'harm* myself', category: 'self_harm' },
    {
      phrase: 'cut* myself',
      category: 'self_harm',
      unlessFollowedBy: ['some slack', 'a slice', 'a piece', 'off', 'shaving'],
    },
    { phrase: 'burn myself', category: 'self_harm' },
    { phrase: 'self harm*', category: 'self_harm' },
    { phrase: 'selfharm*', category: 'self_harm' },
    // overdose: "overdose" alone is a topic; these name intent.
    { phrase: 'overdos* on purpose', category: 'overdose' },
    { phrase: 'od on purpose', category: 'overdose' },
    { phrase: 'want to overdose', category: 'overdose' },
    { phrase: 'want to od', category: 'overdose' },
    ...['take all my pills', 'take all of my pills', 'take all the pills', 'swallow all my pills', 'swallow all the pills'].map(
      (phrase) => ({
        phrase,
        category: 'overdose' as const,
        // Taking every dose as prescribed is medication adherence, which peer workers ask about daily.
        unlessFollowedBy: ['every', 'on time', 'as prescribed', 'daily', 'in the morning', 'at night', 'like i am supposed to'],
      }),
    ),
    { phrase: 'use until i die', category: 'overdose' },
    { phrase: 'using until i die', category: 'overdose' },
    { phrase: "use until i'm dead", category: 'overdose' },
    { phrase: 'drink until i die', category: 'overdose' },
    { phrase: 'drinking until i die', category: 'overdose' },
    { phrase: 'shoot up until i die', category: 'overdose' },
    { phrase: 'drink* myself to death', category: 'overdose' },
    // hopelessness
    { phrase: 'no reason to live', category: 'hopelessness' },
    { phrase: 'nothing to live for', category: 'hopelessness' },
    { phrase: 'not have a reason to live', category: 'hopelessness' },
    { phrase: 'not have any reason to live', category: 'hopelessness' },
    { phrase: 'no point in living', category: 'hopelessness' },
    { phrase: 'no point living', category: 'hopelessness' },
    { phrase: "can't go on", category: 'hopelessness' },
    { phrase: "can't do this anymore", category: 'hopelessness' },
    { phrase: "can't take it anymore", category: 'hopelessness' },
    { phrase: "can't keep going", category: 'hopelessness' },
    { phrase: 'no way out', category: 'hopelessness' },
    { phrase: "there's no hope", category: 'hopelessness' },
    { phrase: 'feel* hopeless', category: 'hopelessness' },
    { phrase: 'so hopeless', category: 'hopelessness' },
    { phrase: 'is hopeless', category: 'hopelessness' },
    { phrase: 'give up on life', category: 'hopelessness' },
    { phrase: 'giving up on life', category: 'hopelessness' },
    // harm to others: base forms only, so "fentanyl killed him" (grief) is not an alarm.
    ...['him', 'her', 'them', 'someone', 'somebody', 'everyone', 'everybody'].map((who) => ({
      phrase: `kill ${who}`,
      category: 'harm_to_others' as const,
    })),
    { phrase: 'want to hurt someone', category: 'harm_to_others' },
    { phrase: 'want to hurt somebody', category: 'harm_to_others' },
    { phrase: 'going to hurt someone', category: 'harm_to_others' },
    { phrase: 'going to hurt somebody', category: 'harm_to_others' },
  ],
  // "no" counts: "I have no plans to hurt myself".
  negators: ['not', 'never', 'no'],
  // Words that may stand between a negation and the phrase it negates: intent, tense and plan words.
  // Anything else ("stop", "about", "okay", "if", a pronoun) ends the search, so in "I can't stop
  // thinking about killing myself" the "not" negates "stop", not the phrase.
  bridges: [
    'to', 'going', 'ever', 'really', 'even', 'actually', 'want', 'wanting', 'plan', 'plans', 'planning',
    'wanted', 'try', 'trying', 'tried', 'planned', 'mean', 'meant', 'intend', 'intending', 'intention', 'intentions', 'of', 'would', 'will', 'do', 'did',
    'does', 'be', 'have', 'has', 'any', 'again', 'feel', 'feeling', 'the', 'urge', 'desire',
  ],
  clauseWords: ['but', 'though', 'although', 'however', 'except'],
  contractions: {
    im: 'i am',
    "i'm": 'i am',
    ima: 'i am going to',
    imma: 'i am going to',
    wanna: 'want to',
    gonna: 'going to',
    gotta: 'got to',
    tryna: 'trying to',
    cannot: 'can not',
    "can't": 'can not',
    cant: 'can not',
    "won't": 'will not',
    wont: 'will not',
    "ain't": 'is not',
    aint: 'is not',
    dont: 'do not',
    didnt: 'did not',
    doesnt: 'does not',
    isnt: 'is not',
    arent: 'are not',
    wasnt: 'was not',
    werent: 'were not',
    wouldnt: 'would not',
    couldnt: 'could not',
    shouldnt: 'should not',
    havent: 'have not',
    hasnt: 'has not',
    hadnt: 'had not',
    ive: 'i have',
    theres: 'there is',
    thats: 'that is',
  },
  suffixes: {
    "n't": 'not',
    "'m": 'am',
    "'re": 'are',
    "'ve": 'have',
    "'ll": 'will',
    "'d": 'would',
    "'s": 'is',
  },
  joins: ['my self'],
};
