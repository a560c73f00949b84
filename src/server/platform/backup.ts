import { createReadStream, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rename, rm } from 'node:fs/promises';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from '../db/client.js';
import { parseJournalKeys } from '../config.js';
import { JOURNAL_KEY_FILE } from './crypto.js';
import { sealAuditChain } from './audit-chain.js';

/**
 * A logical backup: every table of the public schema as JSON rows, read in ONE repeatable-read
 * transaction (a consistent snapshot; on the embedded database the transaction also holds the one
 * connection, so nothing writes meanwhile), each table through a cursor a chunk at a time and
 * streamed to the file, so memory does not grow with the data. Restore streams the file back the same way. The same file restores into either database, which is
 * also how a deployment moves from the embedded database to PostgreSQL.
 *
 * File: gzip of JSON lines.
 *   {"format":"peerpath-backup","version":1,"createdAt":…,"source":"pglite"|"postgres","migrations":[…],"journalKeys":…}
 *   {"table":"users","columns":[…],"rows":N}   followed by N lines, each one row as a JSON object
 *   …
 *   {"sequences":[{"schema":…,"name":…,"value":…}]}
 *   {"end":true,"tables":T,"rows":R}             (a file without it was cut short and is refused)
 *
 * Not included: the job queue (schema pgboss), whose recurring jobs are scheduled again at start.
 */
export const BACKUP_FORMAT = 'peerpath-backup';
export const BACKUP_VERSION = 1;

interface Runner {
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

/** Runs fn inside one transaction on one connection of either database. */
async function inOneTransaction<T>(database: Database, begin: string, fn: (q: Runner) => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') {
    return database.pglite!.transaction(async (tx) => {
      if (begin.includes('repeatable read')) await tx.query('set transaction isolation level repeatable read');
      await tx.query(`set local time zone 'UTC'`);
      return fn({ query: (text, params) => tx.query(text, params as any[]) });
    });
  }
  const client = await database.pool!.connect();
  try {
    await client.query(begin);
    // Times in the file are in UTC whatever the server's zone (they restore exactly either way).
    await client.query(`set local time zone 'UTC'`);
    const result = await fn({ query: (text, params) => client.query(text, params as any[]) });
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function listTables(q: Runner): Promise<string[]> {
  const { rows } = await q.query(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.table_name as string);
}

async function writableColumns(q: Runner, table: string): Promise<string[]> {
  const { rows } = await q.query(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'
      order by ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name as string);
}

async function appliedMigrations(q: Runner): Promise<string[]> {
  const { rows } = await q.query(`select hash from drizzle.__drizzle_migrations order by created_at, id`);
  return rows.map((r) => r.hash as string);
}

export interface BackupReport {
  tables: number;
  rows: number;
}

/** Rows fetched per round trip while backing up: memory holds one chunk, whatever the size of the table. */
export const BACKUP_CHUNK_ROWS = 1_000;
/** Rows per insert while restoring. */
const RESTORE_BATCH_ROWS = 500;

/**
 * Writes a consistent snapshot to `file` (through a temporary file, so a failure leaves no half backup).
 * Each table is read through a cursor, a chunk at a time, and written out as it comes: memory stays
 * flat however large a table grows.
 */
export async function backupDatabase(
  database: Database,
  file: string,
  opts: { journalKeys?: string | null; chunkRows?: number } = {},
): Promise<BackupReport> {
  const chunkRows = opts.chunkRows ?? BACKUP_CHUNK_ROWS;
  // Pending audit events are sealed first, so the backup carries a complete, verifiable chain.
  await sealAuditChain(database.db);
  const partial = `${file}.partial-${process.pid}`;
  const report: BackupReport = { tables: 0, rows: 0 };
  try {
    await inOneTransaction(database, 'begin isolation level repeatable read read only', async (q) => {
      async function* lines(): AsyncGenerator<string> {
        yield `${JSON.stringify({
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          source: database.kind,
          migrations: await appliedMigrations(q),
          journalKeys: opts.journalKeys ?? null,
        })}\n`;
        const tables = await listTables(q);
        for (const table of tables) {
          const columns = await writableColumns(q, table);
          const from = `from public.${ident(table)}`;
          // The count and the rows come from the same snapshot, so they agree.
          const { rows: counted } = await q.query(`select count(*)::bigint as n ${from}`);
          const count = Number(counted[0].n);
          yield `${JSON.stringify({ table, columns, rows: count })}\n`;
          let seen = 0;
          await q.query(`declare backup_rows no scroll cursor for select row_to_json(t)::text as j from (select ${columns.map(ident).join(', ')} ${from}) t`);
          for (;;) {
            const { rows } = await q.query(`fetch forward ${chunkRows} from backup_rows`);
            if (rows.length > 0) yield rows.map((r) => `${r.j as string}\n`).join('');
            seen += rows.length;
            if (rows.length < chunkRows) break;
          }
          await q.query('close backup_rows');
          if (seen !== count) throw new Error(`backup: table ${table} gave ${seen} rows, expected ${count}`);
          report.tables++;
          report.rows += count;
        }
        const { rows: sequences } = await q.query(
          `select schemaname as schema, sequencename as name, last_value as value from pg_sequences where schemaname = 'public' and last_value is not null`,
        );
        yield `${JSON.stringify({ sequences: sequences.map((s) => ({ schema: s.schema, name: s.name, value: String(s.value) })) })}\n`;
        yield `${JSON.stringify({ end: true, tables: report.tables, rows: report.rows })}\n`;
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    });
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  return report;
}

export interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: string[];
  journalKeys: string | null;
}

type BackupRecord =
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'row'; json: string }
  | { kind: 'sequences'; sequences: Array<{ schema: string; name: string; value: string }> };

export class BackupError extends Error {}

/**
 * Reads a backup file line by line (never the whole file in memory): the header first, then each
 * record. Throws a BackupError for a file that is not a backup, of another format version, or cut
 * short; the last is only known at the end, so a caller writing as it reads must do so in a
 * transaction it can roll back.
 */
async function* backupRecords(file: string, onHeader: (header: BackupHeader) => void | Promise<void>): AsyncGenerator<BackupRecord> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let header: BackupHeader | undefined;
  let expected = 0;
  let tables = 0;
  let rows = 0;
  let end: { tables: number; rows: number } | undefined;
  try {
    for await (const line of lines) {
      if (!header) {
        header = JSON.parse(line) as BackupHeader;
        if (header?.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a Peerpath backup`);
        if (header.version !== BACKUP_VERSION) throw new BackupError(`${file} is a backup of format version ${header.version}; this Peerpath reads version ${BACKUP_VERSION}`);
        await onHeader(header);
        continue;
      }
      if (expected > 0) {
        expected--;
        rows++;
        yield { kind: 'row', json: line };
        continue;
      }
      const record = JSON.parse(line);
      if (record.table) {
        expected = record.rows;
        tables++;
        yield { kind: 'table', table: record.table, columns: record.columns };
      } else if (record.sequences) {
        yield { kind: 'sequences', sequences: record.sequences };
      } else if (record.end) {
        end = record;
      }
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} could not be read as a Peerpath backup: ${(err as Error).message}`);
  }
  if (!header) throw new BackupError(`${file} is empty`);
  if (!end || expected > 0 || end.tables !== tables || end.rows !== rows) throw new BackupError(`${file} is incomplete (cut short while it was written or copied)`);
}

export interface BackupSummary {
  header: BackupHeader;
  tables: number;
  rows: number;
}

/** Checks a whole backup file (readable, complete) without loading it, before anything is written anywhere. */
export async function readBackup(file: string): Promise<BackupSummary> {
  let header: BackupHeader | undefined;
  let tables = 0;
  let rows = 0;
  for await (const record of backupRecords(file, (h) => void (header = h))) {
    if (record.kind === 'table') tables++;
    else if (record.kind === 'row') rows++;
  }
  return { header: header!, tables, rows };
}

/**
 * Loads a backup file into a migrated, EMPTY database (every table of the public schema without rows),
 * streaming it in batches, in one transaction: a failure (a file cut short included) leaves the
 * database empty as it was.
 */
export async function restoreDatabase(database: Database, file: string): Promise<BackupReport & { header: BackupHeader }> {
  return inOneTransaction(database, 'begin', async (q) => {
    const targetTables = await listTables(q);
    let header: BackupHeader | undefined;
    const checkTarget = async (h: BackupHeader) => {
      header = h;
      const applied = await appliedMigrations(q);
      const unknown = h.migrations.filter((m) => !applied.includes(m));
      if (unknown.length > 0) {
        throw new BackupError(`The backup comes from a newer Peerpath (${unknown.length} database migrations this version does not have): upgrade first.`);
      }
      for (const table of targetTables) {
        const { rows } = await q.query(`select exists (select 1 from public.${ident(table)}) as any`);
        if (rows[0].any) throw new BackupError(`The target database is not empty (table ${table} has rows). Restore into a new, empty database.`);
      }
      // Rows go in as they were: no triggers, no foreign-key checks until all are there. Needs a superuser on PostgreSQL.
      await q.query(`set local session_replication_role = replica`);
    };
    let tables = 0;
    let total = 0;
    let current: { table: string; columns: string } | undefined;
    let batch: string[] = [];
    const flush = async () => {
      if (!current || batch.length === 0) return;
      await q.query(
        `insert into public.${ident(current.table)} (${current.columns}) overriding system value
         select ${current.columns} from json_populate_recordset(null::public.${ident(current.table)}, $1::json)`,
        [`[${batch.join(',')}]`],
      );
      total += batch.length;
      batch = [];
    };
    for await (const record of backupRecords(file, checkTarget)) {
      if (record.kind === 'row') {
        batch.push(record.json);
        if (batch.length >= RESTORE_BATCH_ROWS) await flush();
      } else if (record.kind === 'table') {
        await flush();
        if (!targetTables.includes(record.table)) throw new BackupError(`The backup has a table ${record.table} this version does not know.`);
        const have = new Set(await writableColumns(q, record.table));
        current = { table: record.table, columns: record.columns.filter((c) => have.has(c)).map(ident).join(', ') };
        tables++;
      } else {
        await flush();
        for (const s of record.sequences) {
          await q.query(`select setval($1::regclass, $2::bigint, true)`, [`${ident(s.schema)}.${ident(s.name)}`, s.value]);
        }
      }
    }
    await flush();
    await q.query(`set local session_replication_role = origin`);
    return { tables, rows: total, header: header! };
  });
}

/**
 * A fingerprint of every table (row count and a digest of its rows in a stable order), to compare a
 * restored database with the original.
 */
export async function fingerprintTables(database: Database): Promise<Record<string, { rows: number; digest: string }>> {
  return inOneTransaction(database, 'begin isolation level repeatable read read only', async (q) => {
    const out: Record<string, { rows: number; digest: string }> = {};
    for (const table of await listTables(q)) {
      const columns = (await writableColumns(q, table)).map(ident).join(', ');
      const { rows } = await q.query(
        `select count(*)::int as n, coalesce(md5(string_agg(j, E'\\n' order by j)), '') as digest
           from (select row_to_json(t)::text as j from (select ${columns} from public.${ident(table)}) t) x`,
      );
      out[table] = { rows: rows[0].n, digest: rows[0].digest };
    }
    return out;
  });
}

/** The embedded database's generated journal key file, if there is one: a backup carries it. */
export function readJournalKeyFile(dataDir: string): string | null {
  const file = path.join(path.resolve(dataDir), JOURNAL_KEY_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

/**
 * After a restore into an embedded data folder: its journal key file gets the backup's keys (kept
 * after its own current key, so entries under either open). Returns the key ids added.
 */
export function mergeJournalKeysInto(dataDir: string, keysText: string): string[] {
  const file = path.join(path.resolve(dataDir), JOURNAL_KEY_FILE);
  const restored = keysText.split(',').map((k) => k.trim()).filter(Boolean);
  const existing = existsSync(file) ? readFileSync(file, 'utf8').trim().split(',').map((k) => k.trim()).filter(Boolean) : [];
  const idOf = (entry: string) => entry.slice(0, entry.indexOf(':'));
  const have = new Set(existing.map(idOf));
  const added = restored.filter((k) => !have.has(idOf(k)));
  if (added.length === 0) return [];
  const text = [...existing, ...added].join(',');
  if ('error' in parseJournalKeys(text)) throw new BackupError('The journal keys in the backup are not valid.');
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return added.map(idOf);
}

export const journalKeyIds = (keysText: string) =>
  keysText.split(',').map((k) => k.trim()).filter(Boolean).map((k) => k.slice(0, k.indexOf(':')));
