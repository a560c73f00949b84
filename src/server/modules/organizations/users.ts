import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { InviteUser, OrgUser } from '../../../shared/schemas/tenancy.js';
import { memberships, participants, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { issueLink, INVITATION_DAYS } from '../auth/links.js';
import { requireProgram } from './programs.js';

export async function listUsers(ctx: AuthedContext): Promise<OrgUser[]> {
  const rows = await ctx.db.select().from(users).where(eq(users.organizationId, ctx.actor.organizationId)).orderBy(users.displayName);
  const roles = rows.length
    ? await ctx.db
        .select({ userId: memberships.userId, role: memberships.role, programId: memberships.programId })
        .from(memberships)
        .where(inArray(memberships.userId, rows.map((r) => r.id)))
    : [];
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    memberships: roles.filter((m) => m.userId === u.id).map(({ role, programId }) => ({ role, programId })),
    status: u.disabledAt ? 'disabled' : u.passwordHash ? 'active' : 'invited',
  }));
}

/**
 * Creates the account (no password yet) with its role, and mails a single-use link to set one.
 * A participant invitation either links an existing participant record or enrols a new one.
 */
export async function inviteUser(ctx: AuthedContext, input: InviteUser): Promise<{ userId: string }> {
  const program = input.programId ? await requireProgram(ctx, input.programId) : null;
  const { userId, token } = await inTransaction(ctx, async (tx) => {
    const [taken] = await tx.db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email)).limit(1);
    if (taken) throw new AppError('user.email_taken', 'Someone already has an account with that email.', [{ path: 'body.email', message: 'is taken' }]);
    const [user] = await tx.db
      .insert(users)
      .values({ organizationId: ctx.actor.organizationId, email: input.email, displayName: input.displayName })
      .returning({ id: users.id });
    const userId = user!.id;
    await tx.db.insert(memberships).values({
      organizationId: ctx.actor.organizationId,
      userId,
      programId: input.role === 'org_admin' ? null : program!.id,
      role: input.role,
    });
    if (input.role === 'participant') await linkParticipant(tx as AuthedContext, input, userId, program!.id);
    const token = await issueLink(tx, 'invitation', userId, ctx.actor.userId);
    await recordAudit(tx, {
      action: 'invitation.create',
      resourceType: 'user',
      resourceId: userId,
      details: { role: input.role, programId: program?.id ?? null },
    });
    return { userId, token };
  });
  const link = `${ctx.config.publicUrl}/accept-invitation?token=${token}`;
  await ctx.mailer.send({
    to: input.email,
    subject: 'You are invited to Peerpath',
    text: `Hello ${input.displayName},\n\n${ctx.actor.displayName} invited you to Peerpath. Open this link within ${INVITATION_DAYS} days to choose your password:\n\n${link}\n`,
  });
  return { userId };
}

async function linkParticipant(tx: AuthedContext, input: InviteUser, userId: string, programId: string): Promise<void> {
  if (!input.participantId) {
    const [p] = await tx.db
      .insert(participants)
      .values({ organizationId: tx.actor.organizationId, programId, userId, preferredName: input.displayName })
      .returning({ id: participants.id });
    await recordAudit(tx, { action: 'participant.create', participantId: p!.id, resourceType: 'participant', resourceId: p!.id });
    return;
  }
  const linked = await tx.db
    .update(participants)
    .set({ userId })
    .where(
      and(
        eq(participants.id, input.participantId),
        eq(participants.organizationId, tx.actor.organizationId),
        isNull(participants.userId),
      ),
    )
    .returning({ id: participants.id });
  if (linked.length === 0) {
    throw new AppError('participant.not_found', 'That participant was not found, or already has a login.', [
      { path: 'body.participantId', message: 'not found or already linked' },
    ]);
  }
  await recordAudit(tx, { action: 'participant.update', participantId: input.participantId, resourceType: 'participant', details: { linkedLogin: true } });
}
