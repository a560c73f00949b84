import type { CopyValue } from './copy-rows.js';
import { pgArray } from './copy-rows.js';
import { between, benchId, pick, rngFor } from './prng.js';
import type { StatewideSizes } from './sizes.js';
import { checkInsOf, Kind, person, programOfOrg, programOfPeer, Salt, ZONES, type Person } from './statewide-people.js';

/** The rows of each table of the synthetic statewide network, as iterables for COPY (one row at a time, never the whole table). */

export interface Generation {
  sizes: StatewideSizes;
  seed: number;
  now: Date;
  passwordHash: string;
}

const DAY = 86_400_000;
const PROGRAM_SETTINGS = ['community', 'community', 'treatment', 'reentry', 'sober_living', 'recovery_community_center', 'outreach'] as const;
const FIRST = ['Alex', 'Sam', 'Jordan', 'Rosa', 'Luis', 'Dana', 'Chris', 'Taylor', 'Maria', 'Kim', 'Devon', 'Ana', 'Marcus', 'Lee', 'Jamie', 'Pat'];
const LAST = ['Moreno', 'Bell', 'Ortega', 'Whitfield', 'Palmer', 'Reyes', 'Nguyen', 'Smith', 'Garcia', 'Johnson', 'Lopez', 'Brown', 'Clark', 'Davis'];

export const domainOf = (seed: number) => `state${seed}.example`;
export const orgSlug = (seed: number, o: number) => `state${seed}-org-${o}`;
export const peerEmail = (seed: number, w: number) => `peer-${w}@${domainOf(seed)}`;
export const participantEmail = (seed: number, i: number) => `participant-${i}@${domainOf(seed)}`;
export const supervisorEmail = (seed: number, p: number) => `supervisor-${p}@${domainOf(seed)}`;

const id = (g: Generation, kind: number, n: number) => benchId(kind, g.seed, n);
const orgOfProgram = (g: Generation, p: number) => id(g, Kind.organization, programOfOrg(g.sizes, p));
const nameOf = (seed: number, n: number) => `${FIRST[(n * 7 + seed) % FIRST.length]} ${LAST[(n * 13 + seed) % LAST.length]}`;

function* people(g: Generation): Generator<Person> {
  for (let i = 0; i < g.sizes.participants; i++) yield person(g.sizes, g.seed, i);
}

export function* organizationRows(g: Generation): Generator<CopyValue[]> {
  for (let o = 0; o < g.sizes.organizations; o++) yield [id(g, Kind.organization, o), orgSlug(g.seed, o), `Recovery Network ${o + 1}`];
}

export function* programRows(g: Generation): Generator<CopyValue[]> {
  for (let p = 0; p < g.sizes.programs; p++) {
    const o = programOfOrg(g.sizes, p);
    yield [id(g, Kind.program, p), id(g, Kind.organization, o), `program-${p}`, `Program ${p + 1}`, PROGRAM_SETTINGS[p % PROGRAM_SETTINGS.length]!, ZONES[o % ZONES.length]!];
  }
}

/** Accounts: an administrator per organization, a supervisor per program, the peer workers, and participants with a login. */
export function* userRows(g: Generation): Generator<CopyValue[]> {
  const { sizes, seed, passwordHash } = g;
  for (let o = 0; o < sizes.organizations; o++) yield [id(g, Kind.orgAdmin, o), id(g, Kind.organization, o), `admin-${o}@${domainOf(seed)}`, `Admin ${o + 1}`, passwordHash, 'en'];
  for (let p = 0; p < sizes.programs; p++) yield [id(g, Kind.supervisor, p), orgOfProgram(g, p), supervisorEmail(seed, p), nameOf(seed, p + 1_000_000), passwordHash, 'en'];
  for (let w = 0; w < sizes.peerWorkers; w++) yield [id(g, Kind.peerWorker, w), orgOfProgram(g, programOfPeer(sizes, w)), peerEmail(seed, w), nameOf(seed, w + 2_000_000), passwordHash, 'en'];
  for (const p of people(g)) if (p.hasLogin) yield [id(g, Kind.participantUser, p.index), orgOfProgram(g, p.program), participantEmail(seed, p.index), nameOf(seed, p.index), passwordHash, p.language];
}

export function* membershipRows(g: Generation): Generator<CopyValue[]> {
  const { sizes } = g;
  let n = 0;
  for (let o = 0; o < sizes.organizations; o++) yield [id(g, Kind.membership, n++), id(g, Kind.organization, o), id(g, Kind.orgAdmin, o), null, 'org_admin'];
  for (let p = 0; p < sizes.programs; p++) yield [id(g, Kind.membership, n++), orgOfProgram(g, p), id(g, Kind.supervisor, p), id(g, Kind.program, p), 'supervisor'];
  for (let w = 0; w < sizes.peerWorkers; w++) {
    const p = programOfPeer(sizes, w);
    yield [id(g, Kind.membership, n++), orgOfProgram(g, p), id(g, Kind.peerWorker, w), id(g, Kind.program, p), 'peer_worker'];
  }
  for (const p of people(g)) if (p.hasLogin) yield [id(g, Kind.membership, n++), orgOfProgram(g, p.program), id(g, Kind.participantUser, p.index), id(g, Kind.program, p.program), 'participant'];
}

export function* participantRows(g: Generation): Generator<CopyValue[]> {
  for (const p of people(g)) {
    yield [
      id(g, Kind.participant, p.index),
      orgOfProgram(g, p.program),
      id(g, Kind.program, p.program),
      p.hasLogin ? id(g, Kind.participantUser, p.index) : null,
      nameOf(g.seed, p.index),
      p.language,
      p.setting,
      JSON.stringify({ ageRange: p.ageRange }),
      new Date(g.now.getTime() - p.enrolledDaysAgo * DAY),
      'active',
    ];
  }
}

export function* assignmentRows(g: Generation): Generator<CopyValue[]> {
  for (const p of people(g)) {
    yield [id(g, Kind.assignment, p.index), orgOfProgram(g, p.program), id(g, Kind.participant, p.index), id(g, Kind.peerWorker, p.peer), new Date(g.now.getTime() - p.enrolledDaysAgo * DAY)];
  }
}

export function* checkInRows(g: Generation): Generator<CopyValue[]> {
  let n = 0;
  for (const p of people(g)) {
    const org = orgOfProgram(g, p.program);
    const participantId = id(g, Kind.participant, p.index);
    for (const c of checkInsOf(p, g.seed, g.now)) {
      yield [id(g, Kind.checkIn, n++), org, participantId, c.mood, c.craving, c.used, pgArray(c.triggers), c.sleepHours, c.private, c.at];
    }
  }
}

interface MessageDraft {
  at: Date;
  fromParticipant: boolean;
  body: string;
}

const LINES = [
  'How did the meeting go?', 'Pretty good, I shared for the first time.', 'Can we move Thursday to 3?', 'Rough night, but I made it.',
  'Proud of you for calling.', 'I got the job interview!', 'Want to grab coffee after group?', 'Thanks for checking on me.',
  'Reminder: court date on Monday, I can drive you.', '¿Nos vemos mañana en el centro?', 'Sí, a las 10.',
];

/** The messages of one participant's thread with their peer worker, oldest first. */
export function messagesOf(g: Generation, p: Person): MessageDraft[] {
  if (!p.hasLogin) return [];
  const rng = rngFor(g.seed, p.index, Salt.messages);
  const average = g.sizes.messages / (g.sizes.participants * 0.75);
  const n = Math.max(0, Math.round(average * (0.3 + 1.4 * rng())));
  const span = Math.min(p.enrolledDaysAgo, 120) * DAY;
  const times = Array.from({ length: n }, () => g.now.getTime() - Math.floor(rng() * span)).sort((a, b) => a - b);
  return times.map((t) => ({ at: new Date(t), fromParticipant: rng() < 0.5, body: pick(rng, LINES) }));
}

export function* threadRows(g: Generation): Generator<CopyValue[]> {
  for (const p of people(g)) {
    if (!p.hasLogin) continue;
    const last = messagesOf(g, p).at(-1);
    yield [id(g, Kind.thread, p.index), orgOfProgram(g, p.program), id(g, Kind.participant, p.index), new Date(g.now.getTime() - p.enrolledDaysAgo * DAY), last?.at ?? null];
  }
}

export function* threadMemberRows(g: Generation): Generator<CopyValue[]> {
  for (const p of people(g)) {
    if (!p.hasLogin) continue;
    const joined = new Date(g.now.getTime() - p.enrolledDaysAgo * DAY);
    const last = messagesOf(g, p).at(-1)?.at ?? null;
    yield [id(g, Kind.thread, p.index), id(g, Kind.participantUser, p.index), last, joined];
    yield [id(g, Kind.thread, p.index), id(g, Kind.peerWorker, p.peer), last, joined];
  }
}

export function* messageRows(g: Generation): Generator<CopyValue[]> {
  let n = 0;
  for (const p of people(g)) {
    const org = orgOfProgram(g, p.program);
    const thread = id(g, Kind.thread, p.index);
    for (const m of messagesOf(g, p)) {
      yield [id(g, Kind.message, n++), org, thread, m.fromParticipant ? id(g, Kind.participantUser, p.index) : id(g, Kind.peerWorker, p.peer), m.body, m.at];
    }
  }
}

const CONTACT_TYPES = ['in_person', 'in_person', 'phone', 'phone', 'text', 'video', 'group', 'outreach'] as const;
const SUMMARIES = ['Talked through the week and the plan for the weekend.', 'Went together to the food pantry.', 'Checked in by phone after a hard day.', 'Worked on the housing application.'];

export function* contactNoteRows(g: Generation): Generator<CopyValue[]> {
  let n = 0;
  const average = g.sizes.contactNotes / g.sizes.participants;
  for (const p of people(g)) {
    const rng = rngFor(g.seed, p.index, Salt.contactNotes);
    // People drifting away are reached less often lately: their notes sit further back.
    const count = Math.round(average * (0.4 + 1.2 * rng()));
    const org = orgOfProgram(g, p.program);
    for (let k = 0; k < count; k++) {
      const daysAgo = p.rhythm === 'drifting' ? between(rng, 20, p.enrolledDaysAgo) : between(rng, 0, Math.min(p.enrolledDaysAgo, 180));
      yield [id(g, Kind.contactNote, n++), org, id(g, Kind.participant, p.index), id(g, Kind.peerWorker, p.peer), pick(rng, CONTACT_TYPES), new Date(g.now.getTime() - daysAgo * DAY - between(rng, 0, 600) * 60_000), between(rng, 10, 90), pick(rng, SUMMARIES)];
    }
  }
}
