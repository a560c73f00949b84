import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The HSDS 3.x tables as the bundled schemas describe them (spec/NOTICE.md): each table's flat
 * fields, the objects nested under it in the API shape, and the tabular foreign keys of
 * datapackage.json. Everything else in this folder is driven by this, not by a hand-kept list.
 */

export const specDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'spec');

export type JsonSchema = Record<string, any>;

export interface Nested {
  /** The property in the API shape, e.g. `phones` on a service. */
  property: string;
  /** The table of the nested object(s), e.g. `phone`. */
  table: string;
  many: boolean;
}

export interface HsdsTable {
  /** Singular schema name: `service`, `service_at_location`, `taxonomy_term`. */
  name: string;
  /** Its CSV file in a tabular package: `services.csv`. */
  file: string;
  schema: JsonSchema;
  /** Plain (non-object) fields, in schema order: the columns of its CSV. */
  fields: string[];
  fieldTypes: Record<string, string>;
  nested: Nested[];
  /** Required in the API shape plus the extra ones required only in the tabular shape. */
  required: string[];
}

export interface ForeignKey {
  table: string;
  field: string;
  references: string;
}

function readJson(file: string): JsonSchema {
  return JSON.parse(readFileSync(path.join(specDir, file), 'utf8'));
}

function refTable(prop: JsonSchema): string | null {
  const ref: unknown = prop.$ref ?? prop.items?.$ref;
  return typeof ref === 'string' ? ref.replace(/\.json$/, '') : null;
}

function loadTables(): Map<string, HsdsTable> {
  const tables = new Map<string, HsdsTable>();
  for (const file of readdirSync(specDir).filter((f) => f.endsWith('.json') && f !== 'datapackage.json')) {
    const schema = readJson(file);
    const fields: string[] = [];
    const fieldTypes: Record<string, string> = {};
    const nested: Nested[] = [];
    for (const [property, prop] of Object.entries<JsonSchema>(schema.properties)) {
      const table = refTable(prop);
      if (table) nested.push({ property, table, many: prop.type === 'array' });
      else {
        fields.push(property);
        fieldTypes[property] = String(prop.type ?? 'string');
      }
    }
    tables.set(schema.name, {
      name: schema.name,
      file: schema.path,
      schema,
      fields,
      fieldTypes,
      nested,
      required: [...new Set([...(schema.required ?? []), ...(schema.tabular_required ?? [])])],
    });
  }
  return tables;
}

export const hsdsTables = loadTables();
export const hsdsTableNames = [...hsdsTables.keys()].sort();

export function tableOf(name: string): HsdsTable {
  const table = hsdsTables.get(name);
  if (!table) throw new Error(`unknown HSDS table ${name}`);
  return table;
}

export function tableByFile(file: string): HsdsTable | undefined {
  const base = path.basename(file).toLowerCase();
  return [...hsdsTables.values()].find((t) => t.file === base);
}

/** The package descriptor shipped with HSDS: field types and foreign keys of every CSV. */
export const defaultDataPackage = readJson('datapackage.json');

/** Foreign keys as a datapackage.json declares them (the bundled one unless the package brings its own). */
export function foreignKeysOf(descriptor: JsonSchema = defaultDataPackage): ForeignKey[] {
  const keys: ForeignKey[] = [];
  for (const resource of descriptor.resources ?? []) {
    for (const fk of resource.schema?.foreignKeys ?? []) {
      const fields = Array.isArray(fk.fields) ? fk.fields : [fk.fields];
      for (const field of fields) keys.push({ table: resource.name, field, references: fk.reference.resource });
    }
  }
  return keys;
}

/** Field types per table from a datapackage.json (`number`, `integer`, `date`, `datetime`, …), for reading CSV text. */
export function csvFieldTypes(descriptor: JsonSchema = defaultDataPackage): Map<string, Record<string, string>> {
  const types = new Map<string, Record<string, string>>();
  for (const resource of descriptor.resources ?? []) {
    types.set(resource.name, Object.fromEntries((resource.schema?.fields ?? []).map((f: JsonSchema) => [f.name, String(f.type ?? 'string')])));
  }
  return types;
}
