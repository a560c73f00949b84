import { eq, sql } from 'drizzle-orm';
import { normalizeInviteCode, type SignUp } from '../../../shared/schemas/sign-up.js';
import { memberships, organizations, participants, programs, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { inTransaction, type RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { checkPasswordStrength } from '../auth/password-policy.js';
import { notifySupervisorsOfNewcomer } from '../notifications/notify-supervisors.js';

// One answer for a code that never existed, was replaced, or was turned off: nobody learns which.
const codeInvalid = () =>
  new AppError('signup.code_invalid', 'That invite code did not work. Check it with the program that gave it to you.', [
    { path: 'body.inviteCode', message: 'is not a working invite code' },
  ]);

/** The program a working invite code lets people join, with its organization. */
export async function findProgramByInviteCode(ctx: RequestContext, rawCode: string) {
  const code = normalizeInviteCode(rawCode);
  const [row] = await ctx.db
    .select({ program: programs, organizationName: organizations.name })
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .where(eq(programs.inviteCode, code))
    .limit(1);
  return row ?? null;
}

export async function describeInviteCode(ctx: RequestContext, rawCode: string) {
  const found = await findProgramByInviteCode(ctx, rawCode);
  if (!found) throw codeInvalid();
  return { programName: found.program.name, organizationName: found.organizationName };
}

export type SignUpOutcome = { created: true; userId: string } | { created: false };

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/**
 * Creates the account, the participant membership and the participant record in one
 * transaction. An email that already has an account creates nothing and mails its owner; the
 * caller answers that case without saying why, so the form cannot be used to find accounts.
 */
export async function signUpWithInviteCode(ctx: RequestContext, input: SignUp): Promise<SignUpOutcome> {
  // Hashed first, on every path, so no answer comes back noticeably faster than another.
  const passwordHash = await hashPassword(input.password);
  const found = await findProgramByInviteCode(ctx, input.inviteCode);
  if (!found) {
    await recordAudit(ctx, { action: 'participant.self_sign_up', outcome: 'denied', details: { reason: 'code_invalid' } });
    throw codeInvalid();
  }
  checkPasswordStrength(input.password);
  const { program } = found;
  const orgId = program.organizationId;
  try {
    const userId = await inTransaction(ctx, async (tx) => {
      const [user] = await tx.db
        .insert(users)
        .values({ organizationId: orgId, email: input.email, displayName: input.preferredName, passwordHash, locale: input.locale ?? 'en' })
        .returning({ id: users.id });
      await tx.db.insert(memberships).values({ organizationId: orgId, userId: user!.id, programId: program.id, role: 'participant' });
      const [participant] = await tx.db
        .insert(participants)
        .values({ organizationId: orgId, programId: program.id, userId: user!.id, preferredName: input.preferredName, preferredLanguage: input.locale ?? 'en' })
        .returning({ id: participants.id });
      await recordAudit(tx, {
        action: 'participant.self_sign_up',
        actorUserId: user!.id,
        organizationId: orgId,
        participantId: participant!.id,
        resourceType: 'participant',
        resourceId: participant!.id,
        details: { programId: program.id },
      });
      await notifySupervisorsOfNewcomer(tx, { organizationId: orgId, programId: program.id, participantId: participant!.id, preferredName: input.preferredName });
      return user!.id;
    });
    return { created: true, userId };
  } catch (err) {
    // The email's owner already has an account (checked by the unique index, so two sign-ups at once cannot both win).
    if (!isUniqueViolation(err)) throw err;
  }
  await tellOwner(ctx, input.email, program.name);
  return { created: false };
}

async function tellOwner(ctx: RequestContext, email: string, programName: string): Promise<void> {
  const [owner] = await ctx.db
    .select({ id: users.id, email: users.email, displayName: users.displayName, organizationId: users.organizationId })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (!owner) return;
  await recordAudit(ctx, {
    action: 'participant.self_sign_up',
    outcome: 'denied',
    actorUserId: owner.id,
    organizationId: owner.organizationId,
    resourceType: 'user',
    resourceId: owner.id,
    details: { reason: 'email_has_account' },
  });
  const url = ctx.config.publicUrl;
  await ctx.mailer.send({
    to: owner.email,
    subject: 'Someone tried to sign up to Peerpath with your email',
    text: `Hello ${owner.displayName},\n\nSomeone asked to create a Peerpath account with this email address, to join ${programName}. You already have an account, so nothing was created or changed.\n\nIf it was you, sign in here: ${url}/sign-in\nIf you have forgotten your password, choose a new one here: ${url}/forgot-password\n\nIf it was not you, you can ignore this message; your account stays as it is.`,
  });
}
