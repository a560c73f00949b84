import type { FastifyInstance } from 'fastify';

/**
 * The app's own OpenAPI document, read the way a client would, and what the authorization matrix
 * and the fuzz tests need from it: every operation, and a minimal valid value for a JSON schema.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
};

export interface Operation {
  /** "GET /api/participants/{id}": the key of the matrix table. */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export async function readOperations(app: FastifyInstance): Promise<Operation[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json answered ${res.statusCode}`);
  const doc = res.json() as { paths: Record<string, Record<string, any>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const m of HTTP_METHODS) {
      const op = methods[m];
      if (!op) continue;
      const params = (op.parameters ?? []) as { in: string; name: string; required?: boolean; schema: JsonSchema }[];
      ops.push({
        key: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: p.schema })),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

/** A small value the schema accepts: required properties only, shortest strings, lowest numbers. */
export function sampleOf(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf?.length) return sampleOf(schema.oneOf[0]);
  if (schema.anyOf?.length) return sampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sampleOf(schema.properties?.[name]);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items));
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0;
      return Math.max(min, Math.min(typeof schema.maximum === 'number' ? schema.maximum : min, min));
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return SAMPLE_UUID;
    case 'date':
      return '2026-06-15';
    case 'date-time':
      return '2026-06-15T15:00:00.000Z';
    case 'email':
      return 'someone@example.org';
    case 'uri':
      return 'https://example.org/';
  }
  const p = schema.pattern;
  if (p === '^([01]\\d|2[0-3]):[0-5]\\d$' || p === '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$') return '09:00';
  if (p === '^[a-z0-9]+(-[a-z0-9]+)*$') return 'sample-slug';
  if (p?.includes('(?=(?:\\D*\\d){2})')) return '555 0100';
  if (p === '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$' || p === '^[a-z]{2,3}$') return 'en';
  if (p === '^[0-9a-f]{64}$') return '0'.repeat(64);
  if (p === '^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$') return 'O';
  if (p === '^-?\\d{1,2}(\\.\\d+)?,-?\\d{1,3}(\\.\\d+)?$') return '41.88,-87.63';
  const len = Math.max(schema.minLength ?? 1, 1);
  return 'Sample text'.padEnd(len, 'x').slice(0, Math.max(len, Math.min(11, schema.maxLength ?? 11)));
}

/** The path with its parameters filled in. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? SAMPLE_UUID));
}
