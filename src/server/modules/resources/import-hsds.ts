import type { ImportReport } from '../../../shared/schemas/resources.js';
import type { Db } from '../../db/client.js';
import { resourceImports } from '../../db/schema/index.js';
import { recordAudit, type AuditContext } from '../../platform/audit.js';
import { affectedServices, BULK_WRITE, existingKeys, indexServices, settleAfterBulkWrite, upsertRecords, type Directory } from './directory-store.js';
import { recordKey, type FlatRecord, type HsdsPackage } from './hsds/records.js';
import { checkReferences, pointedAt } from './hsds/references.js';
import { validateRecord } from './hsds/validate.js';

export interface ImportOptions {
  organizationId: string;
  /** The file or folder name, for the report and the history. */
  source: string;
  /** Check and report without writing anything. */
  dryRun?: boolean;
}

class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/** Coordinates that cannot be on Earth are kept as sent but not used for distance; say so. */
function coordinateWarnings(records: FlatRecord[]): string[] {
  return records
    .filter((r) => r.table === 'location')
    .flatMap((r) => {
      const lat = r.fields.latitude;
      const lon = r.fields.longitude;
      const bad = (typeof lat === 'number' && Math.abs(lat) > 90) || (typeof lon === 'number' && Math.abs(lon) > 180);
      return bad ? [`location ${r.id}: latitude ${String(lat)}, longitude ${String(lon)} is not a point on Earth; it is kept but not used for distance.`] : [];
    });
}

/**
 * Imports an HSDS package into one organization's directory: every record is validated against
 * its HSDS schema, every declared foreign key must resolve (in the package or the directory), and
 * valid records are written by id — new ones inserted, changed ones replaced, identical ones left.
 * The services they touch are re-indexed for search in the same transaction, and the report
 * (with each rejected record and why) is kept and audited with it.
 */
export async function importHsdsPackage(ctx: AuditContext, pkg: HsdsPackage, opts: ImportOptions): Promise<ImportReport> {
  const rejected = new Map<string, string[]>();
  const withoutId: ImportReport['rejected'] = [];
  const records: FlatRecord[] = [];
  for (const record of pkg.records) {
    const reasons = validateRecord(record);
    if (!record.id) withoutId.push({ table: record.table, id: '', source: record.source, reasons });
    else {
      records.push(record);
      if (reasons.length) rejected.set(recordKey(record.table, record.id), reasons);
    }
  }
  const dir0: Directory = { db: ctx.db, organizationId: opts.organizationId };
  // Every target is looked up: one the package brings may be rejected and still be in the directory from before.
  checkReferences(records, pkg.foreignKeys, await existingKeys(dir0, pointedAt(records, pkg.foreignKeys)), rejected);
  const valid = records.filter((r) => !rejected.has(recordKey(r.table, r.id)));

  const run = async (db: Db): Promise<ImportReport> => {
    const dir: Directory = { db, organizationId: opts.organizationId };
    const outcome = await upsertRecords(dir, valid);
    const touched = [...outcome.inserted, ...outcome.updated].map((r) => ({ table: r.table, id: r.id }));
    if (touched.length > BULK_WRITE) await settleAfterBulkWrite(db, ['hsds_records'], ['hsds_records_refs']);
    const servicesIndexed = await indexServices(dir, await affectedServices(dir, touched));
    if (servicesIndexed > BULK_WRITE) {
      await settleAfterBulkWrite(
        db,
        ['resource_services', 'resource_service_places', 'resource_open_hours'],
        ['resource_services_search', 'resource_services_categories', 'resource_services_languages'],
      );
    }
    const byTable: ImportReport['byTable'] = {};
    const count = (table: string, key: 'imported' | 'updated' | 'unchanged' | 'rejected') => {
      byTable[table] ??= { imported: 0, updated: 0, unchanged: 0, rejected: 0 };
      byTable[table][key]++;
    };
    outcome.inserted.forEach((r) => count(r.table, 'imported'));
    outcome.updated.forEach((r) => count(r.table, 'updated'));
    outcome.unchanged.forEach((r) => count(r.table, 'unchanged'));
    const rejectedList = [
      ...withoutId,
      ...records.filter((r) => rejected.has(recordKey(r.table, r.id))).map((r) => ({ table: r.table, id: r.id, source: r.source, reasons: rejected.get(recordKey(r.table, r.id))! })),
    ];
    rejectedList.forEach((r) => count(r.table, 'rejected'));
    const report: ImportReport = {
      id: null,
      format: pkg.format,
      source: opts.source,
      dryRun: opts.dryRun ?? false,
      imported: outcome.inserted.length,
      updated: outcome.updated.length,
      unchanged: outcome.unchanged.length,
      byTable,
      rejected: rejectedList,
      skipped: pkg.skipped,
      warnings: [...pkg.warnings, ...coordinateWarnings(valid)],
      servicesIndexed,
    };
    if (opts.dryRun) throw new DryRun(report);
    const [row] = await db
      .insert(resourceImports)
      .values({
        organizationId: opts.organizationId,
        actorUserId: ctx.actor?.userId ?? null,
        format: pkg.format,
        source: opts.source,
        imported: report.imported,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected.length,
        report: report as unknown as Record<string, unknown>,
      })
      .returning({ id: resourceImports.id });
    report.id = row!.id;
    await recordAudit(
      { ...ctx, db },
      {
        action: 'resources.import',
        organizationId: opts.organizationId,
        resourceType: 'resource_import',
        resourceId: row!.id,
        details: { format: pkg.format, source: opts.source, imported: report.imported, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length },
      },
    );
    return report;
  };

  try {
    return await ctx.db.transaction((tx) => run(tx as unknown as Db));
  } catch (err) {
    if (err instanceof DryRun) return err.report;
    throw err;
  }
}

/** The report as lines for the command line. */
export function describeImportReport(report: ImportReport): string[] {
  const lines = [
    `${report.dryRun ? 'Checked (nothing written)' : 'Imported'} ${report.source} (${report.format.toUpperCase()}): ${report.imported} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected; ${report.servicesIndexed} services indexed for search.`,
  ];
  for (const [table, c] of Object.entries(report.byTable).sort()) {
    lines.push(`  ${table.padEnd(24)} ${c.imported} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected`);
  }
  for (const r of report.rejected) lines.push(`Rejected ${r.table} ${r.id || '(no id)'} (${r.source}): ${r.reasons.join('; ')}`);
  for (const s of report.skipped) lines.push(`Skipped ${s.source}: ${s.reason}`);
  for (const w of report.warnings) lines.push(`Note: ${w}`);
  return lines;
}
