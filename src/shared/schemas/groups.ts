import { z } from 'zod';
import { attendanceStatuses, groupFrequencies, groupModes, groupSessionStatuses, rsvpResponses, weekdayCodes } from '../groups/vocabulary.js';
import { uuidSchema } from './tenancy.js';

const instant = z.iso.datetime({ offset: true });
const calendarDate = z.iso.date();
export const wallClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM on a 24-hour clock');
const webLink = z.url({ protocol: /^https?$/ }).max(500);

/** When a group meets, on its program's clock: every `interval` days, or weeks on the chosen weekdays. */
export const groupScheduleSchema = z
  .object({
    frequency: z.enum(groupFrequencies).default('weekly'),
    interval: z.number().int().min(1).max(8).default(1),
    weekdays: z.array(z.enum(weekdayCodes)).max(7).default([]),
    startTime: wallClockTime,
    durationMinutes: z.number().int().min(15).max(480),
    startsOn: calendarDate,
    endsOn: calendarDate.nullable().optional(),
  })
  .refine((s) => s.frequency !== 'weekly' || s.weekdays.length > 0, { path: ['weekdays'], message: 'choose at least one day of the week' })
  .refine((s) => !s.endsOn || s.endsOn >= s.startsOn, { path: ['endsOn'], message: 'must be on or after the first day' });
export type GroupSchedule = z.output<typeof groupScheduleSchema>;

const groupFields = {
  topic: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).nullable().optional(),
  mode: z.enum(groupModes),
  place: z.string().trim().max(200).nullable().optional(),
  onlineUrl: webLink.nullable().optional(),
  capacity: z.number().int().min(1).max(500).nullable().optional(),
};

function needsWhere<T extends { mode?: string; place?: string | null; onlineUrl?: string | null }>(schema: z.ZodType<T>) {
  return schema
    .refine((g) => g.mode === undefined || g.mode === 'online' || Boolean(g.place), { path: ['place'], message: 'say where the group meets' })
    .refine((g) => g.mode === undefined || g.mode === 'in_person' || Boolean(g.onlineUrl), { path: ['onlineUrl'], message: 'add the link people join with' });
}

export const createGroupSchema = needsWhere(
  z.object({
    programId: uuidSchema,
    ...groupFields,
    schedule: groupScheduleSchema,
    /** Peer workers or supervisors of the program; the person creating the group when left out. */
    facilitatorIds: z.array(uuidSchema).min(1).max(6).optional(),
  }),
);
export type CreateGroup = z.output<typeof createGroupSchema>;

export const updateGroupSchema = z
  .object({
    topic: groupFields.topic.optional(),
    description: groupFields.description,
    mode: groupFields.mode.optional(),
    place: groupFields.place,
    onlineUrl: groupFields.onlineUrl,
    capacity: groupFields.capacity,
    schedule: groupScheduleSchema.optional(),
    facilitatorIds: z.array(uuidSchema).min(1).max(6).optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one change' });
export type UpdateGroup = z.output<typeof updateGroupSchema>;

export const attendanceCountsSchema = z.object({ present: z.number().int(), absent: z.number().int(), excused: z.number().int() });

export const groupSessionSchema = z.object({
  /** The date of the occurrence in the schedule (the session's key), on the program's clock. */
  date: calendarDate,
  startsAt: instant,
  endsAt: instant,
  status: z.enum(groupSessionStatuses),
  moved: z.boolean(),
  place: z.string().nullable(),
  cancelReason: z.string().nullable(),
  topics: z.array(z.string()),
  /** The facilitators' notes; only they and supervisors see them. */
  notes: z.string().nullable(),
  myRsvp: z.enum(rsvpResponses).nullable(),
  /** For those who run the group. */
  going: z.number().int().nullable(),
  attendance: attendanceCountsSchema.nullable(),
});
export type GroupSession = z.infer<typeof groupSessionSchema>;

export const groupSchema = z.object({
  id: uuidSchema,
  programId: uuidSchema,
  programName: z.string(),
  timeZone: z.string(),
  topic: z.string(),
  description: z.string().nullable(),
  mode: z.enum(groupModes),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  enrolledCount: z.number().int(),
  schedule: z.object({
    frequency: z.enum(groupFrequencies),
    interval: z.number().int(),
    weekdays: z.array(z.enum(weekdayCodes)),
    startTime: z.string(),
    durationMinutes: z.number().int(),
    startsOn: calendarDate,
    endsOn: calendarDate.nullable(),
  }),
  /** The RFC 5545 rule (without its start), for calendar apps and other tools. */
  rrule: z.string(),
  facilitators: z.array(z.object({ id: uuidSchema, displayName: z.string() })),
  archived: z.boolean(),
  nextSession: groupSessionSchema.nullable(),
  /** Today's session on the program's clock, also once it has ended: attendance is often taken afterwards. */
  todaysSession: groupSessionSchema.nullable(),
  me: z.object({ enrolled: z.boolean(), facilitator: z.boolean() }),
  can: z.object({ manage: z.boolean(), join: z.boolean(), leave: z.boolean() }),
});
export type Group = z.infer<typeof groupSchema>;

export const groupListSchema = z.object({ groups: z.array(groupSchema) });
export const groupListQuerySchema = z.object({ programId: uuidSchema.optional(), archived: z.enum(['true', 'false']).optional() });

export const sessionRangeQuerySchema = z
  .object({ from: calendarDate.optional(), to: calendarDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must be on or after from' });
export const groupSessionListSchema = z.object({ timeZone: z.string(), sessions: z.array(groupSessionSchema) });

export const sessionParams = z.object({ id: uuidSchema, date: calendarDate });

export const updateSessionSchema = z
  .object({
    status: z.enum(groupSessionStatuses).optional(),
    cancelReason: z.string().trim().max(300).nullable().optional(),
    /** Move this session to another day or time (program clock); null puts it back on the schedule. */
    moveTo: z.object({ date: calendarDate, time: wallClockTime }).nullable().optional(),
    place: z.string().trim().max(200).nullable().optional(),
    notes: z.string().trim().max(5000).nullable().optional(),
    topics: z.array(z.string().trim().min(1).max(120)).max(20).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one change' });
export type UpdateSession = z.output<typeof updateSessionSchema>;

export const rsvpSchema = z.object({ response: z.enum(rsvpResponses) });
export const enrolSchema = z.object({ participantId: uuidSchema });
export const enrolmentParams = z.object({ id: uuidSchema, participantId: uuidSchema });

// ---- Attendance ---------------------------------------------------------------------------------

export const rosterEntrySchema = z.object({
  participantId: uuidSchema,
  preferredName: z.string(),
  pronouns: z.string().nullable(),
  hasLogin: z.boolean(),
  enrolled: z.boolean(),
  walkIn: z.boolean(),
  rsvp: z.enum(rsvpResponses).nullable(),
  status: z.enum(attendanceStatuses).nullable(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const rosterSchema = z.object({
  group: z.object({ id: uuidSchema, topic: z.string(), programId: uuidSchema, timeZone: z.string() }),
  session: groupSessionSchema,
  entries: z.array(rosterEntrySchema),
});
export type Roster = z.infer<typeof rosterSchema>;

export const attendanceMarksSchema = z.object({
  marks: z
    .array(z.object({ participantId: uuidSchema, status: z.enum(attendanceStatuses) }))
    .min(1)
    .max(500)
    .refine((marks) => new Set(marks.map((m) => m.participantId)).size === marks.length, { message: 'each person once' }),
});
export type AttendanceMarks = z.output<typeof attendanceMarksSchema>;

/** Someone who came without being enrolled: a participant of the program, or a new person by name (no login). */
export const walkInSchema = z.union([
  z.object({ participantId: uuidSchema }).strict(),
  z.object({ preferredName: z.string().trim().min(1).max(120), pronouns: z.string().trim().max(40).optional() }).strict(),
]);
export type WalkIn = z.output<typeof walkInSchema>;

export const walkInSearchQuerySchema = z.object({ q: z.string().trim().min(2).max(60) });
export const walkInCandidatesSchema = z.object({
  candidates: z.array(z.object({ participantId: uuidSchema, preferredName: z.string(), pronouns: z.string().nullable() })),
});

/** What counts toward a participant's engagement: groups attended and meetings they logged. */
export const participantAttendanceSchema = z.object({
  groups: attendanceCountsSchema.extend({ last30Days: z.number().int() }),
  meetings: z.object({ logged: z.number().int(), last30Days: z.number().int() }),
  recent: z.array(
    z.object({
      kind: z.enum(['group', 'meeting']),
      title: z.string(),
      date: calendarDate,
      status: z.enum(attendanceStatuses),
      walkIn: z.boolean(),
    }),
  ),
});
export type ParticipantAttendance = z.infer<typeof participantAttendanceSchema>;

export const groupCalendarLinkSchema = z.object({ url: z.string(), createdAt: instant });
