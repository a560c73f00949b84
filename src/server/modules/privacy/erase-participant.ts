import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { EraseParticipant, ErasureReport } from '../../../shared/schemas/privacy.js';
import type { Db } from '../../db/client.js';
import { participants, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { userChannel } from '../../platform/realtime.js';
import { blockingChildren, ident, KEPT_BY_LAW, personColumns } from './personal-data.js';

/**
 * Erases a participant on a verified request (right to erasure): every row that refers to them or
 * to their login, in every module, then the record and the login themselves, in one transaction.
 *
 * The audit trail stays, as the law requires: it is append-only and hash-chained, and its rows hold
 * no names, emails or text, only random ids (participant_id, actor_user_id, resource_id). Once the
 * record and the login are gone, those ids point at nothing: they are pseudonyms no one can link
 * back to the person, and the chain still verifies because no audited row was changed.
 */
export async function eraseParticipant(ctx: AuthedContext, participantId: string, input: EraseParticipant): Promise<ErasureReport> {
  const report = await inTransaction(ctx, async (tx) => {
    const [person] = await tx.db
      .select()
      .from(participants)
      .where(and(eq(participants.id, participantId), eq(participants.organizationId, ctx.actor.organizationId)));
    if (!person) throw new AppError('participant.not_found', 'That participant was not found.');
    // The admin types the person's name as a check that the right record is being erased.
    if (input.confirmName.trim().toLowerCase() !== person.preferredName.trim().toLowerCase()) {
      throw new AppError('validation.failed', 'The name typed does not match the record.', [{ path: 'body.confirmName', message: 'does not match' }]);
    }
    const removed: Record<string, number> = {};
    const ids = { participant: person.id, user: person.userId };
    for (const col of await personColumns(tx.db)) {
      if (col.table === 'participants' || col.table === 'users') continue;
      const id = ids[col.refers];
      if (!id) continue;
      const n = await deleteRows(tx.db, col.table, sql`${ident(col.column)} = ${id}`, 0);
      if (n) removed[col.table] = (removed[col.table] ?? 0) + n;
    }
    await deleteRows(tx.db, 'participants', sql`"id" = ${person.id}`, 0);
    removed.participants = 1;
    if (person.userId) {
      removed.users = await deleteRows(tx.db, 'users', sql`"id" = ${person.userId}`, 0);
    }
    await recordAudit(tx, {
      action: 'participant.erase',
      participantId: person.id,
      resourceType: 'participant',
      resourceId: person.id,
      details: { requestReference: input.requestReference, rowsRemoved: removed },
    });
    return { participantId: person.id, userId: person.userId, removed };
  });
  if (report.userId) await ctx.realtime.publish(userChannel(report.userId), { type: 'session.ended', sessionId: '*' }).catch(() => {});
  return { erased: true, rowsRemoved: Object.values(report.removed).reduce((a, b) => a + b, 0), tables: report.removed };
}

/** Deletes rows, first removing the rows of other tables that point at them and would block it. */
async function deleteRows(db: Db, table: string, where: SQL, depth: number): Promise<number> {
  if (KEPT_BY_LAW.has(table)) return 0;
  if (depth > 6) throw new Error(`erasure: references nest too deep at ${table}`);
  for (const child of await blockingChildren(db, table)) {
    if (child.child === table) continue;
    await deleteRows(db, child.child, sql`${ident(child.childColumn)} in (select ${ident(child.parentColumn)} from ${ident(table)} where ${where})`, depth + 1);
  }
  const res = (await db.execute(sql`delete from ${ident(table)} where ${where}`)) as unknown as { rowCount?: number; affectedRows?: number };
  return res.rowCount ?? res.affectedRows ?? 0;
}
