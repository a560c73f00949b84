import { afterCommit, type RequestContext } from '../../platform/context.js';
import { userChannel } from '../../platform/realtime.js';
import { alertAudience } from './alert-audience.js';

/** Tells everyone who sees the alert that it changed, once the change has committed. */
export async function publishAlertUpdated(tx: RequestContext, alert: { id: string; participantId: string; programId: string; status: string }) {
  const audience = await alertAudience(tx.db, alert);
  const event = { type: 'alert.updated', alertId: alert.id, participantId: alert.participantId, status: alert.status };
  await afterCommit(tx, async () => {
    await Promise.all(audience.map((userId) => tx.realtime.publish(userChannel(userId), event)));
  });
}
