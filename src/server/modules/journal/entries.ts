import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { JournalEntry } from '../../../shared/schemas/journal.js';
import { journalEntries } from '../../db/schema/index.js';
import { seesOwnPrivate, type Relationship } from '../../platform/access.js';
import { CipherError, type TextCipher } from '../../platform/crypto.js';

export type JournalRow = typeof journalEntries.$inferSelect;

/**
 * The additional authenticated data of an entry: its own id and its participant's. A ciphertext
 * copied into another row, or another participant's journal, fails authentication there.
 */
export function journalAad(row: { id: string; participantId: string }): string {
  return `peerpath:journal_entry:v1:${row.participantId}:${row.id}`;
}

export function openEntryText(cipher: TextCipher, row: JournalRow): string | null {
  try {
    return cipher.open(row, journalAad(row));
  } catch (err) {
    // An entry whose key is gone (removed before re-encryption) shows as unreadable rather than
    // hiding the whole journal; anything else is a bug and surfaces as one.
    if (err instanceof CipherError) return null;
    throw err;
  }
}

/**
 * Which of a participant's entries the reader sees: the participant all of them; their assigned
 * peer worker only those shared; anyone else none (the policy has already refused them).
 */
export function visibleEntries(participantId: string, rels: readonly Relationship[]): SQL {
  const own = eq(journalEntries.participantId, participantId);
  if (seesOwnPrivate(rels)) return own;
  if (rels.includes('assigned_peer')) return and(own, isNotNull(journalEntries.sharedWithPeerAt))!;
  return sql`false`;
}

export function toJournalEntry(cipher: TextCipher, row: JournalRow, rels: readonly Relationship[]): JournalEntry {
  return {
    id: row.id,
    text: openEntryText(cipher, row),
    sharedWithPeer: row.sharedWithPeerAt !== null,
    sharedAt: row.sharedWithPeerAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // The journal is the participant's own: only they change or share an entry.
    can: { edit: seesOwnPrivate(rels) },
  };
}
