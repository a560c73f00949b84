import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { backupDatabase, BackupError, fingerprintTables, readBackup, restoreDatabase } from '../../src/server/platform/backup.js';
import { seedDemo } from '../../src/server/seed/demo.js';
import { verifyAuditChain } from '../../src/server/platform/audit-chain.js';
import { JOURNAL_KEY_FILE } from '../../src/server/platform/crypto.js';
import { TEST_JOURNAL_KEYS } from '../../src/server/config.js';
import { isolatedCliDatabase, runCli } from '../helpers/cli.js';
import { makeWorld } from '../helpers/factories.js';
import { startServerProcess } from '../helpers/server-process.js';
import { templatePath, testDbKind } from '../setup/template.js';
import { reportFigure } from '../helpers/figures.js';

/** A data folder holding the migrated, empty test template: no minute of migrations per folder. */
async function migratedFolder(label: string): Promise<string> {
  const dir = tempDir(label);
  const pg = await PGlite.create({ dataDir: path.join(dir, 'pgdata'), loadDataDir: new Blob([readFileSync(templatePath)]) });
  await pg.close();
  return dir;
}

async function seededFolder(label: string): Promise<string> {
  const dir = await migratedFolder(label);
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    await database.migrate();
    await seedDemo(database.db, () => {});
  } finally {
    await database.close();
  }
  return dir;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});
const tempDir = (label: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `peerpath-${label}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

async function fingerprintOf(target: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }) {
  const database = await openDatabase(target.kind === 'postgres' ? { ...target, poolSize: 2 } : target);
  try {
    const tables = await fingerprintTables(database);
    const chain = await verifyAuditChain(database.db);
    return { tables, chain };
  } finally {
    await database.close();
  }
}

function expectSameTables(a: Record<string, { rows: number; digest: string }>, b: Record<string, { rows: number; digest: string }>) {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  const differing = Object.keys(a).filter((t) => a[t]!.rows !== b[t]!.rows || a[t]!.digest !== b[t]!.digest);
  expect(differing).toEqual([]);
  const rows = Object.values(a).reduce((n, t) => n + t.rows, 0);
  reportFigure(`Backup/restore: ${Object.keys(a).length} tables and ${rows} rows identical after restore`);
  return rows;
}

describe.runIf(testDbKind() === 'pglite')('backup and restore of the embedded database', () => {
  it('backs up while the server runs, restores into an empty folder with every table identical, and the audit chain verifies', async () => {
    const source = await seededFolder('backup-src');
    const server = await startServerProcess({ PEERPATH_DATA_DIR: source, JOBS: 'false', AUDIT_SEAL_INTERVAL_MS: '3600000' });
    cleanups.push(() => server.kill());
    const file = path.join(tempDir('backup-file'), 'peerpath.backup');
    let backedUp;
    try {
      // The server holds the data folder; the command asks it for the snapshot.
      backedUp = await runCli(['backup', file], { PEERPATH_DATA_DIR: source });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stderr).toMatch(/Backup written by the running server to .+: \d+ rows in \d+ tables/);

    const target = await migratedFolder('backup-dst');
    const restored = await runCli(['restore', file], { PEERPATH_DATA_DIR: target });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/Restored \d+ rows/);
    // The journal key travels with the backup, so restored journal entries stay readable.
    expect(readFileSync(path.join(target, JOURNAL_KEY_FILE), 'utf8').trim()).toBe(readFileSync(path.join(source, JOURNAL_KEY_FILE), 'utf8').trim());

    const before = await fingerprintOf({ kind: 'pglite', dataDir: source });
    const after = await fingerprintOf({ kind: 'pglite', dataDir: target });
    const rows = expectSameTables(before.tables, after.tables);
    expect(rows).toBeGreaterThan(100);
    expect(after.chain.ok).toBe(true);
    expect(after.chain.sealed).toBe(before.chain.sealed);

    // Into a database that already has data: refused, nothing changed.
    expect((await readBackup(file)).rows).toBeGreaterThan(100);
    const filled = await openDatabase({ kind: 'pglite', dataDir: target });
    try {
      await expect(restoreDatabase(filled, file)).rejects.toThrow(/not empty/);
      expect(await fingerprintTables(filled)).toEqual(after.tables);
    } finally {
      await filled.close();
    }

    // A backup cut short (a full disk, a copy interrupted) is refused before anything is written.
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const cut = path.join(path.dirname(file), 'cut.backup');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    await expect(readBackup(cut)).rejects.toThrow(BackupError);
    await expect(readBackup(cut)).rejects.toThrow(/incomplete/);
  }, 600_000);
});

describe.runIf(testDbKind() === 'postgres')('backup and restore on PostgreSQL, and the move from the embedded database', () => {
  it('restores a backup into an empty PostgreSQL database with every table identical and the audit chain intact', async () => {
    const source = await isolatedCliDatabase();
    cleanups.push(() => source.dispose());
    const target = await isolatedCliDatabase();
    cleanups.push(() => target.dispose());
    expect((await runCli(['seed', '--demo'], source.env)).code).toBe(0);
    const file = path.join(tempDir('pg-backup'), 'peerpath.backup');
    const backedUp = await runCli(['backup', file], source.env);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    const restored = await runCli(['restore', file], target.env);
    expect(restored.code, restored.stderr).toBe(0);
    const before = await fingerprintOf({ kind: 'postgres', url: source.env.DATABASE_URL! });
    const after = await fingerprintOf({ kind: 'postgres', url: target.env.DATABASE_URL! });
    expect(expectSameTables(before.tables, after.tables)).toBeGreaterThan(100);
    expect(after.chain.ok).toBe(true);
    const verify = await runCli(['audit', 'verify', '--no-seal'], target.env);
    expect(verify.stderr).toMatch(/Audit chain intact/);
  }, 600_000);

  it('moves everything from an embedded data folder into an empty PostgreSQL database (peerpath migrate-to-postgres)', async () => {
    const folder = await seededFolder('move-src');
    // The folder's generated journal key: the command names it for PEERPATH_JOURNAL_KEYS.
    writeFileSync(path.join(folder, JOURNAL_KEY_FILE), `${TEST_JOURNAL_KEYS}\n`, { mode: 0o600 });
    const target = await isolatedCliDatabase();
    cleanups.push(() => target.dispose());
    const moved = await runCli(['migrate-to-postgres', '--to', target.env.DATABASE_URL!], { PEERPATH_DATA_DIR: folder });
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).toContain('PEERPATH_JOURNAL_KEYS');
    expect(moved.stderr).toContain('"test-1"');
    const before = await fingerprintOf({ kind: 'pglite', dataDir: folder });
    const after = await fingerprintOf({ kind: 'postgres', url: target.env.DATABASE_URL! });
    expectSameTables(before.tables, after.tables);
    expect(after.chain.ok).toBe(true);
    expect(after.chain.sealed).toBe(before.chain.sealed);
  }, 600_000);
});

/** A migrated, empty database of the test's own, on whichever database the tests run. */
async function freshDatabase(label: string): Promise<Database> {
  let database: Database;
  if (testDbKind() === 'postgres') {
    const isolated = await isolatedCliDatabase();
    cleanups.push(() => isolated.dispose());
    database = await isolated.open();
    await database.migrate();
  } else {
    database = await openDatabase({ kind: 'pglite', dataDir: await migratedFolder(label), fsync: false });
  }
  cleanups.push(() => database.close());
  return database;
}

describe('backup and restore a chunk at a time (either database)', () => {
  it('reads large tables through a cursor in several chunks, restores them identically, and a file cut short restores nothing', async () => {
    const source = await freshDatabase('chunks-src');
    const world = await makeWorld(source.db);
    // 2,000 rows: exactly four chunks of 500 (the last fetch comes back empty); 1,234 rows: a part-filled last chunk.
    await source.executeSql(
      `insert into notifications (organization_id, user_id, kind, title, body)
       select $1, $2, 'checkin_reminder', 'Reminder ' || i, repeat('x', 200) || ' ' || i from generate_series(1, 2000) i`,
      [world.org.id, world.users.participantUser.id],
    );
    await source.executeSql(
      `insert into notifications (organization_id, user_id, kind, title) select $1, $2, 'milestone', 'Milestone ' || i from generate_series(1, 1234) i`,
      [world.org.id, world.users.otherParticipantUser.id],
    );
    const file = path.join(tempDir('chunks'), 'peerpath.backup');
    const report = await backupDatabase(source, file, { chunkRows: 500 });
    const written = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const section = written.find((l) => l.startsWith('{"table":"notifications"'));
    expect(JSON.parse(section!).rows).toBe(3234);
    expect((await readBackup(file)).rows).toBe(report.rows);

    // A copy cut short in the middle of the big table: refused, and the target stays empty.
    const target = await freshDatabase('chunks-dst');
    const empty = await fingerprintTables(target);
    const cut = path.join(path.dirname(file), 'cut.backup');
    const at = written.indexOf(section!) + 1500;
    writeFileSync(cut, gzipSync(written.slice(0, at).join('\n')));
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/incomplete/);
    expect(await fingerprintTables(target)).toEqual(empty);

    const restored = await restoreDatabase(target, file);
    expect(restored.rows).toBe(report.rows);
    expectSameTables(await fingerprintTables(source), await fingerprintTables(target));
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
  }, 600_000);
});
