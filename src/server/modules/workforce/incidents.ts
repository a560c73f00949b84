import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { createIncidentSchema, Incident, updateIncidentSchema } from '../../../shared/schemas/workforce.js';
import { localeSchema } from '../../../shared/schemas/tenancy.js';
import { criticalIncidents, memberships, notifications, participants, users } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { hasRole, inTransaction, programsWithRole, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { requireTeamWorker, workerPrograms } from './team-scope.js';

const toldWords = {
  en: (name: string) => ({ title: `${name} logged a critical incident`, body: 'Reach out today and schedule a debrief.' }),
  es: (name: string) => ({ title: `${name} registró un incidente crítico`, body: 'Comunícate hoy y programa una reunión de descarga (debrief).' }),
};
const loggedForWords = {
  en: (name: string) => ({ title: `A critical incident with ${name} was logged`, body: 'Check in with them and schedule a debrief.' }),
  es: (name: string) => ({ title: `Se registró un incidente crítico con ${name}`, body: 'Comunícate y programa una reunión de descarga (debrief).' }),
};

type Row = typeof criticalIncidents.$inferSelect;

async function toIncidents(ctx: AuthedContext, rows: Row[]): Promise<Incident[]> {
  if (rows.length === 0) return [];
  const names = new Map(
    (await ctx.db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, [...new Set(rows.map((r) => r.workerId))]))).map((u) => [u.id, u.n]),
  );
  return rows.map((r) => ({
    id: r.id,
    worker: { id: r.workerId, displayName: names.get(r.workerId) ?? '' },
    kind: r.kind,
    occurredAt: r.occurredAt.toISOString(),
    description: r.description,
    debriefAt: r.debriefAt?.toISOString() ?? null,
    debriefDoneAt: r.debriefDoneAt?.toISOString() ?? null,
    timeOff: r.timeOff,
  }));
}

type IncidentInput = z.infer<typeof createIncidentSchema>;

/** The participant's program, when the actor may write about them; the incident belongs there. */
async function participantProgram(ctx: AuthedContext, participantId: string, access: 'read' | 'write'): Promise<string> {
  await requireParticipantAccess(ctx, { participantId, category: 'contact_notes', access, action: 'incident.create' });
  const [p] = await ctx.db.select({ programId: participants.programId }).from(participants).where(eq(participants.id, participantId));
  return p!.programId;
}

/**
 * A peer worker logs a critical incident they lived through (a participant's overdose or death,
 * violence, a crisis they handled). The program's supervisors are told at once, in the same write.
 */
export async function logIncident(ctx: AuthedContext, input: IncidentInput): Promise<Incident> {
  const programId = input.participantId ? await participantProgram(ctx, input.participantId, 'write') : (await workerPrograms(ctx, ctx.actor.userId))[0];
  if (!programId) throw new AppError('auth.forbidden', 'Critical incidents are logged by peer workers of a program.');
  return saveIncident(ctx, { worker: { id: ctx.actor.userId, displayName: ctx.actor.displayName }, programId, input, words: toldWords });
}

/**
 * A supervisor logs a critical incident a worker of their team lived through (the worker told
 * them, or they were there). The program's other supervisors are told at once.
 */
export async function logIncidentFor(ctx: AuthedContext, workerId: string, input: IncidentInput): Promise<Incident> {
  const worker = await requireTeamWorker(ctx, workerId, 'incident.create');
  // The supervisor names a participant they can see (supervisors read notes; their workers write them).
  const programId = input.participantId ? await participantProgram(ctx, input.participantId, 'read') : worker.programIds[0]!;
  if (!worker.programIds.includes(programId)) {
    throw new AppError('validation.failed', 'Please check: body.participantId.', [{ path: 'body.participantId', message: 'is not in a program this peer worker works in' }]);
  }
  return saveIncident(ctx, { worker, programId, input, words: loggedForWords });
}

async function saveIncident(
  ctx: AuthedContext,
  { worker, programId, input, words }: { worker: { id: string; displayName: string }; programId: string; input: IncidentInput; words: typeof toldWords },
): Promise<Incident> {
  const row = await inTransaction(ctx, async (tx) => {
    const [created] = await tx.db
      .insert(criticalIncidents)
      .values({
        organizationId: ctx.actor.organizationId,
        programId,
        workerId: worker.id,
        participantId: input.participantId ?? null,
        kind: input.kind,
        occurredAt: new Date(input.occurredAt),
        description: input.description || null,
      })
      .returning();
    await recordAudit(tx, { action: 'incident.create', participantId: input.participantId ?? null, resourceType: 'critical_incident', resourceId: created!.id, details: { kind: input.kind, workerId: worker.id } });
    const supervisors = await tx.db
      .select({ id: users.id, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.programId, programId), eq(memberships.role, 'supervisor'), ne(memberships.userId, ctx.actor.userId)));
    if (supervisors.length) {
      await tx.db.insert(notifications).values(
        supervisors.map((s) => ({
          organizationId: ctx.actor.organizationId,
          userId: s.id,
          kind: 'critical_incident',
          ...words[localeSchema.catch('en').parse(s.locale)](worker.displayName),
          link: '/team',
        })),
      );
    }
    return created!;
  });
  return (await toIncidents(ctx, [row]))[0]!;
}

export async function myIncidents(ctx: AuthedContext): Promise<{ incidents: Incident[] }> {
  const rows = await ctx.db.select().from(criticalIncidents).where(eq(criticalIncidents.workerId, ctx.actor.userId)).orderBy(desc(criticalIncidents.occurredAt));
  return { incidents: await toIncidents(ctx, rows) };
}

export async function teamIncidents(ctx: AuthedContext): Promise<{ incidents: Incident[] }> {
  const supervised = programsWithRole(ctx.actor, 'supervisor');
  const rows = supervised.length
    ? await ctx.db.select().from(criticalIncidents).where(inArray(criticalIncidents.programId, supervised)).orderBy(desc(criticalIncidents.occurredAt)).limit(200)
    : [];
  await recordAudit(ctx, { action: 'incident.read', resourceType: 'critical_incident', details: { incidents: rows.length } });
  return { incidents: await toIncidents(ctx, rows) };
}

/** The supervisor schedules the debrief, marks it done, and notes time off. */
export async function updateIncident(ctx: AuthedContext, incidentId: string, input: z.infer<typeof updateIncidentSchema>): Promise<Incident> {
  const [row] = await ctx.db
    .select()
    .from(criticalIncidents)
    .where(and(eq(criticalIncidents.id, incidentId), eq(criticalIncidents.organizationId, ctx.actor.organizationId)));
  if (!row || !hasRole(ctx.actor, 'supervisor', row.programId)) {
    await recordAudit(ctx, { action: 'incident.update', outcome: 'denied', resourceType: 'critical_incident', resourceId: incidentId });
    throw notFound('incident.not_found', 'That incident');
  }
  const updated = await inTransaction(ctx, async (tx) => {
    const set: Partial<Row> = {};
    if (input.debriefAt !== undefined) set.debriefAt = input.debriefAt ? new Date(input.debriefAt) : null;
    if (input.debriefDone !== undefined) set.debriefDoneAt = input.debriefDone ? new Date() : null;
    if (input.timeOff !== undefined) set.timeOff = input.timeOff || null;
    const [u] = await tx.db.update(criticalIncidents).set(set).where(eq(criticalIncidents.id, incidentId)).returning();
    await recordAudit(tx, { action: 'incident.update', participantId: row.participantId, resourceType: 'critical_incident', resourceId: incidentId, details: { fields: Object.keys(set) } });
    return u!;
  });
  return (await toIncidents(ctx, [updated]))[0]!;
}
