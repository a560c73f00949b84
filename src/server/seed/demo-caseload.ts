import type { Db } from '../db/client.js';
import { alerts, auditEvents, checkIns, tasks } from '../db/schema/index.js';
import { localDate, addDays } from '../../shared/milestones.js';
import type { DemoIds } from './demo.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = 'America/Chicago';

/**
 * What Jordan Ellis finds first thing: Chris Palmer checked in this morning with a strong craving,
 * well above their usual, and reported use, which raised an alert nobody has seen yet. Alex Moreno
 * is doing well and comes after. A few tasks for today and the days ahead.
 */
export async function seedCaseload(tx: Db, ids: DemoIds): Promise<void> {
  const now = Date.now();
  const organizationId = ids.organizationId;
  const jordan = ids.users['peer@riverbend.example']!;
  const chris = ids.participants['Chris Palmer']!;
  const alex = ids.participants['Alex Moreno']!;
  const today = localDate(new Date(now), ZONE);

  // Two hours ago, or less just after midnight in the program's time zone, so it is always today there.
  let back = 2 * HOUR;
  while (localDate(new Date(now - back), ZONE) !== today) back = Math.floor(back / 2);
  const checkedInAt = new Date(now - back);
  const [checkIn] = await tx
    .insert(checkIns)
    .values({
      organizationId,
      participantId: chris,
      mood: 2,
      craving: 8,
      usedSinceLast: 'yes',
      triggers: ['stress', 'money_worries'],
      triggerNote: 'Rent is due and the benefits office has not called back.',
      sleepHours: 4,
      supportContact: false,
      private: false,
      createdAt: checkedInAt,
    })
    .returning({ id: checkIns.id });
  // The same words the check-in module writes when use is reported.
  const [alert] = await tx
    .insert(alerts)
    .values({
      organizationId,
      programId: ids.programs.community,
      participantId: chris,
      kind: 'reported_use',
      severity: 'high',
      reason: 'Reported use since the last check-in. Mood 2 of 5, craving 8 of 10.',
      sourceType: 'check_in',
      sourceId: checkIn!.id,
      createdAt: checkedInAt,
    })
    .returning({ id: alerts.id });
  await tx.insert(auditEvents).values([
    { organizationId, action: 'checkin.create', participantId: chris, resourceType: 'check_in', resourceId: checkIn!.id, outcome: 'allowed', details: { source: 'demo seed' } },
    {
      organizationId,
      action: 'alert.raise',
      participantId: chris,
      resourceType: 'alert',
      resourceId: alert!.id,
      outcome: 'allowed',
      details: { kind: 'reported_use', severity: 'high', source: 'demo seed' },
    },
  ]);

  const task = (title: string, participantId: string | null, dueOn: string | null, doneAt: Date | null = null) => ({
    organizationId,
    ownerId: jordan,
    participantId,
    source: 'manual' as const,
    title,
    dueOn,
    doneAt,
    createdAt: new Date(now - 3 * DAY),
  });
  const rows = await tx
    .insert(tasks)
    .values([
      task("Ask Chris whether their sister sent the birth certificate", chris, today),
      task('Print the county housing list for Alex', alex, addDays(today, 1)),
      task('Finish the trauma-informed care module', null, null),
      task('Send the group schedule to the Tuesday meeting', null, addDays(today, 4)),
      task('Call the warehouse about Alex’s interview time', alex, addDays(today, -1), new Date(now - DAY)),
    ])
    .returning({ id: tasks.id, participantId: tasks.participantId });
  await tx.insert(auditEvents).values(
    rows.map((r) => ({
      organizationId,
      actorUserId: jordan,
      actorRole: 'peer_worker',
      action: 'task.create',
      participantId: r.participantId,
      resourceType: 'task',
      resourceId: r.id,
      outcome: 'allowed' as const,
      details: { source: 'demo seed' },
    })),
  );
}
