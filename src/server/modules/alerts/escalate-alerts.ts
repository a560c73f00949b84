import { and, inArray, isNull, sql } from 'drizzle-orm';
import { DEFAULT_ESCALATE_AFTER_MINUTES } from '../../../shared/schemas/caseload.js';
import type { alertKinds } from '../../../shared/schemas/journey.js';
import type { NotificationKind } from '../../../shared/schemas/notifications.js';
import { localeSchema } from '../../../shared/schemas/tenancy.js';
import type { Db } from '../../db/client.js';
import { notifications, peerAssignments, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { userChannel, type Realtime } from '../../platform/realtime.js';
import { programSupervisors } from './alert-audience.js';
import { escalatedMessage } from './messages.js';

interface Escalated {
  id: string;
  organization_id: string;
  program_id: string;
  participant_id: string;
  kind: (typeof alertKinds)[number];
  created_at: Date | string;
  preferred_name: string;
}

export const ESCALATION_NOTIFICATION_KIND = 'alert_escalated' satisfies NotificationKind;

/**
 * The escalation job: an urgent alert nobody has acknowledged within its program's
 * `escalateAfterMinutes` (30 by default) goes to the program's supervisors, as an in-app
 * notification and a live event, and is marked so it escalates once. Claiming and notifying share
 * one transaction, and rows another instance is claiming are skipped.
 * `now` is a parameter so tests can stand at any moment.
 */
export async function escalateOverdueAlerts(deps: { db: Db; realtime: Realtime }, now = new Date()): Promise<{ escalated: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const published: Array<{ userIds: string[]; event: { type: string; [k: string]: unknown } }> = [];
  const escalated = await deps.db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with due as (
        select a.id
        from alerts a
        left join program_flag_rules r on r.program_id = a.program_id
        where a.severity = 'urgent'
          and a.status = 'open'
          and a.escalated_at is null
          and a.created_at + make_interval(mins => coalesce(r.escalate_after_minutes, ${DEFAULT_ESCALATE_AFTER_MINUTES}::int)) <= ${at}
        for update of a skip locked
      )
      update alerts a set escalated_at = ${at}
      from due, participants p
      where a.id = due.id and p.id = a.participant_id
      returning a.id, a.organization_id, a.program_id, a.participant_id, a.kind, a.created_at, p.preferred_name
    `);
    const rows = (result as unknown as { rows: Escalated[] }).rows;
    if (rows.length === 0) return 0;

    const programIds = [...new Set(rows.map((r) => r.program_id))];
    const [supervisors, peers] = await Promise.all([
      programSupervisors(tx as unknown as Db, programIds),
      tx
        .select({ participantId: peerAssignments.participantId, userId: peerAssignments.peerWorkerId })
        .from(peerAssignments)
        .where(and(inArray(peerAssignments.participantId, rows.map((r) => r.participant_id)), isNull(peerAssignments.endedAt))),
    ]);
    const supervisorIds = [...new Set(supervisors.map((s) => s.userId))];
    const people = supervisorIds.length
      ? await tx.select({ id: users.id, locale: users.locale, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, supervisorIds))
      : [];
    const active = new Map(people.filter((p) => p.disabledAt === null).map((p) => [p.id, localeSchema.catch('en').parse(p.locale)]));

    const toNotify = rows.flatMap((r) => {
      const minutes = Math.round((now.getTime() - new Date(r.created_at).getTime()) / 60_000);
      return supervisors
        .filter((s) => s.programId === r.program_id && active.has(s.userId))
        .map((s) => ({
          organizationId: r.organization_id,
          userId: s.userId,
          kind: ESCALATION_NOTIFICATION_KIND,
          ...escalatedMessage(active.get(s.userId)!, r.preferred_name, r.kind, minutes),
          link: `/participants/${r.participant_id}`,
          createdAt: now,
        }));
    });
    if (toNotify.length) await tx.insert(notifications).values(toNotify);

    await recordAudit(
      { actor: null, requestId: `job:alerts.escalate:${now.toISOString()}`, ip: null, db: tx as unknown as Db },
      ...rows.map((r) => ({
        action: 'alert.escalate' as const,
        organizationId: r.organization_id,
        participantId: r.participant_id,
        resourceType: 'alert',
        resourceId: r.id,
        details: { kind: r.kind, notified: supervisors.filter((s) => s.programId === r.program_id).map((s) => s.userId) },
      })),
    );

    for (const r of rows) {
      const audience = [
        ...supervisors.filter((s) => s.programId === r.program_id).map((s) => s.userId),
        ...peers.filter((p) => p.participantId === r.participant_id).map((p) => p.userId),
      ];
      published.push({
        userIds: [...new Set(audience)],
        event: { type: 'alert.escalated', alertId: r.id, participantId: r.participant_id, kind: r.kind, severity: 'urgent' },
      });
    }
    return rows.length;
  });
  // After the commit: a live event never announces a row nobody can read yet.
  for (const { userIds, event } of published) {
    await Promise.all(userIds.map((id) => deps.realtime.publish(userChannel(id), event).catch(() => {})));
  }
  return { escalated };
}
