import { and, asc, eq } from 'drizzle-orm';
import { hsdsRecords } from '../../db/schema/index.js';
import type { Directory } from './directory-store.js';
import { tableOf } from './hsds/spec.js';

export type TabularJson = Record<string, Array<Record<string, unknown>>>;

/**
 * The whole directory as HSDS JSON in the tabular shape (the `tabular.json` of the HSDS examples:
 * one key per CSV file, one object per row, fields in schema order). Tips and verification notes
 * are Peerpath's, not HSDS records, and never leave with it. Importing it gives the same records.
 */
export async function exportHsds(dir: Directory): Promise<TabularJson> {
  const rows = await dir.db
    .select({ tableName: hsdsRecords.tableName, id: hsdsRecords.id, record: hsdsRecords.record })
    .from(hsdsRecords)
    .where(and(eq(hsdsRecords.organizationId, dir.organizationId)))
    .orderBy(asc(hsdsRecords.tableName), asc(hsdsRecords.id));
  const out: TabularJson = {};
  for (const row of rows) {
    const table = tableOf(row.tableName);
    const ordered: Record<string, unknown> = {};
    for (const field of table.fields) if (row.record[field] !== undefined) ordered[field] = row.record[field];
    (out[table.file] ??= []).push(ordered);
  }
  return out;
}
