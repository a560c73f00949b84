import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import type { Appointment } from '../../../shared/schemas/appointments.js';
import { appointments, participants, programs, users } from '../../db/schema/index.js';
import { relationshipsTo, visibleParticipants, type Access, type Granted, type Relationship } from '../../platform/access.js';
import type { AuditAction } from '../../platform/audit.js';
import type { Actor, AuthedContext, RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireRecordAccess } from '../notes/record-access.js';
import { appointmentPermissions } from './appointment-rules.js';

export type AppointmentRow = typeof appointments.$inferSelect;

const columns = {
  appointment: appointments,
  participantName: participants.preferredName,
  participantUserId: participants.userId,
  timeZone: programs.timeZone,
  peerWorkerName: users.displayName,
};

export type AppointmentRecord = Awaited<ReturnType<typeof selectAppointments>>[number];

/** Appointments with the names and time zone they are shown with, soonest first. Callers bind `where` to what the actor may see. */
export function selectAppointments(db: RequestContext['db'], where: SQL | undefined) {
  return db
    .select(columns)
    .from(appointments)
    .innerJoin(participants, eq(participants.id, appointments.participantId))
    .innerJoin(programs, eq(programs.id, participants.programId))
    .innerJoin(users, eq(users.id, appointments.peerWorkerId))
    .where(where)
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(1000);
}

/**
 * A person's own appointments: the sessions they hold as a peer worker and their own as a
 * participant, still bound by the access policy (a peer worker no longer walking alongside someone
 * stops seeing their sessions).
 */
export const ownAppointments = (actor: Actor) =>
  and(
    or(eq(appointments.peerWorkerId, actor.userId), actor.participantId ? eq(appointments.participantId, actor.participantId) : undefined),
    visibleParticipants(actor, 'appointments'),
  );

export const endOf = (a: AppointmentRow) => new Date(a.startsAt.getTime() + a.durationMinutes * 60_000);

export function toAppointment(r: AppointmentRecord, rels: readonly Relationship[]): Appointment {
  const a = r.appointment;
  return {
    id: a.id,
    participant: { id: a.participantId, preferredName: r.participantName },
    peerWorker: { id: a.peerWorkerId, displayName: r.peerWorkerName },
    startsAt: a.startsAt.toISOString(),
    endsAt: endOf(a).toISOString(),
    durationMinutes: a.durationMinutes,
    mode: a.mode,
    location: a.location,
    videoLink: a.videoLink,
    note: a.note,
    status: a.status,
    timeZone: r.timeZone,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    can: appointmentPermissions(rels, a.status, a.startsAt),
  };
}

/** Appointments of several participants, each with what the actor may do given their relationship to that participant. */
export async function withPermissions(ctx: AuthedContext, rows: AppointmentRecord[]): Promise<Appointment[]> {
  const rels = await relationshipsTo(ctx, [...new Set(rows.map((r) => r.appointment.participantId))]);
  return rows.map((r) => toAppointment(r, rels.get(r.appointment.participantId) ?? []));
}

export async function loadAppointment(ctx: AuthedContext, granted: Granted, appointmentId: string): Promise<Appointment> {
  const [row] = await selectAppointments(ctx.db, and(eq(appointments.id, appointmentId), eq(appointments.participantId, granted.participantId)));
  if (!row) throw notFound('appointment.not_found', 'That appointment');
  return toAppointment(row, granted.relationships);
}

/** The appointment, when the access policy lets the actor at it; unknown and out-of-reach ones are the same 404. */
export async function requireAppointment(
  ctx: AuthedContext,
  appointmentId: string,
  access: Access,
  action: AuditAction,
): Promise<{ row: AppointmentRow; granted: Granted }> {
  const [row] = await ctx.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.organizationId, ctx.actor.organizationId)));
  const granted = await requireRecordAccess(ctx, {
    participantId: row?.participantId ?? null,
    category: 'appointments',
    access,
    action,
    resourceType: 'appointment',
    resourceId: appointmentId,
    notFound: 'appointment.not_found',
    what: 'That appointment',
  });
  return { row: row!, granted };
}
