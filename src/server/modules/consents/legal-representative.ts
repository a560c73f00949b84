import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { LegalRepresentative, SetLegalRepresentative } from '../../../shared/schemas/consents.js';
import { legalRepresentatives, memberships, participants, users } from '../../db/schema/index.js';
import { requireParticipantAccess, type Relationship } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { keepsConsents } from './consent-rows.js';

const recorder = alias(users, 'recorder');
const repUser = alias(users, 'rep_user');

/** Those who record a legal representative: a supervisor of the program or an org admin (from the papers). */
const recordsRepresentative = (rels: readonly Relationship[]) => rels.some((r) => r === 'supervisor' || r === 'org_admin');
const seesRepresentative = (rels: readonly Relationship[]) => keepsConsents(rels) || rels.includes('org_admin');

/** The current legal representative of a participant, or null. */
export async function currentRepresentative(ctx: RequestContext, participantId: string): Promise<LegalRepresentative | null> {
  const [row] = await ctx.db
    .select({ r: legalRepresentatives, recorderName: recorder.displayName, userName: repUser.displayName })
    .from(legalRepresentatives)
    .innerJoin(recorder, eq(recorder.id, legalRepresentatives.recordedBy))
    .leftJoin(repUser, eq(repUser.id, legalRepresentatives.userId))
    .where(and(eq(legalRepresentatives.participantId, participantId), isNull(legalRepresentatives.endedAt)));
  if (!row) return null;
  return {
    id: row.r.id,
    name: row.r.name,
    relationship: row.r.relationship,
    user: row.r.userId ? { id: row.r.userId, displayName: row.userName ?? '' } : null,
    recordedBy: { id: row.r.recordedBy, displayName: row.recorderName },
    recordedAt: row.r.createdAt.toISOString(),
  };
}

export async function getLegalRepresentative(ctx: AuthedContext, participantId: string) {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'read', action: 'consent.read', resourceType: 'legal_representative' });
  if (!seesRepresentative(granted.relationships)) throw new AppError('participant.not_found', 'That participant was not found.');
  return { representative: await currentRepresentative(ctx, participantId), can: { record: recordsRepresentative(granted.relationships) } };
}

async function requireRecorder(ctx: AuthedContext, participantId: string) {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'write', action: 'legal_representative.record', resourceType: 'legal_representative' });
  if (!recordsRepresentative(granted.relationships)) {
    throw new AppError('auth.forbidden', 'A supervisor or an org admin records a legal representative, from the papers that make them one.');
  }
}

/**
 * Records (or replaces) the participant's legal representative. A login named here must be someone
 * outside the staff (no staff member signs for the person) and not the participant's own.
 */
export async function setLegalRepresentative(ctx: AuthedContext, participantId: string, input: SetLegalRepresentative) {
  await requireRecorder(ctx, participantId);
  const userId = input.userId || input.userEmail ? await requireRepresentativeLogin(ctx, participantId, input) : null;
  await inTransaction(ctx, async (tx) => {
    // Lock the participant row: two recordings at once end in one current representative.
    await tx.db.select({ id: participants.id }).from(participants).where(eq(participants.id, participantId)).for('update');
    await tx.db
      .update(legalRepresentatives)
      .set({ endedAt: sql`now()`, endedBy: ctx.actor.userId })
      .where(and(eq(legalRepresentatives.participantId, participantId), isNull(legalRepresentatives.endedAt)));
    const [row] = await tx.db
      .insert(legalRepresentatives)
      .values({ organizationId: ctx.actor.organizationId, participantId, name: input.name, relationship: input.relationship, userId, recordedBy: ctx.actor.userId })
      .returning({ id: legalRepresentatives.id });
    await recordAudit(tx, { action: 'legal_representative.record', participantId, resourceType: 'legal_representative', resourceId: row!.id, details: { relationship: input.relationship, withLogin: userId !== null } });
  });
  return getLegalRepresentative(ctx, participantId);
}

export async function endLegalRepresentative(ctx: AuthedContext, participantId: string) {
  await requireRecorder(ctx, participantId);
  await inTransaction(ctx, async (tx) => {
    const ended = await tx.db
      .update(legalRepresentatives)
      .set({ endedAt: sql`now()`, endedBy: ctx.actor.userId })
      .where(and(eq(legalRepresentatives.participantId, participantId), isNull(legalRepresentatives.endedAt)))
      .returning({ id: legalRepresentatives.id });
    if (ended.length) await recordAudit(tx, { action: 'legal_representative.end', participantId, resourceType: 'legal_representative', resourceId: ended[0]!.id });
  });
  return getLegalRepresentative(ctx, participantId);
}

const staffRoles = ['peer_worker', 'supervisor', 'clinician', 'moderator', 'org_admin'] as const;

/** The login named for the representative: someone of the organization, not staff, not the participant. */
async function requireRepresentativeLogin(ctx: AuthedContext, participantId: string, input: SetLegalRepresentative): Promise<string> {
  const path = input.userId ? 'body.userId' : 'body.userEmail';
  const invalid = (message: string) => new AppError('validation.failed', message, [{ path, message }]);
  const [user] = await ctx.db
    .select({ id: users.id, ownRecord: participants.id })
    .from(users)
    .leftJoin(participants, and(eq(participants.userId, users.id), eq(participants.id, participantId)))
    .where(
      and(
        input.userId ? eq(users.id, input.userId) : sql`lower(${users.email}) = ${input.userEmail}`,
        eq(users.organizationId, ctx.actor.organizationId),
      ),
    );
  if (!user) throw invalid('No such login in this organization.');
  if (user.ownRecord !== null) throw invalid("That is the participant's own login.");
  const [staff] = await ctx.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), inArray(memberships.role, [...staffRoles])))
    .limit(1);
  if (staff) throw invalid('A staff member cannot be recorded as the legal representative.');
  return user.id;
}
