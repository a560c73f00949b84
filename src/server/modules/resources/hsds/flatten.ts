import type { FlatRecord } from './records.js';
import { hsdsTables, tableOf, type HsdsTable, type Nested } from './spec.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The link a nested child gets to its parent, as the tabular shape spells it. */
function linkChild(child: Record<string, unknown>, parent: HsdsTable, parentId: unknown, childTable: HsdsTable): Record<string, unknown> {
  if (typeof parentId !== 'string') return child;
  const fk = `${parent.name}_id`;
  if (childTable.fields.includes(fk)) return { [fk]: parentId, ...child };
  if (childTable.name === 'attribute') return { link_id: parentId, link_entity: parent.name, ...child };
  if (childTable.name === 'metadata') return { resource_id: parentId, resource_type: parent.name, ...child };
  return child;
}

/** A single nested object points the other way: the parent holds its id (service.organization_id, term.taxonomy_id). */
function parentFieldFor(parent: HsdsTable, nested: Nested): string | null {
  const direct = `${nested.table}_id`;
  if (parent.fields.includes(direct)) return direct;
  if (parent.fields.includes(`${nested.property}_id`)) return `${nested.property}_id`;
  return null;
}

/**
 * An HSDS object in the API shape (a service with its phones, schedules, locations, organization…)
 * as flat records, each linked to its parent the way the tabular shape links them.
 */
export function flattenObject(tableName: string, value: unknown, source: string, out: FlatRecord[]): string | undefined {
  const table = tableOf(tableName);
  if (!isObject(value)) {
    out.push({ table: tableName, id: '', fields: {}, source, problems: [`expected a ${tableName} object`] });
    return undefined;
  }
  const fields: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const name of table.fields) {
    if (value[name] !== undefined && value[name] !== null) fields[name] = value[name];
  }
  for (const nested of table.nested) {
    const child = value[nested.property];
    if (child === undefined || child === null) continue;
    const childTable = tableOf(nested.table);
    const where = `${source} › ${nested.property}`;
    if (nested.many) {
      if (!Array.isArray(child)) {
        problems.push(`${nested.property}: must be a list of ${nested.table} objects`);
        continue;
      }
      child.forEach((item, i) =>
        flattenObject(nested.table, isObject(item) ? linkChild(item, table, value.id, childTable) : item, `${where}[${i}]`, out),
      );
    } else {
      const childId = flattenObject(nested.table, child, where, out);
      const field = parentFieldFor(table, nested);
      if (field && childId && fields[field] === undefined) fields[field] = childId;
      // A taxonomy term carries its taxonomy as `taxonomy_detail`; the tabular link is taxonomy_id.
      if (!field && nested.table === 'taxonomy' && childId && table.fields.includes('taxonomy_id')) fields.taxonomy_id ??= childId;
    }
  }
  const id = typeof value.id === 'string' ? value.id : '';
  if (!id) problems.push('missing required field id');
  out.push({ table: tableName, id, fields, source, problems });
  return id || undefined;
}

const pluralToTable: Record<string, string> = Object.fromEntries(
  [...hsdsTables.values()].map((t) => [t.file.replace(/\.csv$/, ''), t.name]),
);

/** Which HSDS table an API-shaped object is, from its file name when that says, else from its keys. */
export function guessTable(value: Record<string, unknown>, hint = ''): string | null {
  const name = hint.toLowerCase();
  for (const candidate of ['service_at_location', 'taxonomy_term', 'taxonomy', 'organization', 'location', 'service']) {
    if (name.includes(candidate)) return candidate;
  }
  const has = (k: string) => k in value;
  if (has('service') && (has('location') || has('location_id'))) return 'service_at_location';
  if (has('status') && has('name')) return 'service';
  if (has('location_type')) return 'location';
  if (has('taxonomy_detail') || has('term_uri') || (has('code') && has('taxonomy_id'))) return 'taxonomy_term';
  if (has('services') || has('website') || has('legal_status') || has('year_incorporated')) return 'organization';
  if (has('name') && has('description') && has('version')) return 'taxonomy';
  return null;
}

/** A table name for a key of a JSON document: `services`, `services.csv`, `service_at_location`. */
export function tableForKey(key: string): string | null {
  const base = key.toLowerCase().replace(/\.csv$/, '');
  if (hsdsTables.has(base)) return base;
  return pluralToTable[base] ?? (base === 'service_at_locations' ? 'service_at_location' : null);
}
