import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents, memberships, organizations, participants, peerAssignments, programs, users } from '../db/schema/index.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { seedParticipantHistory } from './demo-history.js';
import { seedGroupsAndMeetings } from './demo-groups.js';
import { seedResources } from './demo-resources.js';
import { seedNotes } from './demo-notes.js';
import { seedCaseload } from './demo-caseload.js';
import { seedMatching } from './demo-matching.js';
import { seedMessaging } from './demo-messaging.js';
import { seedOutcomesHistory } from './demo-outcomes.js';
import { seedConsents } from './demo-consents.js';
import { seedWorkforce } from './demo-workforce.js';
import { seedCommunity } from './demo-community.js';
import type { Role } from '../../shared/schemas/tenancy.js';

/** Everyone here is fictional. One password for every demo account, printed at start. */
export const DEMO_PASSWORD = 'riverbend-demo-2026';
export const DEMO_ORG_SLUG = 'riverbend';

export interface DemoSignIn {
  role: Role;
  email: string;
  displayName: string;
}

const people: Array<DemoSignIn & { programs: Array<'community' | 'reentry'> | null }> = [
  { role: 'org_admin', email: 'admin@riverbend.example', displayName: 'Ada Okafor', programs: null },
  { role: 'supervisor', email: 'supervisor@riverbend.example', displayName: 'Sam Rivera', programs: ['community', 'reentry'] },
  { role: 'peer_worker', email: 'peer@riverbend.example', displayName: 'Jordan Ellis', programs: ['community'] },
  { role: 'peer_worker', email: 'peer.reentry@riverbend.example', displayName: 'Marcus Bell', programs: ['reentry'] },
  { role: 'participant', email: 'participant@riverbend.example', displayName: 'Alex Moreno', programs: ['community'] },
  { role: 'clinician', email: 'clinician@riverbend.example', displayName: 'Priya Shah', programs: ['community'] },
  { role: 'moderator', email: 'moderator@riverbend.example', displayName: 'Lee Chen', programs: ['community'] },
];

export const demoSignIns: DemoSignIn[] = people.map(({ role, email, displayName }) => ({ role, email, displayName }));

/** What the feature seeds (demo-<feature>.ts) build on: the ids of everything created above them. */
export interface DemoIds {
  organizationId: string;
  programs: Record<'community' | 'reentry', string>;
  /** By email. */
  users: Record<string, string>;
  /** By preferred name. */
  participants: Record<string, string>;
}

/** Creates the Riverbend demo organization once; later calls find it and change nothing. */
export async function seedDemo(db: Db, log: (line: string) => void = () => {}): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    log('Creating Riverbend Recovery Community…');
    const [org] = await tx.insert(organizations).values({ slug: DEMO_ORG_SLUG, name: 'Riverbend Recovery Community' }).returning();
    const orgId = org!.id;
    const programRows = await tx
      .insert(programs)
      .values([
        { organizationId: orgId, slug: 'community', name: 'Community Recovery Support', setting: 'community', timeZone: 'America/Chicago' },
        { organizationId: orgId, slug: 'reentry', name: 'Reentry Bridge', setting: 'reentry', timeZone: 'America/Chicago' },
      ])
      .returning();
    const programId = (slug: string) => programRows.find((p) => p.slug === slug)!.id;

    log('Adding staff and a participant with a login…');
    const userIds: Record<string, string> = {};
    for (const person of people) {
      const [u] = await tx
        .insert(users)
        .values({ organizationId: orgId, email: person.email, displayName: person.displayName, passwordHash })
        .returning({ id: users.id });
      userIds[person.email] = u!.id;
      const programSlugs = person.programs ?? [null];
      await tx.insert(memberships).values(
        programSlugs.map((slug) => ({ organizationId: orgId, userId: u!.id, programId: slug ? programId(slug) : null, role: person.role })),
      );
    }

    log('Enrolling participants (some without a login, as in prison)…');
    const jordan = userIds['peer@riverbend.example']!;
    const marcus = userIds['peer.reentry@riverbend.example']!;
    const day = 86_400_000;
    type Enrol = { name: string; pronouns: string; program: string; user: string | null; peer: string | null; daysAgo: number; history?: { days: number; startDaysAgo: number; seed: number } };
    const enrol: Enrol[] = [
      { name: 'Alex Moreno', pronouns: 'he/him', program: 'community', user: userIds['participant@riverbend.example']!, peer: jordan, daysAgo: 64, history: { days: 45, startDaysAgo: 62, seed: 7 } },
      { name: 'Chris Palmer', pronouns: 'they/them', program: 'community', user: null, peer: jordan, daysAgo: 120, history: { days: 30, startDaysAgo: 110, seed: 11 } },
      { name: 'Taylor Reyes', pronouns: 'she/her', program: 'community', user: null, peer: null, daysAgo: 3 },
      { name: 'Dana Whitfield', pronouns: 'she/her', program: 'reentry', user: null, peer: marcus, daysAgo: 30 },
      { name: 'Luis Ortega', pronouns: 'he/him', program: 'reentry', user: null, peer: marcus, daysAgo: 12 },
    ];
    const participantIds: Record<string, string> = {};
    for (const p of enrol) {
      const enrolledAt = new Date(Date.now() - p.daysAgo * day);
      const [row] = await tx
        .insert(participants)
        .values({ organizationId: orgId, programId: programId(p.program), userId: p.user, preferredName: p.name, pronouns: p.pronouns, enrolledAt })
        .returning({ id: participants.id });
      participantIds[p.name] = row!.id;
      await tx.insert(auditEvents).values({
        organizationId: orgId,
        action: 'participant.create',
        participantId: row!.id,
        resourceType: 'participant',
        resourceId: row!.id,
        outcome: 'allowed',
        details: { source: 'demo seed' },
      });
      if (p.history) {
        await seedParticipantHistory(tx as unknown as Db, { id: row!.id, organizationId: orgId, peerWorkerId: p.peer }, p.history);
      }
      if (p.peer) {
        await tx.insert(peerAssignments).values({
          organizationId: orgId,
          participantId: row!.id,
          peerWorkerId: p.peer,
          reason: 'enrolment',
          startedAt: enrolledAt,
        });
      }
    }
    const ids: DemoIds = {
      organizationId: orgId,
      programs: { community: programId('community'), reentry: programId('reentry') },
      users: userIds,
      participants: participantIds,
    };
    // Feature seeds, each in its own file, in this order.
    await seedMatching(tx as unknown as Db, ids);
    await seedMessaging(tx as unknown as Db, ids);
    await seedNotes(tx as unknown as Db, ids);
    await seedCaseload(tx as unknown as Db, ids);
    await seedGroupsAndMeetings(tx as unknown as Db, ids);
    await seedResources(tx as unknown as Db, ids);
    await seedOutcomesHistory(tx as unknown as Db, ids);
    await seedConsents(tx as unknown as Db, ids);
    await seedWorkforce(tx as unknown as Db, ids);
    await seedCommunity(tx as unknown as Db, ids);
    void ids;
  });
  log('Demo organization ready.');
  return { created: true };
}
