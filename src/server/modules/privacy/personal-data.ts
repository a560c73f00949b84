import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Where a person's data lives, found from the database itself rather than from a hand-kept list, so
 * tables added by new modules are covered without edits here: every column with a foreign key to
 * participants or users, and every column named participant_id. The audit trail is left out: it is
 * append-only and keeps only pseudonymous ids (see eraseParticipant).
 */
export const KEPT_BY_LAW = new Set(['audit_events', 'audit_chain']);

export interface PersonColumn {
  table: string;
  column: string;
  /** Whose id the column holds. */
  refers: 'participant' | 'user';
}

const rowsOf = async <T>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export async function personColumns(db: Db): Promise<PersonColumn[]> {
  const fks = await rowsOf<{ tbl: string; col: string; ref: string }>(
    db,
    sql`select cl.relname as tbl, a.attname as col, rf.relname as ref
          from pg_constraint c
          join pg_class cl on cl.oid = c.conrelid
          join pg_namespace n on n.oid = cl.relnamespace and n.nspname = 'public'
          join pg_class rf on rf.oid = c.confrelid
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
         where c.contype = 'f' and array_length(c.conkey, 1) = 1 and rf.relname in ('participants', 'users')`,
  );
  const named = await rowsOf<{ tbl: string; col: string }>(
    db,
    sql`select c.table_name as tbl, c.column_name as col
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
         where c.table_schema = 'public' and c.column_name = 'participant_id'`,
  );
  const out = new Map<string, PersonColumn>();
  for (const f of fks) out.set(`${f.tbl}.${f.col}`, { table: f.tbl, column: f.col, refers: f.ref === 'participants' ? 'participant' : 'user' });
  for (const c of named) if (!out.has(`${c.tbl}.${c.col}`)) out.set(`${c.tbl}.${c.col}`, { table: c.tbl, column: c.col, refers: 'participant' });
  return [...out.values()].filter((c) => !KEPT_BY_LAW.has(c.table)).sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}

interface ChildKey {
  child: string;
  childColumn: string;
  parentColumn: string;
  onDelete: string;
}

/** Foreign keys into a table whose rows would block its deletion (not cascading, not set null). */
export async function blockingChildren(db: Db, table: string): Promise<ChildKey[]> {
  return rowsOf<ChildKey>(
    db,
    sql`select cl.relname as child, a.attname as "childColumn", pa.attname as "parentColumn", c.confdeltype as "onDelete"
          from pg_constraint c
          join pg_class cl on cl.oid = c.conrelid
          join pg_class rf on rf.oid = c.confrelid
          join pg_namespace n on n.oid = rf.relnamespace and n.nspname = 'public'
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
         where c.contype = 'f' and array_length(c.conkey, 1) = 1 and rf.relname = ${table} and c.confdeltype in ('a', 'r')`,
  );
}

export const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);
