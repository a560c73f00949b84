import type { Band, InstrumentDefinition, Scale } from './definition.js';
import { answerRange, isOnScale, scaleOf, scoreRange, type Range } from './scales.js';

export type IssuePath = (string | number)[];
export interface DefinitionProblem {
  path: IssuePath;
  message: string;
}
type Report = (path: IssuePath, message: string) => void;

/**
 * Cross-checks the schema alone cannot express. References are checked first; ranges (bands,
 * flags, thresholds) only once every reference resolves, so each message names a real cause.
 */
export function findDefinitionProblems(d: InstrumentDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });

  checkReferences(d, report);
  if (problems.length > 0) return problems;

  for (const [name, scale] of Object.entries(d.scales)) checkScaleValues(scale, ['scales', name], report);
  checkItemAnswers(d, report);
  checkBands(d, report);
  checkConditions(d, report);
  return problems;
}

function checkReferences(d: InstrumentDefinition, report: Report): void {
  const position = new Map<string, number>();
  d.items.forEach((item, i) => {
    if (position.has(item.id)) report(['items', i, 'id'], `duplicate item id "${item.id}"`);
    else position.set(item.id, i);
  });

  d.items.forEach((item, i) => {
    const scale = d.scales[item.scale];
    if (!scale) {
      report(['items', i, 'scale'], `unknown scale "${item.scale}" (defined: ${Object.keys(d.scales).join(', ')})`);
    } else if (item.kind && item.kind !== scale.type) {
      report(['items', i, 'kind'], `item is "${item.kind}" but scale "${item.scale}" is "${scale.type}"`);
    }
    if (item.skipWhen) {
      const at = position.get(item.skipWhen.item);
      if (at === undefined) report(['items', i, 'skipWhen', 'item'], `unknown item "${item.skipWhen.item}"`);
      else if (at >= i) report(['items', i, 'skipWhen', 'item'], 'a skip must depend on an earlier item');
      else if (d.items[at]?.skipWhen) report(['items', i, 'skipWhen', 'item'], 'the item it depends on is itself skippable');
    }
    if (item.atMostItem !== undefined && (!position.has(item.atMostItem) || item.atMostItem === item.id)) {
      report(['items', i, 'atMostItem'], `unknown or same item "${item.atMostItem}"`);
    }
  });

  const scoreIds = new Set<string>();
  const inSomeScore = new Set<string>();
  d.scoring.forEach((rule, s) => {
    if (scoreIds.has(rule.id)) report(['scoring', s, 'id'], `duplicate score id "${rule.id}"`);
    scoreIds.add(rule.id);
    const seen = new Set<string>();
    rule.items.forEach((itemId, k) => {
      const at = position.get(itemId);
      const path = ['scoring', s, 'items', k];
      if (at === undefined) report(path, `unknown item "${itemId}"`);
      else if (!d.items[at]?.scored) report(path, `item "${itemId}" is marked unscored`);
      else if (seen.has(itemId)) report(path, `item "${itemId}" is listed twice`);
      seen.add(itemId);
      inSomeScore.add(itemId);
    });
  });
  d.items.forEach((item, i) => {
    if (item.scored && !inSomeScore.has(item.id)) report(['items', i, 'scored'], `scored item "${item.id}" is in no score`);
  });

  for (const scoreId of Object.keys(d.bands)) {
    if (!scoreIds.has(scoreId)) report(['bands', scoreId], `unknown score "${scoreId}"`);
  }
  const conditions = [
    ...d.flags.map((f, k) => ({ path: ['flags', k, 'when'], ...f.when })),
    ...d.thresholds.map((t, k) => ({ path: ['thresholds', k, 'score'], score: t.score, item: undefined })),
  ];
  for (const c of conditions) {
    if (c.item !== undefined && !position.has(c.item)) report(c.path, `unknown item "${c.item}"`);
    if (c.score !== undefined && !scoreIds.has(c.score)) report(c.path, `unknown score "${c.score}"`);
  }
  const flagIds = new Set<string>();
  d.flags.forEach((f, k) => {
    if (flagIds.has(f.id)) report(['flags', k, 'id'], `duplicate flag id "${f.id}"`);
    flagIds.add(f.id);
  });
}

function checkScaleValues(scale: Scale, path: IssuePath, report: Report): void {
  if (scale.type === 'choice') {
    const values = scale.options.map((o) => o.value);
    values.forEach((v, k) => {
      if (values.indexOf(v) !== k) report([...path, 'options', k, 'value'], `duplicate answer value ${v}`);
    });
    return;
  }
  checkCoverage(scale.bins, { min: 0, max: scale.max }, [...path, 'bins'], 'day count', report);
}

function checkItemAnswers(d: InstrumentDefinition, report: Report): void {
  d.items.forEach((item, i) => {
    if (!item.skipWhen) return;
    const trigger = d.items.find((x) => x.id === item.skipWhen?.item);
    if (trigger && !isOnScale(scaleOf(d, trigger), item.skipWhen.equals)) {
      report(['items', i, 'skipWhen', 'equals'], `${item.skipWhen.equals} is not an answer to item "${trigger.id}"`);
    }
    if (!isOnScale(scaleOf(d, item), item.skipWhen.impliedAnswer)) {
      report(['items', i, 'skipWhen', 'impliedAnswer'], `${item.skipWhen.impliedAnswer} is not an answer to this item`);
    }
  });
}

function checkBands(d: InstrumentDefinition, report: Report): void {
  for (const [scoreId, bands] of Object.entries(d.bands)) {
    const rule = d.scoring.find((r) => r.id === scoreId);
    if (rule) checkCoverage(bands, scoreRange(d, rule), ['bands', scoreId], `value of score "${scoreId}"`, report);
  }
}

/** Ranges listed in ascending order must tile `whole` exactly: no gap, no overlap, nothing outside. */
function checkCoverage(
  ranges: Pick<Band, 'min' | 'max'>[],
  whole: Range,
  path: IssuePath,
  what: string,
  report: Report,
): void {
  let next = whole.min;
  ranges.forEach((r, k) => {
    if (r.min > r.max) report([...path, k], `min ${r.min} is above max ${r.max}`);
    else if (r.min < whole.min) report([...path, k, 'min'], `${r.min} is below the lowest possible ${what} (${whole.min})`);
    else if (r.min > next) report([...path, k, 'min'], `gap: ${next}–${r.min - 1} is not covered`);
    else if (r.min < next) report([...path, k, 'min'], `overlap: ${r.min}–${Math.min(r.max, next - 1)} is already covered (list ranges in ascending order)`);
    next = Math.max(next, r.max + 1);
  });
  const last = next - 1;
  if (last > whole.max) report(path, `ranges reach ${last}, above the highest possible ${what} (${whole.max})`);
  if (last < whole.max) report(path, `gap: ${last + 1}–${whole.max} is not covered`);
}

/** A condition that can never fire, or always fires, is a mistake in the definition. */
function checkConditions(d: InstrumentDefinition, report: Report): void {
  const rangeOf = (c: { item?: string | undefined; score?: string | undefined }): Range => {
    const item = d.items.find((i) => i.id === c.item);
    if (item) return answerRange(scaleOf(d, item));
    const rule = d.scoring.find((r) => r.id === c.score);
    if (!rule) throw new Error('unreachable: references were checked');
    return scoreRange(d, rule);
  };
  const check = (path: IssuePath, c: { item?: string; score?: string; atLeast: number }) => {
    const range = rangeOf(c);
    if (c.atLeast <= range.min || c.atLeast > range.max) {
      report(path, `atLeast ${c.atLeast} must be above ${range.min} and at most ${range.max}`);
    }
  };
  d.flags.forEach((f, k) => check(['flags', k, 'when', 'atLeast'], f.when));
  d.thresholds.forEach((t, k) => check(['thresholds', k, 'atLeast'], t));
}
