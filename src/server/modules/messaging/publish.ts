import type { RequestContext } from '../../platform/context.js';
import { afterCommit } from '../../platform/context.js';
import { userChannel, type RealtimeEvent } from '../../platform/realtime.js';
import { activeMemberIds } from './thread-members.js';

/**
 * Tells everyone in the conversation now (every open tab of each), once the transaction has
 * committed: an event never announces a row nobody can read yet. `also` adds people who are no
 * longer members but should hear it (someone who just left).
 */
export async function publishToMembers(tx: RequestContext, threadId: string, event: RealtimeEvent, also: readonly string[] = []): Promise<void> {
  await publishTo(tx, [...new Set([...(await activeMemberIds(tx.db, threadId)), ...also])], event);
}

/** Tells these people (every open tab of each), once the transaction has committed. */
export async function publishTo(tx: RequestContext, recipients: readonly string[], event: RealtimeEvent): Promise<void> {
  await afterCommit(tx, async () => {
    await Promise.all(recipients.map((userId) => tx.realtime.publish(userChannel(userId), event)));
  });
}
