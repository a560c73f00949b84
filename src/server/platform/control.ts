import { existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Database } from '../db/client.js';
import { backupDatabase, type BackupReport } from './backup.js';

/**
 * The embedded database belongs to the one process that holds its data folder. While the server
 * runs, `peerpath backup` asks it, over a Unix socket inside the data folder (only the folder's
 * owner can reach it), to write the snapshot itself.
 */
export const CONTROL_SOCKET = 'control.sock';

export const controlSocketPath = (dataDir: string) => path.join(path.resolve(dataDir), CONTROL_SOCKET);

interface Request {
  command: 'backup';
  file: string;
}

export async function startControlSocket(
  dataDir: string,
  database: Database,
  opts: { journalKeys: () => string | null; log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void } },
): Promise<{ close(): Promise<void> }> {
  const socketPath = controlSocketPath(dataDir);
  // A socket file left by a killed process: this process holds the folder lock, so it is stale.
  if (existsSync(socketPath)) rmSync(socketPath, { force: true });
  const server = net.createServer((conn) => {
    let buffer = '';
    conn.setEncoding('utf8');
    conn.on('error', () => {});
    conn.on('data', (chunk) => {
      buffer += chunk;
      if (!buffer.includes('\n') || buffer.length > 10_000) return;
      let request: Request;
      try {
        request = JSON.parse(buffer.slice(0, buffer.indexOf('\n')));
      } catch {
        conn.end(`${JSON.stringify({ ok: false, error: 'bad request' })}\n`);
        return;
      }
      if (request.command !== 'backup' || typeof request.file !== 'string' || !path.isAbsolute(request.file)) {
        conn.end(`${JSON.stringify({ ok: false, error: 'unknown command' })}\n`);
        return;
      }
      backupDatabase(database, request.file, { journalKeys: opts.journalKeys() }).then(
        (report) => {
          opts.log.info({ tables: report.tables, rows: report.rows }, 'backup written');
          conn.end(`${JSON.stringify({ ok: true, ...report })}\n`);
        },
        (err: Error) => {
          opts.log.error({ err: { message: err.message } }, 'backup failed');
          conn.end(`${JSON.stringify({ ok: false, error: err.message })}\n`);
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  server.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(socketPath, { force: true });
      }),
  };
}

/** Asks a running server for a backup; null when no server answers on the data folder's socket. */
export function requestBackupFromServer(dataDir: string, file: string): Promise<BackupReport | null> {
  const socketPath = controlSocketPath(dataDir);
  if (!existsSync(socketPath)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(socketPath);
    let answer = '';
    conn.setEncoding('utf8');
    conn.on('connect', () => conn.write(`${JSON.stringify({ command: 'backup', file })}\n`));
    conn.on('data', (d) => (answer += d));
    conn.on('error', (err: NodeJS.ErrnoException) => {
      // Nobody listening: the socket file is left over from a server that was killed.
      if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT') resolve(null);
      else reject(err);
    });
    conn.on('end', () => {
      try {
        const parsed = JSON.parse(answer);
        if (parsed.ok) resolve({ tables: parsed.tables, rows: parsed.rows });
        else reject(new Error(`the running server could not write the backup: ${parsed.error}`));
      } catch {
        reject(new Error('the running server gave no answer to the backup request'));
      }
    });
  });
}
