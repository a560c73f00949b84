import type { Db } from '../../src/server/db/client.js';
import { alerts, checkIns, contactNotes } from '../../src/server/db/schema/index.js';
import type { alertKinds, alertSeverities } from '../../src/shared/schemas/journey.js';

/** Synthetic history for caseload, alert and task tests, written straight to the tables. */

export const DAY = 86_400_000;
export const ago = (days: number, from = Date.now()) => new Date(from - days * DAY);

export async function addCheckIns(
  db: Db,
  p: { id: string; organizationId: string },
  days: number[],
  opts: { craving?: number | ((d: number) => number); private?: boolean } = {},
) {
  if (days.length === 0) return;
  await db.insert(checkIns).values(
    days.map((d) => ({
      organizationId: p.organizationId,
      participantId: p.id,
      mood: 3,
      craving: typeof opts.craving === 'function' ? opts.craving(d) : (opts.craving ?? 2),
      usedSinceLast: 'no' as const,
      private: opts.private ?? false,
      createdAt: ago(d),
    })),
  );
}

export async function addAlert(
  db: Db,
  p: { id: string; organizationId: string; programId: string },
  opts: { kind: (typeof alertKinds)[number]; severity: (typeof alertSeverities)[number]; createdAt?: Date; reason?: string },
) {
  const [row] = await db
    .insert(alerts)
    .values({
      organizationId: p.organizationId,
      programId: p.programId,
      participantId: p.id,
      kind: opts.kind,
      severity: opts.severity,
      reason: opts.reason ?? 'A test alert.',
      createdAt: opts.createdAt ?? new Date(),
    })
    .returning();
  return row!;
}

export async function addContact(db: Db, p: { id: string; organizationId: string }, authorId: string, daysAgo: number) {
  await db.insert(contactNotes).values({
    organizationId: p.organizationId,
    participantId: p.id,
    authorId,
    contactType: 'phone',
    occurredAt: ago(daysAgo),
    durationMinutes: 15,
    summary: 'Talked about the week.',
  });
}
