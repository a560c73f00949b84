import { z } from 'zod';
import { equityDimensions } from '../outcomes/facts.js';
import { uuidSchema } from './tenancy.js';

const isoDay = z.iso.date();
/** The longest period one report covers: ten years of history. */
export const MAX_PERIOD_DAYS = 3660;

export const reportQuerySchema = z
  .object({
    programId: uuidSchema.optional(),
    from: isoDay,
    to: isoDay,
  })
  .refine((q) => q.from <= q.to, { message: 'the period must end on or after it starts', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= MAX_PERIOD_DAYS, { message: 'the period is too long', path: ['from'] });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const reportTables = ['measures', 'equity', 'trends', 'referrals', 'workforce'] as const;
export const reportTableSchema = z.enum(reportTables);
export const exportQuerySchema = reportQuerySchema.and(z.object({ table: reportTableSchema }));

const suppressedSchema = z.enum(['small_cell', 'complementary', 'small_denominator']).nullable();
const gapSchema = z.enum(['favourable', 'unfavourable']).nullable();

export const measureValueSchema = z.object({
  id: z.string(),
  value: z.number().nullable(),
  denominator: z.number(),
  suppressed: suppressedSchema,
});

export const equityCellSchema = z.object({
  group: z.string(),
  n: z.number().nullable(),
  suppressed: z.enum(['small_cell', 'complementary']).nullable(),
  // A withheld figure's denominator is withheld too (null).
  measures: z.array(measureValueSchema.extend({ denominator: z.number().nullable(), gap: gapSchema })),
});

export const equityTableSchema = z.object({
  dimension: z.enum(equityDimensions),
  multiple: z.boolean(),
  cells: z.array(equityCellSchema),
});

export const trendPointSchema = z.object({
  month: z.string(),
  activeParticipants: z.number(),
  contacts: z.number(),
  checkIns: z.number(),
  groupSessionsAttended: z.number(),
  mutualAidMeetings: z.number(),
});

export const referralCategorySchema = z.object({
  category: z.string(),
  completed: z.number().nullable(),
  closedUnmet: z.number().nullable(),
  metShare: z.number().nullable(),
  medianDaysToComplete: z.number().nullable(),
  suppressed: z.enum(['small_cell', 'complementary']).nullable(),
});

export const workforceSchema = z.object({
  peerWorkers: z.number(),
  caseloadMean: z.number().nullable(),
  caseloadMax: z.number().nullable(),
  contactsPerWorkerWeek: z.number().nullable(),
  alerts: z.number(),
  alertsAcknowledgedInTime: z.number(),
  alertsInTimeShare: z.number().nullable(),
  alertMedianMinutesToAcknowledge: z.number().nullable(),
});

export const outcomeReportSchema = z.object({
  scope: z.object({
    programs: z.array(z.object({ id: uuidSchema, name: z.string() })),
    from: isoDay,
    to: isoDay,
    timeZone: z.string(),
    generatedAt: z.string(),
    participants: z.number(),
  }),
  measures: z.array(measureValueSchema),
  equity: z.array(equityTableSchema),
  trends: z.array(trendPointSchema),
  referralsByCategory: z.array(referralCategorySchema),
  workforce: workforceSchema,
  /** Things the data cannot say yet, named so a reader is not misled by an empty column. */
  notRecorded: z.array(z.enum(['housingStatus'])),
});
export type OutcomeReport = z.infer<typeof outcomeReportSchema>;

export const reportProgramsSchema = z.object({
  programs: z.array(z.object({ id: uuidSchema, name: z.string(), timeZone: z.string() })),
  canExtract: z.boolean(),
});
