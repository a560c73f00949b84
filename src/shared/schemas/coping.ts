import { z } from 'zod';
import { copingStrategySchema } from '../coping/strategy-schema.js';
import { isStrategyId } from '../coping/strategies.js';
import { uuidSchema } from './tenancy.js';

/** A strategy id that the library knows. */
export const strategyIdSchema = z.string().refine(isStrategyId, 'is not a strategy in the coping library');

export const MAX_PLAN_ITEMS = 12;

export const copingLibraryResponseSchema = z.object({ strategies: z.array(copingStrategySchema) });

export const copingPlanItemSchema = z.object({
  strategyId: z.string(),
  /** The participant's own words beside the strategy, e.g. "call Maria". */
  personalNote: z.string().nullable(),
});
export type CopingPlanItem = z.infer<typeof copingPlanItemSchema>;

export const copingPlanSchema = z.object({
  participantId: uuidSchema,
  /** In the participant's order: the first is what they reach for first. */
  items: z.array(copingPlanItemSchema),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type CopingPlan = z.infer<typeof copingPlanSchema>;

/** The whole plan, replaced at once: the order of `items` is the plan's order. */
export const saveCopingPlanSchema = z.object({
  items: z
    .array(z.object({ strategyId: strategyIdSchema, personalNote: z.string().trim().max(300).optional() }))
    .max(MAX_PLAN_ITEMS)
    .refine((items) => new Set(items.map((i) => i.strategyId)).size === items.length, 'lists a strategy twice'),
});
export type SaveCopingPlan = z.infer<typeof saveCopingPlanSchema>;

/** How strong the craving is, 0 (none) to 10 (the strongest). */
export const cravingIntensitySchema = z.number().int().min(0).max(10);

export const startCravingSchema = z.object({ intensityBefore: cravingIntensitySchema });
export type StartCraving = z.infer<typeof startCravingSchema>;

export const updateCravingSchema = z
  .object({
    /** The strategies tried, replacing the list so far. */
    strategiesUsed: z
      .array(strategyIdSchema)
      .max(MAX_PLAN_ITEMS)
      .refine((ids) => new Set(ids).size === ids.length, 'lists a strategy twice')
      .optional(),
    /** Asks the peer worker for support now. It cannot be taken back, and it raises one alert however often it is sent. */
    toldPeerWorker: z.literal(true).optional(),
    intensityAfter: cravingIntensitySchema.optional(),
    /** Closes the episode; it cannot change afterwards. */
    ended: z.literal(true).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one change' });
export type UpdateCraving = z.infer<typeof updateCravingSchema>;

export const cravingEpisodeSchema = z.object({
  id: uuidSchema,
  participantId: uuidSchema,
  intensityBefore: z.number().int(),
  intensityAfter: z.number().int().nullable(),
  strategiesUsed: z.array(z.string()),
  toldPeerWorker: z.boolean(),
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CravingEpisode = z.infer<typeof cravingEpisodeSchema>;

export const cravingLogSchema = z.object({
  episodes: z.array(cravingEpisodeSchema),
  can: z.object({ record: z.boolean() }),
});
export type CravingLog = z.infer<typeof cravingLogSchema>;

export const cravingParams = z.object({ id: uuidSchema, cravingId: uuidSchema });
