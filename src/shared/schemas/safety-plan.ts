import { z } from 'zod';
import { phoneNumberSchema, uuidSchema } from './tenancy.js';

/**
 * The Stanley–Brown Safety Planning Intervention (Stanley & Brown, 2012), in its order: the steps a
 * person takes from the first warning sign, each a wider circle of help, then a safer environment,
 * and what makes life worth living.
 */
export const safetyPlanSteps = [
  'warningSigns',
  'internalCoping',
  'distractions',
  'helpContacts',
  'professionals',
  'environmentSafety',
  'reasonsForLiving',
] as const;
export type SafetyPlanStep = (typeof safetyPlanSteps)[number];

/** Steps that list people or places (with a phone number when there is one), rather than lines of text. */
export const contactSteps = ['distractions', 'helpContacts', 'professionals'] as const satisfies readonly SafetyPlanStep[];

export const MAX_ITEMS_PER_STEP = 20;

const lineSchema = z.string().trim().min(1).max(500);
const linesSchema = z.array(lineSchema).max(MAX_ITEMS_PER_STEP);

export const safetyPlanContactSchema = z.object({
  name: z.string().trim().min(1).max(120),
  phone: phoneNumberSchema.optional(),
  note: z.string().trim().max(300).optional(),
});
export type SafetyPlanContact = z.infer<typeof safetyPlanContactSchema>;

const contactsSchema = z.array(safetyPlanContactSchema).max(MAX_ITEMS_PER_STEP);

export const safetyPlanContentSchema = z.object({
  warningSigns: linesSchema,
  internalCoping: linesSchema,
  distractions: contactsSchema,
  helpContacts: contactsSchema,
  professionals: contactsSchema,
  environmentSafety: linesSchema,
  reasonsForLiving: linesSchema,
});
export type SafetyPlanContent = z.infer<typeof safetyPlanContentSchema>;

export const updateSafetyPlanSchema = safetyPlanContentSchema.extend({
  /**
   * The `updatedAt` the editor started from (null for a plan not yet written). When someone else
   * saved in between, the save is refused with 409 instead of silently replacing their words.
   */
  baseUpdatedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type UpdateSafetyPlan = z.output<typeof updateSafetyPlanSchema>;

export const safetyPlanSchema = safetyPlanContentSchema.extend({
  participantId: uuidSchema,
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
  updatedBy: z.object({ id: uuidSchema, displayName: z.string() }).nullable(),
  /** The participant's program's crisis line: always listed among the people to contact in a crisis. */
  crisisLine: z.string(),
  can: z.object({ edit: z.boolean() }),
});
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;
