import { z } from 'zod';
import { baseDefinitionSchema, localizedSchema } from '../instruments/definition.js';
import { uuidSchema } from './tenancy.js';

/**
 * Validated measures over the API. Answers travel; scores never do: the server computes them from
 * the answers with the instrument's definition, so the bodies that carry answers are strict and a
 * client-sent `score` (or anything else unexpected) is refused.
 */

export const assessmentModes = ['self', 'peer'] as const;
export const assessmentModeSchema = z.enum(assessmentModes);
export type AssessmentMode = z.infer<typeof assessmentModeSchema>;

/** Answers by item id; `null` means "not answered" (the response is then saved as incomplete). */
export const assessmentAnswersSchema = z.record(z.string().min(1).max(40), z.number().nullable());

export const recordAssessmentSchema = z.strictObject({
  instrumentId: z.string().min(1).max(60),
  answers: assessmentAnswersSchema,
  /** 'self': the participant answers for themself; 'peer': the assigned peer worker completes it with them. */
  mode: assessmentModeSchema,
});
export type RecordAssessment = z.infer<typeof recordAssessmentSchema>;

/** A definition as sent to clients: every word in English and Spanish, plus its scoring as data. */
export const instrumentSchema = baseDefinitionSchema;
export const instrumentListSchema = z.object({ instruments: z.array(instrumentSchema) });

export const bandResultSchema = z.object({
  label: localizedSchema,
  severity: z.number().int().optional(),
  min: z.number(),
  max: z.number(),
});
export type BandResultView = z.infer<typeof bandResultSchema>;

export const assessmentResponseSchema = z.object({
  id: uuidSchema,
  participantId: uuidSchema,
  instrumentId: z.string(),
  instrumentVersion: z.string(),
  scoringVersion: z.string(),
  status: z.enum(['complete', 'incomplete']),
  answers: z.record(z.string(), z.number()),
  scores: z.record(z.string(), z.number()),
  bands: z.record(z.string(), bandResultSchema),
  /** Flag ids of the definition that fired (e.g. PHQ-9 'safety'). */
  flags: z.array(z.string()),
  /** The answers call for crisis resources now (a safety flag fired). */
  crisis: z.boolean(),
  mode: assessmentModeSchema,
  administeredBy: z.object({ id: uuidSchema, displayName: z.string() }).nullable(),
  completedAt: z.iso.datetime({ offset: true }),
});
export type AssessmentResponseView = z.infer<typeof assessmentResponseSchema>;

/** The answer to a submitted measure: the stored response, what was left out, and where to get help when needed. */
export const recordedAssessmentSchema = assessmentResponseSchema.extend({
  /** Scored items neither answered nor implied by a skip rule, in form order. */
  missingItems: z.array(z.string()),
  /** The participant's program's crisis line, always sent so a crisis card can show it at once. */
  crisisLine: z.string(),
  /** Kinds of the alerts raised for the peer worker by this response. */
  alertsRaised: z.array(z.enum(['suicidality', 'bam_risk'])),
});
export type RecordedAssessment = z.infer<typeof recordedAssessmentSchema>;

export const scoreChangeSchema = z.object({
  baseline: z.number(),
  latest: z.number(),
  difference: z.number(),
  band: z.enum(['up', 'down', 'same']).nullable(),
});

const responseRefSchema = z.object({ id: uuidSchema, completedAt: z.iso.datetime({ offset: true }), scoringVersion: z.string() });

export const instrumentHistorySchema = z.object({
  instrumentId: z.string(),
  /** Every response, newest first (incomplete ones included, without the scores they lack). */
  responses: z.array(assessmentResponseSchema),
  /** First complete response scored by the same scoring version as `latest`. */
  baseline: responseRefSchema.nullable(),
  /** Newest complete response. */
  latest: responseRefSchema.nullable(),
  /** Per score: baseline, latest, difference and band movement; empty until two comparable responses exist. */
  change: z.record(z.string(), scoreChangeSchema),
});
export type InstrumentHistory = z.infer<typeof instrumentHistorySchema>;

export const assessmentHistorySchema = z.object({
  instruments: z.array(instrumentHistorySchema),
  /** How the actor may administer a measure to this participant, if at all (computed by the access policy). */
  administerAs: assessmentModeSchema.nullable(),
});
export type AssessmentHistory = z.infer<typeof assessmentHistorySchema>;

export const assessmentParams = z.object({ id: uuidSchema, responseId: uuidSchema });
