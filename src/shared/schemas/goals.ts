import { z } from 'zod';
import { goalDomains, goalStatuses } from './journey.js';
import { uuidSchema } from './tenancy.js';

/**
 * Goals are the participant's. A peer worker may suggest one (it starts as 'suggested' and waits
 * for the participant's yes) and may tick a step done or not done when the participant asks; every
 * other change — wording, dates, steps, accepting, setting aside, completing — is the participant's.
 */

export const goalDomainSchema = z.enum(goalDomains);
export const goalStatusSchema = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

/**
 * Where the participant may take a goal from each status. Nothing goes back to 'suggested', and
 * nothing is ever called failed: a goal that is not for now is set aside and can be picked up again.
 */
export const goalStatusChanges: Record<GoalStatus, readonly GoalStatus[]> = {
  suggested: ['active', 'set_aside'],
  active: ['completed', 'set_aside'],
  set_aside: ['active'],
  completed: ['active'],
};

export const MAX_STEPS_PER_GOAL = 20;

const title = z.string().trim().min(1).max(200);
const why = z.string().trim().max(2000);
/** A calendar date (YYYY-MM-DD); goals live in days, not instants. */
const calendarDate = z.iso.date();

export const newGoalStepSchema = z.object({ title, dueDate: calendarDate.optional() });
export type NewGoalStep = z.infer<typeof newGoalStepSchema>;

export const createGoalSchema = z.object({
  domain: goalDomainSchema,
  title,
  why: why.optional(),
  targetDate: calendarDate.optional(),
  steps: z.array(newGoalStepSchema).max(MAX_STEPS_PER_GOAL).default([]),
});
export type CreateGoal = z.infer<typeof createGoalSchema>;
export type CreateGoalInput = z.input<typeof createGoalSchema>;

export const updateGoalSchema = z
  .object({
    domain: goalDomainSchema.optional(),
    title: title.optional(),
    /** null clears it. */
    why: why.nullable().optional(),
    targetDate: calendarDate.nullable().optional(),
    /** Accept a suggestion ('active'), set a goal aside, mark it done, or pick it up again. */
    status: z.enum(['active', 'completed', 'set_aside']).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one change' });
export type UpdateGoal = z.infer<typeof updateGoalSchema>;

export const updateGoalStepSchema = z
  .object({
    title: title.optional(),
    dueDate: calendarDate.nullable().optional(),
    done: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one change' });
export type UpdateGoalStep = z.infer<typeof updateGoalStepSchema>;

export const goalStepSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  dueDate: z.iso.date().nullable(),
  position: z.number().int(),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type GoalStep = z.infer<typeof goalStepSchema>;

export const goalSchema = z.object({
  id: uuidSchema,
  participantId: uuidSchema,
  domain: goalDomainSchema,
  title: z.string(),
  why: z.string().nullable(),
  targetDate: z.iso.date().nullable(),
  status: goalStatusSchema,
  /** Who suggested it, when that was not the participant. */
  suggestedBy: z.object({ id: uuidSchema, displayName: z.string() }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  steps: z.array(goalStepSchema),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  can: z.object({
    /** Change wording, domain, dates and steps. */
    edit: z.boolean(),
    /** The status changes this actor may make now. */
    changeStatusTo: z.array(goalStatusSchema),
    /** Tick steps done or not done. */
    checkSteps: z.boolean(),
  }),
});
export type Goal = z.infer<typeof goalSchema>;

export const goalListSchema = z.object({
  goals: z.array(goalSchema),
  can: z.object({
    /** 'active' for the participant's own goals, 'suggested' for a peer worker's suggestion, null when read-only. */
    create: z.enum(['active', 'suggested']).nullable(),
  }),
});
export type GoalList = z.infer<typeof goalListSchema>;

export const goalParams = z.object({ id: uuidSchema, goalId: uuidSchema });
export const goalStepParams = z.object({ id: uuidSchema, goalId: uuidSchema, stepId: uuidSchema });
