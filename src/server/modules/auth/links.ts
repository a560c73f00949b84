import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { authTokens, organizations, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { destroyUserSessions } from '../../platform/auth/sessions.js';
import { digestOf, newSecret } from '../../platform/auth/tokens.js';

export const RESET_LINK_MINUTES = 60;
export const INVITATION_DAYS = 7;

type LinkKind = 'invitation' | 'password_reset';

/** Creates a single-use link for a user and returns the token (only its digest is stored). */
export async function issueLink(ctx: RequestContext, kind: LinkKind, userId: string, createdBy: string | null): Promise<string> {
  const { token, digest } = newSecret();
  const ttl = kind === 'invitation' ? INVITATION_DAYS * 86_400_000 : RESET_LINK_MINUTES * 60_000;
  await ctx.db.insert(authTokens).values({ id: digest, kind, userId, createdBy, expiresAt: new Date(Date.now() + ttl) });
  return token;
}

/**
 * Always answers the same way, whether or not the email belongs to someone: the mail is the only
 * place the outcome shows.
 */
export async function requestPasswordReset(ctx: RequestContext, email: string): Promise<void> {
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email), isNull(users.disabledAt)))
    .limit(1);
  if (!user || !user.passwordHash) return;
  const token = await issueLink(ctx, 'password_reset', user.id, null);
  await recordAudit(ctx, {
    action: 'auth.password_reset_requested',
    actorUserId: user.id,
    organizationId: user.organizationId,
    resourceType: 'user',
    resourceId: user.id,
  });
  const link = `${ctx.config.publicUrl}/reset-password?token=${token}`;
  await ctx.mailer.send({
    to: user.email,
    subject: 'Reset your Peerpath password',
    text: `Hello ${user.displayName},\n\nSomeone asked to reset the password of your Peerpath account. If it was you, open this link within ${RESET_LINK_MINUTES} minutes:\n\n${link}\n\nIf it was not you, you can ignore this message; your password stays as it is.`,
  });
}

async function findLiveLink(ctx: RequestContext, kind: LinkKind, token: string) {
  const [row] = await ctx.db
    .select({ link: authTokens, user: users, org: organizations })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(authTokens.id, digestOf(token)), eq(authTokens.kind, kind), isNull(authTokens.usedAt), gt(authTokens.expiresAt, new Date())))
    .limit(1);
  if (!row || row.user.disabledAt) {
    throw new AppError('auth.token_invalid', 'This link has expired or was already used. Ask for a new one.');
  }
  return row;
}

export async function describeInvitation(ctx: RequestContext, token: string) {
  const { user, org, link } = await findLiveLink(ctx, 'invitation', token);
  const [inviter] = link.createdBy
    ? await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, link.createdBy))
    : [];
  return { email: user.email, displayName: user.displayName, organizationName: org.name, invitedBy: inviter?.name ?? null };
}

/** Sets the password from a mailed link; the link is spent and every other session of the user ends. */
export async function completeLink(ctx: RequestContext, kind: LinkKind, token: string, password: string): Promise<string> {
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const { link, user } = await findLiveLink(tx, kind, token);
    const spent = await tx.db
      .update(authTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(authTokens.id, link.id), isNull(authTokens.usedAt)))
      .returning({ id: authTokens.id });
    if (spent.length === 0) throw new AppError('auth.token_invalid', 'This link has expired or was already used. Ask for a new one.');
    await tx.db.update(users).set({ passwordHash, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await destroyUserSessions(tx.db, user.id);
    await recordAudit(tx, {
      action: kind === 'invitation' ? 'invitation.accept' : 'auth.password_reset',
      actorUserId: user.id,
      organizationId: user.organizationId,
      resourceType: 'user',
      resourceId: user.id,
    });
    return user.id;
  });
}
