import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import { sampleOf, type JsonSchema } from './openapi.js';

/** Text people (and attackers) really send: the strings every text field is tried with. */
export const HOSTILE_STRINGS: readonly string[] = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  "'; drop table participants; --",
  "' or '1'='1",
  'a\u0000b',
  '\u0000',
  '🙂🔥👩🏽‍🚀 recovery 💪',
  'مرحبا، أنا في التعافي',
  'שלום \u202Eevil\u202C',
  '\uD800 lone surrogate',
  '../../../../etc/passwd',
  '%00%27%22',
  '{{7*7}} ${7*7}',
  ' ',
  '',
  'x'.repeat(70_000),
  '9999-12-31',
  '0000-00-00',
  '2026-02-30',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-06-15T25:61:00+99:00',
  'Mars/Olympus_Mons',
  'America/New_York\u0000',
  'NaN',
  '1e309',
  '-0',
];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const hostileNumber = fc.constantFrom(-1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 0.5, -0.000001);
const hostileAny: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constant(null),
  fc.constant(true),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant([[[[[[[[[[[]]]]]]]]]]]),
);

function isoDate(min: number, max: number) {
  return fc.integer({ min, max }).map((t) => new Date(t).toISOString());
}
const Y2000 = Date.UTC(2000, 0, 1);
const Y2100 = Date.UTC(2100, 0, 1);

export interface ArbitraryOptions {
  /** Real ids to mix into uuid fields, so requests reach the handlers, not only "not found". */
  ids: readonly string[];
}

/**
 * Values for a JSON schema: mostly valid (so the handler runs), with hostile values mixed into
 * every field and, now and then, a field of the wrong type or a missing required one.
 */
export function arbitraryOf(schema: JsonSchema | undefined, opts: ArbitraryOptions, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  const valid = validArbitrary(schema, opts, depth);
  return fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: hostileAny, weight: 1 });
}

function validArbitrary(schema: JsonSchema, opts: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => arbitraryOf(s, opts, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'object': {
        const props = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, sub] of Object.entries(props)) model[name] = arbitraryOf(sub, opts, depth + 1);
        if (Object.keys(model).length === 0) {
          return fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), hostileString), arbitraryOf({ type: 'number' }, opts, depth + 1), { maxKeys: 4 });
        }
        return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
      }
      case 'array':
        return fc.array(arbitraryOf(schema.items, opts, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
        });
      case 'integer':
        return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 1000, 1e9) });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'string':
        return stringArbitrary(schema, opts);
      default:
        return fc.constant(null);
    }
  })();
  return schema.nullable ? fc.option(base, { nil: null, freq: 8 }) : base;
}

function stringArbitrary(schema: JsonSchema, opts: ArbitraryOptions): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return opts.ids.length ? fc.oneof(fc.constantFrom(...opts.ids), fc.uuid()) : fc.uuid();
    case 'date':
      return isoDate(Y2000, Y2100).map((s) => s.slice(0, 10));
    case 'date-time':
      return isoDate(Y2000, Y2100);
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  const p = schema.pattern;
  if (p === '^([01]\\d|2[0-3]):[0-5]\\d$' || p === '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$') {
    return fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  }
  if (p) {
    try {
      return fc.oneof(fc.stringMatching(new RegExp(p)).filter((s) => s.length <= (schema.maxLength ?? 200)), hostileString);
    } catch {
      // fast-check cannot generate from every regular expression (lookaheads): a known-good value, or hostile text.
      return fc.oneof(fc.constant(String(sampleOf(schema))), hostileString);
    }
  }
  return fc.oneof(
    { arbitrary: fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 60), unit: 'grapheme' }), weight: 3 },
    { arbitrary: hostileString, weight: 2 },
  );
}

/** Raw request bodies no client should send, each with its content type. */
export function hostileBodies(validBody: unknown): { name: string; payload: string | Buffer; contentType: string }[] {
  const valid = JSON.stringify(validBody ?? {});
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const dupKeys = valid.startsWith('{') && valid !== '{}' ? `{"__dup":1,"__dup":2,${valid.slice(1)}` : '{"a":1,"a":2}';
  const firstKey = valid.match(/^\{"([^"]+)":/)?.[1];
  return [
    { name: 'malformed JSON', payload: '{"a": 1,', contentType: 'application/json' },
    { name: 'JSON with trailing garbage', payload: `${valid}garbage`, contentType: 'application/json' },
    { name: 'empty JSON body', payload: '', contentType: 'application/json' },
    { name: 'JSON null', payload: 'null', contentType: 'application/json' },
    { name: 'JSON array instead of object', payload: `[${valid}]`, contentType: 'application/json' },
    { name: 'text/plain', payload: valid, contentType: 'text/plain' },
    { name: 'form-encoded', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { name: 'xml', payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', contentType: 'application/xml' },
    { name: 'huge body (2 MB)', payload: JSON.stringify({ text: 'x'.repeat(2_000_000) }), contentType: 'application/json' },
    { name: 'huge array', payload: JSON.stringify(firstKey ? { ...(validBody as object), [firstKey]: Array(100_000).fill('x') } : Array(100_000).fill(1)), contentType: 'application/json' },
    { name: 'deep nesting (5 000)', payload: firstKey ? `{"${firstKey}":${deep(5000)}}` : deep(5000), contentType: 'application/json' },
    { name: 'invalid UTF-8', payload: Buffer.concat([Buffer.from(valid.slice(0, -1) + (valid.length > 2 ? ',' : '') + '"bad":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]), contentType: 'application/json' },
    { name: 'duplicate keys', payload: dupKeys, contentType: 'application/json' },
    { name: 'prototype pollution', payload: valid.startsWith('{') && valid !== '{}' ? `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},${valid.slice(1)}` : '{"__proto__":{"isAdmin":true}}', contentType: 'application/json' },
    { name: 'charset latin1', payload: valid, contentType: 'application/json; charset=latin1' },
  ];
}

/** Row counts of every table that belongs to an organization, for that organization. */
export async function orgRowCounts(db: Db, organizationId: string, except: readonly string[] = []): Promise<Record<string, number>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'organization_id' order by table_name`),
  ).map((r) => r.table_name).filter((t) => !except.includes(t));
  if (tables.length === 0) return {};
  const union = sql.join(
    tables.map((t) => sql`select ${t} as t, count(*)::int as n from ${sql.identifier(t)} where organization_id = ${organizationId}`),
    sql` union all `,
  );
  const rows = rowsOf<{ t: string; n: number }>(await db.execute(union));
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export function diffCounts(before: Record<string, number>, after: Record<string, number>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k]} → ${after[k]}`);
}
