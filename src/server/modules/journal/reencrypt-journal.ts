import { and, asc, count, eq, gt, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { journalEntries } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { CipherError, type TextCipher } from '../../platform/crypto.js';
import { journalAad } from './entries.js';

export interface ReencryptReport {
  /** Entries under an older configured key when the run began. */
  total: number;
  reencrypted: number;
  /** Entries under a configured key that would not open (altered, or bound to another row): left as they are. */
  failed: Array<{ id: string; keyId: string }>;
  /** Entries under keys that are not configured at all, by key id: add the key to re-encrypt them. */
  unknownKeys: Record<string, number>;
  /** Entries not under the current key after the run: zero means the older keys may be removed. */
  remaining: number;
}

/**
 * Re-encrypts every entry that is not under the current key, in batches, each batch one
 * transaction with an audit event per entry. Only the ciphertext changes: an entry's dates and
 * sharing stay, so re-encryption is not an edit. An entry changed meanwhile is already under the
 * current key and is left alone.
 */
export async function reencryptJournalEntries(
  run: { db: Db; cipher: TextCipher; runId: string },
  opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<ReencryptReport> {
  const { db, cipher } = run;
  const batchSize = opts.batchSize ?? 200;
  const older = cipher.olderKeyIds();
  const known = [cipher.currentKeyId, ...older];
  const [due] = older.length ? await db.select({ n: count() }).from(journalEntries).where(inArray(journalEntries.keyId, older)) : [{ n: 0 }];
  const total = due!.n;
  const report: ReencryptReport = { total, reencrypted: 0, failed: [], unknownKeys: {}, remaining: 0 };

  let after: string | null = null;
  while (older.length) {
    // Keyset order by id, so an entry that fails is passed over, not fetched again forever.
    const batch: Array<typeof journalEntries.$inferSelect> = await db
      .select()
      .from(journalEntries)
      .where(and(inArray(journalEntries.keyId, older), after ? gt(journalEntries.id, after) : undefined))
      .orderBy(asc(journalEntries.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    await db.transaction(async (tx) => {
      for (const row of batch) {
        let text: string;
        try {
          text = cipher.open(row, journalAad(row));
        } catch (err) {
          if (!(err instanceof CipherError)) throw err;
          report.failed.push({ id: row.id, keyId: row.keyId });
          continue;
        }
        const sealed = cipher.seal(text, journalAad(row));
        const changed = await tx
          .update(journalEntries)
          .set(sealed)
          .where(and(eq(journalEntries.id, row.id), eq(journalEntries.keyId, row.keyId)))
          .returning({ id: journalEntries.id });
        if (changed.length === 0) continue;
        report.reencrypted++;
        await recordAudit(
          { actor: null, requestId: run.runId, ip: null, db: tx as unknown as Db },
          {
            action: 'journal.reencrypt',
            organizationId: row.organizationId,
            participantId: row.participantId,
            resourceType: 'journal_entry',
            resourceId: row.id,
            details: { fromKey: row.keyId, toKey: sealed.keyId },
          },
        );
      }
    });
    opts.onProgress?.(report.reencrypted + report.failed.length, total);
  }

  const unknown = await db
    .select({ keyId: journalEntries.keyId, n: count() })
    .from(journalEntries)
    .where(notInArray(journalEntries.keyId, known))
    .groupBy(journalEntries.keyId);
  report.unknownKeys = Object.fromEntries(unknown.map((u) => [u.keyId, u.n]));
  const [left] = await db.select({ n: count() }).from(journalEntries).where(notInArray(journalEntries.keyId, [cipher.currentKeyId]));
  report.remaining = left!.n;
  return report;
}
