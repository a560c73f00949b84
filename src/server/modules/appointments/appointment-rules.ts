import { appointmentStatusChanges, type Appointment, type AppointmentStatus } from '../../../shared/schemas/appointments.js';
import { anyAllows, type Relationship } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

/** Completed or missed only once it has begun: nobody misses a session that is still to come. */
const needsStarted = (to: AppointmentStatus) => to === 'completed' || to === 'missed';

export function appointmentPermissions(rels: readonly Relationship[], status: AppointmentStatus, startsAt: Date, now = new Date()): Appointment['can'] {
  const write = anyAllows(rels, 'appointments', 'write');
  return {
    edit: write && status === 'scheduled',
    changeStatusTo: write ? appointmentStatusChanges[status].filter((to) => !needsStarted(to) || startsAt <= now) : [],
  };
}

export function requireStatusChange(from: AppointmentStatus, to: AppointmentStatus, startsAt: Date, now = new Date()): void {
  if (!appointmentStatusChanges[from].includes(to)) {
    throw new AppError('appointment.status_change_invalid', `An appointment that is ${from} cannot be marked ${to}.`);
  }
  if (needsStarted(to) && startsAt > now) {
    throw new AppError('appointment.status_change_invalid', `An appointment can be marked ${to} once it has begun.`);
  }
}

export function requireOpenForChanges(status: AppointmentStatus): void {
  if (status !== 'scheduled') throw new AppError('appointment.closed', `This appointment is ${status}; schedule a new one instead.`);
}
