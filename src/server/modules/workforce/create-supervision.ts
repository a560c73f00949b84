import type { CreateSupervision, SupervisionSession } from '../../../shared/schemas/workforce.js';
import { supervisionActions, supervisionAttendees, supervisionSessions } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { hasRole, inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { sessionRowsById } from './list-supervision.js';
import { actionRows, loadSessions } from './supervision-rows.js';
import { teamOf } from './team-scope.js';

/**
 * A supervisor schedules a supervision session (individual or group, maybe recurring) with peer
 * workers of a program they supervise, or logs one that was held, with its structured note and
 * agreed actions. All or nothing.
 */
export async function createSupervision(ctx: AuthedContext, input: CreateSupervision): Promise<SupervisionSession> {
  if (!hasRole(ctx.actor, 'supervisor', input.programId)) throw notFound('program.not_found', 'That program');
  const inProgram = new Set((await teamOf(ctx)).filter((w) => w.programIds.includes(input.programId)).map((w) => w.id));
  const strangers = input.workerIds.map((id, i) => ({ id, i })).filter(({ id }) => !inProgram.has(id));
  if (strangers.length) {
    throw new AppError(
      'validation.failed',
      'Please check: body.workerIds.',
      strangers.map(({ i }) => ({ path: `body.workerIds.${i}`, message: 'is not a peer worker of this program' })),
    );
  }
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(supervisionSessions)
      .values({
        organizationId: ctx.actor.organizationId,
        programId: input.programId,
        supervisorId: ctx.actor.userId,
        kind: input.kind,
        recurrence: input.recurrence,
        status: input.status,
        scheduledAt: new Date(input.scheduledAt),
        durationMinutes: input.durationMinutes,
        casesDiscussed: input.casesDiscussed || null,
        boundaries: input.boundaries || null,
        disclosure: input.disclosure || null,
        skills: input.skills || null,
        selfCare: input.selfCare || null,
      })
      .returning({ id: supervisionSessions.id });
    const sessionId = row!.id;
    await tx.db.insert(supervisionAttendees).values(input.workerIds.map((workerId) => ({ sessionId, workerId })));
    const actions = actionRows(input.actions, input.workerIds, { organizationId: ctx.actor.organizationId, sessionId });
    if (actions.length) await tx.db.insert(supervisionActions).values(actions);
    await recordAudit(tx, {
      action: 'supervision.create',
      resourceType: 'supervision_session',
      resourceId: sessionId,
      details: { kind: input.kind, status: input.status, workers: input.workerIds.length, actions: actions.length },
    });
    return sessionId;
  });
  const [session] = await loadSessions(ctx, await sessionRowsById(ctx, [id]));
  return session!;
}
