import { DateTime } from 'luxon';
import { and, count, countDistinct, eq, gte, inArray, isNull, lte, max, ne, sql } from 'drizzle-orm';
import { defaultWorkloadThresholds, PROQOL_ID, TEAM_FIGURES_MIN, type Team, type TeamMember, type WorkloadSignal } from '../../../shared/schemas/workforce.js';
import { addDays, localDate } from '../../../shared/milestones.js';
import {
  alerts,
  certifications,
  contactNotes,
  criticalIncidents,
  messages,
  noteCosigns,
  peerAssignments,
  peerWorkerProfiles,
  programs,
  supervisionAttendees,
  supervisionSessions,
  wellbeingChecks,
} from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { programsWithRole, type AuthedContext } from '../../platform/context.js';
import { thresholdsFor } from './settings.js';
import { teamOf } from './team-scope.js';

/** Whether an instant falls outside the workday on a program's clock. */
export function isAfterHours(at: Date, timeZone: string, workday: { from: number; to: number }): boolean {
  const hour = DateTime.fromJSDate(at, { zone: timeZone }).hour;
  return hour < workday.from || hour >= workday.to;
}

const DAY = 86_400_000;
const DEFAULT_CAPACITY = 25;

const byWorker = <T extends { workerId: string }>(rows: T[]) => new Map(rows.map((r) => [r.workerId, r]));

/**
 * The supervisor's team view: each peer worker's caseload against capacity, how many of their
 * participants carry open alerts (and urgent ones), alerts not yet acknowledged, notes awaiting
 * co-sign, last supervision, whether a wellbeing self-check was done (never its scores), check-in
 * signals and certifications due. Over-capacity workers come first, then the most urgent.
 */
export async function readTeam(ctx: AuthedContext, now = new Date()): Promise<Team> {
  const supervised = programsWithRole(ctx.actor, 'supervisor');
  const team = await teamOf(ctx);
  const ids = team.map((w) => w.id);
  const programRows = supervised.length
    ? await ctx.db.select({ id: programs.id, name: programs.name, timeZone: programs.timeZone }).from(programs).where(inArray(programs.id, supervised))
    : [];
  await recordAudit(ctx, { action: 'team.read', resourceType: 'team', details: { workers: ids.length } });
  if (ids.length === 0) return { programs: programRows.map(({ id, name }) => ({ id, name })), members: [], wellbeing: null };

  const weekAgo = new Date(now.getTime() - 7 * DAY);
  const tz = programRows[0]?.timeZone ?? 'UTC';
  const clockOf = new Map(programRows.map((p) => [p.id, p.timeZone]));
  const thresholdsOf = await thresholdsFor(ctx.db, programRows.map((p) => p.id));
  /** A worker in several programs: the strictest prompt of them, on the clock of the first. */
  const workerRules = (programIds: string[]) => {
    const own = programIds.map((id) => thresholdsOf.get(id)!).filter(Boolean);
    const first = own[0] ?? { ...defaultWorkloadThresholds };
    return {
      caseloadSignalPercent: Math.min(...own.map((x) => x.caseloadSignalPercent), first.caseloadSignalPercent),
      urgentAlertsPerWeek: Math.min(...own.map((x) => x.urgentAlertsPerWeek), first.urgentAlertsPerWeek),
      afterHoursMessagesPerWeek: Math.min(...own.map((x) => x.afterHoursMessagesPerWeek), first.afterHoursMessagesPerWeek),
      workday: { from: first.workdayStartHour, to: first.workdayEndHour },
      timeZone: clockOf.get(programIds[0] ?? '') ?? tz,
    };
  };
  const activeAssignment = and(inArray(peerAssignments.peerWorkerId, ids), isNull(peerAssignments.endedAt));
  const [caseloads, capacities, alertCounts, cosigns, supervision, wellbeing, urgentWeek, afterHours, incidents, certs] = await Promise.all([
    ctx.db.select({ workerId: peerAssignments.peerWorkerId, n: count() }).from(peerAssignments).where(activeAssignment).groupBy(peerAssignments.peerWorkerId),
    ctx.db.select({ workerId: peerWorkerProfiles.userId, capacity: peerWorkerProfiles.capacity }).from(peerWorkerProfiles).where(inArray(peerWorkerProfiles.userId, ids)),
    ctx.db
      .select({
        workerId: peerAssignments.peerWorkerId,
        flagged: countDistinct(alerts.participantId),
        urgent: sql<number>`count(distinct ${alerts.participantId}) filter (where ${alerts.severity} = 'urgent')`.mapWith(Number),
        unhandled: sql<number>`count(*) filter (where ${alerts.status} = 'open')`.mapWith(Number),
      })
      .from(alerts)
      .innerJoin(peerAssignments, and(eq(peerAssignments.participantId, alerts.participantId), activeAssignment))
      .where(ne(alerts.status, 'resolved'))
      .groupBy(peerAssignments.peerWorkerId),
    ctx.db
      .select({ workerId: contactNotes.authorId, n: count() })
      .from(noteCosigns)
      .innerJoin(contactNotes, eq(contactNotes.id, noteCosigns.noteId))
      .where(and(eq(noteCosigns.status, 'pending'), inArray(noteCosigns.programId, supervised), inArray(contactNotes.authorId, ids)))
      .groupBy(contactNotes.authorId),
    ctx.db
      .select({ workerId: supervisionAttendees.workerId, at: max(supervisionSessions.scheduledAt) })
      .from(supervisionAttendees)
      .innerJoin(supervisionSessions, eq(supervisionSessions.id, supervisionAttendees.sessionId))
      .where(and(inArray(supervisionAttendees.workerId, ids), eq(supervisionSessions.status, 'held')))
      .groupBy(supervisionAttendees.workerId),
    ctx.db
      .select({ workerId: wellbeingChecks.userId, at: max(wellbeingChecks.takenAt) })
      .from(wellbeingChecks)
      .where(and(inArray(wellbeingChecks.userId, ids), gte(wellbeingChecks.takenAt, new Date(now.getTime() - 90 * DAY))))
      .groupBy(wellbeingChecks.userId),
    ctx.db
      .select({ workerId: peerAssignments.peerWorkerId, n: count() })
      .from(alerts)
      .innerJoin(peerAssignments, and(eq(peerAssignments.participantId, alerts.participantId), activeAssignment))
      .where(and(eq(alerts.severity, 'urgent'), gte(alerts.createdAt, weekAgo)))
      .groupBy(peerAssignments.peerWorkerId),
    // Messages in quarter-hour buckets: each worker's own program clock and workday decide which are after hours.
    ctx.db
      .select({ workerId: messages.senderId, bucket: sql<number>`floor(extract(epoch from ${messages.createdAt}) / 900)`.mapWith(Number), n: count() })
      .from(messages)
      .where(and(inArray(messages.senderId, ids), gte(messages.createdAt, weekAgo)))
      .groupBy(messages.senderId, sql`2`),
    ctx.db
      .select({ workerId: criticalIncidents.workerId, n: count() })
      .from(criticalIncidents)
      .where(and(inArray(criticalIncidents.workerId, ids), isNull(criticalIncidents.debriefDoneAt), gte(criticalIncidents.occurredAt, new Date(now.getTime() - 30 * DAY))))
      .groupBy(criticalIncidents.workerId),
    ctx.db
      .select({ workerId: certifications.userId, n: count() })
      .from(certifications)
      .where(and(inArray(certifications.userId, ids), lte(certifications.expiresOn, addDays(localDate(now, tz), 90))))
      .groupBy(certifications.userId),
  ]);
  const [caseloadOf, capacityOf, alertsOf, cosignOf, supervisionOf, wellbeingOf, urgentOf, incidentOf, certOf] = [
    byWorker(caseloads),
    byWorker(capacities),
    byWorker(alertCounts),
    byWorker(cosigns),
    byWorker(supervision),
    byWorker(wellbeing),
    byWorker(urgentWeek),
    byWorker(incidents),
    byWorker(certs),
  ];

  const members: TeamMember[] = team.map((w) => {
    const rules = workerRules(w.programIds);
    const caseload = caseloadOf.get(w.id)?.n ?? 0;
    const capacity = capacityOf.get(w.id)?.capacity ?? DEFAULT_CAPACITY;
    const afterHoursSent = afterHours
      .filter((b) => b.workerId === w.id && isAfterHours(new Date(b.bucket * 900_000), rules.timeZone, rules.workday))
      .reduce((sum, b) => sum + b.n, 0);
    const signals: WorkloadSignal[] = [];
    if (caseload * 100 > capacity * rules.caseloadSignalPercent) signals.push('over_capacity');
    if ((urgentOf.get(w.id)?.n ?? 0) >= rules.urgentAlertsPerWeek) signals.push('urgent_alerts');
    if (afterHoursSent >= rules.afterHoursMessagesPerWeek) signals.push('after_hours_messages');
    if ((incidentOf.get(w.id)?.n ?? 0) > 0) signals.push('critical_incident');
    return {
      worker: { id: w.id, displayName: w.displayName },
      programIds: w.programIds,
      caseload,
      capacity,
      overCapacity: caseload > capacity,
      flagged: alertsOf.get(w.id)?.flagged ?? 0,
      urgent: alertsOf.get(w.id)?.urgent ?? 0,
      openAlerts: alertsOf.get(w.id)?.unhandled ?? 0,
      awaitingCosign: cosignOf.get(w.id)?.n ?? 0,
      lastSupervisionAt: supervisionOf.get(w.id)?.at?.toISOString() ?? null,
      wellbeingCheckedAt: wellbeingOf.get(w.id)?.at?.toISOString() ?? null,
      signals,
      certificationsDue: certOf.get(w.id)?.n ?? 0,
    };
  });
  members.sort(
    (a, b) =>
      Number(b.overCapacity) - Number(a.overCapacity) ||
      b.urgent - a.urgent ||
      b.openAlerts - a.openAlerts ||
      a.worker.displayName.localeCompare(b.worker.displayName),
  );
  return { programs: programRows.map(({ id, name }) => ({ id, name })), members, wellbeing: await teamWellbeing(ctx, ids, now) };
}

/**
 * Team-level ProQOL figures: the average of each worker's latest self-check in the last 90 days,
 * only when at least five workers took one, so no one's scores can be read from the figures.
 */
async function teamWellbeing(ctx: AuthedContext, ids: string[], now: Date): Promise<Team['wellbeing']> {
  const rows = await ctx.db
    .selectDistinctOn([wellbeingChecks.userId], { userId: wellbeingChecks.userId, scores: wellbeingChecks.scores })
    .from(wellbeingChecks)
    .where(
      and(inArray(wellbeingChecks.userId, ids), eq(wellbeingChecks.instrumentId, PROQOL_ID), gte(wellbeingChecks.takenAt, new Date(now.getTime() - 90 * DAY))),
    )
    .orderBy(wellbeingChecks.userId, sql`${wellbeingChecks.takenAt} desc`);
  if (rows.length < TEAM_FIGURES_MIN) return null;
  const sums: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r.scores)) sums[k] = (sums[k] ?? 0) + v;
  return {
    respondents: rows.length,
    averages: Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Math.round((v / rows.length) * 10) / 10])),
  };
}
