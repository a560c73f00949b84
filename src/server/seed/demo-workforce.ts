import { and, desc, eq } from 'drizzle-orm';
import { addDays, localDate } from '../../shared/milestones.js';
import type { Db } from '../db/client.js';
import {
  certifications,
  contactNotes,
  noteCosigns,
  peerWorkerProfiles,
  programWorkforceSettings,
  supervisionActions,
  supervisionAttendees,
  supervisionSessions,
  trainingRecords,
} from '../db/schema/index.js';
import type { DemoIds } from './demo.js';

const DAY = 86_400_000;

/**
 * The workforce side of Riverbend: Sam Rivera supervises Jordan (community) and Marcus (reentry).
 * Marcus is on reduced hours while he finishes his certification renewal, so his caseload is over
 * his capacity and he comes first on Sam's team view; his credential expires within 90 days.
 * Community notes that are billable need a co-sign, and two of Jordan's wait for one.
 */
export async function seedWorkforce(tx: Db, ids: DemoIds): Promise<void> {
  const organizationId = ids.organizationId;
  const sam = ids.users['supervisor@riverbend.example']!;
  const jordan = ids.users['peer@riverbend.example']!;
  const marcus = ids.users['peer.reentry@riverbend.example']!;
  const today = localDate(new Date(), 'America/Chicago');

  await tx.insert(programWorkforceSettings).values([
    {
      programId: ids.programs.community,
      organizationId,
      cosignRule: 'billable',
      onboardingChecklist: ['Read the peer ethics code', 'Naloxone training', 'Shadow two visits with a senior peer worker'],
    },
    { programId: ids.programs.reentry, organizationId, cosignRule: 'all', onboardingChecklist: ['Facility clearance', 'Read the peer ethics code'] },
  ]);
  await tx.update(peerWorkerProfiles).set({ capacity: 1 }).where(eq(peerWorkerProfiles.userId, marcus));

  // Jordan's two most recent notes are billable peer services waiting for Sam's co-sign.
  const recent = await tx
    .select({ id: contactNotes.id, version: contactNotes.version })
    .from(contactNotes)
    .where(and(eq(contactNotes.authorId, jordan), eq(contactNotes.organizationId, organizationId)))
    .orderBy(desc(contactNotes.occurredAt))
    .limit(2);
  for (const [i, n] of recent.entries()) {
    await tx.update(contactNotes).set({ billable: true, serviceCode: 'H0038' }).where(eq(contactNotes.id, n.id));
    await tx.insert(noteCosigns).values({
      organizationId,
      noteId: n.id,
      programId: ids.programs.community,
      noteVersion: n.version,
      requestedAt: new Date(Date.now() - (i + 1) * DAY),
    });
  }

  const [session] = await tx
    .insert(supervisionSessions)
    .values({
      organizationId,
      programId: ids.programs.community,
      supervisorId: sam,
      kind: 'individual',
      recurrence: 'biweekly',
      status: 'held',
      scheduledAt: new Date(Date.now() - 16 * DAY),
      casesDiscussed: "Alex's interview preparation; Chris's missed check-ins.",
      boundaries: 'Alex asked to meet at a weekend barbecue. We talked through keeping it to program time.',
      disclosure: 'Sharing my own first-interview story helped; keep it short and about Alex.',
      selfCare: 'Taking Friday afternoons for the meeting I go to myself.',
    })
    .returning({ id: supervisionSessions.id });
  await tx.insert(supervisionAttendees).values({ sessionId: session!.id, workerId: jordan });
  await tx.insert(supervisionActions).values([
    { organizationId, sessionId: session!.id, workerId: jordan, text: 'Set an out-of-hours auto reply on the work phone', dueOn: addDays(today, -9), doneAt: new Date(Date.now() - 10 * DAY) },
    { organizationId, sessionId: session!.id, workerId: jordan, text: 'Book the motivational interviewing refresher', dueOn: addDays(today, 5) },
  ]);

  await tx.insert(certifications).values([
    { organizationId, userId: marcus, name: 'Certified Peer Recovery Specialist', number: 'CPRS-20417', issuer: 'State Certification Board', issuedOn: addDays(today, -670), expiresOn: addDays(today, 60), ceHoursRequired: 20 },
    { organizationId, userId: jordan, name: 'Certified Peer Recovery Specialist', number: 'CPRS-18833', issuer: 'State Certification Board', issuedOn: addDays(today, -300), expiresOn: addDays(today, 430), ceHoursRequired: 20 },
  ]);
  await tx.insert(trainingRecords).values([
    { organizationId, userId: jordan, course: 'Naloxone and overdose response', provider: 'County health department', hours: 2, domain: 'naloxone_overdose', completedOn: addDays(today, -120) },
    { organizationId, userId: jordan, course: 'Ethics and boundaries for peer workers', provider: 'State peer network', hours: 6, domain: 'ethics_boundaries', completedOn: addDays(today, -200) },
    { organizationId, userId: marcus, course: 'Trauma-informed care', provider: 'Reentry coalition', hours: 8, domain: 'trauma_informed_care', completedOn: addDays(today, -90) },
  ]);
}
