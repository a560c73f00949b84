import { hsdsTables, tableOf, type Nested } from './spec.js';

/** A stored HSDS record: its table, id and plain fields. */
export interface StoredRecord {
  table: string;
  id: string;
  fields: Record<string, unknown>;
}

/** Which tables a directory holds, and which tables its attributes and metadata describe (null: any). */
export interface Presence {
  tables: ReadonlySet<string>;
  describes: { attribute: ReadonlySet<string> | null; metadata: ReadonlySet<string> | null };
}

/** Where nesting reads from: the directory (two indexed queries per level) or records in memory. */
export interface RecordSource {
  /** Records of these tables pointing at any of these ids through one of their `*_id` fields. */
  pointingAt(tables: string[], ids: string[]): Promise<StoredRecord[]>;
  byIds(tables: string[], ids: string[]): Promise<StoredRecord[]>;
  /** Lets nesting skip asking for what cannot be there (every record may carry attributes and metadata). */
  presence?(): Promise<Presence>;
}

/** The field a child of `parent` uses to point at it, as the tabular shape spells it. */
function childLink(parent: string, child: string): string | null {
  if (tableOf(child).fields.includes(`${parent}_id`)) return `${parent}_id`;
  if (child === 'attribute') return 'link_id';
  if (child === 'metadata') return 'resource_id';
  return null;
}

/** The field a parent holds for a single nested object (service.organization_id, term.taxonomy_id, sal.location_id). */
function parentLink(parent: string, nested: Nested): string | null {
  const fields = tableOf(parent).fields;
  for (const f of [`${nested.table}_id`, `${nested.property}_id`]) if (fields.includes(f)) return f;
  if (nested.table === 'taxonomy' && fields.includes('taxonomy_id')) return 'taxonomy_id';
  return null;
}

// Under another object an organization or program is named, not unfolded: an organization's full
// nesting (every location it has) belongs to /organizations/{id}, not to each of its services.
const BRIEF_WHEN_NESTED = new Set(['organization', 'program']);

interface Node {
  record: StoredRecord;
  out: Record<string, unknown>;
  ancestry: string[];
}

/** An attribute or metadata row names the table it describes; a value that is no table name (the examples write "link_entity") does not exclude it. */
const linksTo = (entity: unknown, table: string) => typeof entity !== 'string' || !hsdsTables.has(entity) || entity === table;

const plain = (r: StoredRecord) => ({ ...r.fields, id: r.id });

/**
 * HSDS objects in the API shape from flat records: a service with its phones, schedules,
 * service_at_locations (each with its location, addresses…), languages, cost options, attributes
 * with their taxonomy terms. Cycles stop at a table already above (no service inside its own
 * service_at_location). Reads one level at a time for all roots together.
 */
export async function nestRecords(
  source: RecordSource,
  roots: StoredRecord[],
  opts: { full: boolean; omit?: string[] } = { full: true },
): Promise<Array<Record<string, unknown>>> {
  const top: Node[] = roots.map((record) => ({ record, out: plain(record), ancestry: [record.table] }));
  const presence = roots.length > 0 ? await source.presence?.() : undefined;
  const mayHold = (parent: string, n: Nested) => {
    if (!presence) return true;
    if (!presence.tables.has(n.table)) return false;
    const described = n.table === 'attribute' || n.table === 'metadata' ? presence.describes[n.table] : null;
    return described === null || described.has(parent);
  };
  let level = top;
  while (level.length > 0) {
    const next: Node[] = [];
    const manyWanted = new Map<string, Set<string>>(); // child table -> parent ids
    const singleWanted = new Map<string, Set<string>>(); // table -> ids
    const plans = level.map((node) => {
      const isRoot = node.ancestry.length === 1;
      const allowed = (n: Nested) =>
        opts.full ? isRoot || !BRIEF_WHEN_NESTED.has(node.record.table) : isRoot && !n.many && BRIEF_WHEN_NESTED.has(n.table);
      const steps = tableOf(node.record.table)
        .nested.filter((n) => !node.ancestry.includes(n.table) && !(opts.omit ?? []).includes(n.property) && allowed(n) && mayHold(node.record.table, n))
        .map((n) => ({ n, link: n.many ? childLink(node.record.table, n.table) : parentLink(node.record.table, n) }))
        .filter((s): s is { n: Nested; link: string } => s.link !== null);
      for (const { n, link } of steps) {
        if (n.many) (manyWanted.get(n.table) ?? manyWanted.set(n.table, new Set()).get(n.table)!).add(node.record.id);
        else {
          const id = node.record.fields[link];
          if (typeof id === 'string') (singleWanted.get(n.table) ?? singleWanted.set(n.table, new Set()).get(n.table)!).add(id);
        }
      }
      return { node, steps };
    });
    const allParents = [...new Set([...manyWanted.values()].flatMap((s) => [...s]))];
    const singles = [...new Set([...singleWanted.values()].flatMap((s) => [...s]))];
    const [children, referenced] = await Promise.all([
      manyWanted.size ? source.pointingAt([...manyWanted.keys()], allParents) : Promise.resolve([]),
      singleWanted.size ? source.byIds([...singleWanted.keys()], singles) : Promise.resolve([]),
    ]);
    for (const { node, steps } of plans) {
      for (const { n, link } of steps) {
        const ancestry = [...node.ancestry, n.table];
        if (n.many) {
          const kids = children
            .filter((c) => c.table === n.table && c.fields[link] === node.record.id)
            .filter((c) => n.table !== 'attribute' || linksTo(c.fields.link_entity, node.record.table))
            .filter((c) => n.table !== 'metadata' || linksTo(c.fields.resource_type, node.record.table))
            .sort((a, b) => a.id.localeCompare(b.id));
          if (kids.length === 0) continue;
          node.out[n.property] = kids.map((record) => {
            const child: Node = { record, out: plain(record), ancestry };
            next.push(child);
            return child.out;
          });
        } else {
          const target = referenced.find((r) => r.table === n.table && r.id === node.record.fields[link]);
          if (!target) continue;
          const child: Node = { record: target, out: plain(target), ancestry };
          node.out[n.property] = child.out;
          next.push(child);
        }
      }
    }
    level = next;
  }
  return top.map((n) => n.out);
}

/** Records held in memory: for tests and for building a package's objects before they are stored. */
export function memorySource(records: StoredRecord[]): RecordSource {
  return {
    async pointingAt(tables, ids) {
      const wanted = new Set(ids);
      return records.filter((r) => tables.includes(r.table) && Object.entries(r.fields).some(([k, v]) => k !== 'id' && k.endsWith('_id') && wanted.has(v as string)));
    },
    async byIds(tables, ids) {
      return records.filter((r) => tables.includes(r.table) && ids.includes(r.id));
    },
  };
}
