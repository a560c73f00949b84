import { z } from 'zod';
import { findDefinitionProblems } from './checks.js';

/**
 * An instrument definition is data: items, answer scales, scoring rules, bands and flags.
 * Shipped instruments and imported packs go through the same schema, so a definition that
 * loads is one that `scoreResponse` can score without guessing.
 */

export const localizedSchema = z.strictObject({
  en: z.string().trim().min(1),
  es: z.string().trim().min(1),
});
export type Localized = z.infer<typeof localizedSchema>;

const keySchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'use letters, digits, "-" or "_" (for example "7A")');

const choiceScaleSchema = z.strictObject({
  type: z.literal('choice'),
  options: z.array(z.strictObject({ value: z.number().int(), label: localizedSchema })).min(2),
  // 'position' scores an answer by its place in `options` (first = 0), for published scorings
  // whose points are not the codes recorded on the form. 'reversed' scores (lowest + highest − answer),
  // for published reverse-scored items (e.g. ProQOL Burnout items 1, 4, 15, 17 and 29: 6 − answer).
  points: z.enum(['value', 'position', 'reversed']).default('value'),
});

const dayCountScaleSchema = z.strictObject({
  type: z.literal('days'),
  /** Answers are whole numbers of days from 0 to `max` (the recall period). */
  max: z.number().int().positive(),
  unit: localizedSchema,
  /** Day counts are scored by the bin they fall in; bins must cover 0..max exactly. */
  bins: z
    .array(
      z.strictObject({
        min: z.number().int().nonnegative(),
        max: z.number().int().nonnegative(),
        points: z.number().int(),
      }),
    )
    .min(1),
});

export const scaleSchema = z.discriminatedUnion('type', [choiceScaleSchema, dayCountScaleSchema]);
export type Scale = z.output<typeof scaleSchema>;
export type ChoiceScale = z.output<typeof choiceScaleSchema>;
export type DayCountScale = z.output<typeof dayCountScaleSchema>;
export type ScaleInput = z.input<typeof scaleSchema>;

const itemSchema = z.strictObject({
  id: keySchema,
  text: localizedSchema,
  scale: keySchema,
  /** Unscored items are recorded and shown, but never enter a score or decide completeness. */
  scored: z.boolean(),
  /** Optional restatement of the scale's type, checked against it. */
  kind: z.enum(['choice', 'days']).optional(),
  /** A published skip rule: when `item` is answered `equals`, this item is not asked and counts as `impliedAnswer`. */
  skipWhen: z
    .strictObject({ item: keySchema, equals: z.number(), impliedAnswer: z.number() })
    .optional(),
  /** The answer may not exceed another item's answer (e.g. heavy-drinking days ≤ drinking days). */
  atMostItem: keySchema.optional(),
});
export type Item = z.output<typeof itemSchema>;

const scoreRuleSchema = z.strictObject({
  id: keySchema,
  label: localizedSchema,
  method: z.literal('sum').default('sum'),
  items: z.array(keySchema).min(1),
  direction: z.enum(['higher-is-worse', 'higher-is-better']),
});
export type ScoreRule = z.output<typeof scoreRuleSchema>;

const bandSchema = z.strictObject({
  min: z.number().int(),
  max: z.number().int(),
  label: localizedSchema,
  /** Rank for display and sorting (0 = least severe); omitted where "severity" does not apply. */
  severity: z.number().int().nonnegative().optional(),
});
export type Band = z.output<typeof bandSchema>;

const conditionSchema = z
  .strictObject({ item: keySchema.optional(), score: keySchema.optional(), atLeast: z.number() })
  .refine((c) => (c.item === undefined) !== (c.score === undefined), {
    message: 'name exactly one of "item" or "score"',
  });

const flagSchema = z.strictObject({
  id: keySchema,
  /** An item condition compares the recorded answer; it fires even when other items are missing. */
  when: conditionSchema,
  label: localizedSchema.optional(),
});
export type Flag = z.output<typeof flagSchema>;

const thresholdSchema = z.strictObject({
  id: keySchema,
  score: keySchema,
  atLeast: z.number(),
  label: localizedSchema,
});

export const baseDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lowercase letters, digits and "-" (for example "phq9")'),
  version: z.string().trim().min(1),
  name: localizedSchema,
  shortName: z.string().trim().min(1),
  recallPeriod: z.strictObject({ days: z.number().int().positive().nullable(), text: localizedSchema }),
  prompt: localizedSchema.optional(),
  citation: z.string().trim().min(1),
  termsOfUse: z.string().trim().min(1),
  wording: z.enum(['plain-language', 'official']),
  items: z.array(itemSchema).min(1),
  scales: z.record(keySchema, scaleSchema),
  scoring: z.array(scoreRuleSchema).min(1),
  bands: z.record(keySchema, z.array(bandSchema).min(1)).default({}),
  flags: z.array(flagSchema).default([]),
  /** Published cut-offs worth reporting on their own (e.g. BARC-10 ≥ 47), independent of bands. */
  thresholds: z.array(thresholdSchema).default([]),
});

export type InstrumentDefinition = z.output<typeof baseDefinitionSchema>;
/** What a definition file or pack may contain (defaults not yet applied). */
export type InstrumentDefinitionInput = z.input<typeof baseDefinitionSchema>;

export const instrumentDefinitionSchema = baseDefinitionSchema.superRefine((definition, ctx) => {
  for (const problem of findDefinitionProblems(definition)) {
    ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }
});

/** A pack is a JSON file of one or more definitions: `{ "instruments": [ … ] }`. */
export const instrumentPackSchema = z
  .strictObject({ instruments: z.array(instrumentDefinitionSchema).min(1) })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.instruments.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['instruments', i, 'id'], message: `duplicate instrument id "${d.id}"` });
      seen.add(d.id);
    });
  });

export interface PackIssue {
  path: string;
  message: string;
}

/** Thrown when a pack or definition does not validate; `message` lists every issue as `path: message`. */
export class InstrumentPackError extends Error {
  override readonly name = 'InstrumentPackError';
  constructor(readonly issues: PackIssue[]) {
    super(['Invalid instrument pack:', ...issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n'));
  }
}

/** `instruments[0].bands.total[1].min`, the way a person would point into the JSON file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

function issuesOf(error: z.ZodError): PackIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Validates a pack (the parsed JSON value, or its text) and returns its definitions with
 * defaults applied. Throws `InstrumentPackError` naming each bad path.
 */
export function parseInstrumentPack(json: unknown): InstrumentDefinition[] {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new InstrumentPackError([{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }]);
    }
  }
  const result = instrumentPackSchema.safeParse(value);
  if (!result.success) throw new InstrumentPackError(issuesOf(result.error));
  return result.data.instruments;
}

/** The pack form of some definitions, ready for `JSON.stringify`. */
export function toInstrumentPack(definitions: readonly InstrumentDefinition[]): { instruments: InstrumentDefinition[] } {
  return { instruments: [...definitions] };
}
