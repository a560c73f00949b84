import { readFileSync } from 'node:fs';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { templatePath, testDatabaseUrl, testDbKind } from '../setup/template.js';

/** A database for one test file: a private copy of the migrated template, or the shared PostgreSQL test database. */
export async function openTestDatabase(): Promise<Database> {
  if (testDbKind() === 'postgres') return openDatabase({ kind: 'postgres', url: testDatabaseUrl(), poolSize: 5 });
  const blob = new Blob([readFileSync(templatePath)]);
  return openDatabase({ kind: 'pglite-memory', loadDataDir: blob });
}
