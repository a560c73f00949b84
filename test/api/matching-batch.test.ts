import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.js';
import { auditEvents, matchPreferences, participants, peerAssignments, peerWorkerProfiles, programs, users } from '../../src/server/db/schema/index.js';
import { scoreMatch, type ParticipantForMatching, type PeerWorkerForMatching } from '../../src/shared/matching/index.js';
import { isolatedCliDatabase, runCli } from '../helpers/cli.js';
import { makeOrganization, makeParticipant, makeProgram, makeUser } from '../helpers/factories.js';

/**
 * `peerpath match` on a small program, checked against every possible assignment. Each command
 * starts its own process and opens the database: seconds apiece on the embedded one.
 */

type Worker = Omit<PeerWorkerForMatching, 'id' | 'caseload'> & { name: string; disabled?: boolean; existing?: number };
type Waiting = Omit<ParticipantForMatching, 'id'> & { name: string; status?: 'discharged' };

const workers: Worker[] = [
  { name: 'Ana', languages: ['en'], livedExperience: ['alcohol', 'parent'], settings: ['community'], capacity: 2, existing: 1, availability: [{ day: 'tue', from: '17:00', to: '21:00' }] },
  { name: 'Beto', languages: ['en', 'es'], gender: 'man', livedExperience: ['opioids', 'mat'], settings: ['community'], capacity: 1, availability: [] },
  { name: 'Carla', languages: ['es'], gender: 'woman', livedExperience: ['alcohol', 'opioids'], settings: [], capacity: 1, availability: [] },
  // Would fit everyone, but no longer works here.
  { name: 'Dee', languages: ['en', 'es', 'fr'], gender: 'woman', livedExperience: ['alcohol', 'opioids', 'parent', 'mat'], settings: ['community'], capacity: 9, disabled: true, availability: [] },
];

const waiting: Waiting[] = [
  { name: 'Pat', language: 'en', wantedExperience: ['parent'], substances: ['alcohol'], pathways: [], setting: 'community', preferredTimes: [{ day: 'tue', from: '18:00', to: '20:00' }] },
  { name: 'Quinn', language: 'es', requiredLanguage: 'es', wantedExperience: [], substances: ['opioids'], pathways: ['mat_opioid'], setting: 'community' },
  { name: 'Rosa', language: 'es', requiredLanguage: 'es', preferredGender: 'woman', wantedExperience: [], substances: ['alcohol'], pathways: [], setting: 'community' },
  { name: 'Sam', language: 'en', wantedExperience: ['opioids'], substances: [], pathways: [], setting: 'community' },
  { name: 'Théo', language: 'fr', requiredLanguage: 'fr', wantedExperience: [], substances: [], pathways: [], setting: 'community' },
  { name: 'Uma', language: 'en', wantedExperience: ['parent'], substances: ['alcohol'], pathways: [], setting: 'community', status: 'discharged' },
];

/** The best possible: the most people matched, then the highest total, trying every assignment. */
function bruteForceBest(people: ParticipantForMatching[], peers: PeerWorkerForMatching[]): { matched: number; total: number } {
  const left = peers.map((w) => w.capacity - w.caseload);
  let best = { matched: 0, total: 0 };
  const visit = (i: number, matched: number, total: number) => {
    if (i === people.length) {
      if (matched > best.matched || (matched === best.matched && total > best.total)) best = { matched, total };
      return;
    }
    visit(i + 1, matched, total);
    peers.forEach((w, j) => {
      const s = scoreMatch(people[i]!, w);
      if (!s.eligible || left[j]! <= 0) return;
      left[j]!--;
      visit(i + 1, matched + 1, total + s.score);
      left[j]!++;
    });
  };
  visit(0, 0, 0);
  return best;
}

let target: Awaited<ReturnType<typeof isolatedCliDatabase>>;
let orgSlug: string;
let programSlug: string;
let programId: string;
const workerIds: Record<string, string> = {};
const participantIds: Record<string, string> = {};

async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await target.open();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const counts = () =>
  withDb(async ({ db }) => ({
    assignments: Number((await db.select({ n: count() }).from(peerAssignments))[0]!.n),
    audit: Number((await db.select({ n: count() }).from(auditEvents))[0]!.n),
  }));

beforeAll(async () => {
  target = await isolatedCliDatabase();
  expect((await runCli(['migrate'], target.env)).code).toBe(0);
  await withDb(async ({ db }) => {
    const org = await makeOrganization(db, 'Batch Org');
    const program = await makeProgram(db, org.id, 'community');
    orgSlug = org.slug;
    programSlug = program.slug;
    programId = program.id;
    for (const w of workers) {
      const user = await makeUser(db, org.id, 'peer_worker', program.id, w.name.toLowerCase());
      workerIds[w.name] = user.id;
      await db.update(users).set({ displayName: w.name, ...(w.disabled && { disabledAt: new Date() }) }).where(eq(users.id, user.id));
      const days = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } as const;
      await db.insert(peerWorkerProfiles).values({
        userId: user.id,
        organizationId: org.id,
        languages: w.languages,
        gender: (w.gender as 'man' | 'woman' | undefined) ?? null,
        livedExperience: w.livedExperience,
        settings: w.settings,
        capacity: w.capacity,
        availability: w.availability.map((a) => ({ day: days[a.day], from: a.from, to: a.to })),
      });
      for (let i = 0; i < (w.existing ?? 0); i++) {
        await makeParticipant(db, { organizationId: org.id, programId: program.id, peerWorkerId: user.id, name: `Already with ${w.name}` });
      }
    }
    for (const p of waiting) {
      const [row] = await db
        .insert(participants)
        .values({
          organizationId: org.id,
          programId: program.id,
          preferredName: p.name,
          preferredLanguage: p.language,
          substances: p.substances,
          pathways: p.pathways as Array<'mat_opioid'>,
          setting: p.setting as 'community',
          status: p.status ?? 'active',
        })
        .returning({ id: participants.id });
      participantIds[p.name] = row!.id;
      const days = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } as const;
      await db.insert(matchPreferences).values({
        participantId: row!.id,
        organizationId: org.id,
        requiredLanguage: p.requiredLanguage ?? null,
        preferredGender: (p.preferredGender as 'woman' | undefined) ?? null,
        wantedExperience: p.wantedExperience,
        preferredTimes: (p.preferredTimes ?? []).map((a) => ({ day: days[a.day], from: a.from, to: a.to })),
      });
    }
    // Another organization with a program of the same short name, and someone waiting there.
    const other = await makeOrganization(db, 'Other Org');
    const [otherProgram] = await db
      .insert(programs)
      .values({ organizationId: other.id, slug: program.slug, name: 'Same slug elsewhere', setting: 'community', timeZone: 'America/Chicago' })
      .returning();
    await makeUser(db, other.id, 'peer_worker', otherProgram!.id, 'elsewhere');
    await makeParticipant(db, { organizationId: other.id, programId: otherProgram!.id, name: 'Waiting elsewhere' });
  });
}, 120_000);
afterAll(() => target.dispose());

describe('peerpath match', () => {
  it('asks which organization when the program name is not unique', async () => {
    const res = await runCli(['match', '--program', programSlug], target.env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Several organizations have a program');
    expect(res.stderr).toContain('--org');
  }, 60_000);

  it('shows the matches on a dry run and writes nothing', async () => {
    const before = await counts();
    const res = await runCli(['match', '--program', programSlug, '--org', orgSlug, '--dry-run'], target.env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Dry run: nothing was written.');
    expect(res.stdout).toMatch(/Total score: \d+ \(3 matched, 2 not matched\)/);
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('matches the most people with the best total there is, within places left, and says who waits and why', async () => {
    const res = await runCli(['match', '--program', programSlug, '--org', orgSlug], target.env);
    expect(res.code, res.stderr).toBe(0);

    const scorable = (name: string) => waiting.find((p) => p.name === name)!;
    const people = waiting.filter((p) => p.status !== 'discharged').map(({ name, status: _s, ...p }) => ({ ...p, id: name }));
    const peers = workers.filter((w) => !w.disabled).map(({ name, disabled: _d, existing, ...w }) => ({ ...w, id: name, caseload: existing ?? 0 }));
    const best = bruteForceBest(people, peers);
    expect(best.matched).toBe(3);
    expect(res.stdout).toContain(`Total score: ${best.total} (3 matched, 2 not matched).`);

    const rows = await withDb(({ db }) =>
      db
        .select({ participant: participants.preferredName, peerWorker: users.displayName, reason: peerAssignments.reason, assignedBy: peerAssignments.assignedBy })
        .from(peerAssignments)
        .innerJoin(participants, eq(participants.id, peerAssignments.participantId))
        .innerJoin(users, eq(users.id, peerAssignments.peerWorkerId))
        .where(sql`${peerAssignments.endedAt} is null and ${participants.programId} = ${programId} and ${peerAssignments.reason} like 'batch match%'`),
    );
    expect(rows).toHaveLength(3);
    let total = 0;
    for (const row of rows) {
      const p = scorable(row.participant);
      const w = peers.find((x) => x.id === row.peerWorker)!;
      const score = scoreMatch({ ...p, id: p.name }, w);
      expect(score.eligible).toBe(true);
      expect(row.reason).toBe(`batch match (score ${score.score})`);
      expect(res.stdout).toContain(`  ${row.participant} → ${row.peerWorker}, score ${score.score}: ${score.reasons.sort((a, b) => b.points - a.points)[0]!.text.en}`);
      total += score.score;
    }
    expect(total).toBe(best.total);
    // The one best whole (107): Pat with Ana, Quinn with Beto, and Rosa with Carla, the only one who fits her; Sam waits.
    expect(rows.find((r) => r.participant === 'Rosa')?.peerWorker).toBe('Carla');

    // Nobody over capacity; the peer worker who left, the discharged person, the other organization: untouched.
    const load = await withDb(({ db }) =>
      db
        .select({ name: users.displayName, n: count() })
        .from(peerAssignments)
        .innerJoin(users, eq(users.id, peerAssignments.peerWorkerId))
        .where(sql`${peerAssignments.endedAt} is null`)
        .groupBy(users.displayName),
    );
    for (const { name, n } of load) {
      const w = workers.find((x) => x.name === name);
      if (w) expect(Number(n), name).toBeLessThanOrEqual(w.capacity);
    }
    expect(load.map((l) => l.name)).not.toContain('Dee');
    expect(rows.map((r) => r.participant)).not.toContain('Uma');
    expect(res.stdout).toContain('Not matched:');
    expect(res.stdout).toContain('  Théo: No peer worker with open places fits what this person needs (language, gender preference)');
    expect(res.stdout).toContain('  Sam: The peer workers who fit this person were filled in this round');
    const elsewhere = await withDb(({ db }) =>
      db.select({ id: peerAssignments.id }).from(peerAssignments).innerJoin(participants, eq(participants.id, peerAssignments.participantId)).where(eq(participants.preferredName, 'Waiting elsewhere')),
    );
    expect(elsewhere).toHaveLength(0);

    // One audit event per match, and one for the run.
    const events = await withDb(({ db }) => db.select().from(auditEvents).where(eq(auditEvents.action, 'match.batch_assign')));
    expect(events).toHaveLength(4);
    expect(events.filter((e) => e.participantId !== null).map((e) => e.participantId).sort()).toEqual(rows.map((r) => participantIds[r.participant]).sort());
    expect(events.find((e) => e.participantId === null)!.details).toEqual({ assigned: 3, unmatched: 2, totalScore: best.total });
    expect(rows.every((r) => r.assignedBy === null)).toBe(true);
  }, 60_000);

  it('matches nobody new when run again', async () => {
    const before = await counts();
    const res = await runCli(['match', '--program', programSlug, '--org', orgSlug], target.env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Total score: 0 (0 matched, 2 not matched).');
    const after = await counts();
    expect(after.assignments).toBe(before.assignments);
    expect(after.audit).toBe(before.audit + 1); // the run itself, with nothing assigned
    void workerIds;
  }, 60_000);
});
