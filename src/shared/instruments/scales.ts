import type { InstrumentDefinition, Item, Scale, ScoreRule } from './definition.js';

export interface Range {
  min: number;
  max: number;
}

export function isOnScale(scale: Scale, answer: number): boolean {
  if (scale.type === 'choice') return scale.options.some((o) => o.value === answer);
  return Number.isInteger(answer) && answer >= 0 && answer <= scale.max;
}

/** Human-readable statement of the allowed answers, for validation messages. */
export function describeScale(scale: Scale): string {
  if (scale.type === 'choice') return `one of ${scale.options.map((o) => o.value).join(', ')}`;
  return `a whole number of ${scale.unit.en} from 0 to ${scale.max}`;
}

/** Points for an answer already known to be on the scale. */
export function pointsFor(scale: Scale, answer: number): number {
  if (scale.type === 'choice') {
    if (scale.points === 'position') return scale.options.findIndex((o) => o.value === answer);
    if (scale.points === 'reversed') {
      const range = answerRange(scale);
      return range.min + range.max - answer;
    }
    return answer;
  }
  const bin = scale.bins.find((b) => answer >= b.min && answer <= b.max);
  if (!bin) throw new RangeError(`${answer} is outside the day-count bins`);
  return bin.points;
}

export function answerRange(scale: Scale): Range {
  if (scale.type === 'days') return { min: 0, max: scale.max };
  const values = scale.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

export function pointRange(scale: Scale): Range {
  if (scale.type === 'choice' && scale.points === 'position') {
    return { min: 0, max: scale.options.length - 1 };
  }
  if (scale.type === 'choice') return answerRange(scale);
  const points = scale.bins.map((b) => b.points);
  return { min: Math.min(...points), max: Math.max(...points) };
}

export function scaleOf(definition: InstrumentDefinition, item: Item): Scale {
  const scale = definition.scales[item.scale];
  if (!scale) throw new Error(`${definition.id}: item ${item.id} uses unknown scale "${item.scale}"`);
  return scale;
}

/** Lowest and highest possible value of a score, from its items' point ranges. */
export function scoreRange(definition: InstrumentDefinition, rule: ScoreRule): Range {
  const range = { min: 0, max: 0 };
  for (const itemId of rule.items) {
    const item = definition.items.find((i) => i.id === itemId);
    if (!item) throw new Error(`${definition.id}: score ${rule.id} uses unknown item "${itemId}"`);
    const points = pointRange(scaleOf(definition, item));
    range.min += points.min;
    range.max += points.max;
  }
  return range;
}
