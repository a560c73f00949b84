import { z } from 'zod';
import {
  cosignRules,
  cosignStatuses,
  incidentKinds,
  supervisionKinds,
  supervisionRecurrences,
  supervisionStatuses,
  trainingDomains,
  unitRules,
  WORKLOAD_DEFAULTS,
} from './workforce-enums.js';
import { uuidSchema } from './tenancy.js';

export * from './workforce-enums.js';

/**
 * Caring for the peer workforce: supervision, wellbeing (private by default), training and
 * certification, co-signed notes, and service units for billing.
 */

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const person = z.object({ id: uuidSchema, displayName: z.string() });
const longText = z.string().trim().max(4000);

// ---- Program settings -------------------------------------------------------------------------

export const cosignRuleSchema = z.enum(cosignRules);
export const unitRuleSchema = z.enum(unitRules);
export type CosignRule = z.infer<typeof cosignRuleSchema>;
export type UnitRule = z.infer<typeof unitRuleSchema>;

const hour = z.number().int().min(0).max(24);
/** When the team view suggests a check-in: prompts for the supervisor, never judgements shown to others. */
export const workloadThresholdsSchema = z.object({
  /** Suggest a check-in when the caseload is above this percent of the worker's capacity. */
  caseloadSignalPercent: z.number().int().min(50).max(200),
  urgentAlertsPerWeek: z.number().int().min(1).max(100),
  afterHoursMessagesPerWeek: z.number().int().min(1).max(500),
  /** The workday on the program's clock, in whole hours: messages outside it count as after hours. */
  workdayStartHour: hour,
  workdayEndHour: hour,
});
export type WorkloadThresholds = z.infer<typeof workloadThresholdsSchema>;
export const defaultWorkloadThresholds: WorkloadThresholds = { ...WORKLOAD_DEFAULTS };

export const workforceSettingsSchema = z.object({
  programId: uuidSchema,
  cosignRule: cosignRuleSchema,
  /** A HCPCS code such as H0038 (self-help/peer services, per 15 minutes). */
  serviceCode: z.string(),
  unitRule: unitRuleSchema,
  onboardingChecklist: z.array(z.string()),
  thresholds: workloadThresholdsSchema,
});
export type WorkforceSettings = z.infer<typeof workforceSettingsSchema>;

export const updateWorkforceSettingsSchema = z.object({
  cosignRule: cosignRuleSchema,
  serviceCode: z
    .string()
    .trim()
    .regex(/^[A-Z][0-9]{4}$/, 'use a HCPCS code such as H0038'),
  unitRule: unitRuleSchema,
  onboardingChecklist: z.array(z.string().trim().min(1).max(200)).max(40).default([]),
  /** Left out, the program keeps the thresholds it has. */
  thresholds: workloadThresholdsSchema
    .strict()
    .refine((v) => v.workdayEndHour > v.workdayStartHour, { message: 'the workday ends after it starts', path: ['workdayEndHour'] })
    .optional(),
});
export type UpdateWorkforceSettings = z.infer<typeof updateWorkforceSettingsSchema>;

// ---- Co-sign ---------------------------------------------------------------------------------

export const cosignStatusSchema = z.enum(cosignStatuses);
export type CosignStatus = z.infer<typeof cosignStatusSchema>;

export const cosignStateSchema = z.object({
  status: cosignStatusSchema,
  noteVersion: z.number().int(),
  requestedAt: instant,
  decidedBy: person.nullable(),
  decidedAt: instant.nullable(),
  comment: z.string().nullable(),
});
export type CosignState = z.infer<typeof cosignStateSchema>;

export const cosignHistorySchema = z.object({ noteId: uuidSchema, entries: z.array(cosignStateSchema) });
export type CosignHistory = z.infer<typeof cosignHistorySchema>;

export const cosignQueueItemSchema = z.object({
  noteId: uuidSchema,
  noteVersion: z.number().int(),
  participant: z.object({ id: uuidSchema, preferredName: z.string() }),
  author: person,
  contactType: z.string(),
  occurredAt: instant,
  durationMinutes: z.number().int(),
  billable: z.boolean(),
  summary: z.string(),
  nextSteps: z.string().nullable(),
  requestedAt: instant,
  /** True when an earlier version was co-signed or returned: this is a re-request after an edit. */
  resubmitted: z.boolean(),
});
export const cosignQueueSchema = z.object({ items: z.array(cosignQueueItemSchema) });
export type CosignQueue = z.infer<typeof cosignQueueSchema>;

export const cosignDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), comment: z.string().trim().max(2000).optional() }),
  z.object({ decision: z.literal('return'), comment: z.string().trim().min(1, 'say what needs changing').max(2000) }),
]);
export type CosignDecision = z.infer<typeof cosignDecisionSchema>;

export const returnedNotesSchema = z.object({
  items: z.array(
    z.object({
      noteId: uuidSchema,
      participant: z.object({ id: uuidSchema, preferredName: z.string() }),
      occurredAt: instant,
      comment: z.string().nullable(),
      decidedBy: person.nullable(),
      decidedAt: instant.nullable(),
    }),
  ),
});
export type ReturnedNotes = z.infer<typeof returnedNotesSchema>;

// ---- Billing ----------------------------------------------------------------------------------

export const billingQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use a month such as 2026-11'),
});

// ---- Team ------------------------------------------------------------------------------------

export const workloadSignals = ['over_capacity', 'urgent_alerts', 'after_hours_messages', 'critical_incident'] as const;
export const workloadSignalSchema = z.enum(workloadSignals);
export type WorkloadSignal = z.infer<typeof workloadSignalSchema>;

export const teamMemberSchema = z.object({
  worker: person,
  programIds: z.array(uuidSchema),
  caseload: z.number().int(),
  capacity: z.number().int(),
  overCapacity: z.boolean(),
  flagged: z.number().int(),
  urgent: z.number().int(),
  openAlerts: z.number().int(),
  awaitingCosign: z.number().int(),
  lastSupervisionAt: instant.nullable(),
  /** Whether a wellbeing self-check was done in the last 90 days: never the scores. */
  wellbeingCheckedAt: instant.nullable(),
  /** Reasons to suggest a supervision check-in; never shown to anyone but the supervisor and the worker. */
  signals: z.array(workloadSignalSchema),
  certificationsDue: z.number().int(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamWellbeingSchema = z.object({
  respondents: z.number().int(),
  averages: z.record(z.string(), z.number()),
});

export const teamSchema = z.object({
  programs: z.array(z.object({ id: uuidSchema, name: z.string() })),
  /** Over capacity first, then most urgent, then by name. */
  members: z.array(teamMemberSchema),
  /** Team-level ProQOL averages, only when five or more workers took it in the last 90 days. */
  wellbeing: teamWellbeingSchema.nullable(),
});
export type Team = z.infer<typeof teamSchema>;

// ---- Supervision -------------------------------------------------------------------------------

export const supervisionKindSchema = z.enum(supervisionKinds);
export const supervisionRecurrenceSchema = z.enum(supervisionRecurrences);
export const supervisionStatusSchema = z.enum(supervisionStatuses);

const supervisionNoteFields = {
  casesDiscussed: longText.optional(),
  boundaries: longText.optional(),
  disclosure: longText.optional(),
  skills: longText.optional(),
  selfCare: longText.optional(),
};

export const agreedActionInput = z.object({
  text: z.string().trim().min(1).max(500),
  dueOn: day.optional(),
  /** Whose action it is; the only attendee when left out. */
  workerId: uuidSchema.optional(),
});

export const createSupervisionSchema = z
  .object({
    programId: uuidSchema,
    kind: supervisionKindSchema,
    workerIds: z.array(uuidSchema).min(1).max(30),
    scheduledAt: instant,
    durationMinutes: z.number().int().min(5).max(480).default(60),
    recurrence: supervisionRecurrenceSchema.default('none'),
    /** "held" logs a session that has happened, with its note and agreed actions. */
    status: z.enum(['scheduled', 'held']).default('scheduled'),
    ...supervisionNoteFields,
    actions: z.array(agreedActionInput).max(20).default([]),
  })
  .refine((v) => v.recurrence === 'none' || v.status === 'scheduled', { message: 'schedule a recurring series; log a held session on its own', path: ['recurrence'] })
  .refine((v) => v.kind === 'group' || v.workerIds.length === 1, { message: 'an individual session has one peer worker', path: ['workerIds'] })
  .refine((v) => new Set(v.workerIds).size === v.workerIds.length, { message: 'name each peer worker once', path: ['workerIds'] });
export type CreateSupervision = z.infer<typeof createSupervisionSchema>;

export const recordSupervisionSchema = z.object({
  status: supervisionStatusSchema.optional(),
  /** "none" ends a recurring series after this session. */
  recurrence: supervisionRecurrenceSchema.optional(),
  ...supervisionNoteFields,
  actions: z.array(agreedActionInput).max(20).optional(),
});
export type RecordSupervision = z.infer<typeof recordSupervisionSchema>;

export const agreedActionSchema = z.object({
  id: uuidSchema,
  text: z.string(),
  dueOn: day.nullable(),
  worker: person,
  doneAt: instant.nullable(),
});

export const supervisionSessionSchema = z.object({
  id: uuidSchema,
  programId: uuidSchema,
  supervisor: person,
  kind: supervisionKindSchema,
  recurrence: supervisionRecurrenceSchema,
  status: supervisionStatusSchema,
  scheduledAt: instant,
  /** For a recurring session, when the next one falls (same wall-clock time on the program's clock). */
  nextAt: instant.nullable(),
  durationMinutes: z.number().int(),
  workers: z.array(person),
  casesDiscussed: z.string().nullable(),
  boundaries: z.string().nullable(),
  disclosure: z.string().nullable(),
  skills: z.string().nullable(),
  selfCare: z.string().nullable(),
  actions: z.array(agreedActionSchema),
});
export type SupervisionSession = z.infer<typeof supervisionSessionSchema>;

export const supervisionListSchema = z.object({ sessions: z.array(supervisionSessionSchema) });
export type SupervisionList = z.infer<typeof supervisionListSchema>;

export const supervisionListQuery = z.object({ workerId: uuidSchema.optional() });

// ---- Wellbeing (ProQOL 5) ---------------------------------------------------------------------

export const PROQOL_ID = 'proqol5';
export const TEAM_FIGURES_MIN = 5;

export const wellbeingAnswersSchema = z.record(z.string().regex(/^\d{1,2}$/), z.number().int());

export const createWellbeingCheckSchema = z.object({
  answers: wellbeingAnswersSchema,
  share: z.boolean().default(false),
});
export type CreateWellbeingCheck = z.infer<typeof createWellbeingCheckSchema>;

const bandOut = z.object({ label: z.object({ en: z.string(), es: z.string() }), min: z.number(), max: z.number(), severity: z.number().optional() });

export const wellbeingCheckSchema = z.object({
  id: uuidSchema,
  takenAt: instant,
  shared: z.boolean(),
  scores: z.record(z.string(), z.number()),
  bands: z.record(z.string(), bandOut),
});
export type WellbeingCheck = z.infer<typeof wellbeingCheckSchema>;

export const wellbeingListSchema = z.object({ checks: z.array(wellbeingCheckSchema) });
export const shareWellbeingSchema = z.object({ shared: z.boolean() });

// ---- Critical incidents --------------------------------------------------------------------

export const incidentKindSchema = z.enum(incidentKinds);
export const createIncidentSchema = z.object({
  kind: incidentKindSchema,
  occurredAt: instant,
  participantId: uuidSchema.optional(),
  description: z.string().trim().max(2000).optional(),
});
export const updateIncidentSchema = z
  .object({
    debriefAt: instant.nullable().optional(),
    debriefDone: z.boolean().optional(),
    timeOff: z.string().trim().max(500).nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one change' });
export const incidentSchema = z.object({
  id: uuidSchema,
  worker: person,
  kind: incidentKindSchema,
  occurredAt: instant,
  description: z.string().nullable(),
  debriefAt: instant.nullable(),
  debriefDoneAt: instant.nullable(),
  timeOff: z.string().nullable(),
});
export const incidentListSchema = z.object({ incidents: z.array(incidentSchema) });
export type Incident = z.infer<typeof incidentSchema>;

// ---- Training and certification ----------------------------------------------------------------

export const trainingDomainSchema = z.enum(trainingDomains);
export const createTrainingSchema = z.object({
  course: z.string().trim().min(1).max(200),
  provider: z.string().trim().max(200).optional(),
  hours: z.number().min(0.25, 'at least a quarter of an hour').max(500),
  domain: trainingDomainSchema,
  completedOn: day,
});
export const trainingRecordSchema = z.object({
  id: uuidSchema,
  course: z.string(),
  provider: z.string().nullable(),
  hours: z.number(),
  domain: trainingDomainSchema,
  completedOn: day,
});
export const createCertificationSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    number: z.string().trim().max(100).optional(),
    issuer: z.string().trim().min(1).max(200),
    issuedOn: day,
    expiresOn: day,
    ceHoursRequired: z.number().int().min(0).max(500).default(0),
  })
  .refine((v) => v.expiresOn > v.issuedOn, { message: 'expires after it was issued', path: ['expiresOn'] });
export const certificationSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  number: z.string().nullable(),
  issuer: z.string(),
  issuedOn: day,
  expiresOn: day,
  ceHoursRequired: z.number().int(),
  /** Training hours logged since it was issued, towards the renewal. */
  ceHoursDone: z.number(),
  daysToExpiry: z.number().int(),
});
export const onboardingItemSchema = z.object({ programId: uuidSchema, item: z.string(), doneAt: instant.nullable() });
export const trainingSummarySchema = z.object({
  worker: person,
  training: z.array(trainingRecordSchema),
  certifications: z.array(certificationSchema),
  onboarding: z.array(onboardingItemSchema),
});
export type TrainingSummary = z.infer<typeof trainingSummarySchema>;
export const onboardingUpdateSchema = z.object({ programId: uuidSchema, item: z.string().trim().min(1).max(200), done: z.boolean() });
export const workerParams = z.object({ id: uuidSchema });
