import type { ForeignKey } from './spec.js';

/** One row of an HSDS table, as in the tabular (CSV) shape: plain fields, references by id. */
export interface FlatRecord {
  table: string;
  id: string;
  fields: Record<string, unknown>;
  /** Where it came from, for the report: `services.csv row 2`, `service_full.json › phones[0]`. */
  source: string;
  /** Problems found while reading it (a nested list that is not a list, a row without an id). */
  problems: string[];
}

/** What a reader makes of a file or folder, before validation. */
export interface HsdsPackage {
  format: 'json' | 'csv';
  records: FlatRecord[];
  foreignKeys: ForeignKey[];
  /** Files or parts that could not be read at all, with why. */
  skipped: Array<{ source: string; reason: string }>;
  /** Same record seen twice with different values: the later one wins. */
  warnings: string[];
}

export const recordKey = (table: string, id: string) => `${table}:${id}`;

/** The ids a record points at (`*_id`, `link_id`, `resource_id`): what the directory indexes to find children. */
export function referencedIds(fields: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'id' || typeof value !== 'string' || value === '') continue;
    if (name.endsWith('_id')) ids.add(value);
  }
  return [...ids];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One record per (table, id). Nested HSDS documents repeat the same phone or language under the
 * service, the location and the contact, each time with its own parent link: the copies merge,
 * their links add up (the tabular example shows one phone row carrying all of them).
 */
export function mergeDuplicates(records: FlatRecord[], warnings: string[]): FlatRecord[] {
  const byKey = new Map<string, FlatRecord>();
  for (const record of records) {
    const key = recordKey(record.table, record.id);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...record, fields: { ...record.fields }, problems: [...record.problems] });
      continue;
    }
    for (const [name, value] of Object.entries(record.fields)) {
      const before = seen.fields[name];
      if (before !== undefined && !same(before, value)) {
        warnings.push(`${record.table} ${record.id}: ${name} differs between ${seen.source} and ${record.source}; kept the later value.`);
      }
      seen.fields[name] = value;
    }
    seen.problems.push(...record.problems);
  }
  return [...byKey.values()];
}
