import type { Db } from '../db/client.js';

/** How many rows a background job claims and notifies in one transaction. */
export const JOB_BATCH = 500;

/**
 * Runs a job's claim-and-notify step batch by batch, each in its own transaction, until a batch
 * comes back short. A statewide backlog (tens of thousands of referral follow-ups due on the first
 * morning) is then many small transactions: each insert stays far below PostgreSQL's 65,535
 * parameters a statement, and the server answers requests between batches.
 * `step` claims at most `limit` rows and returns how many it claimed.
 */
export async function inBatches(db: Db, step: (tx: Db, limit: number) => Promise<number>, batchSize = JOB_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const claimed = await db.transaction((tx) => step(tx as unknown as Db, batchSize));
    total += claimed;
    if (claimed < batchSize) return total;
  }
}
