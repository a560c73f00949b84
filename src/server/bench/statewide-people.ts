import { FULL_CASELOAD, type StatewideSizes } from './sizes.js';
import { between, rngFor, type Rng } from './prng.js';

/**
 * Who is who in the synthetic statewide network, computed from (seed, index) alone, so every
 * table's generator can ask about any person without holding the whole network in memory.
 */

export const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix'] as const;

/** The kinds of id the generator hands out (the second group of each UUID). */
export const Kind = {
  organization: 1, program: 2, orgAdmin: 3, supervisor: 4, peerWorker: 5, participantUser: 6, membership: 7,
  participant: 8, assignment: 9, thread: 10, checkIn: 11, message: 12, contactNote: 13,
  assessment: 14, group: 15, groupEnrolment: 16, groupSession: 17, groupAttendance: 18, referral: 19, referralEvent: 20,
  matchingProgram: 21, matchingPeer: 22, matchingParticipant: 23, matchingMembership: 24,
} as const;

/** Salts: one independent random stream per purpose. */
export const Salt = { profile: 1, checkIns: 2, messages: 3, contactNotes: 4, assessments: 5, groups: 6, referrals: 7, matching: 8 } as const;

/**
 * How a person checks in:
 * daily — every day at about the same time; regular — every few days; drifting — often at first, then
 * less and less, then not at all; relapse — a steady rhythm where cravings rise over a week or so
 * before a reported use, then settle.
 */
export type Rhythm = 'daily' | 'regular' | 'drifting' | 'relapse';
const RHYTHMS: ReadonlyArray<[Rhythm, number, number]> = [
  // rhythm, share of people, check-ins relative to the average
  ['daily', 0.25, 2.0],
  ['regular', 0.35, 1.0],
  ['drifting', 0.25, 0.5],
  ['relapse', 0.15, 0.9],
];
const MEAN_FACTOR = RHYTHMS.reduce((sum, [, share, factor]) => sum + share * factor, 0);

export const programOfOrg = (sizes: StatewideSizes, program: number): number => Math.floor((program * sizes.organizations) / sizes.programs);
export const programOfPeer = (sizes: StatewideSizes, peer: number): number => peer % sizes.programs;
export const peersInProgram = (sizes: StatewideSizes, program: number): number =>
  Math.floor(sizes.peerWorkers / sizes.programs) + (program < sizes.peerWorkers % sizes.programs ? 1 : 0);

/** The peer worker of a participant: the first FULL_CASELOAD of each program go to its first peer worker (exactly that many). */
export function peerOfParticipant(sizes: StatewideSizes, participant: number): number {
  const program = participant % sizes.programs;
  const local = Math.floor(participant / sizes.programs);
  if (local < FULL_CASELOAD) return program;
  const others = peersInProgram(sizes, program) - 1;
  return program + (1 + ((local - FULL_CASELOAD) % others)) * sizes.programs;
}

export interface Person {
  index: number;
  program: number;
  peer: number;
  hasLogin: boolean;
  rhythm: Rhythm;
  checkIns: number;
  enrolledDaysAgo: number;
  language: 'en' | 'es';
  setting: 'community' | 'incarcerated' | 'recently_released' | 'sober_living';
  ageRange: string;
}

export function person(sizes: StatewideSizes, seed: number, index: number): Person {
  const rng = rngFor(seed, index, Salt.profile);
  let roll = rng();
  let rhythm: Rhythm = 'regular';
  let factor = 1;
  for (const [r, share, f] of RHYTHMS) {
    if (roll < share) {
      rhythm = r;
      factor = f;
      break;
    }
    roll -= share;
  }
  const average = sizes.checkIns / sizes.participants;
  const checkIns = Math.max(0, Math.round((average * factor * (0.6 + 0.8 * rng())) / MEAN_FACTOR));
  const span = rhythm === 'daily' ? checkIns : rhythm === 'drifting' ? checkIns * 4 + 60 : checkIns * 3;
  const enrolledDaysAgo = Math.max(between(rng, 14, 730), span + 2);
  const setting = rng() < 0.7 ? 'community' : rng() < 0.5 ? 'sober_living' : rng() < 0.5 ? 'recently_released' : 'incarcerated';
  return {
    index,
    program: index % sizes.programs,
    peer: peerOfParticipant(sizes, index),
    // People in prison mostly have no login.
    hasLogin: setting === 'incarcerated' ? rng() < 0.1 : rng() < 0.8,
    rhythm,
    checkIns,
    enrolledDaysAgo,
    language: rng() < 0.2 ? 'es' : 'en',
    setting,
    ageRange: (['18_24', '25_34', '35_44', '45_54', '55_64', '65_plus'] as const)[Math.floor(rng() * 6)]!,
  };
}

export interface CheckInDraft {
  at: Date;
  mood: number;
  craving: number;
  used: 'yes' | 'no' | 'prefer_not_to_say';
  triggers: string[];
  sleepHours: number | null;
  private: boolean;
}

const DAY = 86_400_000;
const TRIGGERS = ['stress', 'people', 'places', 'boredom', 'loneliness', 'pain', 'conflict', 'celebration'];

function drawCraving(rng: Rng, baseline: number, rise: number): number {
  return Math.max(0, Math.min(10, Math.round(baseline + rise + (rng() - 0.5) * 3)));
}

/** One person's check-ins, oldest first, ending near `now` (or weeks before it for people drifting away). */
export function checkInsOf(p: Person, seed: number, now: Date): CheckInDraft[] {
  const rng = rngFor(seed, p.index, Salt.checkIns);
  const n = p.checkIns;
  if (n === 0) return [];
  // Days ago of each check-in, newest last.
  const daysAgo: number[] = [];
  if (p.rhythm === 'daily') {
    let d = rng() < 0.8 ? 0 : 1;
    for (let k = 0; k < n; k++) {
      daysAgo.push(d);
      d += rng() < 0.06 ? 2 : 1;
    }
  } else if (p.rhythm === 'drifting') {
    // Walk backwards from the last check-in (weeks ago); gaps shrink the further back we go.
    let d = between(rng, 10, 60);
    for (let k = 0; k < n; k++) {
      daysAgo.push(d);
      d += Math.max(1, Math.round(((n - k) / n) * 6 * rng()) + (k < n / 3 ? 0 : 1));
    }
  } else {
    let d = between(rng, 0, 3);
    for (let k = 0; k < n; k++) {
      daysAgo.push(d);
      d += between(rng, 1, 4);
    }
  }
  daysAgo.reverse();
  const hour = between(rng, 7, 22);
  const baseline = 1 + rng() * 3;
  // For the relapse rhythm: the indexes of reported use, each preceded by a week-long rise.
  const uses = new Set<number>();
  if (p.rhythm === 'relapse') {
    for (let k = n - 1 - between(rng, 0, 3); k > 6; k -= between(rng, 15, 40)) uses.add(k);
  }
  const midnight = Math.floor(now.getTime() / DAY) * DAY;
  const rows: CheckInDraft[] = [];
  for (let k = 0; k < n; k++) {
    let rise = 0;
    for (const u of uses) if (k <= u && u - k < 8) rise = Math.max(rise, (8 - (u - k)) * 0.8);
    const craving = drawCraving(rng, baseline, rise);
    const used = uses.has(k) ? 'yes' : rng() < 0.01 ? 'prefer_not_to_say' : rng() < 0.01 ? 'yes' : 'no';
    const minutes = hour * 60 + between(rng, -50, 50);
    let at = midnight - daysAgo[k]! * DAY + minutes * 60_000;
    if (at > now.getTime()) at -= DAY;
    rows.push({
      at: new Date(at),
      mood: Math.max(1, Math.min(5, Math.round(4.5 - craving / 3 + (rng() - 0.5) * 1.5))),
      craving,
      used,
      triggers: craving >= 6 ? [TRIGGERS[between(rng, 0, 7)]!, TRIGGERS[between(rng, 0, 7)]!].filter((t, i, a) => a.indexOf(t) === i) : [],
      sleepHours: rng() < 0.6 ? Math.round((4 + rng() * 5) * 2) / 2 : null,
      private: rng() < 0.08,
    });
  }
  return rows;
}
