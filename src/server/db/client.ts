import { fsyncSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** One handle type for both drivers; a transaction handle satisfies it too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface SqlRunner {
  /** Plain SQL with positional parameters, for pg-boss and tooling. Without params it may hold several statements. */
  executeSql(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

export interface Database extends SqlRunner {
  kind: 'pglite' | 'postgres';
  db: Db;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** The connection string, on PostgreSQL: realtime keeps one LISTEN connection of its own. */
  url?: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// One lock key for every Peerpath instance migrating the same PostgreSQL database.
const MIGRATION_LOCK_KEY = 7_273_447_001;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string; fsync?: boolean }
  | { kind: 'pglite-memory'; loadDataDir?: Blob | File };

/**
 * PGlite on a folder writes through to the operating system at every commit, so a killed process
 * loses nothing; but it runs PostgreSQL with fsync off and its file layer has no fsync, so a power
 * cut or a machine crash can lose recent commits or damage the folder. Here fsync is on (the
 * default; PEERPATH_EMBEDDED_FSYNC=false turns it off): PostgreSQL syncs the WAL at each commit
 * (wal_sync_method=fsync, the call PGlite's file layer passes on) and data files at checkpoints.
 */
class SyncedNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, opts);
    const preRun = (result.emscriptenOpts.preRun ??= []) as Array<(mod: any) => void>;
    preRun.push((mod) => {
      mod.NODEFS.stream_ops.fsync = (stream: { nfd: number }) => {
        fsyncSync(stream.nfd);
        return 0;
      };
    });
    return result;
  }
}

function syncedStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [...defaults.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'];
}

/** True when the data folder's lock was taken by a process of this machine that no longer runs. */
function ownerIsGone(pidFile: string): boolean {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8');
  } catch {
    return false;
  }
  const [pid, host] = text.trim().split(/\s+/);
  if (host !== undefined && host !== os.hostname()) return false;
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0 || n === process.pid) return false;
  try {
    process.kill(n, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize) : openPglite(target);
}

async function openPostgres(url: string, poolSize = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A client losing its server (restart, failover, a crash) must not crash the process: an idle one
  // reports through the pool; one checked out between two statements of a transaction reports on
  // itself, and the statement it runs next fails (the transaction rolls back) and the pool drops it.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    url,
    executeSql: (text, params) => pool.query(text, params as any[]),
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(target: { kind: 'pglite'; dataDir: string; fsync?: boolean } | { kind: 'pglite-memory'; loadDataDir?: Blob | File }): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  let pglite: PGlite;
  if (target.kind === 'pglite') {
    const dir = path.resolve(target.dataDir);
    mkdirSync(dir, { recursive: true });
    // Two processes on one PGlite folder corrupt it silently; the lock makes the second one stop.
    const lockfilePath = path.join(dir, 'peerpath.lock');
    const pidFile = path.join(dir, 'peerpath.pid');
    try {
      release = await lockfile.lock(dir, { lockfilePath, stale: 15_000 });
    } catch {
      // After a crash (kill -9, power cut) the lock stays behind: if the process that took it is gone,
      // take it over at once instead of waiting for it to go stale.
      if (ownerIsGone(pidFile)) {
        rmSync(lockfilePath, { recursive: true, force: true });
        release = await lockfile.lock(dir, { lockfilePath, stale: 15_000 }).catch(() => undefined);
      }
    }
    if (release) {
      writeFileSync(pidFile, `${process.pid} ${os.hostname()}\n`);
    } else {
      throw new Error(
        `The data folder ${dir} is in use by another Peerpath process. Stop it first, or set PEERPATH_DATA_DIR to another folder.`,
      );
    }
    pglite = await PGlite.create(
      target.fsync === false
        ? { dataDir: path.join(dir, 'pgdata') }
        : { fs: new SyncedNodeFS(path.join(dir, 'pgdata')), startParams: syncedStartParams() },
    );
  } else {
    pglite = await PGlite.create(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
  }
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    async executeSql(text, params) {
      if (params && params.length > 0) return pglite.query(text, params);
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    async migrate() {
      await migratePglite(db as any, { migrationsFolder });
    },
    async close() {
      await pglite.close();
      await release?.();
    },
  };
}
