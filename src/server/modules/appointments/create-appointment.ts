import type { Appointment, CreateAppointment } from '../../../shared/schemas/appointments.js';
import { appointments } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { announceAppointment } from './announce.js';
import { loadAppointment } from './appointment-rows.js';

/**
 * The assigned peer worker schedules a session with the participant. Scheduling puts nothing on
 * anyone's task list; both sides' open tabs hear of it once it is committed.
 */
export async function createAppointment(ctx: AuthedContext, participantId: string, input: CreateAppointment): Promise<Appointment> {
  const granted = await requireParticipantAccess(ctx, {
    participantId,
    category: 'appointments',
    access: 'write',
    action: 'appointment.create',
    resourceType: 'appointment',
  });
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(appointments)
      .values({
        organizationId: ctx.actor.organizationId,
        participantId,
        peerWorkerId: ctx.actor.userId,
        startsAt: new Date(input.startsAt),
        durationMinutes: input.durationMinutes,
        mode: input.mode,
        location: input.location || null,
        videoLink: input.videoLink ?? null,
        note: input.note || null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      action: 'appointment.create',
      participantId,
      resourceType: 'appointment',
      resourceId: row!.id,
      details: { startsAt: row!.startsAt.toISOString(), mode: input.mode },
    });
    await announceAppointment(tx, row!);
    return row!.id;
  });
  return loadAppointment(ctx, granted, id);
}
