import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hsdsRecords, organizations } from '../../db/schema/index.js';
import { notFound } from '../../platform/errors.js';
import { directorySource, textArray, type Directory } from './directory-store.js';
import { nestRecords, type StoredRecord } from './hsds/nest.js';

/**
 * The read side of the HSDS 3 API (schema/openapi.json of the specification) over one
 * organization's directory: list endpoints answer a Page (total_items, total_pages, page_number,
 * size, first_page, last_page, empty, contents). It is public, as directory data is in HSDS
 * practice; tips and verification notes are not HSDS records and never appear here.
 */

export interface PageQuery {
  page: number;
  per_page: number;
  search?: string;
  full?: boolean;
  taxonomy_term_id?: string;
  taxonomy_id?: string;
  organization_id?: string;
  parent_id?: string;
  top_only?: boolean;
  modified_after?: string;
  minimal?: boolean;
  full_service?: boolean;
}

export interface Page {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Array<Record<string, unknown>>;
}

export async function directoryBySlug(db: Db, slug: string): Promise<Directory> {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  if (!org) throw notFound('resource.not_found', 'That directory');
  return { db, organizationId: org.id };
}

function page(q: PageQuery, total: number, contents: Array<Record<string, unknown>>): Page {
  const totalPages = Math.max(1, Math.ceil(total / q.per_page));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: q.page,
    size: contents.length,
    first_page: q.page === 1,
    last_page: q.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const r = sql`r`;
const field = (name: string) => sql`(${r}.record ->> ${name})`;

function filters(dir: Directory, table: string, q: PageQuery): SQL[] {
  const where: SQL[] = [sql`${r}.organization_id = ${dir.organizationId}`, sql`${r}.table_name = ${table}`];
  if (q.search) {
    const text = sql`(websearch_to_tsquery('english', ${q.search}) || websearch_to_tsquery('spanish', ${q.search}))`;
    if (table === 'service') {
      where.push(sql`exists (select 1 from resource_services s where s.organization_id = ${r}.organization_id and s.id = ${r}.id and s.search @@ ${text})`);
    } else {
      where.push(sql`(to_tsvector('english', coalesce(${field('name')}, '') || ' ' || coalesce(${field('description')}, '')) @@ ${text})`);
    }
  }
  if (q.modified_after) where.push(sql`${r}.updated_at >= ${q.modified_after}::timestamptz`);
  if (q.organization_id && (table === 'service' || table === 'service_at_location')) {
    where.push(
      table === 'service'
        ? sql`${field('organization_id')} = ${q.organization_id}`
        : sql`exists (select 1 from hsds_records sv where sv.organization_id = ${r}.organization_id and sv.table_name = 'service' and sv.id = ${field('service_id')} and sv.record ->> 'organization_id' = ${q.organization_id})`,
    );
  }
  // Classified by a term (or any term of a taxonomy) through an attribute linked to the record.
  const linked = table === 'service_at_location' ? field('service_id') : sql`${r}.id`;
  if (q.taxonomy_term_id && table !== 'taxonomy_term') {
    where.push(sql`exists (select 1 from hsds_records a where a.organization_id = ${r}.organization_id and a.table_name = 'attribute'
      and a.refs @> ${textArray([q.taxonomy_term_id])} and a.record ->> 'link_id' = ${linked} and a.record ->> 'taxonomy_term_id' = ${q.taxonomy_term_id})`);
  }
  if (q.taxonomy_id) {
    if (table === 'taxonomy_term') where.push(sql`${field('taxonomy_id')} = ${q.taxonomy_id}`);
    else {
      where.push(sql`exists (select 1 from hsds_records a join hsds_records t on t.organization_id = a.organization_id and t.table_name = 'taxonomy_term' and t.id = a.record ->> 'taxonomy_term_id'
        where a.organization_id = ${r}.organization_id and a.table_name = 'attribute' and a.record ->> 'link_id' = ${linked} and t.record ->> 'taxonomy_id' = ${q.taxonomy_id})`);
    }
  }
  if (table === 'taxonomy_term' && q.parent_id) where.push(sql`${field('parent_id')} = ${q.parent_id}`);
  if (table === 'taxonomy_term' && q.top_only) where.push(sql`coalesce(${field('parent_id')}, '') = ''`);
  return where;
}

/** A page of one HSDS table, brief (plain fields; services with their organization and program) or full. */
export async function listRecords(dir: Directory, table: string, q: PageQuery): Promise<Page> {
  const where = sql.join(filters(dir, table, q), sql` and `);
  type Row = { table_name: string; id: string; record: Record<string, unknown>; updated_at: string };
  const [result, counted] = await Promise.all([
    dir.db.execute<Row>(sql`
      select ${r}.table_name, ${r}.id, ${r}.record, ${r}.updated_at::text as updated_at
      from hsds_records ${r} where ${where}
      order by ${r}.id limit ${q.per_page} offset ${(q.page - 1) * q.per_page}`),
    dir.db.execute<{ n: number }>(sql`select count(*)::int as n from hsds_records ${r} where ${where}`),
  ]);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const total = Number((counted as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
  if (q.minimal) return page(q, total, rows.map((row) => ({ id: row.id, modified_date: new Date(row.updated_at).toISOString() })));
  const roots: StoredRecord[] = rows.map((row) => ({ table: row.table_name, id: row.id, fields: row.record }));
  const full = q.full ?? false;
  // A list of organizations is their plain fields unless asked for more (full, or full_service).
  const contents = table === 'organization' && !full && !q.full_service ? roots.map((x) => ({ ...x.fields, id: x.id })) : await nestRecords(directorySource(dir), roots, { full: full || (q.full_service ?? false) });
  return page(q, total, contents);
}

/** One record of a table, fully nested (an organization with its services when full_service). */
export async function getRecord(dir: Directory, table: string, id: string, opts: { fullService?: boolean } = {}): Promise<Record<string, unknown>> {
  const [row] = await dir.db
    .select({ tableName: hsdsRecords.tableName, id: hsdsRecords.id, record: hsdsRecords.record })
    .from(hsdsRecords)
    .where(and(eq(hsdsRecords.organizationId, dir.organizationId), eq(hsdsRecords.tableName, table), eq(hsdsRecords.id, id)))
    .orderBy(asc(hsdsRecords.id));
  if (!row) throw notFound('resource.not_found', `That ${table}`);
  const brief = table === 'organization' && !opts.fullService;
  const [out] = await nestRecords(directorySource(dir), [{ table: row.tableName, id: row.id, fields: row.record }], { full: true, omit: brief ? ['services'] : [] });
  if (brief) {
    // The services of an organization, by name and id, without unfolding each one.
    const services = await directorySource(dir).pointingAt(['service'], [id]);
    return { ...out, services: services.filter((s) => s.fields.organization_id === id).map((s) => ({ ...s.fields, id: s.id })) };
  }
  return out!;
}
