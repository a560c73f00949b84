import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import { and, eq } from "drizzle-orm";
import { loadConfig, ConfigError, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { memberships, organizations, programs, users } from './db/schema/index.js';
import { reencryptJournalEntries } from './modules/journal/reencrypt-journal.js';
import { hashPassword } from './platform/auth/passwords.js';
import { sealAuditChain, verifyAuditChain } from './platform/audit-chain.js';
import { ensureJournalKeys, TextCipher } from './platform/crypto.js';
import { roles } from '../shared/schemas/tenancy.js';
import { DEMO_PASSWORD, demoSignIns, seedDemo } from './seed/demo.js';
import { describeImport, importInstrumentPack } from './modules/assessments/import-pack.js';
import { describeMeetingImport, importMeetingFeed, organizationBySlug } from './modules/meetings/import-meetings.js';
import { readMeetingFeedSource } from './modules/meetings/read-feed-source.js';
import { describeImportReport, importHsdsPackage } from './modules/resources/import-hsds.js';
import { readHsdsPath } from './modules/resources/hsds/read-package.js';
import { batchMatchProgram, describeBatchMatch } from './modules/matching/batch-assign.js';
import { parseInstrumentPack } from '../shared/instruments/index.js';
import { databaseTarget, startServer } from './server.js';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import {
  backupDatabase,
  journalKeyIds,
  mergeJournalKeysInto,
  readBackup,
  readJournalKeyFile,
  restoreDatabase,
} from './platform/backup.js';
import { requestBackupFromServer } from './platform/control.js';
import { ensureWebBuilt } from './web-build.js';

const say = (line: string): void => void process.stderr.write(`${line}\n`);

/** A configuration problem ends the command with exit code 2 and a message naming the variable. */
function orStop<T>(make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (err instanceof ConfigError) {
      say(err.message);
      process.exit(2);
    }
    throw err;
  }
}

const config = (): Config => orStop(() => loadConfig());

/** The configuration with the journal keys in place: commands that read or write the journal need them. */
const configWithJournalKeys = (): Config => orStop(() => ensureJournalKeys(loadConfig(), say));

async function withDatabase<T>(fn: (db: Database, cfg: Config) => Promise<T>, cfg: Config = config()): Promise<T> {
  const database = await openDatabase(databaseTarget(cfg));
  try {
    await database.migrate();
    return await fn(database, cfg);
  } finally {
    await database.close();
  }
}

function printDemoSignIns(url: string): void {
  const width = Math.max(...demoSignIns.map((s) => s.email.length));
  say(`\nPeerpath is running at ${url}\n`);
  say('Demo sign-ins (all fictional people; password for each: ' + DEMO_PASSWORD + ')');
  for (const s of demoSignIns) say(`  ${s.email.padEnd(width)}  ${s.role.padEnd(12)} ${s.displayName}`);
  say('');
}

const program = new Command('peerpath').description('Peerpath: peer support in addiction recovery');

program
  .command('start')
  .description('Apply migrations and serve the API and the web app')
  .option('--demo', 'create the Riverbend demo organization if it is missing, and print its sign-ins')
  .action(async (opts: { demo?: boolean }) => {
    const cfg = configWithJournalKeys();
    // Tests that run real server processes set this: they need the API only, not a fresh web build.
    if (process.env.PEERPATH_SKIP_WEB_BUILD !== '1') await ensureWebBuilt(say);
    say(cfg.DATABASE_URL ? 'Database: PostgreSQL' : `Database: embedded (PGlite) in ${cfg.PEERPATH_DATA_DIR}`);
    if (!cfg.DATABASE_URL) {
      say(
        cfg.PEERPATH_EMBEDDED_FSYNC
          ? 'Durability: crash-safe. Every saved change is synced to disk before Peerpath answers (fsync on).'
          : 'Durability: NOT crash-safe for the machine (PEERPATH_EMBEDDED_FSYNC=false). Saved changes survive Peerpath being killed, but a power cut or a machine crash can lose the last ones or damage the data folder. Remove the setting to make it safe.',
      );
    }
    const server = await startServer(cfg, {
      beforeListen: async (database) => {
        if (opts.demo) await seedDemo(database.db, say);
      },
    });
    const url = cfg.PUBLIC_URL ?? `http://localhost:${(server.app.server.address() as { port: number }).port}`;
    if (opts.demo) printDemoSignIns(url);
    else say(`Peerpath is running at ${url}`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        say('Stopping…');
        void server.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  });

program
  .command('migrate')
  .description('Apply the database migrations')
  .action(() => withDatabase(async () => say('Migrations applied.')));

program
  .command('seed')
  .description('Load data')
  .requiredOption('--demo', 'the Riverbend Recovery Community demo organization')
  .action(() =>
    withDatabase(async (database) => {
      const { created } = await seedDemo(database.db, say);
      say(created ? 'Demo data created.' : 'Demo data was already there; nothing changed.');
    }),
  );

const user = program.command('user').description('Manage accounts');
user
  .command('create')
  .description('Create an account with a role (prompts nothing; reads the password from PEERPATH_PASSWORD or --password)')
  .requiredOption('--org <slug>', 'organization slug (created if missing, with --org-name)')
  .option('--org-name <name>', 'name for a new organization')
  .requiredOption('--email <email>')
  .requiredOption('--name <displayName>')
  .addOption(new Option('--role <role>').choices(roles).makeOptionMandatory())
  .option('--program <slug>', 'program slug (required for every role but org_admin)')
  .option('--password <password>', 'initial password (at least 10 characters)')
  .action((opts) =>
    withDatabase(async (database) => {
      const password: string | undefined = opts.password;
      if (!password || password.length < 10) throw new Error('--password needs at least 10 characters');
      const db = database.db;
      let [org] = await db.select().from(organizations).where(eq(organizations.slug, opts.org));
      if (!org) {
        if (!opts.orgName) throw new Error(`No organization "${opts.org}". Pass --org-name to create it.`);
        [org] = await db.insert(organizations).values({ slug: opts.org, name: opts.orgName }).returning();
      }
      let programId: string | null = null;
      if (opts.role !== 'org_admin') {
        if (!opts.program) throw new Error('--program is required for this role');
        const [p] = await db.select().from(programs).where(and(eq(programs.organizationId, org!.id), eq(programs.slug, opts.program)));
        if (!p) throw new Error(`No program "${opts.program}" in ${opts.org}`);
        programId = p.id;
      }
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        const [u] = await tx
          .insert(users)
          .values({ organizationId: org!.id, email: String(opts.email).toLowerCase(), displayName: opts.name, passwordHash })
          .returning({ id: users.id });
        await tx.insert(memberships).values({ organizationId: org!.id, userId: u!.id, programId, role: opts.role });
      });
      say(`Created ${opts.email} as ${opts.role}.`);
    }),
  );

const instrumentsCommand = program.command('instruments').description('Validated measures');
instrumentsCommand
  .command('import <file>')
  .description('Load instrument definitions from a JSON pack (the same format as the shipped ones); --org for one organization only')
  .option('--org <slug>', 'organization slug: its pack replaces the wording of the same instrument id + version for it alone')
  .action(async (file: string, opts: { org?: string }) => {
    const text = await readFile(file, 'utf8').catch((err: Error) => {
      throw new Error(`cannot read ${file}: ${err.message}`);
    });
    // A malformed pack is refused before the database is opened.
    const definitions = parseInstrumentPack(text);
    await withDatabase(async (database) => {
      const ctx = { actor: null, requestId: `cli-${randomUUID()}`, ip: null, db: database.db };
      const report = await importInstrumentPack(ctx, definitions, opts.org === undefined ? {} : { organizationSlug: opts.org });
      for (const line of describeImport(report)) say(line);
    });
  });

program
  .command('match')
  .description('Match everyone in a program who is waiting for a peer worker, all at once and as well as possible, within places left')
  .requiredOption('--program <slug>', 'program slug')
  .option('--org <slug>', 'organization slug (needed when several organizations have a program with that slug)')
  .option('--dry-run', 'show the matches without writing anything')
  .action((opts: { program: string; org?: string; dryRun?: boolean }) =>
    withDatabase(async (database) => {
      const report = await batchMatchProgram(database.db, {
        programSlug: opts.program,
        ...(opts.org !== undefined && { organizationSlug: opts.org }),
        dryRun: opts.dryRun === true,
        requestId: `cli:match:${randomUUID()}`,
      });
      for (const line of describeBatchMatch(report)) process.stdout.write(`${line}\n`);
    }),
  );

const importCommand = program.command('import').description('Load data from open formats');
importCommand
  .command('meetings <source>')
  .description('Import a Meeting Guide JSON feed (a file or an http(s) URL) into an organization; by slug, so running it again changes only what changed')
  .requiredOption('--org <slug>', 'organization slug')
  .option('--time-zone <tz>', "for listings without a timezone (default: the programs' time zone when they share one)")
  .option('--verbose', 'list every listing, not only the rejected ones')
  .action(async (source: string, opts: { org: string; timeZone?: string; verbose?: boolean }) => {
    const feed = await readMeetingFeedSource(source);
    await withDatabase(async (database) => {
      const org = await organizationBySlug(database.db, opts.org);
      const ctx = { actor: null, requestId: `cli:import.meetings:${randomUUID()}`, ip: null, db: database.db };
      const report = await importMeetingFeed(ctx, org.id, feed, { ...(opts.timeZone !== undefined && { timeZone: opts.timeZone }), source });
      for (const line of describeMeetingImport(report, opts.verbose === true)) process.stdout.write(`${line}\n`);
    });
  });

importCommand
  .command('hsds <path>')
  .description('Import Open Referral HSDS 3 data (a JSON file, or a folder of CSV files with datapackage.json, or of JSON files) into an organization\'s resource directory; by id, so running it again changes only what changed')
  .requiredOption('--org <slug>', 'organization slug')
  .option('--dry-run', 'check and report without writing anything')
  .action(async (target: string, opts: { org: string; dryRun?: boolean }) => {
    const pkg = await readHsdsPath(target);
    await withDatabase(async (database) => {
      const org = await organizationBySlug(database.db, opts.org);
      const ctx = { actor: null, requestId: `cli:import.hsds:${randomUUID()}`, ip: null, db: database.db };
      const report = await importHsdsPackage(ctx, pkg, { organizationId: org.id, source: target, dryRun: opts.dryRun === true });
      for (const line of describeImportReport(report)) process.stdout.write(`${line}\n`);
      // Rejections are worth a look: scripts see them in the exit code.
      if (report.rejected.length > 0) process.exitCode = 1;
    });
  });

const audit = program.command('audit').description('The audit trail');
audit
  .command('verify')
  .description('Seal pending events, then check the whole hash chain and name the first broken link')
  .option('--no-seal', 'check only, without sealing pending events first')
  .action((opts: { seal: boolean }) =>
    withDatabase(async (database) => {
      if (opts.seal) {
        const sealed = await sealAuditChain(database.db);
        if (sealed) say(`Sealed ${sealed} pending events.`);
      }
      const report = await verifyAuditChain(database.db, (checked, total) => {
        if (process.stderr.isTTY) process.stderr.write(`\rChecked ${checked} of ${total} links`);
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (report.ok) {
        say(`Audit chain intact: ${report.sealed} links verified; ${report.unsealed} events not yet sealed.`);
      } else {
        const b = report.firstBroken!;
        say(`Audit chain BROKEN at link ${b.seq} (event ${b.eventId}): ${b.reason}. ${report.sealed} links in the chain.`);
        process.exitCode = 1;
      }
    }),
  );

program
  .command('backup <file>')
  .description('Write a consistent snapshot of the whole database to <file> (gzip JSON lines); works while the server runs')
  .action(async (file: string) => {
    const cfg = config();
    const target = path.resolve(file);
    if (!cfg.DATABASE_URL) {
      // The running server holds the embedded database: it writes the snapshot itself.
      const viaServer = await requestBackupFromServer(cfg.PEERPATH_DATA_DIR, target);
      if (viaServer) {
        say(`Backup written by the running server to ${target}: ${viaServer.rows} rows in ${viaServer.tables} tables.`);
        return;
      }
    }
    await withDatabase(async (database) => {
      const journalKeys = cfg.DATABASE_URL ? null : readJournalKeyFile(cfg.PEERPATH_DATA_DIR);
      const report = await backupDatabase(database, target, { journalKeys });
      say(`Backup written to ${target}: ${report.rows} rows in ${report.tables} tables.`);
      if (journalKeys) say('It holds the journal key too: keep it as safe as the data folder.');
    }, cfg);
  });

async function restoreInto(file: string, cfg: Config, label: string): Promise<void> {
  // The whole file is checked first (complete, readable), so a bad one is refused before the database is touched.
  const backup = await readBackup(path.resolve(file));
  await withDatabase(async (database) => {
    const report = await restoreDatabase(database, path.resolve(file));
    say(`Restored ${report.rows} rows in ${report.tables} tables from ${file} (taken ${backup.header.createdAt}) into ${label}.`);
  }, cfg);
  const keys = backup.header.journalKeys;
  if (!keys) return;
  if (cfg.DATABASE_URL) {
    say(
      `Journal entries in this backup are encrypted with key(s) ${journalKeyIds(keys).map((k) => `"${k}"`).join(', ')} from the embedded data folder's ` +
        `peerpath-journal.key: add them to PEERPATH_JOURNAL_KEYS (after your current key) so the entries stay readable.`,
    );
  } else {
    const added = mergeJournalKeysInto(cfg.PEERPATH_DATA_DIR, keys);
    if (added.length) say(`Journal key(s) ${added.map((k) => `"${k}"`).join(', ')} added to the data folder's key file.`);
  }
}

program
  .command('restore <file>')
  .description('Load a backup into an empty database (a new data folder, or a new PostgreSQL database); stop the server first')
  .action(async (file: string) => {
    const cfg = config();
    await restoreInto(file, cfg, cfg.DATABASE_URL ? 'PostgreSQL' : cfg.PEERPATH_DATA_DIR);
  });

program
  .command('migrate-to-postgres')
  .description('Copy everything from the embedded database (PEERPATH_DATA_DIR) into an empty PostgreSQL database; stop the server first')
  .requiredOption('--to <url>', 'the PostgreSQL connection string (postgres://…) of an empty database')
  .action(async (opts: { to: string }) => {
    if (!/^postgres(ql)?:\/\//.test(opts.to)) throw new Error('--to must start with postgres:// or postgresql://');
    const source = config();
    if (source.DATABASE_URL) throw new Error('DATABASE_URL is set: unset it, so PEERPATH_DATA_DIR names the embedded database to copy');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'peerpath-move-'));
    const file = path.join(dir, 'snapshot.peerpath-backup');
    try {
      await withDatabase(async (database) => {
        const report = await backupDatabase(database, file, { journalKeys: readJournalKeyFile(source.PEERPATH_DATA_DIR) });
        say(`Read ${report.rows} rows in ${report.tables} tables from ${source.PEERPATH_DATA_DIR}.`);
      }, source);
      await restoreInto(file, { ...source, DATABASE_URL: opts.to }, 'PostgreSQL');
      say('Done. Start Peerpath with DATABASE_URL set to that database; keep the old data folder until you have checked it.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

const journal = program.command('journal').description('The encrypted journal');
journal
  .command('rotate-keys')
  .description('Re-encrypt every journal entry not under the current key (the first in PEERPATH_JOURNAL_KEYS), in batches')
  .option('--batch-size <n>', 'entries per transaction', (v) => Number.parseInt(v, 10), 200)
  .action((opts: { batchSize: number }) => {
    if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1) throw new Error('--batch-size must be a whole number of 1 or more');
    const cfg = configWithJournalKeys();
    return withDatabase(async (database) => {
      const cipher = new TextCipher(cfg.PEERPATH_JOURNAL_KEYS!);
      const older = cipher.olderKeyIds();
      say(`Current key: "${cipher.currentKeyId}". ${older.length ? `Older keys: ${older.map((k) => `"${k}"`).join(', ')}.` : 'No older keys are configured.'}`);
      const report = await reencryptJournalEntries(
        { db: database.db, cipher, runId: `cli:journal.rotate-keys:${randomUUID()}` },
        { batchSize: opts.batchSize, onProgress: (done, total) => say(`Processed ${done} of ${total} entries`) },
      );
      say(`${report.reencrypted} of ${report.total} entries re-encrypted under "${cipher.currentKeyId}".`);
      for (const f of report.failed) say(`Entry ${f.id} (key "${f.keyId}") would not open: it was altered or moved; left as it is.`);
      for (const [keyId, n] of Object.entries(report.unknownKeys)) {
        say(`${n} entries are under key "${keyId}", which is not in PEERPATH_JOURNAL_KEYS: add it (after the current key) and run this again.`);
      }
      if (report.remaining === 0) {
        say(older.length ? `Every entry is under "${cipher.currentKeyId}": the older keys can now be removed from PEERPATH_JOURNAL_KEYS.` : 'Every entry is under the current key.');
      } else {
        say(`${report.remaining} entries are still not under "${cipher.currentKeyId}": keep the older keys until they are.`);
        process.exitCode = 1;
      }
    }, cfg);
  });

program
  .command('bench')
  .description('Benchmarks (npm run bench runs them all)')
  .command('load')
  .description('Load the synthetic statewide network into PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/peerpath_bench); EMPTIES that database first')
  .option('--quick', 'small sizes, loaded in seconds')
  .option('--seed <n>', 'seed of the generator: the same seed gives the same data', (v) => Number.parseInt(v, 10))
  .option('--fresh', 'load again even when the same dataset is already there')
  .option('--force', 'allow a database whose name does not contain "bench"')
  .action(async (opts: { quick?: boolean; seed?: number; fresh?: boolean; force?: boolean }) => {
    const { runBenchLoad } = await import('./bench/cli-load.js');
    await runBenchLoad({ ...opts, databaseUrl: config().DATABASE_URL, say });
  });

program.parseAsync(process.argv).catch((err: Error) => {
  say(`peerpath: ${err.message}`);
  process.exit(1);
});

