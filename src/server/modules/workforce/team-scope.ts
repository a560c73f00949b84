import { and, eq, inArray, isNull } from 'drizzle-orm';
import { memberships, users } from '../../db/schema/index.js';
import { recordAudit, type AuditAction } from '../../platform/audit.js';
import { programsWithRole, type AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';

export interface TeamWorker {
  id: string;
  displayName: string;
  /** The programs in which the actor supervises this worker. */
  programIds: string[];
}

/**
 * A supervisor's team: the peer workers of every program they supervise. Supervision follows the
 * program: a supervisor of another program has no one here.
 */
export async function teamOf(ctx: AuthedContext): Promise<TeamWorker[]> {
  const supervised = programsWithRole(ctx.actor, 'supervisor');
  if (supervised.length === 0) return [];
  const rows = await ctx.db
    .select({ id: users.id, displayName: users.displayName, programId: memberships.programId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, ctx.actor.organizationId),
        eq(memberships.role, 'peer_worker'),
        inArray(memberships.programId, supervised),
        isNull(users.disabledAt),
      ),
    );
  const byId = new Map<string, TeamWorker>();
  for (const r of rows) {
    const w = byId.get(r.id) ?? { id: r.id, displayName: r.displayName, programIds: [] };
    if (r.programId) w.programIds.push(r.programId);
    byId.set(r.id, w);
  }
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** One worker of the actor's team; anyone else is the same audited 404 as an unknown id. */
export async function requireTeamWorker(ctx: AuthedContext, workerId: string, action: AuditAction): Promise<TeamWorker> {
  const worker = (await teamOf(ctx)).find((w) => w.id === workerId);
  if (!worker) {
    await recordAudit(ctx, { action, outcome: 'denied', resourceType: 'user', resourceId: workerId, details: { reason: 'not_in_team' } });
    throw notFound('user.not_found', 'That person');
  }
  return worker;
}

/** The programs in which a user works as a peer worker. */
export async function workerPrograms(ctx: AuthedContext, userId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ programId: memberships.programId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'peer_worker')));
  return rows.map((r) => r.programId).filter((x): x is string => x !== null);
}
