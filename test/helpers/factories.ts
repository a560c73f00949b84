import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/client.js';
import { memberships, organizations, participants, peerAssignments, programs, users } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import type { Role } from '../../src/shared/schemas/tenancy.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const testHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export interface TestUser {
  id: string;
  email: string;
}

export async function makeOrganization(db: Db, name = 'Test Recovery Org') {
  const suffix = randomUUID().slice(0, 8);
  const [org] = await db.insert(organizations).values({ slug: `org-${suffix}`, name }).returning();
  return org!;
}

export async function makeProgram(db: Db, organizationId: string, setting: 'community' | 'reentry' = 'community') {
  const [p] = await db
    .insert(programs)
    .values({ organizationId, slug: `${setting}-${randomUUID().slice(0, 6)}`, name: `${setting} program`, setting, timeZone: 'America/Chicago' })
    .returning();
  return p!;
}

export async function makeUser(db: Db, organizationId: string, role: Role, programId: string | null, label: string = role): Promise<TestUser> {
  const email = `${label}-${randomUUID().slice(0, 8)}@test.example`;
  const [u] = await db
    .insert(users)
    .values({ organizationId, email, displayName: `${label} person`, passwordHash: await testHash() })
    .returning({ id: users.id });
  await db.insert(memberships).values({ organizationId, userId: u!.id, programId: role === 'org_admin' ? null : programId, role });
  return { id: u!.id, email };
}

export async function makeParticipant(
  db: Db,
  opts: { organizationId: string; programId: string; userId?: string | null; peerWorkerId?: string; name?: string },
) {
  const [p] = await db
    .insert(participants)
    .values({ organizationId: opts.organizationId, programId: opts.programId, userId: opts.userId ?? null, preferredName: opts.name ?? 'Pat Doe' })
    .returning();
  if (opts.peerWorkerId) {
    await db.insert(peerAssignments).values({ organizationId: opts.organizationId, participantId: p!.id, peerWorkerId: opts.peerWorkerId });
  }
  return p!;
}

/**
 * One organization with two programs and a person in every role, related the way the access
 * policy cares about: an assigned peer worker, an unassigned one, a peer worker and a supervisor
 * of the other program, two participants with logins and one without.
 */
export async function makeWorld(db: Db) {
  const org = await makeOrganization(db);
  const programA = await makeProgram(db, org.id, 'community');
  const programB = await makeProgram(db, org.id, 'reentry');
  const [orgAdmin, supervisorA, supervisorB, peerA, peerA2, peerB, clinicianA, moderatorA, participantUser, otherParticipantUser] =
    await Promise.all([
      makeUser(db, org.id, 'org_admin', null, 'admin'),
      makeUser(db, org.id, 'supervisor', programA.id, 'supervisor-a'),
      makeUser(db, org.id, 'supervisor', programB.id, 'supervisor-b'),
      makeUser(db, org.id, 'peer_worker', programA.id, 'peer-a'),
      makeUser(db, org.id, 'peer_worker', programA.id, 'peer-a2'),
      makeUser(db, org.id, 'peer_worker', programB.id, 'peer-b'),
      makeUser(db, org.id, 'clinician', programA.id, 'clinician-a'),
      makeUser(db, org.id, 'moderator', programA.id, 'moderator-a'),
      makeUser(db, org.id, 'participant', programA.id, 'participant'),
      makeUser(db, org.id, 'participant', programA.id, 'participant-2'),
    ]);
  const participant = await makeParticipant(db, {
    organizationId: org.id,
    programId: programA.id,
    userId: participantUser.id,
    peerWorkerId: peerA.id,
    name: 'Alex Example',
  });
  const otherParticipant = await makeParticipant(db, {
    organizationId: org.id,
    programId: programA.id,
    userId: otherParticipantUser.id,
    peerWorkerId: peerA2.id,
    name: 'Robin Example',
  });
  const noLoginParticipant = await makeParticipant(db, { organizationId: org.id, programId: programB.id, peerWorkerId: peerB.id, name: 'Dana Example' });
  return {
    org,
    programA,
    programB,
    users: { orgAdmin, supervisorA, supervisorB, peerA, peerA2, peerB, clinicianA, moderatorA, participantUser, otherParticipantUser },
    participant,
    otherParticipant,
    noLoginParticipant,
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;
