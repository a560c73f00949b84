import type { NoteList } from '../../../shared/schemas/notes.js';
import { anyAllows, requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadNotes, notesBefore } from './note-rows.js';

/** A participant's notes, newest contact first, a page at a time; the read is audited by the policy. */
export async function listNotes(ctx: AuthedContext, participantId: string, query: { limit: number; cursor?: string }): Promise<NoteList> {
  const before = query.cursor === undefined ? undefined : readCursor(query.cursor);
  const granted = await requireParticipantAccess(ctx, {
    participantId,
    category: 'contact_notes',
    access: 'read',
    action: 'contact_note.read',
    resourceType: 'contact_note',
  });
  const rows = await loadNotes(ctx, granted, { before: before && notesBefore(before.occurredAt, before.id), limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    notes: page,
    nextCursor: rows.length > query.limit && last ? writeCursor(last.occurredAt, last.id) : null,
    can: { create: anyAllows(granted.relationships, 'contact_notes', 'write') },
  };
}

const writeCursor = (occurredAt: string, id: string) => Buffer.from(`${occurredAt}|${id}`).toString('base64url');

function readCursor(cursor: string): { occurredAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(time ?? '');
  if (Number.isNaN(occurredAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id ?? '')) {
    throw new AppError('validation.failed', 'Please check: querystring.cursor.', [{ path: 'querystring.cursor', message: 'is not a cursor from this list' }]);
  }
  return { occurredAt, id: id! };
}
