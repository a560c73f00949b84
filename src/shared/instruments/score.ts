import type { InstrumentDefinition, Item, Localized } from './definition.js';
import { describeScale, isOnScale, pointsFor, scaleOf } from './scales.js';

/** Answers by item id; `null`/absent means not answered. */
export type Answers = Readonly<Record<string, number | null | undefined>>;

export interface AnswerError {
  itemId: string;
  message: string;
}
export type AnswerValidation = { ok: true } | { ok: false; errors: AnswerError[] };

export interface BandResult {
  label: Localized;
  severity?: number;
  /** The band's score range, so band movement can be read without the definition. */
  min: number;
  max: number;
}

export interface ScoredResponse {
  instrumentId: string;
  scoringVersion: string;
  status: 'complete' | 'incomplete';
  scores: Record<string, number>;
  bands: Record<string, BandResult>;
  flags: string[];
  /** Scored items neither answered nor implied by a skip rule, in form order. */
  missingItems: string[];
}

export class InvalidAnswersError extends Error {
  override readonly name = 'InvalidAnswersError';
  constructor(readonly errors: AnswerError[]) {
    super(`Invalid answers: ${errors.map((e) => `item ${e.itemId}: ${e.message}`).join('; ')}`);
  }
}

/** Each bad answer is named, so the API can answer 400 with one entry per field. */
export function validateAnswers(definition: InstrumentDefinition, answers: Answers): AnswerValidation {
  const errors: AnswerError[] = [];
  const byId = new Map(definition.items.map((item) => [item.id, item]));
  for (const [itemId, answer] of Object.entries(answers)) {
    const item = byId.get(itemId);
    if (!item) {
      errors.push({ itemId, message: `${definition.shortName} has no item "${itemId}"` });
      continue;
    }
    if (answer === null || answer === undefined) continue;
    const scale = scaleOf(definition, item);
    if (typeof answer !== 'number' || !isOnScale(scale, answer)) {
      errors.push({ itemId, message: `must be ${describeScale(scale)} (got ${typeof answer === 'number' ? String(answer) : JSON.stringify(answer)})` });
      continue;
    }
    const consistency = checkAgainstOtherItems(item, answer, answers);
    if (consistency) errors.push({ itemId, message: consistency });
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function checkAgainstOtherItems(item: Item, answer: number, answers: Answers): string | undefined {
  const skip = item.skipWhen;
  if (skip && answers[skip.item] === skip.equals && answer !== skip.impliedAnswer) {
    return `is not asked when item ${skip.item} is ${skip.equals}; leave it out or answer ${skip.impliedAnswer}`;
  }
  const limit = item.atMostItem === undefined ? undefined : answers[item.atMostItem];
  if (typeof limit === 'number' && answer > limit) {
    return `cannot be more than the answer to item ${item.atMostItem} (${limit})`;
  }
  return undefined;
}

/** The answer that counts for an item: the one given, or the one a published skip rule implies. */
function effectiveAnswer(item: Item, answers: Answers): number | undefined {
  const given = answers[item.id];
  if (typeof given === 'number') return given;
  if (item.skipWhen && answers[item.skipWhen.item] === item.skipWhen.equals) return item.skipWhen.impliedAnswer;
  return undefined;
}

/**
 * Scores a response exactly as the definition publishes it. A score exists only when every item
 * it sums is answered: published scoring rules for these instruments do not prorate missing items.
 * Throws `InvalidAnswersError` for answers `validateAnswers` rejects.
 */
export function scoreResponse(definition: InstrumentDefinition, answers: Answers): ScoredResponse {
  const validation = validateAnswers(definition, answers);
  if (!validation.ok) throw new InvalidAnswersError(validation.errors);

  const effective = new Map<string, number>();
  const points = new Map<string, number>();
  const missingItems: string[] = [];
  for (const item of definition.items) {
    const answer = effectiveAnswer(item, answers);
    if (answer !== undefined) {
      effective.set(item.id, answer);
      points.set(item.id, pointsFor(scaleOf(definition, item), answer));
    } else if (item.scored) {
      missingItems.push(item.id);
    }
  }

  const scores: Record<string, number> = {};
  const bands: Record<string, BandResult> = {};
  for (const rule of definition.scoring) {
    if (!rule.items.every((id) => points.has(id))) continue;
    const value = rule.items.reduce((sum, id) => sum + (points.get(id) ?? 0), 0);
    scores[rule.id] = value;
    const band = bandFor(definition, rule.id, value);
    if (band) bands[rule.id] = band;
  }

  // Item flags read the answer alone, so a safety answer is raised even on an unfinished form.
  const flags = definition.flags
    .filter(({ when }) => {
      const value = when.item !== undefined ? effective.get(when.item) : scores[when.score ?? ''];
      return value !== undefined && value >= when.atLeast;
    })
    .map((flag) => flag.id);

  return {
    instrumentId: definition.id,
    scoringVersion: definition.version,
    status: missingItems.length === 0 ? 'complete' : 'incomplete',
    scores,
    bands,
    flags,
    missingItems,
  };
}

/** The band a score value falls in; `undefined` when the score has no bands (e.g. BAM subscales). */
export function bandFor(definition: InstrumentDefinition, scoreId: string, value: number): BandResult | undefined {
  if (!definition.scoring.some((rule) => rule.id === scoreId)) {
    throw new Error(`${definition.shortName} has no score "${scoreId}"`);
  }
  const bands = definition.bands[scoreId];
  if (!bands) return undefined;
  const band = bands.find((b) => value >= b.min && value <= b.max);
  if (!band) throw new RangeError(`${value} is outside every band of ${definition.shortName} ${scoreId}`);
  const { label, severity, min, max } = band;
  return severity === undefined ? { label, min, max } : { label, severity, min, max };
}

export interface ScoreChange {
  baseline: number;
  latest: number;
  /** latest − baseline */
  difference: number;
  /** Band moved to a higher or lower score range; `null` when the score has no bands. */
  band: 'up' | 'down' | 'same' | null;
}

/** Change per score present in both responses. Responses must share instrument and scoring version. */
export function changeFromBaseline(baseline: ScoredResponse, latest: ScoredResponse): Record<string, ScoreChange> {
  if (baseline.instrumentId !== latest.instrumentId || baseline.scoringVersion !== latest.scoringVersion) {
    throw new Error(
      `cannot compare ${baseline.instrumentId}@${baseline.scoringVersion} with ${latest.instrumentId}@${latest.scoringVersion}`,
    );
  }
  const changes: Record<string, ScoreChange> = {};
  for (const [scoreId, before] of Object.entries(baseline.scores)) {
    const after = latest.scores[scoreId];
    if (after === undefined) continue;
    const from = baseline.bands[scoreId];
    const to = latest.bands[scoreId];
    const band = !from || !to ? null : to.min > from.min ? 'up' : to.min < from.min ? 'down' : 'same';
    changes[scoreId] = { baseline: before, latest: after, difference: after - before, band };
  }
  return changes;
}
