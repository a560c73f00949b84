/**
 * How well a peer worker fits a participant, with the reasons in plain words (English and Spanish)
 * so a participant or coordinator can see why a match was suggested, and never just a number.
 *
 * Codes (substances, pathways, lived experience, settings, genders) are the vocabularies in
 * src/shared/schemas/journey.ts; an unknown code still works and is shown as written.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A weekly time window in the program's time zone, "HH:MM" 24-hour; it does not cross midnight. */
export interface WeeklyTime {
  day: Weekday;
  from: string;
  to: string;
}

export interface LocalizedText {
  en: string;
  es: string;
}

export interface ParticipantForMatching {
  id: string;
  /** Preferred language (BCP 47, e.g. "es"). */
  language: string;
  /** A language the peer worker must speak; a hard constraint. */
  requiredLanguage?: string;
  /** A gender the participant asked for in a peer worker; a hard constraint. */
  preferredGender?: string;
  /** Lived experience the participant asked their peer worker to share. */
  wantedExperience: string[];
  substances: string[];
  pathways: string[];
  setting: string;
  preferredTimes?: WeeklyTime[];
}

export interface PeerWorkerForMatching {
  id: string;
  languages: string[];
  gender?: string;
  livedExperience: string[];
  settings: string[];
  capacity: number;
  caseload: number;
  availability: WeeklyTime[];
}

export type MatchReasonKind = 'wanted_experience' | 'shared_experience' | 'language' | 'setting' | 'availability' | 'room';
export type MatchBlockKind = 'required_language' | 'gender_preference' | 'no_room';

export interface MatchReason {
  kind: MatchReasonKind;
  points: number;
  text: LocalizedText;
}

export interface MatchBlock {
  kind: MatchBlockKind;
  text: LocalizedText;
}

export interface MatchScore {
  /** False when any hard constraint fails; such a pair is never assigned. */
  eligible: boolean;
  /** Always the sum of the reasons' points, eligible or not. */
  score: number;
  reasons: MatchReason[];
  blockedBy: MatchBlock[];
}

/**
 * Every weight in one place. Whole numbers, so batch totals are exact.
 * - Lived experience the participant ASKED for weighs most: it is their own word on what matters.
 * - Shared substance or pathway is the heart of peer support ("someone who has been where I am");
 *   a pathway counts as much as a substance because a peer worker who walked a different road
 *   (say, abstinence-only for someone on medication) can work against the participant's choice.
 * - Preferred language and setting are worth about one shared experience each: being understood,
 *   and knowing the rules and people of a reentry program or a treatment unit.
 * - Availability scales with how much of the participant's preferred time is covered.
 * - Room on the caseload only nudges: it spreads work between peer workers (their wellbeing
 *   matters too) and never outweighs fit.
 * Caps stop a long list of tags from drowning everything else.
 */
export const MATCH_WEIGHTS = {
  wantedExperience: 12,
  wantedExperienceCap: 3,
  sharedSubstance: 8,
  sharedPathway: 8,
  sharedCap: 2,
  preferredLanguage: 10,
  setting: 10,
  availabilityFull: 10,
  roomPerPlace: 1,
  roomCap: 5,
} as const;

// Participants name a pathway precisely (medication for opioids vs for alcohol); peer workers share
// the broader experience.
const PATHWAY_TO_EXPERIENCE: Record<string, string> = { mat_opioid: 'mat', mat_alcohol: 'mat' };

const EXPERIENCE_LABELS: Record<string, LocalizedText> = {
  alcohol: { en: 'alcohol', es: 'el alcohol' },
  opioids: { en: 'opioids', es: 'los opioides' },
  stimulants: { en: 'stimulants', es: 'los estimulantes' },
  cannabis: { en: 'cannabis', es: 'el cannabis' },
  sedatives: { en: 'sedatives', es: 'los sedantes' },
  tobacco: { en: 'tobacco', es: 'el tabaco' },
  gambling: { en: 'gambling', es: 'el juego' },
  polysubstance: { en: 'using more than one substance', es: 'el consumo de varias sustancias' },
  twelve_step: { en: '12-step groups', es: 'los grupos de 12 pasos' },
  smart_recovery: { en: 'SMART Recovery', es: 'SMART Recovery' },
  recovery_dharma: { en: 'Recovery Dharma', es: 'Recovery Dharma' },
  mat: { en: 'medication for addiction treatment', es: 'los medicamentos para tratar la adicción' },
  mat_opioid: { en: 'medication for opioid use disorder', es: 'los medicamentos para el trastorno por consumo de opioides' },
  mat_alcohol: { en: 'medication for alcohol use disorder', es: 'los medicamentos para el trastorno por consumo de alcohol' },
  faith_based: { en: 'faith-based recovery', es: 'la recuperación basada en la fe' },
  harm_reduction: { en: 'harm reduction', es: 'la reducción de daños' },
  justice_involvement: { en: 'the justice system', es: 'el sistema de justicia' },
  incarceration: { en: 'incarceration', es: 'haber estado en prisión' },
  mental_health: { en: 'living with a mental health condition', es: 'vivir con una condición de salud mental' },
  lgbtq: { en: 'being LGBTQ+', es: 'ser LGBTQ+' },
  veteran: { en: 'military service', es: 'el servicio militar' },
  parent: { en: 'parenting in recovery', es: 'la crianza en recuperación' },
  homelessness: { en: 'homelessness', es: 'no tener vivienda' },
  trauma: { en: 'trauma', es: 'el trauma' },
};

const SETTING_TEXT: Record<string, LocalizedText> = {
  community: { en: 'Works in community settings', es: 'Trabaja en la comunidad' },
  in_treatment: { en: 'Works in treatment settings', es: 'Trabaja en programas de tratamiento' },
  incarcerated: { en: 'Works in jails and prisons', es: 'Trabaja en cárceles y prisiones' },
  recently_released: { en: 'Works in reentry settings', es: 'Trabaja en programas de reinserción' },
  sober_living: { en: 'Works in recovery housing', es: 'Trabaja en viviendas de recuperación' },
};

const GENDER_LABELS: Record<string, LocalizedText> = {
  woman: { en: 'a woman', es: 'mujer' },
  man: { en: 'a man', es: 'hombre' },
  non_binary: { en: 'non-binary', es: 'una persona no binaria' },
};

const DAY_NAMES: Record<Weekday, LocalizedText> = {
  mon: { en: 'Monday', es: 'los lunes' },
  tue: { en: 'Tuesday', es: 'los martes' },
  wed: { en: 'Wednesday', es: 'los miércoles' },
  thu: { en: 'Thursday', es: 'los jueves' },
  fri: { en: 'Friday', es: 'los viernes' },
  sat: { en: 'Saturday', es: 'los sábados' },
  sun: { en: 'Sunday', es: 'los domingos' },
};
const WEEKDAYS = Object.keys(DAY_NAMES) as Weekday[];

// Parts of the day as people say them; an overlap names every part it touches.
const DAY_PARTS: Array<{ from: number; to: number; text: LocalizedText }> = [
  { from: 0, to: 12 * 60, text: { en: 'mornings', es: 'por la mañana' } },
  { from: 12 * 60, to: 17 * 60, text: { en: 'afternoons', es: 'por la tarde' } },
  { from: 17 * 60, to: 24 * 60, text: { en: 'evenings', es: 'por la noche' } },
];

// A batch scores every participant against every peer worker (millions of pairs), and Intl
// formatting dominates the cost; the same few texts recur, so each is built once and reused.
const textCache = new Map<string, LocalizedText>();
function cachedText(key: string, make: () => LocalizedText): LocalizedText {
  let text = textCache.get(key);
  if (!text) {
    // Unknown codes could make the cache grow without bound; past this size, stop remembering.
    text = make();
    if (textCache.size < 50_000) textCache.set(key, text);
  }
  return text;
}

const listFormats = {
  en: new Intl.ListFormat('en', { type: 'conjunction' }),
  es: new Intl.ListFormat('es', { type: 'conjunction' }),
};
const languageNames = {
  en: new Intl.DisplayNames(['en'], { type: 'language' }),
  es: new Intl.DisplayNames(['es'], { type: 'language' }),
};

const readable = (code: string) => code.replace(/_/g, ' ');

// Own keys only: a code such as "constructor" must not find Object.prototype.
const lookup = <T>(table: Record<string, T>, code: string): T | undefined => (Object.hasOwn(table, code) ? table[code] : undefined);

function label(code: string, lang: keyof LocalizedText): string {
  return lookup(EXPERIENCE_LABELS, code)?.[lang] ?? readable(code);
}

function list(codes: readonly string[]): LocalizedText {
  return cachedText(`list:${codes.join('\u0000')}`, () => ({
    en: listFormats.en.format(codes.map((code) => label(code, 'en'))),
    es: listFormats.es.format(codes.map((code) => label(code, 'es'))),
  }));
}

function languageName(code: string): LocalizedText {
  return cachedText(`language:${code}`, () => {
    const name = (lang: keyof LocalizedText) => {
      try {
        return languageNames[lang].of(code) ?? code;
      } catch {
        return code; // not a valid BCP 47 tag: show it as written
      }
    };
    return { en: name('en'), es: name('es') };
  });
}

const sameLanguage = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const speaks = (worker: PeerWorkerForMatching, language: string) => worker.languages.some((l) => sameLanguage(l, language));

const minuteCache = new Map<string, number>();
function minutes(time: string): number {
  const known = minuteCache.get(time);
  if (known !== undefined) return known;
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  const value = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(value >= 0 && value <= 24 * 60)) throw new RangeError(`not a time of day (HH:MM): ${time}`);
  if (minuteCache.size < 10_000) minuteCache.set(time, value);
  return value;
}

/** Minutes of `preferred` that the peer worker covers, and the (day, part of day) slots covered. */
function coveredTime(preferred: readonly WeeklyTime[], availability: readonly WeeklyTime[]) {
  let wanted = 0;
  let covered = 0;
  const slots = new Set<string>();
  for (const want of preferred) {
    const from = minutes(want.from);
    const to = minutes(want.to);
    if (to <= from) continue;
    wanted += to - from;
    // Merge the peer worker's windows that day so overlapping windows are not counted twice.
    const windows = availability
      .filter((a) => a.day === want.day)
      .map((a) => [Math.max(from, minutes(a.from)), Math.min(to, minutes(a.to))] as const)
      .filter(([s, e]) => e > s)
      .sort((a, b) => a[0] - b[0]);
    let reach = from;
    for (const [s, e] of windows) {
      const start = Math.max(s, reach);
      if (e <= start) continue;
      covered += e - start;
      reach = e;
      DAY_PARTS.forEach((part, index) => {
        if (start < part.to && e > part.from) slots.add(`${want.day}:${index}`);
      });
    }
  }
  return { fraction: wanted > 0 ? Math.min(1, covered / wanted) : 0, slots };
}

function availabilityText(slots: Set<string>): LocalizedText {
  return cachedText(`available:${[...slots].sort().join(',')}`, () => buildAvailabilityText(slots));
}

function buildAvailabilityText(slots: Set<string>): LocalizedText {
  const ordered = [...slots]
    .map((slot) => slot.split(':') as [Weekday, string])
    .sort((a, b) => WEEKDAYS.indexOf(a[0]) - WEEKDAYS.indexOf(b[0]) || Number(a[1]) - Number(b[1]));
  const en = ordered.map(([day, part]) => `${DAY_NAMES[day].en} ${DAY_PARTS[Number(part)]!.text.en}`);
  const es = ordered.map(([day, part]) => `${DAY_NAMES[day].es} ${DAY_PARTS[Number(part)]!.text.es}`);
  return {
    en: `Available ${listFormats.en.format(en)}, when you prefer`,
    es: `Disponible ${listFormats.es.format(es)}, cuando lo prefieres`,
  };
}

function hardConstraints(participant: ParticipantForMatching, worker: PeerWorkerForMatching, room: number): MatchBlock[] {
  const blocked: MatchBlock[] = [];
  const required = participant.requiredLanguage;
  if (required && !speaks(worker, required)) {
    blocked.push({
      kind: 'required_language',
      text: {
        en: `Doesn't speak ${languageName(required).en}, the language you need`,
        es: `No habla ${languageName(required).es}, el idioma que necesitas`,
      },
    });
  }
  const gender = participant.preferredGender;
  if (gender && worker.gender !== gender) {
    const wanted = lookup(GENDER_LABELS, gender);
    blocked.push({
      kind: 'gender_preference',
      text: wanted
        ? { en: `You asked for a peer worker who is ${wanted.en}`, es: `Pediste que tu acompañante sea ${wanted.es}` }
        : { en: 'You asked for a peer worker of another gender', es: 'Pediste un acompañante de otro género' },
    });
  }
  if (room <= 0) {
    blocked.push({
      kind: 'no_room',
      text: { en: 'Has no room for new participants right now', es: 'No tiene lugar para más participantes por ahora' },
    });
  }
  return blocked;
}

const unique = (codes: readonly string[]) => codes.filter((code, index) => codes.indexOf(code) === index);

function softReasons(participant: ParticipantForMatching, worker: PeerWorkerForMatching, room: number): MatchReason[] {
  const W = MATCH_WEIGHTS;
  const reasons: MatchReason[] = [];
  const lived = worker.livedExperience;

  const wanted = unique(participant.wantedExperience).filter((code) => lived.includes(code));
  if (wanted.length > 0) {
    reasons.push({
      kind: 'wanted_experience',
      points: W.wantedExperience * Math.min(wanted.length, W.wantedExperienceCap),
      text: cachedText(`wanted:${wanted.join('\u0000')}`, () => {
        const text = list(wanted);
        return { en: `Has the lived experience you asked for: ${text.en}`, es: `Tiene la experiencia vivida que pediste: ${text.es}` };
      }),
    });
  }

  // Shared experience the participant did not explicitly ask for; what was asked for counts once, above.
  const sharedOf = (codes: readonly string[], toExperience: (code: string) => string) =>
    unique(codes).filter((code) => {
      const experience = toExperience(code);
      return lived.includes(experience) && !wanted.includes(experience);
    });
  const substances = sharedOf(participant.substances, (code) => code);
  const pathways = sharedOf(participant.pathways, (code) => lookup(PATHWAY_TO_EXPERIENCE, code) ?? code);
  if (substances.length + pathways.length > 0) {
    const shared = [...substances, ...pathways];
    reasons.push({
      kind: 'shared_experience',
      points:
        W.sharedSubstance * Math.min(substances.length, W.sharedCap) + W.sharedPathway * Math.min(pathways.length, W.sharedCap),
      text: cachedText(`shared:${shared.join('\u0000')}`, () => {
        const text = list(shared);
        return { en: `Shares lived experience with ${text.en}`, es: `Comparte experiencia vivida con ${text.es}` };
      }),
    });
  }

  if (speaks(worker, participant.language)) {
    reasons.push({
      kind: 'language',
      points: W.preferredLanguage,
      text: cachedText(`speaks:${participant.language}`, () => ({
        en: `Speaks ${languageName(participant.language).en}, your preferred language`,
        es: `Habla ${languageName(participant.language).es}, tu idioma preferido`,
      })),
    });
  }

  if (worker.settings.includes(participant.setting)) {
    reasons.push({
      kind: 'setting',
      points: W.setting,
      text: lookup(SETTING_TEXT, participant.setting) ?? {
        en: `Works in ${readable(participant.setting)} settings`,
        es: `Trabaja en el entorno: ${readable(participant.setting)}`,
      },
    });
  }

  if (participant.preferredTimes && participant.preferredTimes.length > 0) {
    const { fraction, slots } = coveredTime(participant.preferredTimes, worker.availability);
    const points = Math.round(W.availabilityFull * fraction);
    if (slots.size > 0 && points > 0) reasons.push({ kind: 'availability', points, text: availabilityText(slots) });
  }

  if (room > 0) {
    reasons.push({
      kind: 'room',
      points: W.roomPerPlace * Math.min(room, W.roomCap),
      text: cachedText(`room:${room}`, () => ({
        en: `Has room for ${room} more ${room === 1 ? 'person' : 'people'}`,
        es: `Tiene lugar para ${room} ${room === 1 ? 'persona' : 'personas'} más`,
      })),
    });
  }
  return reasons;
}

/** Places left on a peer worker's caseload (never negative; fractions round down). */
export function openPlaces(worker: Pick<PeerWorkerForMatching, 'capacity' | 'caseload'>): number {
  return Math.max(0, Math.floor(worker.capacity - worker.caseload));
}

export function scoreMatch(participant: ParticipantForMatching, peerWorker: PeerWorkerForMatching): MatchScore {
  const room = openPlaces(peerWorker);
  const blockedBy = hardConstraints(participant, peerWorker, room);
  const reasons = softReasons(participant, peerWorker, room);
  return {
    eligible: blockedBy.length === 0,
    score: reasons.reduce((sum, reason) => sum + reason.points, 0),
    reasons,
    blockedBy,
  };
}
