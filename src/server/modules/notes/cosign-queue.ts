import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { CosignQueue } from '../../../shared/schemas/workforce.js';
import { contactNotes, noteCosigns, participants, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { programsWithRole, type AuthedContext } from '../../platform/context.js';

/**
 * The supervisor's co-sign queue: notes of the programs they supervise waiting for their co-sign,
 * oldest request first. Each note shown is a read of that participant's notes, and is audited.
 */
export async function cosignQueue(ctx: AuthedContext): Promise<CosignQueue> {
  const supervised = programsWithRole(ctx.actor, 'supervisor');
  if (supervised.length === 0) return { items: [] };
  const rows = await ctx.db
    .select({ cosign: noteCosigns, note: contactNotes, participantName: participants.preferredName, authorName: users.displayName })
    .from(noteCosigns)
    .innerJoin(contactNotes, eq(contactNotes.id, noteCosigns.noteId))
    .innerJoin(participants, eq(participants.id, contactNotes.participantId))
    .innerJoin(users, eq(users.id, contactNotes.authorId))
    .where(
      and(
        eq(noteCosigns.organizationId, ctx.actor.organizationId),
        eq(noteCosigns.status, 'pending'),
        inArray(noteCosigns.programId, supervised),
        // Nobody co-signs their own note.
        ne(contactNotes.authorId, ctx.actor.userId),
      ),
    )
    .orderBy(noteCosigns.requestedAt);
  const ids = rows.map((r) => r.note.id);
  const earlier = ids.length
    ? await ctx.db
        .select({ noteId: noteCosigns.noteId })
        .from(noteCosigns)
        .where(and(inArray(noteCosigns.noteId, ids), ne(noteCosigns.status, 'pending')))
        .orderBy(desc(noteCosigns.requestedAt))
    : [];
  const resubmitted = new Set(earlier.map((e) => e.noteId));
  for (const r of rows) {
    await recordAudit(ctx, {
      action: 'contact_note.read',
      participantId: r.note.participantId,
      resourceType: 'contact_note',
      resourceId: r.note.id,
      details: { as: ['supervisor'], via: 'cosign_queue' },
    });
  }
  return {
    items: rows.map((r) => ({
      noteId: r.note.id,
      noteVersion: r.note.version,
      participant: { id: r.note.participantId, preferredName: r.participantName },
      author: { id: r.note.authorId, displayName: r.authorName },
      contactType: r.note.contactType,
      occurredAt: r.note.occurredAt.toISOString(),
      durationMinutes: r.note.durationMinutes,
      billable: r.note.billable,
      summary: r.note.summary,
      nextSteps: r.note.nextSteps,
      requestedAt: r.cosign.requestedAt.toISOString(),
      resubmitted: resubmitted.has(r.note.id),
    })),
  };
}
