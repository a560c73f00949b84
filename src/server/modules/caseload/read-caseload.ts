import { and, eq, inArray, isNull, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { daysBetween, localDate } from '../../../shared/milestones.js';
import type { Caseload, CaseloadEntry } from '../../../shared/schemas/caseload.js';
import { memberships, participants, peerAssignments, programs, users } from '../../db/schema/index.js';
import { assignedPeerGrants, visibleParticipants, type DataCategory } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { programsWithRole, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { byParticipantAndDay, calendarDays, dailyAveragesQuery } from '../checkins/check-in-trend.js';
import { sharedCheckInsOf } from '../checkins/check-in-rows.js';
import { goalsDueSoon, lastContacts, nextMilestones, openAlertsOf, recentSharedCheckIns, todayOf } from './caseload-data.js';
import { attentionOf, byAttention, evaluateFlags } from './flag-rules.js';
import { loadProgramRules } from './rules-store.js';

export const TREND_DAYS = 14;

/** What a caseload card shows; the actor needs to read each of them to see the card. */
const shownCategories: DataCategory[] = ['checkins', 'goals', 'milestones', 'alerts', 'contact_notes'];

/**
 * The people on a peer worker's caseload whom `visible` admits. Someone discharged stays on the
 * caseload only with continued support.
 */
function peopleQuery(db: Db, peerWorkerId: string | Placeholder, visible: SQL) {
  return db
    .select({
      id: participants.id,
      preferredName: participants.preferredName,
      pronouns: participants.pronouns,
      programId: participants.programId,
      programName: programs.name,
      timeZone: programs.timeZone,
      setting: participants.setting,
      status: participants.status,
      assignedAt: peerAssignments.startedAt,
    })
    .from(participants)
    .innerJoin(
      peerAssignments,
      and(eq(peerAssignments.participantId, participants.id), eq(peerAssignments.peerWorkerId, peerWorkerId), isNull(peerAssignments.endedAt)),
    )
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(and(visible, or(eq(participants.status, 'active'), eq(participants.continuedSupport, true))))
    .limit(500);
}

/**
 * A peer worker's own caseload, prepared once: their assignment is the relationship that lets them
 * see each person (`assignedPeerGrants`), so the policy's condition is their organization.
 */
const ownPeopleStatement = preparedStatement('peerpath_caseload_own_people', (db, name) =>
  peopleQuery(db, sql.placeholder('peerWorkerId'), eq(participants.organizationId, sql.placeholder('organizationId'))).prepare(name),
);

const trendStatement = preparedStatement('peerpath_caseload_trend', (db, name) =>
  dailyAveragesQuery(db, sharedCheckInsOf(sql.placeholder('ids')), sql.placeholder('tz'), sql.placeholder('first'), sql.placeholder('last')).prepare(name),
);

/**
 * Whose caseload: the caller's own, or, for a supervisor, a peer worker of a program they supervise.
 * Anyone else is "not found".
 */
async function caseloadOwner(ctx: AuthedContext, peerWorkerId: string | undefined) {
  const id = peerWorkerId ?? ctx.actor.userId;
  if (id === ctx.actor.userId) return { id, displayName: ctx.actor.displayName };
  const supervised = programsWithRole(ctx.actor, 'supervisor');
  const [row] = supervised.length
    ? await ctx.db
        .select({ id: users.id, displayName: users.displayName })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.userId, id),
            eq(memberships.organizationId, ctx.actor.organizationId),
            eq(memberships.role, 'peer_worker'),
            inArray(memberships.programId, supervised),
          ),
        )
        .limit(1)
    : [];
  if (!row) throw new AppError('user.not_found', 'That peer worker was not found.');
  return row;
}

/**
 * Who needs me today, and why: the peer worker's participants with their flags and what is coming
 * up, most in need first. A handful of queries for the whole caseload; every person listed leaves
 * a `caseload.read` event in the trail.
 */
export async function readCaseload(ctx: AuthedContext, query: { peerWorkerId?: string }, now = new Date()): Promise<Caseload> {
  const owner = await caseloadOwner(ctx, query.peerWorkerId);
  const own = owner.id === ctx.actor.userId && assignedPeerGrants(shownCategories);
  const people = own
    ? await ownPeopleStatement(ctx.db).execute({ peerWorkerId: owner.id, organizationId: ctx.actor.organizationId })
    : await peopleQuery(ctx.db, owner.id, and(...shownCategories.map((c) => visibleParticipants(ctx.actor, c)))!);
  if (people.length === 0) return { peerWorker: owner, entries: [] };

  const ids = people.map((p) => p.id);
  const today = todayOf(people, now);
  const zones = [...new Set(people.map((p) => p.timeZone))];
  const [rules, checkIns, contacts, open, due, milestones, trends] = await Promise.all([
    loadProgramRules(ctx.db, [...new Set(people.map((p) => p.programId))]),
    recentSharedCheckIns(ctx.db, ids),
    lastContacts(ctx.db, ids),
    openAlertsOf(ctx.db, ids),
    goalsDueSoon(ctx.db, today),
    nextMilestones(ctx.db, today),
    // One query per time zone among the caseload's programs (nearly always one).
    Promise.all(
      zones.map((tz) => {
        const inZone = people.filter((p) => p.timeZone === tz).map((p) => p.id);
        const dates = calendarDays(localDate(now, tz), TREND_DAYS);
        return trendStatement(ctx.db)
          .execute({ ids: inZone, tz, first: dates[0], last: dates.at(-1) })
          .then((rows) => byParticipantAndDay(rows, dates));
      }),
    ).then((maps) => new Map(maps.flatMap((m) => [...m]))),
  ]);

  const entries = people.map((p) => {
    const history = checkIns.get(p.id) ?? [];
    const alertsOpen = open.get(p.id) ?? [];
    const lastContactAt = contacts.get(p.id) ?? null;
    const flags = evaluateFlags(
      { now, timeZone: p.timeZone, checkIns: history, openAlerts: alertsOpen, lastContactAt, assignedAt: p.assignedAt },
      rules.get(p.programId)!.rules,
    );
    const days = (trends.get(p.id) ?? calendarDays(today.get(p.id)!, TREND_DAYS).map((date) => ({ date, mood: null, craving: null }))).map(
      ({ date, mood, craving }) => ({ date, mood, craving }),
    );
    const entry: CaseloadEntry = {
      participant: { id: p.id, preferredName: p.preferredName, pronouns: p.pronouns, programId: p.programId, programName: p.programName, setting: p.setting, status: p.status },
      timeZone: p.timeZone,
      lastContactAt: lastContactAt?.toISOString() ?? null,
      lastCheckInAt: history[0]?.at.toISOString() ?? null,
      trend: { days, moodAverage: average(days.map((d) => d.mood)), cravingAverage: average(days.map((d) => d.craving)) },
      goalsDue: due.get(p.id) ?? [],
      nextMilestone: milestones.get(p.id) ?? null,
      openAlerts: alertsOpen.map((a) => ({
        id: a.id,
        kind: a.kind,
        severity: a.severity,
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        escalatedAt: a.escalatedAt?.toISOString() ?? null,
      })),
      flags,
      attention: attentionOf(flags),
    };
    const daysWithoutContact = daysBetween(localDate(lastContactAt ?? p.assignedAt, p.timeZone), today.get(p.id)!);
    return { entry, sortKey: { name: p.preferredName, flags, daysWithoutContact } };
  });
  entries.sort((a, b) => byAttention(a.sortKey, b.sortKey));

  await recordAudit(
    ctx,
    ...people.map((p) => ({
      action: 'caseload.read' as const,
      participantId: p.id,
      resourceType: 'caseload',
      resourceId: owner.id,
    })),
  );
  return { peerWorker: owner, entries: entries.map((e) => e.entry) };
}

function average(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10 : null;
}
