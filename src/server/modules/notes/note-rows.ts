import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Note, NoteContent } from '../../../shared/schemas/notes.js';
import { contactNotes, users } from '../../db/schema/index.js';
import { anyAllows, disclosureConsent, type Access, type Granted } from '../../platform/access.js';
import type { AuditAction } from '../../platform/audit.js';
import type { AuthedContext, RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { latestCosigns } from './cosign-rules.js';
import { requireRecordAccess } from './record-access.js';

export type NoteRow = typeof contactNotes.$inferSelect;

const noteColumns = { note: contactNotes, authorName: users.displayName };

/** What a version of the note says, as kept in contact_note_versions. */
export function contentOf(row: NoteRow): NoteContent {
  return {
    contactType: row.contactType,
    occurredAt: row.occurredAt.toISOString(),
    durationMinutes: row.durationMinutes,
    activities: row.activities as NoteContent['activities'],
    topics: row.topics,
    summary: row.summary,
    nextSteps: row.nextSteps,
    followUpOn: row.followUpOn,
  };
}

/** Only the author edits their note, and only while they may still write the participant's notes. */
export const mayEditNote = (ctx: AuthedContext, row: NoteRow, granted: Granted) =>
  row.authorId === ctx.actor.userId && anyAllows(granted.relationships, 'contact_notes', 'write');

/**
 * A clinician reads contact notes only under a consent for contact-note summaries: what kind of contact,
 * when, how long, what was done. The text (summary, next steps, topics) and the follow-up stay with
 * the peer worker and their supervisor; no consent category shares them.
 */
export const noteTextWithheld = (granted: Granted) => disclosureConsent(granted.relationships, 'contact_notes') !== null;

function withheld(content: NoteContent): NoteContent {
  return { ...content, topics: [], summary: '', nextSteps: null, followUpOn: null };
}

function toNote(ctx: AuthedContext, row: NoteRow, authorName: string | null, granted: Granted): Note {
  return {
    ...(noteTextWithheld(granted) ? withheld(contentOf(row)) : contentOf(row)),
    id: row.id,
    participantId: row.participantId,
    author: { id: row.authorId, displayName: authorName ?? '' },
    version: row.version,
    edited: row.version > 1,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: { edit: mayEditNote(ctx, row, granted) },
    billable: row.billable,
    serviceCode: row.serviceCode,
  };
}

/**
 * A participant's notes, newest contact first. Callers have asked the access policy about the
 * participant; every query is bound to that participant, so a note id from elsewhere finds nothing.
 */
export async function loadNotes(ctx: AuthedContext, granted: Granted, opts: { noteId?: string; before?: SQL; limit?: number } = {}): Promise<Note[]> {
  const rows = await ctx.db
    .select(noteColumns)
    .from(contactNotes)
    .leftJoin(users, eq(users.id, contactNotes.authorId))
    .where(and(eq(contactNotes.participantId, granted.participantId), opts.noteId ? eq(contactNotes.id, opts.noteId) : undefined, opts.before))
    .orderBy(desc(contactNotes.occurredAt), desc(contactNotes.id))
    .limit(opts.limit ?? 1000);
  const cosigns = await latestCosigns(ctx.db, rows.map((r) => r.note.id));
  return rows.map((r) => ({ ...toNote(ctx, r.note, r.authorName, granted), cosign: cosigns.get(r.note.id) ?? null }));
}

export async function loadNote(ctx: AuthedContext, granted: Granted, noteId: string): Promise<Note> {
  const [note] = await loadNotes(ctx, granted, { noteId });
  if (!note) throw notFound('contact_note.not_found', 'That note');
  return note;
}

/** Notes before a (time, id) position in the newest-first order: the next page. */
export const notesBefore = (occurredAt: Date, id: string) =>
  sql`(${contactNotes.occurredAt}, ${contactNotes.id}) < (${occurredAt.toISOString()}::timestamptz, ${id}::uuid)`;

/** The note, when the access policy lets the actor at it; unknown and out-of-reach notes are the same 404. */
export async function requireNote(ctx: AuthedContext, noteId: string, access: Access, action: AuditAction): Promise<{ row: NoteRow; granted: Granted }> {
  const [row] = await ctx.db
    .select()
    .from(contactNotes)
    .where(and(eq(contactNotes.id, noteId), eq(contactNotes.organizationId, ctx.actor.organizationId)));
  const granted = await requireRecordAccess(ctx, {
    participantId: row?.participantId ?? null,
    category: 'contact_notes',
    access,
    action,
    resourceType: 'contact_note',
    resourceId: noteId,
    notFound: 'contact_note.not_found',
    what: 'That note',
  });
  return { row: row!, granted };
}

/** The note row locked for the rest of the transaction. */
export async function lockNote(tx: RequestContext, noteId: string): Promise<NoteRow> {
  const [row] = await tx.db.select().from(contactNotes).where(eq(contactNotes.id, noteId)).for('update');
  if (!row) throw notFound('contact_note.not_found', 'That note');
  return row;
}
