import type { CosignHistory, ReturnedNotes } from '../../../shared/schemas/workforce.js';
import { and, eq } from 'drizzle-orm';
import { contactNotes, participants } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import { cosignRows, toCosignState } from './cosign-rules.js';
import { requireNote } from './note-rows.js';

/** Every co-sign request and decision on a note, oldest first: for whoever may read the note. */
export async function cosignHistory(ctx: AuthedContext, noteId: string): Promise<CosignHistory> {
  await requireNote(ctx, noteId, 'read', 'contact_note.history');
  const { rows, names } = await cosignRows(ctx.db, [noteId]);
  return { noteId, entries: rows.map((r) => toCosignState(r, names)) };
}

/** The actor's own notes whose newest co-sign decision returned them: their to-do list. */
export async function returnedNotes(ctx: AuthedContext): Promise<ReturnedNotes> {
  const mine = await ctx.db
    .select({ id: contactNotes.id, participantId: contactNotes.participantId, occurredAt: contactNotes.occurredAt, name: participants.preferredName })
    .from(contactNotes)
    .innerJoin(participants, eq(participants.id, contactNotes.participantId))
    .where(and(eq(contactNotes.authorId, ctx.actor.userId), eq(contactNotes.organizationId, ctx.actor.organizationId)));
  if (mine.length === 0) return { items: [] };
  const { rows, names } = await cosignRows(ctx.db, mine.map((n) => n.id));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.noteId, r);
  return {
    items: mine
      .filter((n) => latest.get(n.id)?.status === 'returned')
      .map((n) => {
        const state = toCosignState(latest.get(n.id)!, names);
        return {
          noteId: n.id,
          participant: { id: n.participantId, preferredName: n.name },
          occurredAt: n.occurredAt.toISOString(),
          comment: state.comment,
          decidedBy: state.decidedBy,
          decidedAt: state.decidedAt,
        };
      }),
  };
}
