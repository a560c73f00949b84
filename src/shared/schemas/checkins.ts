import { z } from 'zod';
import { reportedUse, triggers } from './journey.js';
import { uuidSchema } from './tenancy.js';

/**
 * A check-in takes under thirty seconds: how the day feels, how strong the craving is, whether
 * there was use since the last one, what set things off, and a few optional extras. It is shared
 * with the participant's peer worker unless the participant keeps it private; reported use always
 * reaches a person, private or not (the alert then says only that use was reported).
 */

export const MOOD_MIN = 1;
export const MOOD_MAX = 5;
export const CRAVING_MIN = 0;
export const CRAVING_MAX = 10;
export const SLEEP_MAX_HOURS = 24;

export const reportedUseSchema = z.enum(reportedUse);
export type ReportedUse = z.infer<typeof reportedUseSchema>;
export const triggerSchema = z.enum(triggers);
export type Trigger = z.infer<typeof triggerSchema>;

export const moodSchema = z.int().min(MOOD_MIN).max(MOOD_MAX);
export const cravingSchema = z.int().min(CRAVING_MIN).max(CRAVING_MAX);
/** Hours of sleep; the database keeps one decimal. */
export const sleepHoursSchema = z.number().min(0).max(SLEEP_MAX_HOURS);

const shortText = (max: number) => z.string().trim().max(max);

export const createCheckInSchema = z.object({
  mood: moodSchema,
  craving: cravingSchema,
  usedSinceLast: reportedUseSchema,
  triggers: z
    .array(triggerSchema)
    .max(triggers.length)
    .refine((list) => new Set(list).size === list.length, 'list each trigger once')
    .default([]),
  /** Anything else that set things off, in the participant's own words. */
  triggerNote: shortText(300).nullish(),
  sleepHours: sleepHoursSchema.nullish(),
  /** Talked with a support person since the last check-in. */
  supportContact: z.boolean().nullish(),
  /** A short note or something to be grateful for. */
  note: shortText(1000).nullish(),
  private: z.boolean().default(false),
});
export type CreateCheckIn = z.output<typeof createCheckInSchema>;
export type CreateCheckInInput = z.input<typeof createCheckInSchema>;

export const checkInSchema = z.object({
  id: uuidSchema,
  participantId: uuidSchema,
  mood: z.int(),
  craving: z.int(),
  usedSinceLast: reportedUseSchema,
  triggers: z.array(triggerSchema),
  triggerNote: z.string().nullable(),
  sleepHours: z.number().nullable(),
  supportContact: z.boolean().nullable(),
  note: z.string().nullable(),
  private: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CheckIn = z.infer<typeof checkInSchema>;

const instant = z.iso.datetime({ offset: true });

export const checkInListQuerySchema = z
  .object({
    /** Only check-ins at or after this instant. */
    from: instant.optional(),
    /** Only check-ins before this instant. */
    to: instant.optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });
export type CheckInListQuery = z.output<typeof checkInListQuerySchema>;

/** Newest first. No total is given: a count would tell others how many private check-ins exist. */
export const checkInListSchema = z.object({
  checkIns: z.array(checkInSchema),
  nextCursor: z.string().nullable(),
});
export type CheckInList = z.infer<typeof checkInListSchema>;

export const TREND_MAX_DAYS = 366;

export const checkInTrendQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(TREND_MAX_DAYS).default(30),
  /** The last day of the series (YYYY-MM-DD, in the program's time zone); today when left out. */
  end: z.iso.date().optional(),
});
export type CheckInTrendQuery = z.output<typeof checkInTrendQuerySchema>;

export const checkInTrendDaySchema = z.object({
  date: z.iso.date(),
  /** The day's average, one decimal; null on a day without a check-in. */
  mood: z.number().nullable(),
  craving: z.number().nullable(),
  checkIns: z.int(),
});
export type CheckInTrendDay = z.infer<typeof checkInTrendDaySchema>;

/** One entry per day, oldest first, days bucketed in the program's time zone. */
export const checkInTrendSchema = z.object({
  timeZone: z.string(),
  days: z.array(checkInTrendDaySchema),
});
export type CheckInTrend = z.infer<typeof checkInTrendSchema>;
