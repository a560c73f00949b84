import { and, desc, eq, inArray } from 'drizzle-orm';
import type { CosignState } from '../../../shared/schemas/workforce.js';
import { memberships, noteCosigns, participants, users } from '../../db/schema/index.js';
import type { RequestContext } from '../../platform/context.js';
import { workforceSettingsFor } from '../workforce/settings.js';

const NEW_WORKER_DAYS = 90;

/** The program a note belongs to: its participant's. */
export async function programOfParticipant(tx: Pick<RequestContext, 'db'>, participantId: string): Promise<string> {
  const [row] = await tx.db.select({ programId: participants.programId }).from(participants).where(eq(participants.id, participantId));
  return row!.programId;
}

/**
 * Whether the program's rule asks a supervisor to co-sign this note: every note, every billable
 * note, or every note of a worker in their first 90 days in the program.
 */
export async function cosignNeeded(
  tx: Pick<RequestContext, 'db'>,
  note: { programId: string; authorId: string; billable: boolean; at: Date },
): Promise<boolean> {
  const settings = await workforceSettingsFor(tx.db, note.programId);
  switch (settings.cosignRule) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'billable':
      return note.billable;
    case 'first_90_days': {
      const [m] = await tx.db
        .select({ since: memberships.createdAt })
        .from(memberships)
        .where(and(eq(memberships.userId, note.authorId), eq(memberships.programId, note.programId), eq(memberships.role, 'peer_worker')));
      return !m || note.at.getTime() - m.since.getTime() < NEW_WORKER_DAYS * 86_400_000;
    }
  }
}

/** Asks for a co-sign of this version of the note. */
export async function requestCosign(
  tx: Pick<RequestContext, 'db'>,
  note: { organizationId: string; noteId: string; programId: string; version: number },
): Promise<void> {
  await tx.db.insert(noteCosigns).values({
    organizationId: note.organizationId,
    noteId: note.noteId,
    programId: note.programId,
    noteVersion: note.version,
  });
}

/**
 * After the author edits a note: a note that was ever in the co-sign flow (or that the rule now
 * covers) asks again for this new version. Earlier requests and decisions stay as history.
 */
export async function recosignAfterEdit(
  tx: Pick<RequestContext, 'db'>,
  note: { organizationId: string; noteId: string; participantId: string; authorId: string; billable: boolean; version: number },
): Promise<void> {
  const [latest] = await tx.db.select().from(noteCosigns).where(eq(noteCosigns.noteId, note.noteId)).orderBy(desc(noteCosigns.requestedAt), desc(noteCosigns.noteVersion)).limit(1);
  const programId = latest?.programId ?? (await programOfParticipant(tx, note.participantId));
  if (latest?.status === 'pending') {
    await tx.db.update(noteCosigns).set({ noteVersion: note.version }).where(eq(noteCosigns.id, latest.id));
    return;
  }
  if (latest || (await cosignNeeded(tx, { programId, authorId: note.authorId, billable: note.billable, at: new Date() }))) {
    await requestCosign(tx, { organizationId: note.organizationId, noteId: note.noteId, programId, version: note.version });
  }
}

type CosignRow = typeof noteCosigns.$inferSelect;

export function toCosignState(row: CosignRow, names: Map<string, string>): CosignState {
  return {
    status: row.status,
    noteVersion: row.noteVersion,
    requestedAt: row.requestedAt.toISOString(),
    decidedBy: row.decidedBy ? { id: row.decidedBy, displayName: names.get(row.decidedBy) ?? '' } : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    comment: row.comment,
  };
}

/** Every co-sign row of these notes, oldest first, with the deciders' names. */
export async function cosignRows(db: RequestContext['db'], noteIds: readonly string[]): Promise<{ rows: CosignRow[]; names: Map<string, string> }> {
  if (noteIds.length === 0) return { rows: [], names: new Map() };
  const rows = await db.select().from(noteCosigns).where(inArray(noteCosigns.noteId, [...noteIds])).orderBy(noteCosigns.requestedAt, noteCosigns.noteVersion);
  const deciders = [...new Set(rows.map((r) => r.decidedBy).filter((x): x is string => x !== null))];
  const names = new Map(
    deciders.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, deciders))).map((u) => [u.id, u.name]) : [],
  );
  return { rows, names };
}

/** The newest co-sign state of each note. */
export async function latestCosigns(db: RequestContext['db'], noteIds: readonly string[]): Promise<Map<string, CosignState>> {
  const { rows, names } = await cosignRows(db, noteIds);
  const latest = new Map<string, CosignState>();
  for (const row of rows) latest.set(row.noteId, toCosignState(row, names));
  return latest;
}
