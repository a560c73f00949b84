import { and, eq, gte, lt } from 'drizzle-orm';
import type { AppointmentList, AppointmentRange } from '../../../shared/schemas/appointments.js';
import { appointments } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { ownAppointments, selectAppointments, toAppointment, withPermissions, type AppointmentRecord } from './appointment-rows.js';

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 400;

/** The window asked for, or the defaults; a window longer than about a year is refused. */
export function rangeOf(query: AppointmentRange, defaults: { pastDays: number; futureDays: number }, now = new Date()): { from: Date; to: Date } {
  const from = query.from ? new Date(query.from) : new Date(now.getTime() - defaults.pastDays * DAY);
  const to = query.to ? new Date(query.to) : new Date(Math.max(from.getTime(), now.getTime()) + defaults.futureDays * DAY);
  if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
    throw new AppError('validation.failed', 'Please check: querystring.to.', [
      { path: 'querystring.to', message: `must be after from, and at most ${MAX_RANGE_DAYS} days later` },
    ]);
  }
  return { from, to };
}

const within = (r: { from: Date; to: Date }) => and(gte(appointments.startsAt, r.from), lt(appointments.startsAt, r.to));

/** One audit event per participant whose appointments the list shows. */
async function auditRead(ctx: AuthedContext, rows: AppointmentRecord[]): Promise<void> {
  const seen = [...new Set(rows.map((r) => r.appointment.participantId))];
  await recordAudit(ctx, ...seen.map((id) => ({ action: 'appointment.read' as const, participantId: id, resourceType: 'appointment', resourceId: id })));
}

/** The caller's own appointments (see ownAppointments), by default from now to two months ahead. */
export async function listMyAppointments(ctx: AuthedContext, query: AppointmentRange): Promise<AppointmentList> {
  const range = rangeOf(query, { pastDays: 0, futureDays: 60 });
  const rows = await selectAppointments(ctx.db, and(ownAppointments(ctx.actor), within(range)));
  await auditRead(ctx, rows);
  return { appointments: await withPermissions(ctx, rows) };
}

/** A participant's appointments, by default the last month and the half-year ahead. */
export async function listParticipantAppointments(ctx: AuthedContext, participantId: string, query: AppointmentRange): Promise<AppointmentList> {
  const range = rangeOf(query, { pastDays: 30, futureDays: 180 });
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'appointments', access: 'read', action: 'appointment.read', resourceType: 'appointment' });
  const rows = await selectAppointments(ctx.db, and(eq(appointments.participantId, participantId), within(range)));
  return { appointments: rows.map((r) => toAppointment(r, granted.relationships)) };
}
