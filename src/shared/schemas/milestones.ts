import { z } from 'zod';
import { milestoneUnits } from '../milestones.js';
import { uuidSchema } from './tenancy.js';

export const milestoneSchema = z.object({
  /** Remembers the celebration: tied to the start date for standard milestones, to the id for custom ones. */
  key: z.string(),
  kind: z.enum(['standard', 'custom']),
  /** Standard milestones: 30 days, 6 months, 2 years… */
  unit: z.enum(milestoneUnits).nullable(),
  amount: z.number().int().nullable(),
  /** Custom milestones: the participant's own words. */
  label: z.string().nullable(),
  date: z.iso.date(),
  reached: z.boolean(),
  celebrated: z.boolean(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const recoveryStartSchema = z.object({
  startDate: z.iso.date(),
  /** The participant's own note about the day; sent to them alone. */
  note: z.string().nullable(),
  setAt: z.iso.datetime({ offset: true }),
});

export const milestonesSchema = z.object({
  participantId: uuidSchema,
  /** False for pathways that do not count days: no counter and no standard milestones are sent. */
  countsDays: z.boolean(),
  timeZone: z.string(),
  /** Today's date in the program's time zone. */
  today: z.iso.date(),
  recoveryStart: recoveryStartSchema.nullable(),
  /** Every start date ever set, newest first: the days before a new start still count as lived. */
  startHistory: z.array(recoveryStartSchema),
  days: z.number().int().nullable(),
  last: milestoneSchema.nullable(),
  next: milestoneSchema.nullable(),
  /** Standard milestones reached from the current start date, oldest first. */
  reached: z.array(milestoneSchema),
  custom: z.array(milestoneSchema),
  /** The newest reached milestone not yet celebrated; only the participant is shown it. */
  celebrate: milestoneSchema.nullable(),
  can: z.object({ write: z.boolean() }),
});
export type Milestones = z.infer<typeof milestonesSchema>;

export const setRecoveryStartSchema = z.object({
  startDate: z.iso.date(),
  note: z.string().trim().max(500).optional(),
});

export const createCustomMilestoneSchema = z.object({
  label: z.string().trim().min(1).max(120),
  date: z.iso.date(),
});

export const celebrateMilestoneSchema = z.object({ key: z.string().min(1).max(200) });
