import { and, asc, desc, eq, isNull, lte, ne, sql } from 'drizzle-orm';
import { addDays, localDate, milestoneProgress } from '../../../shared/milestones.js';
import type { CaseloadEntry } from '../../../shared/schemas/caseload.js';
import { alerts, checkIns, contactNotes, customMilestones, goals, goalSteps, participants, recoveryStarts } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { anyOf, preparedStatement } from '../../db/prepared.js';
import { sharedCheckInsOf } from '../checkins/check-in-rows.js';
import type { FlagAlert, FlagCheckIn } from './flag-rules.js';

/**
 * The caseload's data, each kind for the whole caseload in one query: the number of queries does
 * not grow with the number of people. Callers pass only participants the actor may see.
 */

/** Enough recent check-ins for a rhythm, a craving baseline and the last check-in date. */
const RECENT_CHECKINS = 60;
export const GOALS_DUE_DAYS = 14;
const GOALS_SHOWN = 3;

const toDate = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/**
 * The most recent shared check-ins of each participant, newest first: one row per participant, its
 * check-ins as a JSON array of [epoch ms, craving] (a thousand rows mapped one by one cost the
 * caseload more than everything else it does).
 */
const recentStatement = preparedStatement('peerpath_caseload_recent_check_ins', (db, name) => {
  const ranked = db
    .select({
      participantId: checkIns.participantId,
      at: checkIns.createdAt,
      craving: checkIns.craving,
      rn: sql<number>`row_number() over (partition by ${checkIns.participantId} order by ${checkIns.createdAt} desc)`.as('rn'),
    })
    .from(checkIns)
    .where(sharedCheckInsOf(sql.placeholder('ids')))
    .as('ranked');
  return db
    .select({
      participantId: ranked.participantId,
      recent: sql<Array<[number, number]> | string>`json_agg(json_build_array(extract(epoch from ${ranked.at}) * 1000, ${ranked.craving}) order by ${ranked.at} desc)`,
    })
    .from(ranked)
    .where(lte(ranked.rn, RECENT_CHECKINS))
    .groupBy(ranked.participantId)
    .prepare(name);
});

export async function recentSharedCheckIns(db: Db, ids: readonly string[]): Promise<Map<string, FlagCheckIn[]>> {
  const rows = await recentStatement(db).execute({ ids });
  return new Map(
    rows.map((r) => {
      const recent = (typeof r.recent === 'string' ? JSON.parse(r.recent) : r.recent) as Array<[number | string, number]>;
      return [r.participantId, recent.map(([ms, craving]) => ({ at: new Date(Math.floor(Number(ms))), craving: Number(craving) }))];
    }),
  );
}

/** When each participant last had a contact recorded, by anyone. */
const lastContactStatement = preparedStatement('peerpath_caseload_last_contacts', (db, name) =>
  db
    .select({ participantId: contactNotes.participantId, at: sql<Date | string>`max(${contactNotes.occurredAt})` })
    .from(contactNotes)
    .where(anyOf(contactNotes.participantId, 'ids'))
    .groupBy(contactNotes.participantId)
    .prepare(name),
);

export async function lastContacts(db: Db, ids: readonly string[]): Promise<Map<string, Date>> {
  const rows = await lastContactStatement(db).execute({ ids });
  return new Map(rows.map((r) => [r.participantId, toDate(r.at)!]));
}

export interface OpenAlert extends FlagAlert {
  status: 'open' | 'acknowledged' | 'resolved';
  escalatedAt: Date | null;
}

/** Alerts not yet resolved, newest first. */
const openAlertsStatement = preparedStatement('peerpath_caseload_open_alerts', (db, name) =>
  db
    .select({
      participantId: alerts.participantId,
      id: alerts.id,
      kind: alerts.kind,
      severity: alerts.severity,
      status: alerts.status,
      createdAt: alerts.createdAt,
      escalatedAt: alerts.escalatedAt,
    })
    .from(alerts)
    .where(and(anyOf(alerts.participantId, 'ids'), ne(alerts.status, 'resolved')))
    .orderBy(desc(alerts.createdAt))
    .prepare(name),
);

export async function openAlertsOf(db: Db, ids: readonly string[]): Promise<Map<string, OpenAlert[]>> {
  const rows = await openAlertsStatement(db).execute({ ids });
  return groupBy(rows, (r) => r.participantId);
}

type GoalDue = CaseloadEntry['goalsDue'][number];

const stepsDueStatement = preparedStatement('peerpath_caseload_steps_due', (db, name) =>
  db
    .select({ participantId: goals.participantId, goalId: goals.id, goalTitle: goals.title, stepTitle: goalSteps.title, dueOn: goalSteps.dueDate })
    .from(goalSteps)
    .innerJoin(goals, eq(goals.id, goalSteps.goalId))
    .where(and(anyOf(goals.participantId, 'ids'), eq(goals.status, 'active'), isNull(goalSteps.completedAt), lte(goalSteps.dueDate, sql.placeholder('horizon'))))
    .prepare(name),
);

const goalsDueStatement = preparedStatement('peerpath_caseload_goals_due', (db, name) =>
  db
    .select({ participantId: goals.participantId, goalId: goals.id, goalTitle: goals.title, dueOn: goals.targetDate })
    .from(goals)
    .where(and(anyOf(goals.participantId, 'ids'), eq(goals.status, 'active'), lte(goals.targetDate, sql.placeholder('horizon'))))
    .prepare(name),
);

/**
 * Steps not done and goals not reached whose date is within the next two weeks or already past,
 * soonest first. `today` is each participant's date on their program's calendar.
 */
export async function goalsDueSoon(db: Db, today: Map<string, string>): Promise<Map<string, GoalDue[]>> {
  const ids = [...today.keys()];
  const latest = [...today.values()].sort().at(-1)!;
  const horizon = addDays(latest, GOALS_DUE_DAYS);
  const [steps, targets] = await Promise.all([stepsDueStatement(db).execute({ ids, horizon }), goalsDueStatement(db).execute({ ids, horizon })]);
  const all = [...steps, ...targets.map((t) => ({ ...t, stepTitle: null }))];
  const result = new Map<string, GoalDue[]>();
  for (const [participantId, rows] of groupBy(all, (r) => r.participantId)) {
    const day = today.get(participantId)!;
    const due = rows
      .filter((r): r is typeof r & { dueOn: string } => r.dueOn !== null && r.dueOn <= addDays(day, GOALS_DUE_DAYS))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
      .slice(0, GOALS_SHOWN)
      .map((r) => ({ goalId: r.goalId, goalTitle: r.goalTitle, stepTitle: r.stepTitle, dueOn: r.dueOn, overdue: r.dueOn < day }));
    result.set(participantId, due);
  }
  return result;
}

type NextMilestone = NonNullable<CaseloadEntry['nextMilestone']>;

const startsStatement = preparedStatement('peerpath_caseload_recovery_starts', (db, name) =>
  db
    .selectDistinctOn([recoveryStarts.participantId], {
      participantId: recoveryStarts.participantId,
      startDate: recoveryStarts.startDate,
      countsDays: participants.countsDays,
    })
    .from(recoveryStarts)
    .innerJoin(participants, eq(participants.id, recoveryStarts.participantId))
    .where(anyOf(recoveryStarts.participantId, 'ids'))
    .orderBy(recoveryStarts.participantId, desc(recoveryStarts.createdAt), desc(recoveryStarts.id))
    .prepare(name),
);

const customMilestonesStatement = preparedStatement('peerpath_caseload_custom_milestones', (db, name) =>
  db
    .select({ participantId: customMilestones.participantId, label: customMilestones.label, date: customMilestones.date })
    .from(customMilestones)
    .where(and(anyOf(customMilestones.participantId, 'ids'), sql`${customMilestones.date} > ${sql.placeholder('earliest')}`))
    .orderBy(asc(customMilestones.date))
    .prepare(name),
);

/**
 * The next milestone of each participant: the next standard one from their current start date (when
 * they count days; the choice is theirs) or a milestone of their own, whichever comes first.
 */
export async function nextMilestones(db: Db, today: Map<string, string>): Promise<Map<string, NextMilestone>> {
  const ids = [...today.keys()];
  const earliest = [...today.values()].sort()[0]!;
  const [starts, customs] = await Promise.all([startsStatement(db).execute({ ids }), customMilestonesStatement(db).execute({ ids, earliest })]);
  const result = new Map<string, NextMilestone>();
  for (const s of starts) {
    if (!s.countsDays) continue;
    const next = milestoneProgress(s.startDate, today.get(s.participantId)!).next;
    result.set(s.participantId, { kind: 'standard', unit: next.unit, amount: next.amount, label: null, date: next.date });
  }
  for (const c of customs) {
    const current = result.get(c.participantId);
    if (c.date <= today.get(c.participantId)! || (current && current.date <= c.date)) continue;
    result.set(c.participantId, { kind: 'custom', unit: null, amount: null, label: c.label, date: c.date });
  }
  return result;
}

/** Each participant's calendar date now, on their program's clock. */
export function todayOf(people: ReadonlyArray<{ id: string; timeZone: string }>, now: Date): Map<string, string> {
  return new Map(people.map((p) => [p.id, localDate(now, p.timeZone)]));
}
