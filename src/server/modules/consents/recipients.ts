import { and, asc, eq } from 'drizzle-orm';
import { memberships, programs, users } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/** Who a consent can name inside the organization: its clinicians, and its programs' care teams. */
export async function consentRecipients(ctx: AuthedContext, participantId: string) {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'write', action: 'consent.read', resourceType: 'consent_recipients' });
  // Those who prepare consents: the participant, and their peer worker with them.
  if (!granted.relationships.some((r) => r === 'self' || r === 'assigned_peer')) throw new AppError('participant.not_found', 'That participant was not found.');
  const [clinicians, careTeams] = await Promise.all([
    ctx.db
      .selectDistinct({ id: users.id, displayName: users.displayName })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.role, 'clinician')))
      .where(eq(users.organizationId, ctx.actor.organizationId))
      .orderBy(asc(users.displayName)),
    ctx.db.select({ id: programs.id, name: programs.name }).from(programs).where(eq(programs.organizationId, ctx.actor.organizationId)).orderBy(asc(programs.name)),
  ]);
  return { clinicians, careTeams };
}
