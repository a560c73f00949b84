import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CreateParticipant, ParticipantSummary } from '../../../shared/schemas/participants.js';
import { memberships, participants, peerAssignments, programs, users } from '../../db/schema/index.js';
import { accessMap, anyAllows, grantParticipantRead, listDisclosure, relationshipsTo, requireParticipantAccess, visibleParticipants, type Relationship } from '../../platform/access.js';
import { preparedAuditedRead, recordAudit } from '../../platform/audit.js';
import { hasRole, inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireProgram } from '../organizations/programs.js';

// Closest relationship first: it is the one the UI names.
const relationshipOrder: Relationship[] = ['self', 'legal_representative', 'assigned_peer', 'clinician_consent', 'supervisor', 'org_admin'];

const summaryColumns = {
  id: participants.id,
  preferredName: participants.preferredName,
  pronouns: participants.pronouns,
  status: participants.status,
  programId: participants.programId,
  programName: programs.name,
  enrolledAt: participants.enrolledAt,
  userId: participants.userId,
  peerWorkerId: peerAssignments.peerWorkerId,
  peerWorkerName: users.displayName,
};

function summaryQuery(q: Pick<AuthedContext['db'], 'select'>) {
  return q
    .select(summaryColumns)
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .leftJoin(peerAssignments, and(eq(peerAssignments.participantId, participants.id), isNull(peerAssignments.endedAt)))
    .leftJoin(users, eq(users.id, peerAssignments.peerWorkerId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function toSummary(row: SummaryRow, rels: Relationship[]): ParticipantSummary {
  return {
    id: row.id,
    preferredName: row.preferredName,
    pronouns: row.pronouns,
    status: row.status,
    programId: row.programId,
    programName: row.programName,
    enrolledAt: row.enrolledAt.toISOString(),
    hasLogin: row.userId !== null,
    peerWorker: row.peerWorkerId ? { id: row.peerWorkerId, displayName: row.peerWorkerName ?? '' } : null,
    relationship: relationshipOrder.find((r) => rels.includes(r)) ?? 'org_admin',
    can: { edit: anyAllows(rels, 'profile', 'write'), viewAudit: anyAllows(rels, 'audit_trail', 'read'), access: accessMap(rels) },
  };
}

/**
 * The participants the actor may see; the policy filters inside the query. Each one listed is
 * audited, a clinician's with the consent that let them see the person (a disclosure).
 */
export async function listParticipants(ctx: AuthedContext, filter: { programId?: string } = {}): Promise<ParticipantSummary[]> {
  const rows = await summaryQuery(ctx.db)
    .where(and(visibleParticipants(ctx.actor), filter.programId ? eq(participants.programId, filter.programId) : undefined))
    .orderBy(participants.preferredName)
    .limit(500);
  const rels = await relationshipsTo(ctx, rows.map((r) => r.id));
  await recordAudit(
    ctx,
    ...rows.map((r) => ({ action: 'participant.list' as const, participantId: r.id, resourceType: 'participant', resourceId: r.id, ...listDisclosure(rels.get(r.id), 'profile') })),
  );
  return rows.map((r) => toSummary(r, rels.get(r.id) ?? []));
}

/** One participant's record and its audit event: one statement, prepared once. */
const readSummary = preparedAuditedRead('peerpath_participant_read', (q) =>
  summaryQuery(q).where(eq(participants.id, sql.placeholder('id'))).limit(1),
);

export async function getParticipant(ctx: AuthedContext, participantId: string): Promise<ParticipantSummary> {
  const granted = await grantParticipantRead(ctx, { participantId, category: 'profile', action: 'participant.read' });
  const [row] = await readSummary(ctx, { id: participantId }, granted.event);
  return toSummary(row!, granted.relationships);
}

/** Enrols a participant (with or without a login) into a program the actor works in. */
export async function enrolParticipant(ctx: AuthedContext, input: CreateParticipant): Promise<ParticipantSummary> {
  const program = await requireProgram(ctx, input.programId);
  const staff = ['peer_worker', 'supervisor', 'org_admin'] as const;
  if (!staff.some((role) => hasRole(ctx.actor, role, program.id))) {
    throw new AppError('auth.forbidden', 'You do not work in that program.');
  }
  // A peer worker enrolling someone walks alongside them unless another peer worker is named.
  const peerWorkerId = input.peerWorkerId ?? (hasRole(ctx.actor, 'peer_worker', program.id) ? ctx.actor.userId : undefined);
  if (peerWorkerId) await requirePeerWorker(ctx, peerWorkerId, program.id);
  const id = await inTransaction(ctx, async (tx) => {
    const [p] = await tx.db
      .insert(participants)
      .values({
        organizationId: ctx.actor.organizationId,
        programId: program.id,
        preferredName: input.preferredName,
        pronouns: input.pronouns ?? null,
      })
      .returning({ id: participants.id });
    const id = p!.id;
    await recordAudit(tx, { action: 'participant.create', participantId: id, resourceType: 'participant', resourceId: id });
    if (peerWorkerId) {
      await tx.db.insert(peerAssignments).values({
        organizationId: ctx.actor.organizationId,
        participantId: id,
        peerWorkerId,
        assignedBy: ctx.actor.userId,
        reason: 'enrolment',
      });
      await recordAudit(tx, { action: 'participant.assign', participantId: id, resourceType: 'peer_assignment', details: { peerWorkerId } });
    }
    return id;
  });
  return getParticipant(ctx, id);
}

async function requirePeerWorker(ctx: AuthedContext, userId: string, programId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organizationId, ctx.actor.organizationId),
        eq(memberships.role, 'peer_worker'),
        eq(memberships.programId, programId),
      ),
    )
    .limit(1);
  if (!row) {
    throw new AppError('user.not_found', 'That peer worker does not work in this program.', [
      { path: 'body.peerWorkerId', message: 'is not a peer worker of this program' },
    ]);
  }
}

/** Ends the current assignment (kept as history) and starts a new one, with a reason. */
export async function assignPeerWorker(ctx: AuthedContext, participantId: string, peerWorkerId: string, reason: string): Promise<ParticipantSummary> {
  await requireParticipantAccess(ctx, { participantId, category: 'assignment', access: 'write', action: 'participant.assign' });
  const [p] = await ctx.db.select({ programId: participants.programId }).from(participants).where(eq(participants.id, participantId));
  await requirePeerWorker(ctx, peerWorkerId, p!.programId);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(peerAssignments)
      .set({ endedAt: sql`now()` })
      .where(and(eq(peerAssignments.participantId, participantId), isNull(peerAssignments.endedAt)));
    await tx.db.insert(peerAssignments).values({
      organizationId: ctx.actor.organizationId,
      participantId,
      peerWorkerId,
      assignedBy: ctx.actor.userId,
      reason,
    });
    await recordAudit(tx, { action: 'participant.assign', participantId, resourceType: 'peer_assignment', details: { peerWorkerId, reason } });
  });
  return getParticipant(ctx, participantId);
}
