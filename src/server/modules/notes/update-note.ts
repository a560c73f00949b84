import { eq, sql } from 'drizzle-orm';
import type { Note, NoteContent, UpdateNote } from '../../../shared/schemas/notes.js';
import { contactNotes, contactNoteVersions } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { createTask } from '../tasks/create-task.js';
import { recosignAfterEdit } from './cosign-rules.js';
import { uniqueTopics } from './create-note.js';
import { followUpWords, withdrawFollowUp } from './follow-up.js';
import { followUpTitle } from './messages.js';
import { contentOf, lockNote, loadNote, mayEditNote, requireNote } from './note-rows.js';

/**
 * The author edits their note. The version it replaces is kept whole in contact_note_versions with
 * who replaced it and when, and the version number goes up by one. A changed follow-up date moves
 * the task; a cleared one takes it off the list. Sending what is already there changes nothing.
 */
export async function updateNote(ctx: AuthedContext, noteId: string, input: UpdateNote): Promise<Note> {
  const { row: found, granted } = await requireNote(ctx, noteId, 'write', 'contact_note.update');
  const event = { action: 'contact_note.update' as const, participantId: found.participantId, resourceType: 'contact_note', resourceId: noteId };
  if (!mayEditNote(ctx, found, granted)) {
    await recordAudit(ctx, { ...event, outcome: 'denied', details: { reason: 'not_author' } });
    throw new AppError('contact_note.author_only', 'Only the person who wrote this note can change it.');
  }
  await inTransaction(ctx, async (tx) => {
    const row = await lockNote(tx, noteId);
    const before = contentOf(row);
    const after: NoteContent = {
      contactType: input.contactType ?? before.contactType,
      occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : before.occurredAt,
      durationMinutes: input.durationMinutes ?? before.durationMinutes,
      activities: input.activities ? [...new Set(input.activities)] : before.activities,
      topics: input.topics ? uniqueTopics(input.topics) : before.topics,
      summary: input.summary ?? before.summary,
      nextSteps: input.nextSteps === undefined ? before.nextSteps : input.nextSteps || null,
      followUpOn: input.followUpOn === undefined ? before.followUpOn : input.followUpOn,
    };
    const billable = input.billable ?? row.billable;
    const fields: string[] = (Object.keys(after) as Array<keyof NoteContent>).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    if (billable !== row.billable) fields.push('billable');
    if (fields.length === 0) return;
    await tx.db.insert(contactNoteVersions).values({ noteId, version: row.version, content: before, editedBy: ctx.actor.userId });
    await tx.db
      .update(contactNotes)
      .set({
        contactType: after.contactType,
        occurredAt: new Date(after.occurredAt),
        durationMinutes: after.durationMinutes,
        activities: after.activities,
        topics: after.topics,
        summary: after.summary,
        nextSteps: after.nextSteps,
        followUpOn: after.followUpOn,
        billable,
        version: row.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(contactNotes.id, noteId));
    await recordAudit(tx, { ...event, details: { fields, version: row.version + 1 } });
    // An edit after a co-sign (or a return) asks for a new co-sign; the earlier decisions stay.
    await recosignAfterEdit(tx, { ...row, noteId, billable, version: row.version + 1 });
    if (fields.includes('followUpOn')) {
      const task = { source: 'note' as const, sourceId: noteId, ownerId: row.authorId, participantId: row.participantId };
      if (after.followUpOn === null) await withdrawFollowUp(tx, task);
      else {
        const words = await followUpWords(tx, row.authorId, row.participantId);
        await createTask(tx, { ...task, organizationId: row.organizationId, title: followUpTitle[words.locale](words.name), dueOn: after.followUpOn });
      }
    }
  });
  return loadNote(ctx, granted, noteId);
}
