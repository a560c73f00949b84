import { equityDimensions, type EquityDimension, type ParticipantFacts } from './facts.js';
import { measureDefinitions } from './measures.js';
import { gapFlag, rollUp, type MeasureValue } from './rollup.js';
import { suppressCells } from './suppression.js';

export interface EquityCell {
  group: string;
  /** People in the group; null when the cell is suppressed. */
  n: number | null;
  suppressed: 'small_cell' | 'complementary' | null;
  measures: Record<string, EquityMeasureValue>;
}

export interface EquityTable {
  dimension: EquityDimension;
  /** True when a person may be in several groups (race/ethnicity): the groups do not add up to the total. */
  multiple: boolean;
  cells: EquityCell[];
}

export type EquityMeasureValue = Omit<MeasureValue, 'denominator' | 'suppressed'> & {
  /** Null when the figure is withheld: how many it rests on would say what the figure hides. */
  denominator: number | null;
  suppressed: MeasureValue['suppressed'] | 'complementary';
  gap: 'favourable' | 'unfavourable' | null;
};

const withheld = (reason: 'small_cell' | 'complementary' | 'small_denominator'): EquityMeasureValue => ({ value: null, denominator: null, suppressed: reason, gap: null });

/**
 * One dimension's breakdown of every measure, with small and complementary cells withheld: whole
 * groups first (by their size), then each measure across the groups (by what its figure rests on),
 * so that neither a group's size nor any one figure can be recovered from the overall one.
 */
export function equityTable(facts: readonly ParticipantFacts[], dimension: EquityDimension, overall: Record<string, MeasureValue>): EquityTable {
  const members = new Map<string, ParticipantFacts[]>();
  for (const f of facts) for (const g of f.groups[dimension]) members.set(g, [...(members.get(g) ?? []), f]);
  const keys = [...members.keys()].sort();
  const hiddenGroups = suppressCells(keys.map((key) => ({ key, n: members.get(key)!.length })));
  // Every group is computed, the withheld ones too: their denominators decide the complements.
  const values = new Map(keys.map((k) => [k, rollUp(members.get(k)!, { hideSmallCounts: true })]));
  const byMeasure = new Map<string, Map<string, EquityMeasureValue>>();
  for (const d of measureDefinitions) {
    const already = new Set(keys.filter((k) => hiddenGroups.has(k) || values.get(k)![d.id]!.suppressed !== null));
    const complements = suppressCells(
      keys.map((k) => ({ key: k, n: values.get(k)![d.id]!.denominator })),
      undefined,
      already,
    );
    byMeasure.set(
      d.id,
      new Map(
        keys.map((k): [string, EquityMeasureValue] => {
          const v = values.get(k)![d.id]!;
          const groupReason = hiddenGroups.get(k);
          if (groupReason) return [k, withheld(groupReason)];
          if (v.suppressed) return [k, withheld(v.suppressed)];
          if (complements.has(k)) return [k, withheld('complementary')];
          return [k, { ...v, gap: gapFlag(d.id, v.value, overall[d.id]!.value) }];
        }),
      ),
    );
  }
  const cells = keys.map((group): EquityCell => {
    const reason = hiddenGroups.get(group) ?? null;
    const measures = Object.fromEntries(measureDefinitions.map((d) => [d.id, byMeasure.get(d.id)!.get(group)!]));
    return { group, n: reason ? null : members.get(group)!.length, suppressed: reason, measures };
  });
  return { dimension, multiple: dimension === 'raceEthnicity', cells };
}

export function equityTables(facts: readonly ParticipantFacts[], overall: Record<string, MeasureValue>): EquityTable[] {
  return equityDimensions.map((d) => equityTable(facts, d, overall));
}
