import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { startAuditSealer, startJobs, type Jobs } from './platform/jobs.js';
import { readJournalKeyFile } from './platform/backup.js';
import { startControlSocket } from './platform/control.js';

export function databaseTarget(config: Config) {
  return config.DATABASE_URL
    ? ({ kind: 'postgres', url: config.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: config.PEERPATH_DATA_DIR, fsync: config.PEERPATH_EMBEDDED_FSYNC } as const);
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, applies migrations, starts jobs and the audit sealer, and listens. */
export async function startServer(config: Config, opts: { database?: Database; beforeListen?: (db: Database) => Promise<void> } = {}): Promise<RunningServer> {
  const database = opts.database ?? (await openDatabase(databaseTarget(config)));
  await database.migrate();
  await opts.beforeListen?.(database);
  const app = await buildApp({ config, database });
  let jobs: Jobs | undefined;
  if (config.JOBS) jobs = await startJobs(database, app.log, app.realtime);
  const sealer = startAuditSealer(database, config.AUDIT_SEAL_INTERVAL_MS, app.log);
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  // The embedded database: `peerpath backup` reaches this process through a socket in the data folder.
  const control =
    database.kind === 'pglite' && !config.DATABASE_URL && !opts.database
      ? await startControlSocket(config.PEERPATH_DATA_DIR, database, { journalKeys: () => readJournalKeyFile(config.PEERPATH_DATA_DIR), log: app.log })
      : undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await control?.close();
      await app.close();
      await jobs?.stop().catch(() => {});
      await sealer.stop();
      await database.close();
    })());
  return { app, database, url: address, stop };
}
