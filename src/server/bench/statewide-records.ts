import { DateTime } from 'luxon';
import { getInstrument, type InstrumentDefinition } from '../../shared/instruments/index.js';
import { scoreResponse } from '../../shared/instruments/score.js';
import { scaleOf } from '../../shared/instruments/scales.js';
import { genders, livedExperiences, recoveryPathways, substances } from '../../shared/schemas/journey.js';
import { unmetReasons } from '../../shared/schemas/referrals.js';
import type { CopyValue } from './copy-rows.js';
import { pgArray } from './copy-rows.js';
import { between, benchId, pick, rngFor, type Rng } from './prng.js';
import { Kind, person, programOfOrg, Salt, ZONES, type Person } from './statewide-people.js';
import { domainOf, type Generation } from './statewide-rows.js';

/**
 * The rows of the statewide network that came with later features: validated measures over time,
 * program groups with their sessions and attendance, referrals to the directory, and one program
 * where people wait to be matched with a peer worker. Deterministic from (seed, index), like
 * statewide-rows.ts, one row at a time for COPY.
 */

const DAY = 86_400_000;
const id = (g: Generation, kind: number, n: number) => benchId(kind, g.seed, n);
const orgOf = (g: Generation, program: number) => id(g, Kind.organization, programOfOrg(g.sizes, program));

function* people(g: Generation): Generator<Person> {
  for (let i = 0; i < g.sizes.participants; i++) yield person(g.sizes, g.seed, i);
}

// ── Assessments ─────────────────────────────────────────────────────────────────────────────────

/** Measures a peer program gives again and again: recovery capital, depression, anxiety. */
const MEASURES = ['barc10', 'phq9', 'gad7'] as const;
const definitionOf = (() => {
  const cache = new Map<string, InstrumentDefinition>();
  return (instrument: string) => {
    let d = cache.get(instrument);
    if (!d) {
      d = getInstrument(instrument);
      if (!d) throw new Error(`no shipped instrument ${instrument}`);
      cache.set(instrument, d);
    }
    return d;
  };
})();

/** Answers for a level of distress from 0 (none) to 1 (severe); BARC-10 agrees less the higher it is. */
function answersFor(rng: Rng, definition: InstrumentDefinition, distress: number): Record<string, number> {
  const answers: Record<string, number> = {};
  const positive = definition.id === 'barc10';
  for (const item of definition.items) {
    const scale = scaleOf(definition, item);
    if (scale.type !== 'choice') {
      answers[item.id] = Math.round(distress * scale.max);
      continue;
    }
    const values = scale.options.map((o) => o.value);
    const level = Math.max(0, Math.min(1, (positive ? 1 - distress : distress) + (rng() - 0.5) * 0.35));
    answers[item.id] = values[Math.min(values.length - 1, Math.round(level * (values.length - 1)))]!;
  }
  return answers;
}

/**
 * Each person answers every few weeks; distress eases over time for most, stays high or climbs for
 * people drifting away, and jumps around reported use for the relapse rhythm.
 */
export function* assessmentRows(g: Generation): Generator<CopyValue[]> {
  let n = 0;
  const average = g.sizes.assessments / g.sizes.participants;
  for (const p of people(g)) {
    const rng = rngFor(g.seed, p.index, Salt.assessments);
    const factor = p.rhythm === 'daily' ? 1.4 : p.rhythm === 'drifting' ? 0.6 : 1;
    const count = Math.round(average * factor * (0.4 + 1.2 * rng()));
    if (count === 0) continue;
    const org = orgOf(g, p.program);
    const participantId = id(g, Kind.participant, p.index);
    const start = 0.45 + rng() * 0.4;
    const span = Math.max(1, p.enrolledDaysAgo - 1);
    for (let k = 0; k < count; k++) {
      const progress = count === 1 ? 0 : k / (count - 1);
      const drift = p.rhythm === 'drifting' ? 0.15 * progress : p.rhythm === 'relapse' ? (rng() < 0.25 ? 0.25 : -0.2 * progress) : -0.35 * progress;
      const distress = Math.max(0, Math.min(1, start + drift));
      const definition = definitionOf(MEASURES[k % MEASURES.length]!);
      const answers = answersFor(rng, definition, distress);
      const scored = scoreResponse(definition, answers);
      const selfReport = p.hasLogin && rng() < 0.6;
      // People drifting away stopped answering weeks ago.
      const daysAgo = Math.min(p.enrolledDaysAgo, Math.round(span * (1 - progress)) + (p.rhythm === 'drifting' ? 20 : 0));
      yield [
        id(g, Kind.assessment, n++), org, participantId, definition.id, definition.version, scored.scoringVersion,
        JSON.stringify(answers), scored.status, JSON.stringify(scored.scores), JSON.stringify(scored.bands), pgArray(scored.flags),
        selfReport ? 'self' : 'peer', selfReport ? id(g, Kind.participantUser, p.index) : id(g, Kind.peerWorker, p.peer),
        new Date(g.now.getTime() - daysAgo * DAY - between(rng, 0, 600) * 60_000),
      ];
    }
  }
}

// ── Program groups ──────────────────────────────────────────────────────────────────────────────

const GROUP_WEEKS = 26;
const GROUP_SIZE = 12;
const TOPICS = ['Relapse prevention', 'Triggers and cravings', 'Healthy relationships', 'Family and recovery', 'Back to work', 'Grief and loss', 'Mindfulness'];
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

interface GroupPlan {
  n: number;
  program: number;
  org: string;
  zone: string;
  weekday: number;
  startsOn: DateTime;
  members: Person[];
}

/** The groups of every program, with their members (people of the program, GROUP_SIZE each). */
function* groups(g: Generation): Generator<GroupPlan> {
  const today = DateTime.fromJSDate(g.now, { zone: 'utc' }).startOf('day');
  for (let program = 0; program < g.sizes.programs; program++) {
    const zone = ZONES[programOfOrg(g.sizes, program) % ZONES.length]!;
    for (let k = 0; k < g.sizes.groupsPerProgram; k++) {
      const n = program * g.sizes.groupsPerProgram + k;
      const weekday = 1 + ((program + k) % 5);
      // The first session GROUP_WEEKS weeks ago, on the group's weekday.
      let startsOn = today.minus({ weeks: GROUP_WEEKS });
      startsOn = startsOn.plus({ days: (weekday - (startsOn.weekday % 7) + 7) % 7 });
      const members: Person[] = [];
      for (let m = 0; m < GROUP_SIZE; m++) {
        const index = (k * GROUP_SIZE + m) * g.sizes.programs + program;
        if (index < g.sizes.participants) members.push(person(g.sizes, g.seed, index));
      }
      yield { n, program, org: orgOf(g, program), zone, weekday, startsOn, members };
    }
  }
}

export function* groupRows(g: Generation): Generator<CopyValue[]> {
  for (const group of groups(g)) {
    yield [
      id(g, Kind.group, group.n), group.org, id(g, Kind.program, group.program), TOPICS[group.n % TOPICS.length]!, 'Weekly, open to everyone in the program.',
      group.n % 4 === 3 ? 'online' : 'in_person', group.n % 4 === 3 ? null : 'Room B', group.n % 4 === 3 ? 'https://meet.example/group' : null, 15,
      `FREQ=WEEKLY;BYDAY=${WEEKDAYS[group.weekday]}`, group.startsOn.toISODate(), '18:00', 90, id(g, Kind.supervisor, group.program),
    ];
  }
}

export function* groupFacilitatorRows(g: Generation): Generator<CopyValue[]> {
  // Each program's first peer worker (index = program) leads its groups.
  for (const group of groups(g)) yield [id(g, Kind.group, group.n), id(g, Kind.peerWorker, group.program), group.org];
}

export function* groupEnrolmentRows(g: Generation): Generator<CopyValue[]> {
  let n = 0;
  for (const group of groups(g)) {
    for (const p of group.members) yield [id(g, Kind.groupEnrolment, n++), group.org, id(g, Kind.group, group.n), id(g, Kind.participant, p.index), id(g, Kind.peerWorker, group.program), group.startsOn.toJSDate()];
  }
}

/** Past sessions of a group, with the index of each (for the session and attendance ids). */
function* sessionsOf(g: Generation, group: GroupPlan): Generator<{ week: number; occursOn: DateTime; startsAt: Date; cancelled: boolean }> {
  const rng = rngFor(g.seed, group.n, Salt.groups);
  for (let week = 0; week < GROUP_WEEKS; week++) {
    const occursOn = group.startsOn.plus({ weeks: week });
    const startsAt = DateTime.fromISO(`${occursOn.toISODate()}T18:00`, { zone: group.zone }).toJSDate();
    if (startsAt.getTime() > g.now.getTime()) break;
    yield { week, occursOn, startsAt, cancelled: rng() < 0.03 };
  }
}

const sessionNumber = (g: Generation, group: GroupPlan, week: number) => group.n * GROUP_WEEKS + week;

export function* groupSessionRows(g: Generation): Generator<CopyValue[]> {
  for (const group of groups(g)) {
    for (const s of sessionsOf(g, group)) {
      yield [
        id(g, Kind.groupSession, sessionNumber(g, group, s.week)), group.org, id(g, Kind.group, group.n), s.occursOn.toISODate(), s.startsAt, 90,
        s.cancelled ? 'cancelled' : 'scheduled', s.cancelled ? 'Facilitator out sick' : null, id(g, Kind.peerWorker, group.program),
      ];
    }
  }
}

export function* groupAttendanceRows(g: Generation): Generator<CopyValue[]> {
  let n = 0;
  for (const group of groups(g)) {
    for (const s of sessionsOf(g, group)) {
      if (s.cancelled) continue;
      for (const p of group.members) {
        const rng = rngFor(g.seed, p.index * 64 + s.week, Salt.groups);
        const progress = s.week / GROUP_WEEKS;
        const chance = p.rhythm === 'daily' ? 0.85 : p.rhythm === 'regular' ? 0.7 : p.rhythm === 'relapse' ? 0.6 : 0.75 - 0.6 * progress;
        const roll = rng();
        const status = roll < chance ? 'present' : roll < chance + (1 - chance) * 0.3 ? 'excused' : 'absent';
        yield [id(g, Kind.groupAttendance, n++), group.org, id(g, Kind.groupSession, sessionNumber(g, group, s.week)), id(g, Kind.participant, p.index), status, id(g, Kind.peerWorker, group.program), new Date(s.startsAt.getTime() + 100 * 60_000)];
      }
    }
  }
}

// ── Referrals ───────────────────────────────────────────────────────────────────────────────────

/** A directory service an organization can refer to (read back after the import). */
export interface ServiceRef {
  id: string;
  name: string;
  providerName: string | null;
  category: string;
}

const NEEDS: Record<string, string> = {
  housing: 'Needs a safe place to stay after discharge.', food: 'Short on groceries until the first paycheck.', employment: 'Looking for work that fits a record.',
  mat: 'Wants to start buprenorphine.', health_care: 'No primary care doctor.', mental_health: 'Wants counseling for anxiety.', legal: 'Old warrant to clear up.',
  id_documents: 'Lost ID; needs a birth certificate.', transportation: 'No way to get to appointments.', childcare: 'Needs child care to attend groups.',
  benefits: 'Help applying for benefits.', reentry: 'Just released; needs reentry help.', recovery_support: 'Wants recovery housing.',
};
// Status, share: most referrals end met; some go nowhere.
const OUTCOMES: ReadonlyArray<[string, number]> = [['draft', 0.04], ['sent', 0.16], ['accepted', 0.14], ['declined', 0.05], ['completed', 0.45], ['closed_unmet', 0.16]];

interface ReferralDraft {
  n: number;
  org: string;
  participant: string;
  author: string;
  service: ServiceRef;
  status: string;
  createdAt: Date;
  closedAt: Date | null;
}

function* referrals(g: Generation, directories: ServiceRef[][]): Generator<ReferralDraft> {
  let n = 0;
  const average = g.sizes.referrals / g.sizes.participants;
  for (const p of people(g)) {
    const rng = rngFor(g.seed, p.index, Salt.referrals);
    // People just out of prison need the most referrals.
    const count = Math.round(average * 2 * rng() * (p.setting === 'recently_released' ? 1.6 : 0.95));
    const o = programOfOrg(g.sizes, p.program);
    const services = directories[o] ?? [];
    if (services.length === 0) continue;
    for (let k = 0; k < count; k++) {
      let roll = rng();
      let status = 'completed';
      for (const [s, share] of OUTCOMES) {
        if (roll < share) {
          status = s;
          break;
        }
        roll -= share;
      }
      const daysAgo = between(rng, 0, Math.min(p.enrolledDaysAgo, 365));
      const createdAt = new Date(g.now.getTime() - daysAgo * DAY - between(rng, 0, 600) * 60_000);
      const finished = status === 'completed' || status === 'closed_unmet' || status === 'declined';
      yield {
        n: n++, org: id(g, Kind.organization, o), participant: id(g, Kind.participant, p.index), author: id(g, Kind.peerWorker, p.peer),
        service: pick(rng, services), status, createdAt, closedAt: finished ? new Date(createdAt.getTime() + between(rng, 1, Math.max(1, daysAgo)) * DAY / 2) : null,
      };
    }
  }
}

export function referralRows(directories: ServiceRef[][]) {
  return function* (g: Generation): Generator<CopyValue[]> {
    for (const r of referrals(g, directories)) {
      const rng = rngFor(g.seed, r.n, Salt.referrals + 100);
      const followUp = r.status === 'sent' || r.status === 'accepted' ? new Date(Math.max(r.createdAt.getTime() + 14 * DAY, g.now.getTime() - between(rng, -10, 10) * DAY)).toISOString().slice(0, 10) : null;
      yield [
        id(g, Kind.referral, r.n), r.org, r.participant, r.service.id, r.service.name, r.service.providerName, r.service.category, NEEDS[r.service.category] ?? 'Needs help.',
        pgArray(['name', 'phone', 'need']), r.status === 'draft' ? null : r.createdAt, followUp, r.status,
        r.status === 'closed_unmet' ? pick(rng, unmetReasons) : null, r.status === 'completed' ? true : null, r.author, r.closedAt, r.createdAt, r.closedAt ?? r.createdAt,
      ];
    }
  };
}

export function referralEventRows(directories: ServiceRef[][]) {
  return function* (g: Generation): Generator<CopyValue[]> {
    let n = 0;
    for (const r of referrals(g, directories)) {
      const referral = id(g, Kind.referral, r.n);
      const first = r.status === 'draft' ? 'draft' : 'sent';
      yield [id(g, Kind.referralEvent, n++), r.org, referral, 'created', null, first, r.author, r.createdAt];
      if (r.status !== first) yield [id(g, Kind.referralEvent, n++), r.org, referral, 'status', first, r.status, r.author, r.closedAt ?? new Date(r.createdAt.getTime() + DAY)];
    }
  };
}

// ── A program where people wait to be matched ───────────────────────────────────────────────────

export const MATCHING_PROGRAM_SLUG = 'program-matching';
const matchingOrg = (g: Generation) => id(g, Kind.organization, 0);

export function* matchingProgramRows(g: Generation): Generator<CopyValue[]> {
  if (g.sizes.matchingWaiting === 0) return;
  yield [id(g, Kind.matchingProgram, 0), matchingOrg(g), MATCHING_PROGRAM_SLUG, 'Intake and matching', 'community', ZONES[0]];
}

const peerRng = (g: Generation, m: number) => rngFor(g.seed, m, Salt.matching);
const waitingRng = (g: Generation, j: number) => rngFor(g.seed, 1_000_000 + j, Salt.matching);
const matchingPeerCount = (g: Generation) => (g.sizes.matchingWaiting === 0 ? 0 : g.sizes.matchingPeers);

export function* matchingPeerUserRows(g: Generation): Generator<CopyValue[]> {
  for (let m = 0; m < matchingPeerCount(g); m++) yield [id(g, Kind.matchingPeer, m), matchingOrg(g), `matching-peer-${m}@${domainOf(g.seed)}`, `Peer ${m + 1}`, g.passwordHash, 'en'];
}

export function* matchingMembershipRows(g: Generation): Generator<CopyValue[]> {
  for (let m = 0; m < matchingPeerCount(g); m++) yield [id(g, Kind.matchingMembership, m), matchingOrg(g), id(g, Kind.matchingPeer, m), id(g, Kind.matchingProgram, 0), 'peer_worker'];
}

const some = <T,>(rng: Rng, items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rng() * most) }, () => pick(rng, items)))];

export function* matchingProfileRows(g: Generation): Generator<CopyValue[]> {
  for (let m = 0; m < matchingPeerCount(g); m++) {
    const rng = peerRng(g, m);
    yield [
      id(g, Kind.matchingPeer, m), matchingOrg(g), pgArray(some(rng, livedExperiences, 4)), pgArray(rng() < 0.25 ? ['en', 'es'] : ['en']),
      pick(rng, genders.slice(0, 3)), pgArray(some(rng, ['community', 'recently_released', 'sober_living'], 2)), between(rng, 8, 14),
    ];
  }
}

export function* matchingParticipantRows(g: Generation): Generator<CopyValue[]> {
  for (let j = 0; j < g.sizes.matchingWaiting; j++) {
    const rng = waitingRng(g, j);
    yield [
      id(g, Kind.matchingParticipant, j), matchingOrg(g), id(g, Kind.matchingProgram, 0), `Waiting ${j + 1}`, rng() < 0.2 ? 'es' : 'en',
      pgArray(some(rng, recoveryPathways, 1)), pgArray(some(rng, substances, 2)), pick(rng, ['community', 'community', 'recently_released', 'sober_living']),
      new Date(g.now.getTime() - between(rng, 1, 60) * DAY), 'active',
    ];
  }
}

export function* matchingPreferenceRows(g: Generation): Generator<CopyValue[]> {
  for (let j = 0; j < g.sizes.matchingWaiting; j++) {
    const spanish = waitingRng(g, j)() < 0.2; // the language matchingParticipantRows drew first
    const rng = rngFor(g.seed, 2_000_000 + j, Salt.matching);
    if (rng() >= 0.4) continue;
    yield [id(g, Kind.matchingParticipant, j), matchingOrg(g), spanish && rng() < 0.5 ? 'es' : null, rng() < 0.2 ? pick(rng, genders.slice(0, 3)) : null, pgArray(some(rng, livedExperiences, 2))];
  }
}
