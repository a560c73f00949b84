/**
 * Crisis-language detector for messages, journal entries and check-in notes.
 *
 * THIS IS A SAFETY NET, NOT A DIAGNOSIS. It cannot tell how someone is doing; it only makes sure
 * that words which may mean someone is in danger are never lost in a queue. It errs toward reaching
 * a person: when in doubt it reports a hit, and every hit goes to a human (a peer worker or
 * supervisor) who reads the words in context and reaches out. Nothing here decides anything about
 * a participant on its own, and a miss here must never be read as "this person is safe".
 *
 * How it reads text:
 * 1. Normalize each word the same way for the text and for the phrase lists: case, Unicode NFKD with
 *    accents stripped, curly apostrophes, repeated letters ("dieeee", "killl") squeezed, contractions
 *    expanded ("im", "wanna", "can't"). Every word keeps its span in the original text, so a match
 *    reports start/end offsets the UI can highlight.
 * 2. Find phrase entries (see phrases.*.ts). Punctuation inside a phrase is ignored ("I. Want. To.
 *    Die." still matches), extra spaces never matter.
 * 3. Drop a phrase only when a negation governs it: a negator ("not", "never", "no", "nunca"…) right
 *    before it in the same clause, with only intent/tense words between ("I'm not going to hurt
 *    myself", "no voy a hacerme daño"). A clause ends at sentence punctuation, a comma and words such
 *    as "but"/"pero", so "I'm not okay, I want to die" is a hit. A second negation earlier in the
 *    clause ("I'm not sure I don't want to die") keeps the hit: double negatives are ambiguous, and
 *    ambiguity goes to a person.
 * 4. Drop a phrase when it is one of the listed idioms ("cut myself some slack").
 */

import { englishCrisisLanguage } from './phrases.en.js';
import { spanishCrisisLanguage } from './phrases.es.js';

export type CrisisCategory = 'suicidal' | 'self_harm' | 'overdose' | 'hopelessness' | 'harm_to_others';
export type CrisisLanguage = 'en' | 'es';

export interface CrisisPhrase {
  /** Words as people type them; a trailing * on a word matches any ending. */
  phrase: string;
  category: CrisisCategory;
  /** Words that, right after the phrase in the same clause, make it an idiom. */
  unlessFollowedBy?: readonly string[];
  /** Words that, right before the phrase in the same clause, make it a topic rather than a crisis. */
  unlessPrecededBy?: readonly string[];
}

export interface CrisisLanguagePack {
  language: CrisisLanguage;
  phrases: readonly CrisisPhrase[];
  negators: readonly string[];
  /** Words allowed between a negator and the phrase it negates. */
  bridges: readonly string[];
  /** Words that start a new clause, like a comma does. */
  clauseWords: readonly string[];
  /** Whole-word expansions ("wanna" → "want to"), written naturally. */
  contractions: Readonly<Record<string, string>>;
  /** Word endings that expand to a second word ("n't" → "not"). */
  suffixes: Readonly<Record<string, string>>;
  /** Two-word spellings read as one word ("my self" → "myself"). */
  joins: readonly string[];
}

export interface CrisisMatch {
  /** The phrase entry that matched, as written in the list. */
  phrase: string;
  category: CrisisCategory;
  language: CrisisLanguage;
  /** Offsets into the original text (UTF-16, end exclusive): text.slice(start, end) is what was written. */
  start: number;
  end: number;
}

export interface CrisisDetection {
  hit: boolean;
  matches: CrisisMatch[];
}

export interface DetectCrisisOptions {
  /** Which phrase lists to use; both by default, since people switch languages mid-message. */
  languages?: readonly CrisisLanguage[];
}

const packs: readonly CrisisLanguagePack[] = [englishCrisisLanguage, spanishCrisisLanguage];

// How many bridge words may separate a negator from its phrase ("not going to ever really hurt").
const MAX_BRIDGE_WORDS = 5;

const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '\u02bc', '\u02b9', '`', '\u00b4', '\u2032']);
const CLAUSE_BREAK_CHARS = new Set([...'.!?;:,¿¡()[]{}|\n\r\u2014\u2013\u2026•']);
const WORD_CHAR = /[\p{L}\p{N}']/u;
const MARKS = /\p{M}/gu;

interface Word {
  /** Squeezed form used for matching ("kill" → "kil"). */
  key: string;
  /** Unsqueezed form, for clause words where squeezing would confuse "pero" with "perro". */
  raw: string;
  start: number;
  end: number;
  /** A clause break (punctuation) stands right before this word. */
  clauseStart: boolean;
}

interface Grammar {
  negators: Set<string>;
  bridges: Set<string>;
  clauseWords: Set<string>;
  contractions: Map<string, string[]>;
  suffixes: Array<[string, string]>;
  joins: Array<[string, string]>;
}

const squeeze = (word: string): string => word.replace(/(\p{L})\1+/gu, '$1');

function fold(char: string): string {
  if (APOSTROPHES.has(char)) return "'";
  if (char.charCodeAt(0) < 128) return char.toLowerCase();
  // Lowercasing can itself produce a combining mark ("İ" → "i̇"), hence NFKD on both sides of it.
  return char.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '');
}

// Grammar words from every language apply to every text: people mix languages in one message.
function buildGrammar(): Grammar {
  const words = (pick: (pack: CrisisLanguagePack) => readonly string[]) =>
    new Set(packs.flatMap(pick).map((word) => squeeze(foldWord(word))));
  const contractions = new Map<string, string[]>();
  const suffixes: Array<[string, string]> = [];
  for (const pack of packs) {
    for (const [from, to] of Object.entries(pack.contractions)) {
      contractions.set(squeeze(foldWord(from)), to.split(' ').map(foldWord));
    }
    for (const [from, to] of Object.entries(pack.suffixes)) suffixes.push([squeeze(foldWord(from)), foldWord(to)]);
  }
  return {
    negators: words((pack) => pack.negators),
    bridges: words((pack) => pack.bridges),
    clauseWords: new Set(packs.flatMap((pack) => pack.clauseWords).map(foldWord)),
    contractions,
    suffixes,
    joins: packs.flatMap((pack) => pack.joins).map((join) => {
      const [first = '', second = ''] = join.split(' ').map((word) => squeeze(foldWord(word)));
      return [first, second] as [string, string];
    }),
  };
}

function foldWord(word: string): string {
  return [...word].map(fold).join('');
}

let grammarCache: Grammar | undefined;
const grammar = (): Grammar => (grammarCache ??= buildGrammar());

/** One written word → one or more normalized words ("can't" → "can", "not"). */
function expandWord(written: string, g: Grammar): Array<{ key: string; raw: string }> {
  const raw = written.replace(/^'+|'+$/g, '');
  if (raw === '') return [];
  const key = squeeze(raw);
  const whole = g.contractions.get(key);
  if (whole) return whole.map((part) => ({ key: squeeze(part), raw: part }));
  for (const [suffix, replacement] of g.suffixes) {
    if (key.length > suffix.length && key.endsWith(suffix)) {
      // Bases of contractions are never clause words, so their squeezed form serves as raw too.
      const base = key.slice(0, -suffix.length).replace(/'/g, '');
      return [
        { key: base, raw: base },
        { key: squeeze(replacement), raw: replacement },
      ];
    }
  }
  return [{ key: key.replace(/'/g, ''), raw: raw.replace(/'/g, '') }];
}

/** Splits text into normalized words, each with its span in the original text. */
function readWords(text: string, g: Grammar): Word[] {
  const words: Word[] = [];
  let current: { written: string; start: number; end: number } | undefined;
  let breakPending = true;

  const flush = () => {
    if (!current) return;
    const parts = expandWord(current.written, g);
    parts.forEach((part, index) => {
      words.push({ ...part, start: current!.start, end: current!.end, clauseStart: index === 0 && breakPending });
    });
    if (parts.length > 0) breakPending = false;
    current = undefined;
  };

  let offset = 0;
  for (const char of text) {
    const folded = fold(char);
    const next = offset + char.length;
    if (folded === '') {
      // A combining accent typed separately belongs to the word before it.
      if (current) current.end = next;
    }
    for (const piece of folded) {
      if (WORD_CHAR.test(piece)) {
        current ??= { written: '', start: offset, end: next };
        current.written += piece;
        current.end = next;
      } else {
        flush();
        if (CLAUSE_BREAK_CHARS.has(piece)) breakPending = true;
      }
    }
    offset = next;
  }
  flush();
  return joinWords(words, g);
}

function joinWords(words: Word[], g: Grammar): Word[] {
  const joined: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const join = next && !next.clauseStart && g.joins.find(([a, b]) => a === word.key && b === next.key);
    if (join && next) {
      joined.push({ key: word.key + next.key, raw: word.raw + next.raw, start: word.start, end: next.end, clauseStart: word.clauseStart });
      i++;
    } else {
      joined.push(word);
    }
  }
  return joined;
}

interface PatternWord {
  key: string;
  prefix: boolean;
}

interface Pattern {
  entry: CrisisPhrase;
  language: CrisisLanguage;
  words: PatternWord[];
  followedBy: PatternWord[][];
  precededBy: PatternWord[][];
}

function compileWords(phrase: string, g: Grammar): PatternWord[] {
  return phrase
    .trim()
    .split(/\s+/)
    .flatMap((written) => {
      const prefix = written.endsWith('*');
      const words = readWords(prefix ? written.slice(0, -1) : written, g).map((word) => ({ key: word.key, prefix: false }));
      if (prefix && words.length > 0) words[words.length - 1]!.prefix = true;
      return words;
    });
}

const patternCache = new Map<string, Pattern[]>();

function patternsFor(languages: readonly CrisisLanguage[]): Pattern[] {
  const cacheKey = [...new Set(languages)].sort().join(',');
  let patterns = patternCache.get(cacheKey);
  if (!patterns) {
    const g = grammar();
    patterns = packs
      .filter((pack) => languages.includes(pack.language))
      .flatMap((pack) =>
        pack.phrases.map((entry) => ({
          entry,
          language: pack.language,
          words: compileWords(entry.phrase, g),
          followedBy: (entry.unlessFollowedBy ?? []).map((idiom) => compileWords(idiom, g)),
          precededBy: (entry.unlessPrecededBy ?? []).map((idiom) => compileWords(idiom, g)),
        })),
      )
      .filter((pattern) => pattern.words.length > 0);
    patternCache.set(cacheKey, patterns);
  }
  return patterns;
}

const wordMatches = (pattern: PatternWord, word: Word | undefined): boolean =>
  word !== undefined && (pattern.prefix ? word.key.startsWith(pattern.key) : word.key === pattern.key);

function matchesAt(pattern: readonly PatternWord[], words: readonly Word[], at: number): boolean {
  return pattern.every((patternWord, index) => wordMatches(patternWord, words[at + index]));
}

/** No clause break falls between words[from] and words[to]. */
function sameClause(words: readonly Word[], from: number, to: number): boolean {
  for (let i = from + 1; i <= to; i++) if (words[i]!.clauseStart) return false;
  return true;
}

function isIdiom(pattern: Pattern, words: readonly Word[], from: number, to: number): boolean {
  const after = pattern.followedBy.some(
    (idiom) => matchesAt(idiom, words, to + 1) && sameClause(words, to, to + idiom.length),
  );
  const before = pattern.precededBy.some(
    (idiom) => from - idiom.length >= 0 && matchesAt(idiom, words, from - idiom.length) && sameClause(words, from - idiom.length, from),
  );
  return after || before;
}

const isClauseWord = (word: Word, g: Grammar) => g.clauseWords.has(word.raw);

// "No, ..." / "no no I ..." is an interjection, not a negation of what follows.
function isInterjection(words: readonly Word[], index: number): boolean {
  const word = words[index]!;
  const next = words[index + 1];
  return word.key === 'no' && (!next || next.clauseStart || next.key === 'no' || next.key === 'i' || next.key === 'yo');
}

/** The phrase starting at `from` is negated by a negator right before it in its clause. */
function isNegated(words: readonly Word[], from: number, g: Grammar): boolean {
  for (let i = from - 1, bridged = 0; i >= 0 && bridged <= MAX_BRIDGE_WORDS; i--, bridged++) {
    if (words[i + 1]!.clauseStart) return false;
    const word = words[i]!;
    if (isClauseWord(word, g)) return false;
    if (g.negators.has(word.key)) return !hasEarlierNegation(words, i, g);
    if (!g.bridges.has(word.key)) return false;
  }
  return false;
}

function hasEarlierNegation(words: readonly Word[], negatorIndex: number, g: Grammar): boolean {
  for (let i = negatorIndex - 1; i >= 0; i--) {
    if (words[i + 1]!.clauseStart || isClauseWord(words[i]!, g)) return false;
    if (g.negators.has(words[i]!.key) && !isInterjection(words, i)) return true;
  }
  return false;
}

interface Candidate {
  pattern: Pattern;
  from: number;
  to: number;
  order: number;
}

export function detectCrisisLanguage(text: string, opts: DetectCrisisOptions = {}): CrisisDetection {
  const g = grammar();
  const patterns = patternsFor(opts.languages ?? ['en', 'es']);
  const words = readWords(text, g);

  const found: Candidate[] = [];
  const suppressed: Candidate[] = [];
  for (let at = 0; at < words.length; at++) {
    patterns.forEach((pattern, order) => {
      if (!matchesAt(pattern.words, words, at)) return;
      const candidate = { pattern, from: at, to: at + pattern.words.length - 1, order };
      const dropped = isNegated(words, candidate.from, g) || isIdiom(pattern, words, candidate.from, candidate.to);
      (dropped ? suppressed : found).push(candidate);
    });
  }

  // A negation or idiom that covers a longer phrase covers the shorter phrases inside it too:
  // "no me quiero morir" must not survive as "quiero morir".
  const kept = found
    .filter((c) => !suppressed.some((s) => s.from <= c.from && c.to <= s.to))
    .sort((a, b) => a.from - b.from || b.to - a.to || a.order - b.order);

  // Overlapping phrases report once, as the longest that starts first.
  const matches: CrisisMatch[] = [];
  let coveredTo = -1;
  for (const candidate of kept) {
    if (candidate.from <= coveredTo) continue;
    coveredTo = candidate.to;
    matches.push({
      phrase: candidate.pattern.entry.phrase,
      category: candidate.pattern.entry.category,
      language: candidate.pattern.language,
      start: words[candidate.from]!.start,
      end: words[candidate.to]!.end,
    });
  }
  return { hit: matches.length > 0, matches };
}
