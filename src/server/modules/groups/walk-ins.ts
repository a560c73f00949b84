import { and, asc, eq, ilike } from 'drizzle-orm';
import type { Roster, WalkIn } from '../../../shared/schemas/groups.js';
import { participants, peerGroupAttendance } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { requireSessionToMark, rosterOf } from './attendance.js';
import { requireProgramParticipant } from './enrolments.js';
import { loadGroupToManage } from './group-access.js';
import { isEnrolled } from './group-view.js';
import { ensureSessionRow } from './sessions.js';

/**
 * Participants of the group's program whose name matches, for adding a walk-in: names only, ten at
 * most, each one an audited sighting. A facilitator needs this for people who are not on their own
 * caseload (a prison unit's residents walk in to whichever group runs).
 */
export async function searchWalkIns(ctx: AuthedContext, groupId: string, q: string) {
  const g = await loadGroupToManage(ctx, groupId);
  const rows = await ctx.db
    .select({ participantId: participants.id, preferredName: participants.preferredName, pronouns: participants.pronouns })
    .from(participants)
    .where(
      and(
        eq(participants.organizationId, ctx.actor.organizationId),
        eq(participants.programId, g.group.programId),
        eq(participants.status, 'active'),
        ilike(participants.preferredName, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
      ),
    )
    .orderBy(asc(participants.preferredName))
    .limit(10);
  await recordAudit(
    ctx,
    ...rows.map((r) => ({ action: 'participant.list' as const, participantId: r.participantId, resourceType: 'participant', resourceId: r.participantId, details: { via: 'group_walk_in_search', groupId } })),
  );
  return { candidates: rows };
}

/**
 * Someone who came without being enrolled, marked present on the spot: a participant of the
 * program, or a new person by name, who gets a participant record without a login in the group's
 * program (as residents of a prison unit often have). One transaction: the record and the mark together.
 */
export async function addWalkIn(ctx: AuthedContext, groupId: string, date: string, input: WalkIn): Promise<Roster> {
  const g = await loadGroupToManage(ctx, groupId);
  await requireSessionToMark(ctx, g, date);
  if ('participantId' in input) await requireProgramParticipant(ctx, g.group.programId, input.participantId);
  const enrolled = 'participantId' in input && (await isEnrolled(ctx, groupId, input.participantId));
  await inTransaction(ctx, async (tx) => {
    const session = await ensureSessionRow(tx as AuthedContext, g, date);
    let participantId: string;
    if ('participantId' in input) {
      participantId = input.participantId;
    } else {
      const [created] = await tx.db
        .insert(participants)
        .values({ organizationId: ctx.actor.organizationId, programId: g.group.programId, preferredName: input.preferredName, pronouns: input.pronouns || null })
        .returning({ id: participants.id });
      participantId = created!.id;
      await recordAudit(tx, { action: 'participant.create', participantId, resourceType: 'participant', resourceId: participantId, details: { via: 'group_walk_in', groupId } });
    }
    await tx.db
      .insert(peerGroupAttendance)
      .values({ organizationId: ctx.actor.organizationId, sessionId: session.id, participantId, status: 'present', walkIn: !enrolled, recordedBy: ctx.actor.userId })
      .onConflictDoUpdate({ target: [peerGroupAttendance.sessionId, peerGroupAttendance.participantId], set: { status: 'present', recordedBy: ctx.actor.userId, recordedAt: new Date() } });
    await recordAudit(tx, { action: 'group_attendance.record', participantId, resourceType: 'group_session', resourceId: session.id, details: { status: 'present', walkIn: !enrolled, date } });
  });
  return rosterOf(ctx, g, date);
}
