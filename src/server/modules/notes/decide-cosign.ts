import { and, desc, eq, sql } from 'drizzle-orm';
import type { CosignDecision, CosignState } from '../../../shared/schemas/workforce.js';
import { contactNotes, noteCosigns, notifications, participants, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { hasRole, inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { localeSchema } from '../../../shared/schemas/tenancy.js';
import { latestCosigns } from './cosign-rules.js';

const returnedWords = {
  en: (name: string) => ({ title: `A note about ${name} came back to you`, body: 'Your supervisor returned it with a comment. Edit the note and it goes back for co-sign.' }),
  es: (name: string) => ({ title: `Te devolvieron una nota sobre ${name}`, body: 'Tu supervisor la devolvió con un comentario. Edita la nota y volverá a firma.' }),
};

/**
 * A supervisor of the note's program co-signs the note, or returns it to its writer with a comment.
 * Anyone else (a supervisor of another program included) gets the same 404 as an unknown note.
 * Only a pending request can be decided; the decision is kept as history.
 */
export async function decideCosign(ctx: AuthedContext, noteId: string, input: CosignDecision): Promise<CosignState> {
  const action = input.decision === 'approve' ? ('contact_note.cosign' as const) : ('contact_note.cosign_return' as const);
  const [found] = await ctx.db
    .select({ note: contactNotes, programId: participants.programId, participantName: participants.preferredName })
    .from(contactNotes)
    .innerJoin(participants, eq(participants.id, contactNotes.participantId))
    .where(and(eq(contactNotes.id, noteId), eq(contactNotes.organizationId, ctx.actor.organizationId)));
  if (!found || !hasRole(ctx.actor, 'supervisor', found.programId) || found.note.authorId === ctx.actor.userId) {
    await recordAudit(ctx, { action, outcome: 'denied', participantId: found?.note.participantId ?? null, resourceType: 'contact_note', resourceId: noteId });
    throw notFound('contact_note.not_found', 'That note');
  }
  await inTransaction(ctx, async (tx) => {
    const [pending] = await tx.db
      .select()
      .from(noteCosigns)
      .where(eq(noteCosigns.noteId, noteId))
      .orderBy(desc(noteCosigns.requestedAt), desc(noteCosigns.noteVersion))
      .limit(1)
      .for('update');
    if (!pending || pending.status !== 'pending') {
      throw new AppError('cosign.not_pending', 'This note is not waiting for a co-sign (it may have been decided already).');
    }
    await tx.db
      .update(noteCosigns)
      .set({ status: input.decision === 'approve' ? 'approved' : 'returned', decidedBy: ctx.actor.userId, decidedAt: sql`now()`, comment: input.comment || null })
      .where(eq(noteCosigns.id, pending.id));
    await recordAudit(tx, {
      action,
      participantId: found.note.participantId,
      resourceType: 'contact_note',
      resourceId: noteId,
      details: { version: pending.noteVersion },
    });
    if (input.decision === 'return') {
      const [author] = await tx.db.select({ locale: users.locale }).from(users).where(eq(users.id, found.note.authorId));
      await tx.db.insert(notifications).values({
        organizationId: found.note.organizationId,
        userId: found.note.authorId,
        kind: 'cosign_returned',
        ...returnedWords[localeSchema.catch('en').parse(author?.locale)](found.participantName),
        link: `/participants/${found.note.participantId}/notes`,
      });
    }
  });
  return (await latestCosigns(ctx.db, [noteId])).get(noteId)!;
}
