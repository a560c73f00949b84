import { and, eq } from 'drizzle-orm';
import type { ChangeRole, OrgUser } from '../../../shared/schemas/tenancy.js';
import { memberships, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { destroyUserSessions } from '../../platform/auth/sessions.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { userChannel } from '../../platform/realtime.js';
import { requireProgram } from './programs.js';
import { listUsers } from './users.js';

/**
 * Gives a staff member of the organization one new role (in one program, or organization-wide for
 * org_admin). Every session of theirs ends: they sign in again, under a new session id, with the new role.
 */
export async function changeRole(ctx: AuthedContext, userId: string, input: ChangeRole): Promise<OrgUser> {
  const program = input.role === 'org_admin' ? null : await requireProgram(ctx, input.programId!);
  await inTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.organizationId, ctx.actor.organizationId)));
    if (!user) throw new AppError('user.not_found', 'That person was not found.');
    const before = await tx.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
    if (before.some((m) => m.role === 'participant')) {
      throw new AppError('validation.failed', 'A participant’s login keeps its role; invite staff with their own account.', [
        { path: 'params.id', message: 'is a participant' },
      ]);
    }
    await tx.db.delete(memberships).where(eq(memberships.userId, userId));
    await tx.db.insert(memberships).values({ organizationId: ctx.actor.organizationId, userId, programId: program?.id ?? null, role: input.role });
    await destroyUserSessions(tx.db, userId);
    await recordAudit(tx, {
      action: 'user.role_change',
      resourceType: 'user',
      resourceId: userId,
      details: { from: before.map((m) => m.role), to: input.role, programId: program?.id ?? null },
    });
  });
  await ctx.realtime.publish(userChannel(userId), { type: 'session.ended', sessionId: '*' }).catch(() => {});
  return (await listUsers(ctx)).find((u) => u.id === userId)!;
}
