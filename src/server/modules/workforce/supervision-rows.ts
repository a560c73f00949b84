import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { SupervisionSession } from '../../../shared/schemas/workforce.js';
import { programs, supervisionActions, supervisionAttendees, supervisionSessions, users } from '../../db/schema/index.js';
import type { AuthedContext, RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { nextOccurrence } from './supervision-recurrence.js';

type SessionRow = typeof supervisionSessions.$inferSelect;

/**
 * Sessions with their attendees and agreed actions. `onlyActionsOf` narrows the actions to one
 * worker's (a worker sees their own actions from a group session, not a colleague's).
 */
export async function loadSessions(ctx: Pick<RequestContext, 'db'>, rows: SessionRow[], onlyActionsOf?: string): Promise<SupervisionSession[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [attendees, actions] = await Promise.all([
    ctx.db.select({ sessionId: supervisionAttendees.sessionId, id: users.id, displayName: users.displayName }).from(supervisionAttendees).innerJoin(users, eq(users.id, supervisionAttendees.workerId)).where(inArray(supervisionAttendees.sessionId, ids)),
    ctx.db
      .select({ action: supervisionActions, displayName: users.displayName })
      .from(supervisionActions)
      .innerJoin(users, eq(users.id, supervisionActions.workerId))
      .where(and(inArray(supervisionActions.sessionId, ids), onlyActionsOf ? eq(supervisionActions.workerId, onlyActionsOf) : undefined))
      .orderBy(supervisionActions.createdAt, asc(supervisionActions.dueOn), asc(supervisionActions.text)),
  ]);
  const supervisorIds = [...new Set(rows.map((r) => r.supervisorId))];
  const names = new Map((await ctx.db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, supervisorIds))).map((u) => [u.id, u.n]));
  const programIds = [...new Set(rows.map((r) => r.programId))];
  const clocks = new Map((await ctx.db.select({ id: programs.id, tz: programs.timeZone }).from(programs).where(inArray(programs.id, programIds))).map((p) => [p.id, p.tz]));
  return rows.map((r) => ({
    id: r.id,
    programId: r.programId,
    supervisor: { id: r.supervisorId, displayName: names.get(r.supervisorId) ?? '' },
    kind: r.kind,
    recurrence: r.recurrence,
    status: r.status,
    scheduledAt: r.scheduledAt.toISOString(),
    nextAt: nextOccurrence(r.scheduledAt, r.recurrence, clocks.get(r.programId) ?? 'UTC')?.toISOString() ?? null,
    durationMinutes: r.durationMinutes,
    workers: attendees.filter((a) => a.sessionId === r.id).map(({ id, displayName }) => ({ id, displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    casesDiscussed: r.casesDiscussed,
    boundaries: r.boundaries,
    disclosure: r.disclosure,
    skills: r.skills,
    selfCare: r.selfCare,
    actions: actions
      .filter((a) => a.action.sessionId === r.id)
      .map(({ action, displayName }) => ({
        id: action.id,
        text: action.text,
        dueOn: action.dueOn,
        worker: { id: action.workerId, displayName },
        doneAt: action.doneAt?.toISOString() ?? null,
      })),
  }));
}

export const newestFirst = desc(supervisionSessions.scheduledAt);

/** Agreed actions as rows: each names a worker who attends; alone in the room, it is theirs. */
export function actionRows(
  input: Array<{ text: string; dueOn?: string | undefined; workerId?: string | undefined }>,
  attendees: readonly string[],
  base: { organizationId: string; sessionId: string },
) {
  const problems = input.flatMap((a, i) => {
    if (a.workerId === undefined && attendees.length !== 1) return [{ path: `body.actions.${i}.workerId`, message: 'name whose action it is' }];
    if (a.workerId !== undefined && !attendees.includes(a.workerId)) return [{ path: `body.actions.${i}.workerId`, message: 'is not in this session' }];
    return [];
  });
  if (problems.length) throw new AppError('validation.failed', 'Please check: body.actions.', problems);
  return input.map((a) => ({ ...base, text: a.text, dueOn: a.dueOn ?? null, workerId: a.workerId ?? attendees[0]! }));
}

export type { AuthedContext };
