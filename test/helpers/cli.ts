import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { testDatabaseUrl, testDbKind } from '../setup/template.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/peerpath.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A database of its own for a test that runs the `peerpath` command: a fresh data folder, or a
 * fresh PostgreSQL database beside the test database (dropped afterwards).
 */
export async function isolatedCliDatabase(): Promise<{ env: Record<string, string>; open(): Promise<Database>; dispose(): Promise<void> }> {
  if (testDbKind() === 'postgres') {
    const base = new URL(testDatabaseUrl());
    const name = `peerpath_cli_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base.toString());
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      open: (): Promise<Database> => openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 }),
      async dispose() {
        const c = new pg.Client({ connectionString: base.toString() });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'peerpath-cli-'));
  return {
    env: { PEERPATH_DATA_DIR: dir },
    open: (): Promise<Database> => openDatabase({ kind: 'pglite', dataDir: dir, fsync: false }),
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      // Tests need no protection from power cuts: the embedded database skips fsync, as it is much faster.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', PEERPATH_EMBEDDED_FSYNC: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
