import { z } from 'zod';
import { alertKinds, alertSeverities, alertStatuses, participantSettings } from './journey.js';
import { participantStatuses } from './participants.js';
import { uuidSchema } from './tenancy.js';

/**
 * The peer worker's caseload: who needs them today, and why. Flags are computed when the caseload
 * is read, from the participant's shared history and their open alerts, by rules each program may
 * tune. A flag carries a stable code (`kind`) and the numbers behind it (`params`); the web app words
 * it in the reader's language, so the reason is always plain words, never a colour alone.
 */

export const flagKinds = [
  'suicidality',
  'crisis_language',
  'reported_use',
  'bam_risk',
  'craving_help',
  'craving_high',
  'craving_rising',
  'missed_checkins',
  'no_contact',
] as const satisfies ReadonlyArray<(typeof alertKinds)[number]>;
export type FlagKind = (typeof flagKinds)[number];

export const severitySchema = z.enum(alertSeverities);
export type Severity = z.infer<typeof severitySchema>;

export const flagSchema = z.object({
  kind: z.enum(flagKinds),
  severity: severitySchema,
  /**
   * The numbers and dates the words need, per kind:
   * missed_checkins {days, usualEveryDays}; craving_high {craving, at}; craving_rising {craving, average, riseBy};
   * no_contact {days, never (1 when no contact was ever recorded)}; alert-based kinds {at, count}.
   */
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  /** The open alert behind the flag, when it comes from one. */
  alertId: uuidSchema.nullable(),
});
export type Flag = z.infer<typeof flagSchema>;

// ---- Rules a program tunes ----------------------------------------------------------------------

const enabled = z.boolean();
/** Safety signals reach a person whatever a program chooses: these two cannot be switched off. */
const alwaysOn = z.literal(true, { error: 'safety flags cannot be switched off' });

export const flagRulesSchema = z.object({
  /** No check-in for `multiplier` times the person's own usual gap (and at least `minDays`). */
  missed_checkins: z.object({ enabled, multiplier: z.number().min(1.5).max(10), minDays: z.int().min(1).max(60) }),
  /** The last check-in's craving at or above `threshold` (0–10 scale). */
  craving_high: z.object({ enabled, threshold: z.int().min(1).max(10) }),
  /** The last check-in's craving `riseBy` or more above their mean over the 14 days before it. */
  craving_rising: z.object({ enabled, riseBy: z.number().min(1).max(10) }),
  reported_use: z.object({ enabled }),
  bam_risk: z.object({ enabled }),
  craving_help: z.object({ enabled }),
  /** No contact note for `days` days (or none since the person was matched, that long ago). */
  no_contact: z.object({ enabled, days: z.int().min(1).max(120) }),
  suicidality: z.object({ enabled: alwaysOn }),
  crisis_language: z.object({ enabled: alwaysOn }),
});
export type FlagRules = z.infer<typeof flagRulesSchema>;

export const defaultFlagRules: FlagRules = {
  missed_checkins: { enabled: true, multiplier: 3, minDays: 3 },
  craving_high: { enabled: true, threshold: 7 },
  craving_rising: { enabled: true, riseBy: 3 },
  reported_use: { enabled: true },
  bam_risk: { enabled: true },
  craving_help: { enabled: true },
  no_contact: { enabled: true, days: 14 },
  suicidality: { enabled: true },
  crisis_language: { enabled: true },
};

export const DEFAULT_ESCALATE_AFTER_MINUTES = 30;
export const escalateAfterMinutesSchema = z.int().min(5).max(1440);

export const updateFlagRulesSchema = z.object({
  rules: flagRulesSchema,
  /** How long an urgent alert may wait unacknowledged before it goes to the program's supervisors. */
  escalateAfterMinutes: escalateAfterMinutesSchema,
});
export type UpdateFlagRules = z.infer<typeof updateFlagRulesSchema>;

export const programFlagRulesSchema = updateFlagRulesSchema.extend({
  programId: uuidSchema,
  programName: z.string(),
  /** True while the program uses the defaults (nothing saved yet). */
  isDefault: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ProgramFlagRules = z.infer<typeof programFlagRulesSchema>;

// ---- The caseload -------------------------------------------------------------------------------

export const caseloadQuerySchema = z.object({
  /** A supervisor may look at the caseload of a peer worker in a program they supervise. */
  peerWorkerId: uuidSchema.optional(),
});

const instant = z.iso.datetime({ offset: true });

export const caseloadAlertSchema = z.object({
  id: uuidSchema,
  kind: z.enum(alertKinds),
  severity: severitySchema,
  status: z.enum(alertStatuses),
  createdAt: instant,
  escalatedAt: instant.nullable(),
});

export const caseloadEntrySchema = z.object({
  participant: z.object({
    id: uuidSchema,
    preferredName: z.string(),
    pronouns: z.string().nullable(),
    programId: uuidSchema,
    programName: z.string(),
    setting: z.enum(participantSettings),
    status: z.enum(participantStatuses),
  }),
  timeZone: z.string(),
  lastContactAt: instant.nullable(),
  /** The last check-in shared with the peer worker; private ones are the participant's alone. */
  lastCheckInAt: instant.nullable(),
  /** Daily averages over the last 14 days in the program's time zone; null where nobody checked in. */
  trend: z.object({
    days: z.array(z.object({ date: z.iso.date(), mood: z.number().nullable(), craving: z.number().nullable() })),
    moodAverage: z.number().nullable(),
    cravingAverage: z.number().nullable(),
  }),
  /** Goal steps and goals with a date in the next 14 days, or past it and not done. */
  goalsDue: z.array(
    z.object({ goalId: uuidSchema, goalTitle: z.string(), stepTitle: z.string().nullable(), dueOn: z.iso.date(), overdue: z.boolean() }),
  ),
  nextMilestone: z
    .object({
      kind: z.enum(['standard', 'custom']),
      unit: z.enum(['days', 'weeks', 'months', 'years']).nullable(),
      amount: z.number().nullable(),
      label: z.string().nullable(),
      date: z.iso.date(),
    })
    .nullable(),
  openAlerts: z.array(caseloadAlertSchema),
  flags: z.array(flagSchema),
  /** The most serious flag, or 'none'. */
  attention: z.enum([...alertSeverities, 'none']),
});
export type CaseloadEntry = z.infer<typeof caseloadEntrySchema>;

export const caseloadSchema = z.object({
  peerWorker: z.object({ id: uuidSchema, displayName: z.string() }),
  /** Sorted by who needs attention today: urgent first, then by flags, then longest without contact. */
  entries: z.array(caseloadEntrySchema),
});
export type Caseload = z.infer<typeof caseloadSchema>;
