import type { Db } from '../db/client.js';
import { auditEvents, consents } from '../db/schema/index.js';
import type { DemoIds } from './demo.js';

const DAY = 86_400_000;

/**
 * Alex Moreno has signed one consent: Priya Shah (clinician) may see Alex's assessment scores for
 * treatment, until Alex takes it back. Alex's privacy page shows it; Priya's home lists Alex.
 */
export async function seedConsents(db: Db, ids: DemoIds): Promise<void> {
  const participantId = ids.participants['Alex Moreno'];
  const clinicianId = ids.users['clinician@riverbend.example'];
  const peerId = ids.users['peer@riverbend.example'];
  const participantUserId = ids.users['participant@riverbend.example'];
  if (!participantId || !clinicianId || !peerId || !participantUserId) return;
  const signedAt = new Date(Date.now() - 7 * DAY);
  const [row] = await db
    .insert(consents)
    .values({
      organizationId: ids.organizationId,
      participantId,
      recipientKind: 'clinician',
      recipientUserId: clinicianId,
      recipientName: 'Priya Shah',
      purpose: 'treatment',
      categories: ['assessment_scores'],
      expiryKind: 'revocation',
      preparedBy: peerId,
      signedName: 'Alex Moreno',
      signedBy: participantUserId,
      signedAt,
      signedClient: 'demo seed',
      createdAt: new Date(signedAt.getTime() - 10 * 60_000),
    })
    .returning({ id: consents.id });
  await db.insert(auditEvents).values([
    { organizationId: ids.organizationId, actorUserId: peerId, actorRole: 'peer_worker', action: 'consent.prepare', participantId, resourceType: 'consent', resourceId: row!.id, outcome: 'allowed', occurredAt: new Date(signedAt.getTime() - 10 * 60_000), details: {} },
    { organizationId: ids.organizationId, actorUserId: participantUserId, actorRole: 'participant', action: 'consent.sign', participantId, resourceType: 'consent', resourceId: row!.id, outcome: 'allowed', occurredAt: signedAt, details: {} },
  ]);
}
