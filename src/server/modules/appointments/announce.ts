import { eq } from 'drizzle-orm';
import { participants } from '../../db/schema/index.js';
import { afterCommit, type RequestContext } from '../../platform/context.js';
import { userChannel } from '../../platform/realtime.js';
import type { AppointmentRow } from './appointment-rows.js';

export const APPOINTMENT_CHANGED = 'appointment.changed';

/**
 * Tells both sides' open tabs, once the change has committed, that an appointment was made or
 * changed. The event carries ids only; the tabs read the appointment through the API.
 */
export async function announceAppointment(tx: RequestContext, a: Pick<AppointmentRow, 'id' | 'participantId' | 'peerWorkerId' | 'status'>): Promise<void> {
  const [participant] = await tx.db.select({ userId: participants.userId }).from(participants).where(eq(participants.id, a.participantId));
  const recipients = [...new Set([a.peerWorkerId, participant?.userId ?? null].filter((id): id is string => id !== null))];
  await afterCommit(tx, async () => {
    for (const userId of recipients) {
      await tx.realtime.publish(userChannel(userId), { type: APPOINTMENT_CHANGED, appointmentId: a.id, participantId: a.participantId, status: a.status });
    }
  });
}
