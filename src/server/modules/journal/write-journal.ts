import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { CreateJournalEntry, JournalEntry, UpdateJournalEntry } from '../../../shared/schemas/journal.js';
import { journalEntries } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { journalAad, toJournalEntry } from './entries.js';

/** Writes a new entry, sealed under the current key; private unless the participant shares it. */
export async function createJournalEntry(ctx: AuthedContext, participantId: string, input: CreateJournalEntry): Promise<JournalEntry> {
  const { relationships: rels } = await requireParticipantAccess(ctx, { participantId, category: 'journal', access: 'write', action: 'journal.create' });
  // The id is chosen here, before the insert, because the ciphertext is bound to it.
  const id = randomUUID();
  const sealed = ctx.journalCipher.seal(input.text, journalAad({ id, participantId }));
  const row = await inTransaction(ctx, async (tx) => {
    const [inserted] = await tx.db
      .insert(journalEntries)
      .values({ id, organizationId: ctx.actor.organizationId, participantId, ...sealed, sharedWithPeerAt: input.shareWithPeer ? new Date() : null })
      .returning();
    await recordAudit(tx, {
      action: 'journal.create',
      participantId,
      resourceType: 'journal_entry',
      resourceId: id,
      details: { sharedWithPeer: input.shareWithPeer, keyId: sealed.keyId },
    });
    return inserted!;
  });
  return toJournalEntry(ctx.journalCipher, row, rels);
}

/** Changes an entry's text, shares it with the peer worker, or makes it private again. */
export async function updateJournalEntry(
  ctx: AuthedContext,
  participantId: string,
  entryId: string,
  input: UpdateJournalEntry,
): Promise<JournalEntry> {
  const { relationships: rels } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'journal',
    access: 'write',
    action: input.text === undefined ? 'journal.share' : 'journal.update',
    resourceType: 'journal_entry',
    resourceId: entryId,
  });
  const row = await inTransaction(ctx, async (tx) => {
    const [current] = await tx.db
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.id, entryId), eq(journalEntries.participantId, participantId)))
      .for('update');
    if (!current) throw new AppError('journal_entry.not_found', 'That journal entry was not found.');
    const now = new Date();
    const changes: Partial<typeof journalEntries.$inferInsert> = {};
    const events = [];
    if (input.text !== undefined) {
      Object.assign(changes, ctx.journalCipher.seal(input.text, journalAad(current)), { updatedAt: now });
      events.push({ action: 'journal.update' as const, details: { keyId: changes.keyId } });
    }
    const shared = current.sharedWithPeerAt !== null;
    if (input.sharedWithPeer !== undefined && input.sharedWithPeer !== shared) {
      changes.sharedWithPeerAt = input.sharedWithPeer ? now : null;
      events.push({ action: 'journal.share' as const, details: { sharedWithPeer: input.sharedWithPeer } });
    }
    if (events.length === 0) return current;
    const [updated] = await tx.db.update(journalEntries).set(changes).where(eq(journalEntries.id, entryId)).returning();
    await recordAudit(tx, ...events.map((e) => ({ ...e, participantId, resourceType: 'journal_entry', resourceId: entryId })));
    return updated!;
  });
  return toJournalEntry(ctx.journalCipher, row, rels);
}
