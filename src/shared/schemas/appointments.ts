import { z } from 'zod';
import { appointmentModes, appointmentStatuses } from './journey.js';
import { uuidSchema } from './tenancy.js';

/**
 * Appointments between a participant and their peer worker. Both see them; the peer worker
 * schedules, reschedules, cancels and marks them completed or missed.
 */

export const appointmentModeSchema = z.enum(appointmentModes);
export const appointmentStatusSchema = z.enum(appointmentStatuses);
export type AppointmentMode = z.infer<typeof appointmentModeSchema>;
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const APPOINTMENT_DEFAULT_MINUTES = 45;
export const appointmentDurationChoices = [30, 45, 60, 90] as const;

/**
 * Where an appointment may go from each status. A cancelled one stays cancelled (schedule a new
 * one); completed and missed may be swapped to correct a slip.
 */
export const appointmentStatusChanges: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  scheduled: ['cancelled', 'completed', 'missed'],
  completed: ['missed'],
  missed: ['completed'],
  cancelled: [],
};

const startsAt = z.iso.datetime({ offset: true });
const durationMinutes = z.number().int().min(5).max(480);
const location = z.string().trim().max(300);
/** Only https links: a calendar or a tap must never run `javascript:` or send someone to a plain-http page. */
const videoLink = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(500);
const note = z.string().trim().max(1000);

export const createAppointmentSchema = z.object({
  startsAt,
  durationMinutes: durationMinutes.default(APPOINTMENT_DEFAULT_MINUTES),
  mode: appointmentModeSchema,
  location: location.optional(),
  videoLink: videoLink.optional(),
  /** Seen by both the participant and the peer worker (never in calendar feeds). */
  note: note.optional(),
});
export type CreateAppointment = z.infer<typeof createAppointmentSchema>;
export type CreateAppointmentInput = z.input<typeof createAppointmentSchema>;

export const updateAppointmentSchema = z
  .object({
    startsAt: startsAt.optional(),
    durationMinutes: durationMinutes.optional(),
    mode: appointmentModeSchema.optional(),
    location: location.nullable().optional(),
    videoLink: videoLink.nullable().optional(),
    note: note.nullable().optional(),
    /** Cancel, or mark completed or missed. */
    status: z.enum(['cancelled', 'completed', 'missed']).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one change' });
export type UpdateAppointment = z.infer<typeof updateAppointmentSchema>;

export const appointmentSchema = z.object({
  id: uuidSchema,
  participant: z.object({ id: uuidSchema, preferredName: z.string() }),
  peerWorker: z.object({ id: uuidSchema, displayName: z.string() }),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int(),
  mode: appointmentModeSchema,
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
  note: z.string().nullable(),
  status: appointmentStatusSchema,
  /** The program's IANA time zone: times are shown in it. */
  timeZone: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  can: z.object({
    /** Reschedule or change the details (only while scheduled). */
    edit: z.boolean(),
    changeStatusTo: z.array(appointmentStatusSchema),
  }),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentListSchema = z.object({ appointments: z.array(appointmentSchema) });
export type AppointmentList = z.infer<typeof appointmentListSchema>;

export const appointmentRangeQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AppointmentRange = z.infer<typeof appointmentRangeQuery>;

/** A personal calendar subscription; the secret URL is shown once, when it is made. */
export const calendarFeedSchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const newCalendarFeedSchema = calendarFeedSchema.extend({
  /** https://…/api/calendar/<secret>.ics — shown only now; only a digest of the secret is kept. */
  url: z.string(),
  /** The same address for calendar apps that open webcal:// links. */
  webcalUrl: z.string(),
});
export type NewCalendarFeed = z.infer<typeof newCalendarFeedSchema>;

export const calendarFeedListSchema = z.object({ feeds: z.array(calendarFeedSchema) });
export type CalendarFeedList = z.infer<typeof calendarFeedListSchema>;

export const calendarFeedParams = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) });
export const calendarFileParams = z.object({ file: z.string().max(200) });

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a wall-clock date and time (YYYY-MM-DD, HH:MM) names in a time zone: a session "at
 * 3 pm" is at 3 pm on the program's clock whatever the device's zone. A time skipped by a
 * daylight-saving change lands just after it.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - zoneOffset(wall, timeZone);
  const second = wall - zoneOffset(first, timeZone);
  if (second === first || wallClockOf(new Date(second), timeZone).time === time) return new Date(second);
  // In a daylight-saving gap neither guess shows the time asked for: take the later one.
  return new Date(Math.max(first, second));
}

/** The date (YYYY-MM-DD) and time (HH:MM) an instant shows on a zone's wall clock. */
export function wallClockOf(at: Date, timeZone: string): { date: string; time: string } {
  const local = new Date(at.getTime() + zoneOffset(at.getTime(), timeZone)).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
