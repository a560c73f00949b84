import { sql, type Column, type SQL } from 'drizzle-orm';
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
