import { z } from 'zod';
import { rejectionReasons } from '../meetings/feed.js';
import { attendanceModes, timesOfDay } from '../meetings/vocabulary.js';
import { uuidSchema } from './tenancy.js';

const instant = z.iso.datetime({ offset: true });
const flag = z.enum(['true', 'false']);

/** The finder's filters; every one is optional and they narrow together. */
export const meetingFinderQuerySchema = z.object({
  /** 0 = Sunday … 6 = Saturday, on the meeting's own clock. */
  day: z.coerce.number().int().min(0).max(6).optional(),
  time: z.enum(timesOfDay).optional(),
  /** Type codes, comma-separated: a meeting must have all of them. */
  types: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$/, 'type codes separated by commas')
    .optional(),
  /** in_person and online each include hybrid meetings. */
  attend: z.enum(['in_person', 'online']).optional(),
  /** "latitude,longitude" of the point to measure from. */
  near: z
    .string()
    .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'latitude,longitude')
    .optional(),
  radius: z.coerce.number().positive().max(1000).optional(),
  unit: z.enum(['mi', 'km']).default('mi'),
  q: z.string().trim().max(100).optional(),
  soon: flag.optional(),
  saved: flag.optional(),
  /** Inactive listings (closed for now, or online without a way in) are left out unless asked for. */
  inactive: flag.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type MeetingFinderQuery = z.output<typeof meetingFinderQuerySchema>;
export type MeetingFinderQueryInput = z.input<typeof meetingFinderQuerySchema>;

export const meetingSummarySchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  day: z.number().int().nullable(),
  time: z.string().nullable(),
  endTime: z.string().nullable(),
  timeZone: z.string().nullable(),
  types: z.array(z.string()),
  attendanceMode: z.enum(attendanceModes),
  regions: z.array(z.string()),
  /** The street address, for meetings held in a room; the approximate area otherwise. */
  address: z.string().nullable(),
  location: z.string().nullable(),
  group: z.string().nullable(),
  conferenceProvider: z.string().nullable(),
  /** The next start, and minutes until it (slightly negative when it began a few minutes ago). */
  nextStart: instant.nullable(),
  minutesUntil: z.number().int().nullable(),
  /** From the point asked about, in the unit asked for. */
  distance: z.number().nullable(),
  saved: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingListSchema = z.object({ meetings: z.array(meetingSummarySchema), total: z.number().int() });
export type MeetingList = z.infer<typeof meetingListSchema>;

export const meetingDetailSchema = meetingSummarySchema.extend({
  notes: z.string().nullable(),
  locationNotes: z.string().nullable(),
  groupNotes: z.string().nullable(),
  approximate: z.boolean(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** A map of the place (OpenStreetMap), for meetings held in a room. */
  mapUrl: z.string().nullable(),
  /** Only links on a known video service; anything else is not offered as a way to join. */
  conferenceUrl: z.string().nullable(),
  conferenceUrlNotes: z.string().nullable(),
  conferencePhone: z.string().nullable(),
  conferencePhoneNotes: z.string().nullable(),
  url: z.string().nullable(),
  /** Days the signed-in participant logged going, newest first. */
  attendedOn: z.array(z.iso.date()),
  can: z.object({ logAttendance: z.boolean() }),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const saveMeetingSchema = z.object({ saved: z.boolean() });
export const logMeetingAttendanceSchema = z.object({
  /** The day on the meeting's clock; today when left out. */
  attendedOn: z.iso.date().optional(),
});

// ---- Import -------------------------------------------------------------------------------------

/** A feed sent as JSON (an uploaded file) or fetched from a URL. */
export const meetingImportSchema = z
  .object({
    feed: z.array(z.unknown()).max(50_000).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    /** For listings without a timezone; defaults to the programs' time zone when they all share one. */
    timeZone: z.string().max(64).optional(),
  })
  .refine((v) => (v.feed === undefined) !== (v.url === undefined), { path: ['feed'], message: 'send either feed or url' });
export type MeetingImportInput = z.infer<typeof meetingImportSchema>;

export const importOutcomes = ['imported', 'updated', 'unchanged', 'rejected'] as const;

export const meetingImportReportSchema = z.object({
  counts: z.object({ imported: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
  /** One line per listing in the feed's order; a day array gives one line per day. */
  records: z.array(
    z.object({
      index: z.number().int(),
      slug: z.string().nullable(),
      name: z.string().nullable(),
      outcome: z.enum(importOutcomes),
      reason: z.enum(rejectionReasons).optional(),
      message: z.string().optional(),
    }),
  ),
});
export type MeetingImportReport = z.infer<typeof meetingImportReportSchema>;
