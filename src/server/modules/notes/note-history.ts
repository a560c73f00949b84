import { asc, eq, inArray } from 'drizzle-orm';
import { noteContentSchema, type NoteHistory, type NoteVersion } from '../../../shared/schemas/notes.js';
import { contactNoteVersions, users } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { contentOf, noteTextWithheld, requireNote } from './note-rows.js';

/**
 * Every version of a note, newest first. A kept row holds version n as it was and who replaced it
 * (and when): so version 1 was written by the author when the note was made, and version n+1 by
 * whoever replaced version n.
 */
export async function noteHistory(ctx: AuthedContext, noteId: string): Promise<NoteHistory> {
  const { row, granted } = await requireNote(ctx, noteId, 'read', 'contact_note.history');
  // Earlier versions are all text: nothing a consent for summaries covers.
  if (noteTextWithheld(granted)) throw notFound('contact_note.not_found', 'That note');
  const kept = await ctx.db.select().from(contactNoteVersions).where(eq(contactNoteVersions.noteId, noteId)).orderBy(asc(contactNoteVersions.version));
  const people = [...new Set([row.authorId, ...kept.map((k) => k.editedBy).filter((id): id is string => id !== null)])];
  const names = new Map(
    (await ctx.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, people))).map((u) => [u.id, u]),
  );
  const writer = (version: number) => {
    if (version === 1) return { by: row.authorId, at: row.createdAt };
    const replaced = kept.find((k) => k.version === version - 1);
    return { by: replaced?.editedBy ?? null, at: replaced?.editedAt ?? row.updatedAt };
  };
  const version = (n: number, content: NoteVersion['content'], current: boolean): NoteVersion => {
    const w = writer(n);
    return { version: n, content, writtenBy: (w.by && names.get(w.by)) || null, writtenAt: w.at.toISOString(), current };
  };
  const versions = [
    ...kept.map((k) => version(k.version, noteContentSchema.parse(k.content), false)),
    version(row.version, contentOf(row), true),
  ].reverse();
  return { noteId, participantId: row.participantId, versions };
}
