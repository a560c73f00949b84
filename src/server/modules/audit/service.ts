import { and, desc, eq, lt } from 'drizzle-orm';
import type { AuditEventView } from '../../../shared/schemas/audit.js';
import { auditEvents, users } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';

/**
 * The trail of one participant's record, newest first. Reading it is itself audited. Attempts from
 * other organizations show, but not who made them.
 */
export async function participantAuditTrail(
  ctx: AuthedContext,
  participantId: string,
  page: { before?: number; limit: number },
): Promise<{ events: AuditEventView[]; nextBefore: number | null }> {
  await requireParticipantAccess(ctx, { participantId, category: 'audit_trail', access: 'read', action: 'audit.read', resourceType: 'audit_trail' });
  const rows = await ctx.db
    .select({ e: auditEvents, actorName: users.displayName, actorOrg: users.organizationId })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.participantId, participantId), page.before ? lt(auditEvents.id, page.before) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(page.limit + 1);
  const events = rows.slice(0, page.limit).map(({ e, actorName, actorOrg }) => {
    const ours = actorOrg === ctx.actor.organizationId;
    const kind = e.actorUserId === null ? ('system' as const) : ours ? ('user' as const) : ('outside' as const);
    return {
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      outcome: e.outcome,
      actor:
        kind === 'user'
          ? { kind, id: e.actorUserId, displayName: actorName ?? 'Unknown', role: e.actorRole }
          : { kind, id: null, displayName: kind === 'system' ? 'Peerpath' : 'Someone outside your organization', role: null },
      resourceType: e.resourceType,
      resourceId: e.resourceId,
      ip: ours ? e.ip : null,
    };
  });
  return { events, nextBefore: rows.length > page.limit ? events.at(-1)!.id : null };
}
