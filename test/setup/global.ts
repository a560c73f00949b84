import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/server/db/client.js';
import { templatePath, testDatabaseUrl, testDbKind } from './template.js';

/**
 * Migrates once per run: on PostgreSQL the test database itself; on the embedded database a
 * template that each test file opens a private in-memory copy of (initdb and migrations take seconds).
 */
export default async function setup(): Promise<void> {
  if (testDbKind() === 'postgres') {
    const database = await openDatabase({ kind: 'postgres', url: testDatabaseUrl(), poolSize: 2 });
    await database.migrate();
    await database.close();
    return;
  }
  const database = await openDatabase({ kind: 'pglite-memory' });
  await database.migrate();
  const dump = await database.pglite!.dumpDataDir('gzip');
  mkdirSync(path.dirname(templatePath), { recursive: true });
  // Written aside and renamed, so a run starting meanwhile never reads half a template.
  const partial = `${templatePath}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, templatePath);
  await database.close();
}
