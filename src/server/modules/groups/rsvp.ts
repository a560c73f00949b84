import { sql } from 'drizzle-orm';
import type { GroupSession } from '../../../shared/schemas/groups.js';
import type { RsvpResponse } from '../../../shared/groups/vocabulary.js';
import { peerGroupRsvps } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadGroup } from './group-access.js';
import { isEnrolled } from './group-view.js';
import { ensureSessionRow, sessionView } from './sessions.js';

/** An enrolled participant says whether they are coming to a session; the last answer counts. */
export async function answerRsvp(ctx: AuthedContext, groupId: string, date: string, response: RsvpResponse): Promise<GroupSession> {
  const g = await loadGroup(ctx, groupId);
  if (!g.participantId || !(await isEnrolled(ctx, groupId, g.participantId))) {
    throw new AppError('auth.forbidden', 'Join the group first, then say whether you are coming.');
  }
  const participantId = g.participantId;
  await inTransaction(ctx, async (tx) => {
    const session = await ensureSessionRow(tx as AuthedContext, g, date);
    await tx.db
      .insert(peerGroupRsvps)
      .values({ sessionId: session.id, participantId, organizationId: ctx.actor.organizationId, response })
      .onConflictDoUpdate({ target: [peerGroupRsvps.sessionId, peerGroupRsvps.participantId], set: { response, respondedAt: sql`now()` } });
    await recordAudit(tx, { action: 'group_rsvp.update', participantId, resourceType: 'group_session', resourceId: session.id, details: { response } });
  });
  return sessionView(ctx, g, date);
}
