import { and, eq, isNull } from 'drizzle-orm';
import type { NotificationKind } from '../../../shared/schemas/notifications.js';
import { localeSchema } from '../../../shared/schemas/tenancy.js';
import { memberships, notifications, users } from '../../db/schema/index.js';
import type { RequestContext } from '../../platform/context.js';
import { joinedMessage } from './messages.js';

/**
 * Tells a program's supervisors that someone signed themselves up, so nobody who joined alone waits
 * unnoticed for a peer worker. Call it inside the sign-up transaction.
 */
export async function notifySupervisorsOfNewcomer(
  tx: RequestContext,
  input: { organizationId: string; programId: string; participantId: string; preferredName: string },
): Promise<void> {
  const supervisors = await tx.db
    .select({ id: users.id, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.programId, input.programId), eq(memberships.role, 'supervisor'), isNull(users.disabledAt)));
  if (supervisors.length === 0) return;
  await tx.db.insert(notifications).values(
    supervisors.map((s) => ({
      organizationId: input.organizationId,
      userId: s.id,
      kind: 'participant_joined' satisfies NotificationKind,
      ...joinedMessage[localeSchema.catch('en').parse(s.locale)](input.preferredName),
      link: `/participants/${input.participantId}`,
    })),
  );
}
