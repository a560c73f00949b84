import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FlatRecord } from './records.js';
import { hsdsTables, type HsdsTable } from './spec.js';

// ajv-formats is CommonJS; its default export arrives one level down under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/**
 * Each record is checked against its table's HSDS schema, restricted to the plain fields (nested
 * objects arrive as records of their own): types, formats (uuid, uri, email, date-time), enums,
 * and the fields required in the tabular shape. `strict: false` because the HSDS schemas carry
 * keywords of their own (`constraints`, `datapackage_metadata`).
 */
function flatSchema(table: HsdsTable) {
  const properties = Object.fromEntries(table.fields.map((f) => [f, table.schema.properties[f]]));
  return { type: 'object', properties, required: table.required.filter((f) => table.fields.includes(f)) };
}

let validators: Map<string, ValidateFunction> | undefined;
function validatorFor(table: string): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validators = new Map([...hsdsTables.values()].map((t) => [t.name, ajv.compile(flatSchema(t))]));
  }
  return validators.get(table)!;
}

/** One line a person can act on: `status: must be one of active, inactive, defunct, temporarily closed`. */
export function describeError(e: ErrorObject): string {
  const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') return `missing required field ${(e.params as { missingProperty: string }).missingProperty}`;
  if (e.keyword === 'enum') return `${field}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (e.keyword === 'format') return `${field}: must be a valid ${(e.params as { format: string }).format}`;
  return `${field || 'record'}: ${e.message ?? 'is not valid'}`;
}

/** The reasons a record is not a valid HSDS record; empty when it is. */
export function validateRecord(record: FlatRecord): string[] {
  const validate = validatorFor(record.table);
  const errors = validate({ ...record.fields, ...(record.id ? { id: record.id } : {}) }) ? [] : (validate.errors ?? []).map(describeError);
  return [...new Set([...record.problems, ...errors])];
}
