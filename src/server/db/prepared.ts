import { createHash } from 'node:crypto';
import { sql, type Column, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

/**
 * A statement built once per database handle and prepared on the server under `name`: building a
 * query with Drizzle costs more CPU than sending it, so the statements behind frequent requests are
 * built once and then only executed with their values (`sql.placeholder`). A transaction's handle
 * builds its own, so a prepared statement never runs outside the transaction it was asked in.
 */
export function preparedStatement<P>(name: string, build: (db: Db, name: string) => P): (db: Db) => P {
  const cache = new WeakMap<Db, P>();
  return (db) => {
    let prepared = cache.get(db);
    if (!prepared) cache.set(db, (prepared = build(db, name)));
    return prepared;
  };
}

/** `column = any($name)`: a list of values as one array parameter, for a statement prepared once. */
export function anyOf(column: Column | SQL, name: string): SQL {
  return sql`${column} = any(${sql.placeholder(name)})`;
}

const dialect = new PgDialect();

/**
 * Runs a query built with `sql` as a named prepared statement, named after its text. For a large
 * query whose text depends only on which filters are used (resource search),
 * PostgreSQL then plans it once per connection and shape (after five custom plans, a generic plan
 * when that is no worse) instead of on every request, where planning costs several times the
 * execution. The result is what `db.execute` returns.
 */
export async function executePrepared<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<{ rows: T[] }> {
  const built = dialect.sqlToQuery(query);
  const name = `peerpath_q_${createHash('sha1').update(built.sql).digest('base64url').slice(0, 24)}`;
  return (await db._.session.prepareQuery(built, undefined, name, false).execute()) as { rows: T[] };
}
