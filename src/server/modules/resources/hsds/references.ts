import { recordKey, type FlatRecord } from './records.js';
import type { ForeignKey } from './spec.js';

export interface Reference {
  table: string;
  id: string;
}

/** Every (table, id) the records point at through a declared foreign key. */
export function pointedAt(records: FlatRecord[], foreignKeys: ForeignKey[]): Reference[] {
  const out = new Map<string, Reference>();
  for (const r of records) {
    for (const fk of foreignKeys) {
      if (fk.table !== r.table) continue;
      const id = r.fields[fk.field];
      if (typeof id === 'string' && id !== '') out.set(recordKey(fk.references, id), { table: fk.references, id });
    }
  }
  return [...out.values()];
}

/**
 * Referential integrity with reasons. A record whose foreign key points at nothing — neither in
 * the package nor already in the directory — is rejected and the report names the reference; a
 * record pointing at a rejected one is rejected in turn, so the directory never holds a dangling id.
 * `rejected` comes in with the records already refused (invalid), keyed by `table:id`.
 */
export function checkReferences(
  records: FlatRecord[],
  foreignKeys: ForeignKey[],
  inDirectory: ReadonlySet<string>,
  rejected: Map<string, string[]>,
): Map<string, string[]> {
  const inPackage = new Set(records.map((r) => recordKey(r.table, r.id)));
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of records) {
      const key = recordKey(r.table, r.id);
      if (rejected.has(key)) continue;
      const reasons: string[] = [];
      for (const fk of foreignKeys) {
        if (fk.table !== r.table) continue;
        const id = r.fields[fk.field];
        if (typeof id !== 'string' || id === '') continue;
        const target = recordKey(fk.references, id);
        if (rejected.has(target) && !inDirectory.has(target)) reasons.push(`${fk.field} refers to ${fk.references} ${id}, which was rejected`);
        else if (!inPackage.has(target) && !inDirectory.has(target)) {
          reasons.push(`broken reference: ${fk.field} → ${fk.references} ${id} is neither in the package nor in the directory`);
        }
      }
      if (reasons.length > 0) {
        rejected.set(key, reasons);
        changed = true;
      }
    }
  }
  return rejected;
}
