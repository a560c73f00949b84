import { eq, sql } from 'drizzle-orm';
import { wallClockOf, type Appointment, type UpdateAppointment } from '../../../shared/schemas/appointments.js';
import { appointments, participants, programs } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { createTask } from '../tasks/create-task.js';
import { followUpWords, withdrawFollowUp } from '../notes/follow-up.js';
import { announceAppointment } from './announce.js';
import { requireOpenForChanges, requireStatusChange } from './appointment-rules.js';
import { loadAppointment, requireAppointment, type AppointmentRow } from './appointment-rows.js';
import { missedFollowUpTitle } from './messages.js';

const detailFields = ['startsAt', 'durationMinutes', 'mode', 'location', 'videoLink', 'note'] as const;

/**
 * The peer worker reschedules, changes the details, cancels, or marks the session completed or
 * missed. A missed session puts "reach out" on the peer worker's list for today; correcting it to
 * completed takes that off again. A new time means a new reminder.
 */
export async function updateAppointment(ctx: AuthedContext, appointmentId: string, input: UpdateAppointment): Promise<Appointment> {
  const { granted } = await requireAppointment(ctx, appointmentId, 'write', 'appointment.update');
  await inTransaction(ctx, async (tx) => {
    const row = await lockAppointment(tx, appointmentId);
    const details = detailFields.filter((k) => input[k] !== undefined);
    const statusChange = input.status !== undefined && input.status !== row.status ? input.status : undefined;
    if (details.length > 0) requireOpenForChanges(row.status);
    if (statusChange) requireStatusChange(row.status, statusChange, input.startsAt ? new Date(input.startsAt) : row.startsAt);
    const startsAt = input.startsAt ? new Date(input.startsAt) : undefined;
    const retimed = (startsAt && startsAt.getTime() !== row.startsAt.getTime()) || (input.durationMinutes !== undefined && input.durationMinutes !== row.durationMinutes);
    await tx.db
      .update(appointments)
      .set({
        startsAt,
        durationMinutes: input.durationMinutes,
        mode: input.mode,
        location: input.location === undefined ? undefined : input.location || null,
        videoLink: input.videoLink,
        note: input.note === undefined ? undefined : input.note || null,
        status: statusChange,
        // A new time deserves its own reminder.
        ...(retimed ? { reminderSentAt: null } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(appointments.id, appointmentId));
    await recordAudit(tx, {
      action: 'appointment.update',
      participantId: row.participantId,
      resourceType: 'appointment',
      resourceId: appointmentId,
      details: { fields: details, ...(statusChange ? { from: row.status, to: statusChange } : {}), ...(startsAt && retimed ? { startsAt: startsAt.toISOString() } : {}) },
    });
    if (statusChange === 'missed') await followUpMissed(tx, row);
    if (statusChange && row.status === 'missed') {
      await withdrawFollowUp(tx, { source: 'appointment', sourceId: row.id, ownerId: row.peerWorkerId, participantId: row.participantId });
    }
    await announceAppointment(tx, { ...row, status: statusChange ?? row.status });
  });
  return loadAppointment(ctx, granted, appointmentId);
}

async function lockAppointment(tx: RequestContext, id: string): Promise<AppointmentRow> {
  const [row] = await tx.db.select().from(appointments).where(eq(appointments.id, id)).for('update');
  if (!row) throw notFound('appointment.not_found', 'That appointment');
  return row;
}

/** "Reach out to Alex after a missed appointment", due today on the program's calendar. */
async function followUpMissed(tx: RequestContext, row: AppointmentRow): Promise<void> {
  const [program] = await tx.db
    .select({ timeZone: programs.timeZone })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(eq(participants.id, row.participantId));
  const words = await followUpWords(tx, row.peerWorkerId, row.participantId);
  await createTask(tx, {
    organizationId: row.organizationId,
    ownerId: row.peerWorkerId,
    participantId: row.participantId,
    source: 'appointment',
    sourceId: row.id,
    title: missedFollowUpTitle[words.locale](words.name),
    dueOn: wallClockOf(new Date(), program?.timeZone ?? 'UTC').date,
  });
}
