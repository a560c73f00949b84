import { eq, sql } from 'drizzle-orm';
import { readListing, rejectionMessages, isTimeZone } from '../../../shared/meetings/feed.js';
import type { MeetingImportReport } from '../../../shared/schemas/meetings.js';
import type { Db } from '../../db/client.js';
import { meetings, organizations, programs } from '../../db/schema/index.js';
import { recordAudit, type AuditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { meetingColumns, type MeetingColumns } from './derive.js';

const BATCH = 500;

export interface ImportOptions {
  /** For listings without a timezone. Defaults to the programs' time zone when the organization's programs share one. */
  timeZone?: string;
  /** Where the feed came from, for the audit trail (a file name or URL). */
  source?: string;
}

async function defaultTimeZone(db: Db, organizationId: string, given?: string): Promise<string | undefined> {
  if (given !== undefined) {
    if (!isTimeZone(given)) throw new AppError('validation.failed', 'That time zone is not known.', [{ path: 'body.timeZone', message: 'must be a tz database name such as America/Chicago' }]);
    return given;
  }
  const zones = await db.selectDistinct({ timeZone: programs.timeZone }).from(programs).where(eq(programs.organizationId, organizationId));
  return zones.length === 1 ? zones[0]!.timeZone : undefined;
}

/**
 * Loads a Meeting Guide feed into an organization's directory, by slug: new listings are added,
 * changed ones updated, the same ones left alone, and unusable ones reported with the reason. The
 * whole feed is written in one transaction, with one audit event. Listings absent from the feed stay.
 */
export async function importMeetingFeed(ctx: AuditContext, organizationId: string, feed: unknown, options: ImportOptions = {}): Promise<MeetingImportReport> {
  if (!Array.isArray(feed)) throw new AppError('meeting_feed.invalid', 'A Meeting Guide feed is a JSON array of meetings.');
  const timeZone = await defaultTimeZone(ctx.db, organizationId, options.timeZone);
  const report: MeetingImportReport = { counts: { imported: 0, updated: 0, unchanged: 0, rejected: 0 }, records: [] };
  const accepted: Array<{ line: MeetingImportReport['records'][number]; columns: MeetingColumns }> = [];
  const seen = new Set<string>();
  feed.forEach((entry, index) => {
    const read = readListing(entry, timeZone);
    if (!read.ok) {
      report.records.push({ index, slug: read.slug, name: read.name, outcome: 'rejected', reason: read.reason, message: rejectionMessages[read.reason] });
      return;
    }
    for (const record of read.records) {
      const line = { index, slug: record.slug, name: record.name, outcome: 'imported' as const };
      if (seen.has(record.slug)) {
        report.records.push({ ...line, outcome: 'rejected', reason: 'duplicate_slug', message: rejectionMessages.duplicate_slug });
        continue;
      }
      seen.add(record.slug);
      const entryLine: MeetingImportReport['records'][number] = { ...line };
      report.records.push(entryLine);
      accepted.push({ line: entryLine, columns: meetingColumns(record) });
    }
  });

  await ctx.db.transaction(async (txDb) => {
    const tx = { ...ctx, db: txDb as unknown as Db };
    const existing = new Map(
      (await tx.db.select({ slug: meetings.slug, hash: meetings.contentHash }).from(meetings).where(eq(meetings.organizationId, organizationId))).map((r) => [r.slug, r.hash]),
    );
    const writes: MeetingColumns[] = [];
    for (const { line, columns } of accepted) {
      const before = existing.get(columns.slug);
      line.outcome = before === undefined ? 'imported' : before === columns.contentHash ? 'unchanged' : 'updated';
      if (line.outcome !== 'unchanged') writes.push(columns);
    }
    for (let i = 0; i < writes.length; i += BATCH) {
      await tx.db
        .insert(meetings)
        .values(writes.slice(i, i + BATCH).map((c) => ({ ...c, organizationId })))
        .onConflictDoUpdate({
          target: [meetings.organizationId, meetings.slug],
          set: {
            name: sql`excluded.name`,
            day: sql`excluded.day`,
            startMinute: sql`excluded.start_minute`,
            weekMinute: sql`excluded.week_minute`,
            timeZone: sql`excluded.time_zone`,
            types: sql`excluded.types`,
            attendanceMode: sql`excluded.attendance_mode`,
            latitude: sql`excluded.latitude`,
            longitude: sql`excluded.longitude`,
            regions: sql`excluded.regions`,
            searchText: sql`excluded.search_text`,
            record: sql`excluded.record`,
            contentHash: sql`excluded.content_hash`,
            updatedAt: sql`now()`,
          },
        });
    }
    for (const r of report.records) report.counts[r.outcome] += 1;
    await recordAudit(tx, {
      action: 'meetings.import',
      organizationId,
      resourceType: 'meeting_feed',
      resourceId: options.source ?? null,
      details: { ...report.counts, entries: feed.length },
    });
  });
  return report;
}

/** The organization a command-line import names, or a clear stop. */
export async function organizationBySlug(db: Db, slug: string): Promise<{ id: string; name: string }> {
  const [org] = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.slug, slug));
  if (!org) throw new Error(`No organization "${slug}".`);
  return org;
}

/** Lines for a person reading the report: the counts, then every rejection with its reason. */
export function describeMeetingImport(report: MeetingImportReport, verbose = false): string[] {
  const { imported, updated, unchanged, rejected } = report.counts;
  const lines = [`Meetings: ${imported} imported, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected.`];
  for (const r of report.records) {
    if (r.outcome === 'rejected') lines.push(`  rejected #${r.index + 1} ${r.slug ?? '(no slug)'}: ${r.message}`);
    else if (verbose) lines.push(`  ${r.outcome.padEnd(9)} ${r.slug}`);
  }
  return lines;
}
