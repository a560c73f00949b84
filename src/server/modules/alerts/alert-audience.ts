import { and, eq, inArray, isNull } from 'drizzle-orm';
import { memberships, peerAssignments } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';

/** Everyone who sees a participant's alerts: their peer worker(s) and the program's supervisors. */
export async function alertAudience(db: Db, alert: { participantId: string; programId: string }): Promise<string[]> {
  const [peers, supervisors] = await Promise.all([
    db
      .select({ id: peerAssignments.peerWorkerId })
      .from(peerAssignments)
      .where(and(eq(peerAssignments.participantId, alert.participantId), isNull(peerAssignments.endedAt))),
    programSupervisors(db, [alert.programId]),
  ]);
  return [...new Set([...peers.map((p) => p.id), ...supervisors.map((s) => s.userId)])];
}

export async function programSupervisors(db: Db, programIds: readonly string[]) {
  if (programIds.length === 0) return [];
  return db
    .select({ userId: memberships.userId, programId: memberships.programId })
    .from(memberships)
    .where(and(inArray(memberships.programId, [...programIds]), eq(memberships.role, 'supervisor')));
}
