import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The migrated embedded database every test file starts from (built once per run by global setup). */
export const templatePath = path.join(root, '.tmp', 'test-template.tar.gz');

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  return process.env.PEERPATH_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('PEERPATH_TEST_DB=postgres needs TEST_DATABASE_URL');
  return url;
}
