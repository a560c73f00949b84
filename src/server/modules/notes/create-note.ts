import type { CreateNote, Note } from '../../../shared/schemas/notes.js';
import { contactNotes } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { createTask } from '../tasks/create-task.js';
import { workforceSettingsFor } from '../workforce/settings.js';
import { cosignNeeded, programOfParticipant, requestCosign } from './cosign-rules.js';
import { followUpWords } from './follow-up.js';
import { followUpTitle } from './messages.js';
import { loadNote } from './note-rows.js';

/**
 * A contact note in one write: the note, its audit event and, when a follow-up date is given, a
 * task on the author's list for that day. All or nothing.
 */
export async function createNote(ctx: AuthedContext, participantId: string, input: CreateNote): Promise<Note> {
  const granted = await requireParticipantAccess(ctx, {
    participantId,
    category: 'contact_notes',
    access: 'write',
    action: 'contact_note.create',
    resourceType: 'contact_note',
  });
  const noteId = await inTransaction(ctx, async (tx) => {
    const programId = await programOfParticipant(tx, participantId);
    const settings = await workforceSettingsFor(tx.db, programId);
    const [row] = await tx.db
      .insert(contactNotes)
      .values({
        organizationId: ctx.actor.organizationId,
        participantId,
        authorId: ctx.actor.userId,
        contactType: input.contactType,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
        durationMinutes: input.durationMinutes,
        activities: [...new Set(input.activities)],
        topics: uniqueTopics(input.topics),
        summary: input.summary,
        nextSteps: input.nextSteps || null,
        followUpOn: input.followUpOn ?? null,
        billable: input.billable,
        serviceCode: settings.serviceCode,
      })
      .returning({ id: contactNotes.id });
    const id = row!.id;
    if (await cosignNeeded(tx, { programId, authorId: ctx.actor.userId, billable: input.billable, at: new Date() })) {
      await requestCosign(tx, { organizationId: ctx.actor.organizationId, noteId: id, programId, version: 1 });
    }
    await recordAudit(tx, {
      action: 'contact_note.create',
      participantId,
      resourceType: 'contact_note',
      resourceId: id,
      details: { contactType: input.contactType, followUp: input.followUpOn !== undefined },
    });
    if (input.followUpOn) {
      const words = await followUpWords(tx, ctx.actor.userId, participantId);
      await createTask(tx, {
        organizationId: ctx.actor.organizationId,
        ownerId: ctx.actor.userId,
        participantId,
        source: 'note',
        sourceId: id,
        title: followUpTitle[words.locale](words.name),
        dueOn: input.followUpOn,
      });
    }
    return id;
  });
  return loadNote(ctx, granted, noteId);
}

/** Free tags, once each whatever their case. */
export function uniqueTopics(topics: readonly string[]): string[] {
  const seen = new Set<string>();
  return topics.filter((t) => {
    const key = t.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
