import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SessionInfo, SessionUser } from '../../../shared/schemas/auth.js';
import { organizations, participants, programs, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { isOrgAdmin, type Actor, type RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, destroySession, type NewSession } from '../../platform/auth/sessions.js';
import { toProgram } from '../organizations/programs.js';
import { userChannel } from '../../platform/realtime.js';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

// One message for every failure (unknown email, wrong password, locked, disabled): no account enumeration.
const SIGN_IN_FAILED = `That email and password did not work. After ${MAX_FAILED_SIGN_INS} tries, sign-in pauses for ${LOCKOUT_MINUTES} minutes; you can also reset your password.`;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export async function signIn(
  ctx: RequestContext,
  input: { email: string; password: string },
  client: ClientInfo,
  previousSessionId?: string,
): Promise<NewSession & { userId: string }> {
  const [user] = await ctx.db.select().from(users).where(eq(sql`lower(${users.email})`, input.email)).limit(1);
  // Always verify, even for an unknown email, so the answer takes the same time either way.
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user) {
    await recordAudit(ctx, { action: 'auth.sign_in_failed', outcome: 'denied', details: { reason: 'unknown_email' } });
    throw new AppError('auth.sign_in_failed', SIGN_IN_FAILED);
  }
  const audit = { actorUserId: user.id, organizationId: user.organizationId, resourceType: 'user', resourceId: user.id };
  const locked = user.lockedUntil !== null && user.lockedUntil > new Date();
  if (!passwordOk || locked || user.disabledAt) {
    if (!passwordOk && !locked) {
      const failures = user.failedSignIns + 1;
      const lock = failures >= MAX_FAILED_SIGN_INS;
      await ctx.db
        .update(users)
        .set({ failedSignIns: lock ? 0 : failures, lockedUntil: lock ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : user.lockedUntil })
        .where(eq(users.id, user.id));
    }
    const reason = user.disabledAt ? 'disabled' : locked ? 'locked' : 'wrong_password';
    await recordAudit(ctx, { ...audit, action: 'auth.sign_in_failed', outcome: 'denied', details: { reason } });
    throw new AppError('auth.sign_in_failed', SIGN_IN_FAILED);
  }
  // A new session at every sign-in (the old one, if any, ends): no session fixation.
  if (previousSessionId) await destroySession(ctx.db, previousSessionId);
  await ctx.db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
  const session = await createSession(ctx.db, ctx.config, user.id, client);
  await recordAudit(ctx, { ...audit, action: 'auth.sign_in' });
  return { ...session, userId: user.id };
}

export async function describeSession(ctx: RequestContext, actor: Actor | null, csrfToken: string | null): Promise<SessionInfo> {
  if (!actor) return { user: null, csrfToken: null, crisisLine: ctx.config.CRISIS_LINE };
  const user = await sessionUser(ctx, actor);
  const ownProgram = user.participantId ? await participantProgramId(ctx, user.participantId) : null;
  const crisisLine = user.programs.find((p) => p.id === ownProgram)?.crisisLine ?? ctx.config.CRISIS_LINE;
  return { user, csrfToken, crisisLine };
}

async function participantProgramId(ctx: RequestContext, participantId: string): Promise<string | null> {
  const [row] = await ctx.db.select({ programId: participants.programId }).from(participants).where(eq(participants.id, participantId));
  return row?.programId ?? null;
}

async function sessionUser(ctx: RequestContext, actor: Actor): Promise<SessionUser> {
  const [row] = await ctx.db
    .select({ user: users, org: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, actor.userId));
  if (!row) throw new AppError('auth.required', 'Please sign in.');
  // An org admin sees every program of the organization; others the programs they belong to.
  const programIds = actor.memberships.map((m) => m.programId).filter((id): id is string => id !== null);
  const ownProgram = actor.participantId ? await participantProgramId(ctx, actor.participantId) : null;
  if (ownProgram) programIds.push(ownProgram);
  const programRows = await ctx.db
    .select()
    .from(programs)
    .where(
      and(
        eq(programs.organizationId, actor.organizationId),
        isOrgAdmin(actor) ? undefined : programIds.length ? inArray(programs.id, programIds) : sql`false`,
      ),
    )
    .orderBy(programs.name);
  return {
    id: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    locale: row.user.locale,
    organization: { id: row.org.id, slug: row.org.slug, name: row.org.name },
    memberships: actor.memberships,
    programs: programRows.map((p) => toProgram(p, ctx.config.CRISIS_LINE)),
    participantId: actor.participantId,
  };
}

export async function signOut(ctx: RequestContext, actor: Actor): Promise<void> {
  await destroySession(ctx.db, actor.sessionId);
  await recordAudit(ctx, { action: 'auth.sign_out', resourceType: 'user', resourceId: actor.userId });
  // Open sockets of this session close too, in every instance.
  await ctx.realtime.publish(userChannel(actor.userId), { type: 'session.ended', sessionId: actor.sessionId });
}
