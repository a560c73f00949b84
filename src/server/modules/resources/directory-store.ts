import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hsdsRecords, programs, resourceOpenHours, resourceServicePlaces, resourceServices } from '../../db/schema/index.js';
import { nestRecords, type Presence, type RecordSource, type StoredRecord } from './hsds/nest.js';
import { hsdsTables } from './hsds/spec.js';
import { recordKey, referencedIds, type FlatRecord } from './hsds/records.js';
import type { Reference } from './hsds/references.js';
import { projectService } from './project-service.js';

/** One organization's directory: every read and write below is scoped to it. */
export interface Directory {
  db: Db;
  organizationId: string;
}

const BATCH = 500;
const BULK = 5_000;
function batches<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A text[] literal of parameters (drizzle would spread a plain array into a list). */
export const textArray = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::text[]`;

const toStored = (r: { tableName: string; id: string; record: Record<string, unknown> }): StoredRecord => ({ table: r.tableName, id: r.id, fields: r.record });
const columns = { tableName: hsdsRecords.tableName, id: hsdsRecords.id, record: hsdsRecords.record };

/** Reads for nesting: children by the ids they point at (GIN on refs), single objects by id. */
export function directorySource(dir: Directory): RecordSource {
  const org = eq(hsdsRecords.organizationId, dir.organizationId);
  let presence: Promise<Presence> | undefined;
  return {
    async pointingAt(tables, ids) {
      const out: StoredRecord[] = [];
      for (const chunk of batches(ids)) {
        const rows = await recordsPointingAt(dir, tables, chunk);
        out.push(...rows.map((r) => ({ table: r.table_name, id: r.id, fields: r.record })));
      }
      return out;
    },
    async byIds(tables, ids) {
      const out: StoredRecord[] = [];
      for (const chunk of batches(ids)) {
        const rows = await dir.db.select(columns).from(hsdsRecords).where(and(org, inArray(hsdsRecords.tableName, tables), inArray(hsdsRecords.id, chunk)));
        out.push(...rows.map(toStored));
      }
      return out;
    },
    presence: () => (presence ??= directoryPresence(dir)),
  };
}

/**
 * The tables this directory holds (a skip scan over the primary key, one probe per table) and
 * what its attributes and metadata describe. Every HSDS object may carry attributes and metadata:
 * without this, nesting would ask the index for them under every phone, schedule and address.
 */
async function directoryPresence(dir: Directory): Promise<Presence> {
  const result = await dir.db.execute<{ table_name: string | null }>(sql`
    with recursive t(table_name) as (
      (select table_name from hsds_records where organization_id = ${dir.organizationId} order by table_name limit 1)
      union all
      select (select h.table_name from hsds_records h where h.organization_id = ${dir.organizationId} and h.table_name > t.table_name order by h.table_name limit 1)
      from t where t.table_name is not null
    ) select table_name from t where table_name is not null`);
  const tables = new Set((result as unknown as { rows: Array<{ table_name: string }> }).rows.map((r) => r.table_name));
  const describes = async (table: 'attribute' | 'metadata', field: string): Promise<ReadonlySet<string> | null> => {
    if (!tables.has(table)) return new Set();
    const rows = await dir.db
      .selectDistinct({ entity: sql<string | null>`${hsdsRecords.record} ->> ${field}` })
      .from(hsdsRecords)
      .where(and(eq(hsdsRecords.organizationId, dir.organizationId), eq(hsdsRecords.tableName, table)));
    // A value that names no table ("link_entity" in the examples) could describe anything.
    return rows.every((r) => r.entity !== null && hsdsTables.has(r.entity)) ? new Set(rows.map((r) => r.entity!)) : null;
  };
  return { tables, describes: { attribute: await describes('attribute', 'link_entity'), metadata: await describes('metadata', 'resource_type') } };
}

/**
 * Records of these tables whose refs hold any of these ids. One GIN probe per id (a lateral join
 * on `refs @> array[id]`): with `refs && array[…200 ids]` the planner costs the overlap test as
 * cheap and scans the table instead, 20 to 30 times slower on a 20,000-service directory.
 */
async function recordsPointingAt(dir: Directory, tables: string[], ids: string[]) {
  const result = await dir.db.execute<{ table_name: string; id: string; record: Record<string, unknown>; refs: string[] }>(sql`
    select distinct on (h.table_name, h.id) h.table_name, h.id, h.record, h.refs
    from unnest(${textArray(ids)}) as p(id)
    cross join lateral (
      select * from hsds_records h
      where h.refs @> array[p.id] and h.organization_id = ${dir.organizationId} and h.table_name in (${sql.join(tables.map((t) => sql`${t}`), sql`, `)})
    ) h`);
  return (result as unknown as { rows: Array<{ table_name: string; id: string; record: Record<string, unknown>; refs: string[] }> }).rows;
}

/** Which of these references already resolve in the directory (`table:id` keys). */
export async function existingKeys(dir: Directory, refs: Reference[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of batches(refs)) {
    const rows = await dir.db
      .select({ tableName: hsdsRecords.tableName, id: hsdsRecords.id })
      .from(hsdsRecords)
      .where(and(eq(hsdsRecords.organizationId, dir.organizationId), inArray(hsdsRecords.id, chunk.map((r) => r.id))));
    const wanted = new Set(chunk.map((r) => recordKey(r.table, r.id)));
    for (const row of rows) if (wanted.has(recordKey(row.tableName, row.id))) found.add(recordKey(row.tableName, row.id));
  }
  return found;
}

export interface UpsertOutcome {
  inserted: FlatRecord[];
  updated: FlatRecord[];
  unchanged: FlatRecord[];
}

/**
 * Idempotent by id: a new id is inserted, a changed record replaced whole (the source is the
 * truth for what it sends), an identical one left alone. jsonb equality ignores key order.
 */
export async function upsertRecords(dir: Directory, records: FlatRecord[], opts: { local?: boolean } = {}): Promise<UpsertOutcome> {
  const outcome: UpsertOutcome = { inserted: [], updated: [], unchanged: [] };
  for (const chunk of batches(records)) {
    const rows = await dir.db
      .insert(hsdsRecords)
      .values(
        chunk.map((r) => ({
          organizationId: dir.organizationId,
          tableName: r.table,
          id: r.id,
          record: r.fields,
          refs: referencedIds(r.fields),
          local: opts.local ?? false,
        })),
      )
      .onConflictDoUpdate({
        target: [hsdsRecords.organizationId, hsdsRecords.tableName, hsdsRecords.id],
        set: { record: sql`excluded.record`, refs: sql`excluded.refs`, local: sql`excluded.local`, updatedAt: sql`now()` },
        setWhere: sql`${hsdsRecords.record} is distinct from excluded.record or ${hsdsRecords.local} is distinct from excluded.local`,
      })
      .returning({ tableName: hsdsRecords.tableName, id: hsdsRecords.id, inserted: sql<boolean>`(xmax = 0)` });
    const written = new Map(rows.map((r) => [recordKey(r.tableName, r.id), r.inserted]));
    for (const r of chunk) {
      const inserted = written.get(recordKey(r.table, r.id));
      if (inserted === undefined) outcome.unchanged.push(r);
      else (inserted ? outcome.inserted : outcome.updated).push(r);
    }
  }
  return outcome;
}

export async function deleteRecords(dir: Directory, keys: Array<{ table: string; id: string }>): Promise<void> {
  for (const k of keys) {
    await dir.db
      .delete(hsdsRecords)
      .where(and(eq(hsdsRecords.organizationId, dir.organizationId), eq(hsdsRecords.tableName, k.table), eq(hsdsRecords.id, k.id)));
  }
}

/**
 * The services a change touches: the records changed, what they point at (a phone → its
 * service), and what ties services to them (a location → its service_at_locations → their
 * services; a taxonomy term → its attributes → their services; an organization → its services).
 */
export async function affectedServices(dir: Directory, touched: Array<{ table: string; id: string }>): Promise<string[]> {
  const org = eq(hsdsRecords.organizationId, dir.organizationId);
  // A bulk load touches most of the directory: re-indexing every service is cheaper than tracing each record.
  if (touched.length > BULK) {
    const all = await dir.db.select({ id: hsdsRecords.id }).from(hsdsRecords).where(and(org, eq(hsdsRecords.tableName, 'service')));
    return all.map((r) => r.id);
  }
  const seen = new Set(touched.map((t) => t.id));
  let frontier = [...seen];
  for (let round = 0; round < 4 && frontier.length > 0; round++) {
    const linkTables = round === 0 ? ['service_at_location', 'attribute', 'service'] : ['service_at_location', 'attribute'];
    const next = new Set<string>();
    for (const chunk of batches(frontier)) {
      const [up, side] = await Promise.all([
        dir.db.select({ refs: hsdsRecords.refs }).from(hsdsRecords).where(and(org, inArray(hsdsRecords.id, chunk))),
        recordsPointingAt(dir, linkTables, chunk),
      ]);
      for (const r of up) r.refs.forEach((id) => next.add(id));
      for (const r of side) [r.id, ...r.refs].forEach((id) => next.add(id));
    }
    frontier = [...next].filter((id) => !seen.has(id));
    frontier.forEach((id) => seen.add(id));
  }
  const services: string[] = [];
  for (const chunk of batches([...seen])) {
    const rows = await dir.db.select({ id: hsdsRecords.id }).from(hsdsRecords).where(and(org, eq(hsdsRecords.tableName, 'service'), inArray(hsdsRecords.id, chunk)));
    services.push(...rows.map((r) => r.id));
  }
  return services;
}

/**
 * After a bulk load, inside its transaction: the planner still holds the tables' old statistics
 * (measured on 200,000 new rows: 11.6 s for one batch of child lookups, 3.5 ms after ANALYZE), and
 * GIN indexes hold the new entries in a pending list every search scans until it is merged (65 ms
 * per query, 0.1 ms merged). Both need the tables' owner; without that right they are left to
 * autovacuum, and the import is only slower.
 */
export async function settleAfterBulkWrite(db: Db, tables: string[], ginIndexes: string[]): Promise<void> {
  const attempt = (statement: ReturnType<typeof sql>) => db.transaction((sp) => sp.execute(statement)).catch(() => undefined);
  for (const index of ginIndexes) await attempt(sql`select gin_clean_pending_list(${index}::regclass)`);
  for (const table of tables) await attempt(sql.raw(`analyze ${table.replace(/[^a-z_]/g, '')}`));
}

export const BULK_WRITE = 1_000;

/** The directory's clock for schedules without an offset: the organization's (first) program time zone. */
export async function directoryTimeZone(dir: Directory): Promise<string> {
  const [p] = await dir.db
    .select({ timeZone: programs.timeZone })
    .from(programs)
    .where(eq(programs.organizationId, dir.organizationId))
    .orderBy(asc(programs.createdAt))
    .limit(1);
  return p?.timeZone ?? 'UTC';
}

/** Loads services in the API shape, fully nested. */
export async function loadServices(dir: Directory, ids: string[], source: RecordSource = directorySource(dir)): Promise<Array<Record<string, any>>> {
  const roots = await source.byIds(['service'], ids);
  return nestRecords(source, roots, { full: true });
}

/**
 * Rebuilds the search rows of these services from their records. Local state (who verified it,
 * when) is kept; places and opening hours are replaced.
 */
export async function indexServices(dir: Directory, ids: string[], opts: { createdBy?: string } = {}): Promise<number> {
  if (ids.length === 0) return 0;
  const timeZone = await directoryTimeZone(dir);
  const source = directorySource(dir);
  let count = 0;
  for (const chunk of batches(ids, 200)) {
    const localRows = await dir.db
      .select({ id: hsdsRecords.id, local: hsdsRecords.local })
      .from(hsdsRecords)
      .where(and(eq(hsdsRecords.organizationId, dir.organizationId), eq(hsdsRecords.tableName, 'service'), inArray(hsdsRecords.id, chunk)));
    const local = new Map(localRows.map((r) => [r.id, r.local]));
    const projected = (await loadServices(dir, chunk, source)).map(projectService);
    if (projected.length === 0) continue;
    await dir.db
      .insert(resourceServices)
      .values(
        projected.map((p) => ({
          organizationId: dir.organizationId,
          id: p.id,
          providerId: p.providerId,
          providerName: p.providerName,
          name: p.name,
          alternateName: p.alternateName,
          description: p.description,
          status: p.status,
          categories: p.categories,
          languages: p.languages,
          free: p.free,
          minimumAge: p.minimumAge,
          maximumAge: p.maximumAge,
          assuredOn: p.assuredOn,
          hoursKnown: p.hoursKnown,
          searchText: p.searchText,
          local: local.get(p.id) ?? false,
          createdBy: opts.createdBy ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: [resourceServices.organizationId, resourceServices.id],
        set: { ...projectedColumns, updatedAt: sql`now()` },
      });
    const ids = projected.map((p) => p.id);
    await dir.db.delete(resourceServicePlaces).where(and(eq(resourceServicePlaces.organizationId, dir.organizationId), inArray(resourceServicePlaces.serviceId, ids)));
    await dir.db.delete(resourceOpenHours).where(and(eq(resourceOpenHours.organizationId, dir.organizationId), inArray(resourceOpenHours.serviceId, ids)));
    const places = projected.flatMap((p) => p.places.map((pl) => ({ organizationId: dir.organizationId, serviceId: p.id, locationId: pl.locationId, name: pl.name, address: pl.address, latitude: pl.latitude, longitude: pl.longitude })));
    const hours = projected.flatMap((p) =>
      p.hours.map((h) => ({
        organizationId: dir.organizationId,
        serviceId: p.id,
        weekday: h.weekday,
        opensMinute: h.opens,
        closesMinute: h.closes,
        nth: h.nth,
        spill: h.spill,
        validFrom: h.validFrom,
        validTo: h.validTo,
        timeZone,
        utcOffsetMinutes: h.utcOffsetMinutes,
      })),
    );
    for (const b of batches(places)) await dir.db.insert(resourceServicePlaces).values(b).onConflictDoNothing();
    for (const b of batches(hours)) await dir.db.insert(resourceOpenHours).values(b);
    count += projected.length;
  }
  return count;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
/** What a re-index overwrites; verification and authorship stay. */
const projectedColumns = Object.fromEntries(
  ['provider_id', 'provider_name', 'name', 'alternate_name', 'description', 'status', 'categories', 'languages', 'free', 'minimum_age', 'maximum_age', 'assured_on', 'hours_known', 'search_text', 'local'].map(
    (c) => [camel(c), sql.raw(`excluded.${c}`)],
  ),
) as Partial<Record<keyof typeof resourceServices.$inferInsert, SQL>>;
