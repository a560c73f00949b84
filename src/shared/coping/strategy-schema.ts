import { z } from 'zod';
import { locales } from '../schemas/tenancy.js';

/** What a strategy is about, so the library can be browsed by kind. */
export const strategyKinds = [
  'breathing',
  'grounding',
  'mindfulness',
  'body',
  'imagery',
  'reflection',
  'kindness',
  'connection',
  'environment',
  'distraction',
] as const;

const words = z.string().trim().min(1);

/** A strategy's words in one language. Every language has the same number of steps. */
export const strategyTextSchema = z.object({
  title: words.max(60),
  summary: words.max(160),
  steps: z.array(words.max(300)).min(3).max(6),
  whenItHelps: words.max(300),
});

export const copingStrategySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    kind: z.enum(strategyKinds),
    /** Typical time it takes, in minutes. */
    minutes: z.number().int().min(1).max(60),
    text: z.object(Object.fromEntries(locales.map((l) => [l, strategyTextSchema])) as Record<(typeof locales)[number], typeof strategyTextSchema>),
  })
  .refine((s) => new Set(locales.map((l) => s.text[l].steps.length)).size === 1, {
    message: 'every language must have the same steps',
    path: ['text'],
  });

export type CopingStrategy = z.infer<typeof copingStrategySchema>;
export type StrategyText = z.infer<typeof strategyTextSchema>;

export const copingLibrarySchema = z.array(copingStrategySchema).refine((all) => new Set(all.map((s) => s.id)).size === all.length, {
  message: 'strategy ids must be unique',
});
