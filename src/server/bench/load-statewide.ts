import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../db/client.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { copyRows, type CopyValue } from './copy-rows.js';
import { BENCH_PASSWORD, checkSizes, type StatewideSizes } from './sizes.js';
import { loadDirectories } from './load-directories.js';
import * as records from './statewide-records.js';
import * as rows from './statewide-rows.js';
import type { Generation } from './statewide-rows.js';

type Table = [name: string, columns: string[], rows: (g: Generation) => Iterable<CopyValue[]>, estimate: (s: StatewideSizes) => number];

/** In order: every table after the ones it references. */
const TABLES: Table[] = [
  ['organizations', ['id', 'slug', 'name'], rows.organizationRows, (s) => s.organizations],
  ['programs', ['id', 'organization_id', 'slug', 'name', 'setting', 'time_zone'], rows.programRows, (s) => s.programs],
  ['users', ['id', 'organization_id', 'email', 'display_name', 'password_hash', 'locale'], rows.userRows, (s) => s.organizations + s.programs + s.peerWorkers + s.participants * 0.75],
  ['memberships', ['id', 'organization_id', 'user_id', 'program_id', 'role'], rows.membershipRows, (s) => s.organizations + s.programs + s.peerWorkers + s.participants * 0.75],
  ['participants', ['id', 'organization_id', 'program_id', 'user_id', 'preferred_name', 'preferred_language', 'setting', 'demographics', 'enrolled_at', 'status'], rows.participantRows, (s) => s.participants],
  ['peer_assignments', ['id', 'organization_id', 'participant_id', 'peer_worker_id', 'started_at'], rows.assignmentRows, (s) => s.participants],
  ['check_ins', ['id', 'organization_id', 'participant_id', 'mood', 'craving', 'used_since_last', 'triggers', 'sleep_hours', 'private', 'created_at'], rows.checkInRows, (s) => s.checkIns],
  ['message_threads', ['id', 'organization_id', 'participant_id', 'created_at', 'last_message_at'], rows.threadRows, (s) => s.participants * 0.75],
  ['thread_members', ['thread_id', 'user_id', 'last_read_at', 'joined_at'], rows.threadMemberRows, (s) => s.participants * 1.5],
  ['messages', ['id', 'organization_id', 'thread_id', 'sender_id', 'body', 'created_at'], rows.messageRows, (s) => s.messages],
  ['contact_notes', ['id', 'organization_id', 'participant_id', 'author_id', 'contact_type', 'occurred_at', 'duration_minutes', 'summary'], rows.contactNoteRows, (s) => s.contactNotes],
  ['assessment_responses', ['id', 'organization_id', 'participant_id', 'instrument_id', 'instrument_version', 'scoring_version', 'answers', 'status', 'scores', 'bands', 'flags', 'mode', 'administered_by', 'completed_at'], records.assessmentRows, (s) => s.assessments],
  ['peer_groups', ['id', 'organization_id', 'program_id', 'topic', 'description', 'mode', 'place', 'online_url', 'capacity', 'rrule', 'starts_on', 'start_time', 'duration_minutes', 'created_by'], records.groupRows, (s) => s.programs * s.groupsPerProgram],
  ['peer_group_facilitators', ['group_id', 'user_id', 'organization_id'], records.groupFacilitatorRows, (s) => s.programs * s.groupsPerProgram],
  ['peer_group_enrolments', ['id', 'organization_id', 'group_id', 'participant_id', 'enrolled_by', 'enrolled_at'], records.groupEnrolmentRows, (s) => s.programs * s.groupsPerProgram * 12],
  ['peer_group_sessions', ['id', 'organization_id', 'group_id', 'occurs_on', 'starts_at', 'duration_minutes', 'status', 'cancel_reason', 'updated_by'], records.groupSessionRows, (s) => s.programs * s.groupsPerProgram * 26],
  ['peer_group_attendance', ['id', 'organization_id', 'session_id', 'participant_id', 'status', 'recorded_by', 'recorded_at'], records.groupAttendanceRows, (s) => s.programs * s.groupsPerProgram * 26 * 12],
  ['programs', ['id', 'organization_id', 'slug', 'name', 'setting', 'time_zone'], records.matchingProgramRows, () => 1],
  ['users', ['id', 'organization_id', 'email', 'display_name', 'password_hash', 'locale'], records.matchingPeerUserRows, (s) => s.matchingPeers],
  ['memberships', ['id', 'organization_id', 'user_id', 'program_id', 'role'], records.matchingMembershipRows, (s) => s.matchingPeers],
  ['peer_worker_profiles', ['user_id', 'organization_id', 'lived_experience', 'languages', 'gender', 'settings', 'capacity'], records.matchingProfileRows, (s) => s.matchingPeers],
  ['participants', ['id', 'organization_id', 'program_id', 'preferred_name', 'preferred_language', 'pathways', 'substances', 'setting', 'enrolled_at', 'status'], records.matchingParticipantRows, (s) => s.matchingWaiting],
  ['match_preferences', ['participant_id', 'organization_id', 'required_language', 'preferred_gender', 'wanted_experience'], records.matchingPreferenceRows, (s) => s.matchingWaiting * 0.4],
];

/** After the directories are imported: referrals point at services of the participant's organization. */
const referralTables = (directories: records.ServiceRef[][]): Table[] => [
  ['referrals', ['id', 'organization_id', 'participant_id', 'service_id', 'service_name', 'provider_name', 'category', 'need', 'shared_items', 'consent_recorded_at', 'follow_up_on', 'status', 'unmet_reason', 'participant_went', 'created_by', 'closed_at', 'created_at', 'updated_at'], records.referralRows(directories), (s) => s.referrals],
  ['referral_events', ['id', 'organization_id', 'referral_id', 'kind', 'from_status', 'to_status', 'actor_user_id', 'created_at'], records.referralEventRows(directories), (s) => s.referrals * 1.9],
];

export interface LoadOptions {
  url: string;
  sizes: StatewideSizes;
  seed: number;
  /** Load even when the same dataset is already there. */
  fresh?: boolean;
  /** Empty a database whose name does not contain "bench". */
  force?: boolean;
  say: (line: string) => void;
  /** Where the progress line goes (stderr by default). */
  progressStream?: NodeJS.WriteStream;
}

export interface LoadReport {
  skipped: boolean;
  counts: Record<string, number>;
  seconds: number;
}

const databaseName = (url: string) => new URL(url).pathname.replace(/^\//, '');

/** Creates the database when it is missing (connecting to the server's `postgres` database to do it). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return withAdmin(url, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`create database ${quoted(name)}`);
    return true;
  });
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withAdmin(url, async (client) => {
    await client.query(`drop database if exists ${quoted(name)} with (force)`);
    await client.query(`create database ${quoted(name)}`);
  });
}

/** The same seed and sizes are there already (participants and organizations of that seed). */
async function alreadyLoaded(opts: LoadOptions): Promise<boolean> {
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  try {
    const found = await client.query<{ participants: number; organizations: number }>(
      `select (select count(*)::int from participants p join organizations o on o.id = p.organization_id where o.slug like $1) as participants,
              (select count(*)::int from organizations where slug like $1) as organizations`,
      [`state${opts.seed}-org-%`],
    );
    const row = found.rows[0]!;
    return row.participants === opts.sizes.participants + opts.sizes.matchingWaiting && row.organizations === opts.sizes.organizations;
  } catch {
    return false; // not migrated yet
  } finally {
    await client.end();
  }
}

/**
 * Loads the synthetic statewide network into PostgreSQL with COPY: creates the database again, empty,
 * first (so only a database meant for benchmarks, named *bench*, unless `force`), then one table
 * after another with a progress line; the meeting feed and the resource directories through the
 * real importers, then the referrals to them; then ANALYZE. Skips everything when the same seed
 * and sizes are already loaded.
 */
export async function loadStatewide(opts: LoadOptions): Promise<LoadReport> {
  checkSizes(opts.sizes);
  const t0 = performance.now();
  await ensureDatabase(opts.url);
  if (!opts.fresh && (await alreadyLoaded(opts))) {
    opts.say(`The statewide dataset (seed ${opts.seed}, ${opts.sizes.participants} participants) is already loaded; nothing to do (--fresh loads it again).`);
    return { skipped: true, counts: {}, seconds: (performance.now() - t0) / 1000 };
  }
  const name = databaseName(opts.url);
  if (!name.includes('bench') && !opts.force) {
    throw new Error(`"${name}" does not look like a benchmark database: loading drops and creates it again. Use a database named *bench*, or --force.`);
  }
  // The audit trail refuses TRUNCATE and DELETE (append-only), so the database starts over instead.
  opts.say(`Creating "${name}" again, empty…`);
  await recreateDatabase(opts.url);
  const database = await openDatabase({ kind: 'postgres', url: opts.url, poolSize: 2 });
  await database.migrate();
  await database.close();
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  try {
    const g: Generation = { sizes: opts.sizes, seed: opts.seed, now: new Date(), passwordHash: await hashPassword(BENCH_PASSWORD) };
    const out = opts.progressStream ?? process.stderr;
    const tty = out.isTTY === true;
    let lastPrinted = 0;
    let tableStart = performance.now();
    const progress = (table: string, done: number, total: number) => {
      const now = performance.now();
      if (now - lastPrinted < (tty ? 200 : 5_000)) return;
      lastPrinted = now;
      const rate = done / Math.max(0.001, (now - tableStart) / 1000);
      const line = `  ${table.padEnd(23)} ${done.toLocaleString('en-US').padStart(11)} / ~${Math.round(total).toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')}/s`;
      out.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
    };
    const counts: Record<string, number> = {};
    const copyAll = async (tables: Table[]) => {
      for (const [table, columns, make, estimate] of tables) {
        tableStart = performance.now();
        lastPrinted = 0;
        const n = await copyRows(client, table, columns, make(g), estimate(opts.sizes), progress);
        counts[table] = (counts[table] ?? 0) + n;
        const seconds = (performance.now() - tableStart) / 1000;
        const line = `  ${table.padEnd(23)} ${n.toLocaleString('en-US').padStart(11)} rows in ${seconds.toFixed(1)} s`;
        out.write(tty ? `\r${line}\u001b[K\n` : `${line}\n`);
      }
    };
    await copyAll(TABLES);
    const directories = await loadDirectories({ url: opts.url, sizes: opts.sizes, seed: opts.seed, say: opts.say });
    await copyAll(referralTables(directories));
    opts.say('Analyzing…');
    await client.query('vacuum analyze');
    const seconds = (performance.now() - t0) / 1000;
    opts.say(`Loaded the statewide dataset (seed ${opts.seed}) in ${seconds.toFixed(1)} s. Every account's password: ${BENCH_PASSWORD}`);
    return { skipped: false, counts, seconds };
  } finally {
    await client.end();
  }
}
