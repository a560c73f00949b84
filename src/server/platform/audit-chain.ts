import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

export const GENESIS_HASH = '0'.repeat(64);
// Only one sealer at a time across every instance sharing the database.
const SEAL_LOCK_KEY = 7_273_447_002;

export function linkHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: any = await db.execute(query);
  return (Array.isArray(result) ? result : result.rows) as T[];
}

/**
 * How far behind the newest sealed event a pass looks for events that committed late (an event's id
 * is taken when it is inserted, its row seen at commit). A deep look costs a scan of that many events
 * (about a second of database time at a million); a recent one, milliseconds. The running sealer
 * looks recently every interval and deeply every few minutes.
 */
export const LOOK_BACK = { recent: 20_000, deep: 1_000_000 } as const;

/**
 * Links committed, not yet sealed events into the chain, in batches. Returns how many it sealed.
 * Late-committing transactions are simply sealed in a later batch: the chain order is sealing order.
 */
export async function sealAuditChain(db: Db, { batchSize = 2000, lookBack = LOOK_BACK.deep }: { batchSize?: number; lookBack?: number } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction(async (tx) => {
      const [lock] = await rowsOf<{ ok: boolean }>(tx as unknown as Db, sql`select pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) as ok`);
      if (!lock?.ok) return 0;
      const [head] = await rowsOf<{ seq: string; hash: string; event_id: string }>(
        tx as unknown as Db,
        sql`select seq, hash, event_id from audit_chain order by seq desc limit 1`,
      );
      // Look back a bounded window behind the newest sealed event, so the anti-join stays cheap on a long trail.
      const floor = head ? Math.max(0, Number(head.event_id) - lookBack) : 0;
      const pending = await rowsOf<{ id: string; canonical: string }>(
        tx as unknown as Db,
        sql`select e.id, peerpath_audit_canonical(e) as canonical from audit_events e
            where e.id > ${floor} and not exists (select 1 from audit_chain c where c.event_id = e.id)
            order by e.id limit ${batchSize}`,
      );
      if (pending.length === 0) return 0;
      let seq = head ? Number(head.seq) : 0;
      let prev = head?.hash ?? GENESIS_HASH;
      const links = pending.map((p) => {
        seq += 1;
        const hash = linkHash(prev, p.canonical);
        const link = { seq, eventId: Number(p.id), prevHash: prev, hash };
        prev = hash;
        return link;
      });
      // One array parameter per column: a batch of thousands costs the server one short statement to build.
      const column = <K extends keyof (typeof links)[number]>(key: K) => sql.param(links.map((l) => l[key]));
      await tx.execute(
        sql`insert into audit_chain (seq, event_id, prev_hash, hash)
            select * from unnest(${column('seq')}::bigint[], ${column('eventId')}::bigint[], ${column('prevHash')}::text[], ${column('hash')}::text[])`,
      );
      return links.length;
    });
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

export interface ChainReport {
  ok: boolean;
  sealed: number;
  unsealed: number;
  firstBroken: { seq: number; eventId: number; reason: string } | null;
}

/** Walks the sealed chain from the start, recomputing every link; names the first one that does not hold. */
export async function verifyAuditChain(db: Db, onProgress?: (checked: number, total: number) => void): Promise<ChainReport> {
  const [{ total } = { total: '0' }] = await rowsOf<{ total: string }>(db, sql`select count(*) as total from audit_chain`);
  const totalLinks = Number(total);
  let after = 0;
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  const page = 5000;
  for (;;) {
    const rows = await rowsOf<{ seq: string; event_id: string; prev_hash: string; hash: string; canonical: string | null }>(
      db,
      sql`select c.seq, c.event_id, c.prev_hash, c.hash, peerpath_audit_canonical(e) as canonical
          from audit_chain c left join audit_events e on e.id = c.event_id
          where c.seq > ${after} order by c.seq limit ${page}`,
    );
    for (const r of rows) {
      const seq = Number(r.seq);
      const eventId = Number(r.event_id);
      const broken = (reason: string) => ({ ok: false, sealed: totalLinks, unsealed: -1, firstBroken: { seq, eventId, reason } });
      if (seq !== after + 1) return withUnsealed(db, broken(`link ${after + 1} is missing`));
      if (r.canonical === null) return withUnsealed(db, broken('the event this link seals is gone'));
      if (r.prev_hash !== expectedPrev) return withUnsealed(db, broken('the link does not follow the previous one'));
      if (linkHash(r.prev_hash, r.canonical) !== r.hash) return withUnsealed(db, broken('the event was changed after it was sealed'));
      expectedPrev = r.hash;
      after = seq;
      checked += 1;
    }
    onProgress?.(checked, totalLinks);
    if (rows.length < page) break;
  }
  return withUnsealed(db, { ok: true, sealed: checked, unsealed: -1, firstBroken: null });
}

async function withUnsealed(db: Db, report: ChainReport): Promise<ChainReport> {
  const [row] = await rowsOf<{ n: string }>(
    db,
    sql`select count(*) as n from audit_events e where not exists (select 1 from audit_chain c where c.event_id = e.id)`,
  );
  return { ...report, unsealed: Number(row?.n ?? 0) };
}
