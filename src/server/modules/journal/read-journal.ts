import { and, desc, eq, sql } from 'drizzle-orm';
import type { JournalEntry, JournalPage } from '../../../shared/schemas/journal.js';
import { journalEntries } from '../../db/schema/index.js';
import { anyAllows, requireParticipantAccess, seesOwnPrivate } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { toJournalEntry, visibleEntries } from './entries.js';

/** A page of the journal, newest first, as far as the reader may see it. The read is audited by the policy. */
export async function listJournalEntries(
  ctx: AuthedContext,
  participantId: string,
  page: { before?: string; limit: number },
): Promise<JournalPage> {
  const { relationships: rels } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'journal',
    access: 'read',
    action: 'journal.read',
    resourceType: 'journal',
  });
  // Keyset paging on (created_at, id), anchored on the exact stored values of the cursor entry.
  const olderThanCursor = page.before
    ? sql`(${journalEntries.createdAt}, ${journalEntries.id}) < (select e.created_at, e.id from ${journalEntries} e where e.id = ${page.before} and e.participant_id = ${participantId})`
    : undefined;
  const rows = await ctx.db
    .select()
    .from(journalEntries)
    .where(and(visibleEntries(participantId, rels), olderThanCursor))
    .orderBy(desc(journalEntries.createdAt), desc(journalEntries.id))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  return {
    entries: shown.map((row) => toJournalEntry(ctx.journalCipher, row, rels)),
    nextBefore: more ? shown[shown.length - 1]!.id : null,
    sharedOnly: !seesOwnPrivate(rels),
    can: { write: anyAllows(rels, 'journal', 'write') },
  };
}

/** One entry. An entry the reader may not see is "not found", whether it exists or not. */
export async function getJournalEntry(ctx: AuthedContext, participantId: string, entryId: string): Promise<JournalEntry> {
  const { relationships: rels } = await requireParticipantAccess(ctx, {
    participantId,
    category: 'journal',
    access: 'read',
    action: 'journal.read',
    resourceType: 'journal_entry',
    resourceId: entryId,
  });
  const [row] = await ctx.db
    .select()
    .from(journalEntries)
    .where(and(visibleEntries(participantId, rels), eq(journalEntries.id, entryId)))
    .limit(1);
  if (!row) {
    // The policy allowed the journal; this entry is still out of reach (private, or not there).
    await recordAudit(ctx, {
      action: 'journal.read',
      outcome: 'denied',
      participantId,
      resourceType: 'journal_entry',
      resourceId: entryId,
      details: { reason: 'not_visible' },
    });
    throw new AppError('journal_entry.not_found', 'That journal entry was not found.');
  }
  return toJournalEntry(ctx.journalCipher, row, rels);
}
