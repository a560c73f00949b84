import { and, eq, isNull } from 'drizzle-orm';
import type { AttendanceMarks, Roster, RosterEntry } from '../../../shared/schemas/groups.js';
import { participants, peerGroupAttendance, peerGroupEnrolments, peerGroupRsvps } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadGroupToManage, type GroupInContext } from './group-access.js';
import { ensureSessionRow, findSessionRow, sessionView } from './sessions.js';
import { localDate } from '../../../shared/milestones.js';

const personColumns = { participantId: participants.id, preferredName: participants.preferredName, pronouns: participants.pronouns, userId: participants.userId };

/** Everyone on a session's list: the enrolled, and whoever already has a mark (walk-ins, people who left since). */
async function rosterEntries(ctx: AuthedContext, g: GroupInContext, date: string): Promise<RosterEntry[]> {
  const session = await findSessionRow(ctx, g, date);
  const enrolled = await ctx.db
    .select(personColumns)
    .from(peerGroupEnrolments)
    .innerJoin(participants, eq(participants.id, peerGroupEnrolments.participantId))
    .where(and(eq(peerGroupEnrolments.groupId, g.group.id), isNull(peerGroupEnrolments.withdrawnAt)));
  const marked = session
    ? await ctx.db
        .select({ ...personColumns, status: peerGroupAttendance.status, walkIn: peerGroupAttendance.walkIn })
        .from(peerGroupAttendance)
        .innerJoin(participants, eq(participants.id, peerGroupAttendance.participantId))
        .where(eq(peerGroupAttendance.sessionId, session.id))
    : [];
  const rsvps = session
    ? await ctx.db.select().from(peerGroupRsvps).where(eq(peerGroupRsvps.sessionId, session.id))
    : [];
  const enrolledIds = new Set(enrolled.map((e) => e.participantId));
  const byId = new Map<string, RosterEntry>();
  for (const p of [...enrolled, ...marked]) {
    const mark = marked.find((m) => m.participantId === p.participantId);
    byId.set(p.participantId, {
      participantId: p.participantId,
      preferredName: p.preferredName,
      pronouns: p.pronouns,
      hasLogin: p.userId !== null,
      enrolled: enrolledIds.has(p.participantId),
      walkIn: mark?.walkIn ?? false,
      rsvp: rsvps.find((r) => r.participantId === p.participantId)?.response ?? null,
      status: mark?.status ?? null,
    });
  }
  // The enrolled first, then walk-ins, each by name: the facilitator's list reads the same every week.
  return [...byId.values()].sort((a, b) => Number(b.enrolled) - Number(a.enrolled) || a.preferredName.localeCompare(b.preferredName));
}

async function roster(ctx: AuthedContext, g: GroupInContext, date: string): Promise<Roster> {
  const [session, entries] = await Promise.all([sessionView(ctx, g, date), rosterEntries(ctx, g, date)]);
  return { group: { id: g.group.id, topic: g.group.topic, programId: g.group.programId, timeZone: g.timeZone }, session, entries };
}

/** The attendance list of a session, for its facilitators; each person listed is an audited read. */
export async function getRoster(ctx: AuthedContext, groupId: string, date: string): Promise<Roster> {
  const g = await loadGroupToManage(ctx, groupId);
  const result = await roster(ctx, g, date);
  await recordAudit(
    ctx,
    ...result.entries.map((e) => ({ action: 'group_attendance.read' as const, participantId: e.participantId, resourceType: 'group', resourceId: groupId, details: { date } })),
  );
  return result;
}

/** Attendance is taken for a session that is on, from its day onwards. */
export async function requireSessionToMark(ctx: AuthedContext, g: GroupInContext, date: string, now = new Date()): Promise<void> {
  const session = await sessionView(ctx, g, date);
  if (session.status === 'cancelled') throw new AppError('group_session.cancelled', 'This session was cancelled.');
  if (localDate(new Date(session.startsAt), g.timeZone) > localDate(now, g.timeZone)) {
    throw new AppError('group_session.not_yet', 'Attendance is taken on the day of the session.');
  }
}

/**
 * Marks people present, absent or excused, all in one write: someone who is neither enrolled nor
 * already on this session's list is refused (add them as a walk-in), and then nothing is saved.
 */
export async function recordAttendance(ctx: AuthedContext, groupId: string, date: string, input: AttendanceMarks): Promise<Roster> {
  const g = await loadGroupToManage(ctx, groupId);
  await requireSessionToMark(ctx, g, date);
  const onList = new Set((await rosterEntries(ctx, g, date)).map((e) => e.participantId));
  const stranger = input.marks.findIndex((m) => !onList.has(m.participantId));
  if (stranger >= 0) {
    throw new AppError('validation.failed', 'Someone marked is not in this group: add them as a walk-in.', [
      { path: `body.marks.${stranger}.participantId`, message: 'is not enrolled in this group or on this session’s list' },
    ]);
  }
  await inTransaction(ctx, async (tx) => {
    const session = await ensureSessionRow(tx as AuthedContext, g, date);
    for (const mark of input.marks) {
      await tx.db
        .insert(peerGroupAttendance)
        .values({ organizationId: ctx.actor.organizationId, sessionId: session.id, participantId: mark.participantId, status: mark.status, recordedBy: ctx.actor.userId })
        .onConflictDoUpdate({
          target: [peerGroupAttendance.sessionId, peerGroupAttendance.participantId],
          set: { status: mark.status, recordedBy: ctx.actor.userId, recordedAt: new Date() },
        });
    }
    await recordAudit(
      tx,
      ...input.marks.map((m) => ({ action: 'group_attendance.record' as const, participantId: m.participantId, resourceType: 'group_session', resourceId: session.id, details: { status: m.status, date } })),
    );
  });
  return roster(ctx, g, date);
}

export { roster as rosterOf };
