import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Task } from '../../../shared/schemas/tasks.js';
import { participants, programs, tasks } from '../../db/schema/index.js';
import { visibleParticipants } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';

/**
 * The time zone of the caller's own days: their first program's (the org admin's, with no program,
 * falls back to UTC). A task about a participant counts its days in that participant's program.
 */
export async function ownTimeZone(ctx: AuthedContext): Promise<string> {
  const ids = ctx.actor.memberships.map((m) => m.programId).filter((id): id is string => id !== null);
  if (ids.length === 0) return 'UTC';
  const rows = await ctx.db.select({ timeZone: programs.timeZone }).from(programs).where(inArray(programs.id, ids)).orderBy(asc(programs.createdAt)).limit(1);
  return rows[0]?.timeZone ?? 'UTC';
}

export type TaskView = 'today' | 'upcoming' | 'done';

/**
 * The caller's own tasks, never anyone else's. The participant's name shows while the caller may
 * still see them (a task outlives a reassignment; the name does not travel with it).
 */
export async function loadTasks(ctx: AuthedContext, opts: { view?: TaskView; id?: string; timeZone: string; now: Date }): Promise<Task[]> {
  const zone = sql`coalesce(${programs.timeZone}, ${opts.timeZone})`;
  const today = sql`((${opts.now.toISOString()}::timestamptz at time zone ${zone})::date)`;
  const viewCondition: Record<TaskView, SQL> = {
    today: and(isNull(tasks.doneAt), sql`(${tasks.dueOn} is null or ${tasks.dueOn} <= ${today})`)!,
    upcoming: and(isNull(tasks.doneAt), sql`${tasks.dueOn} > ${today}`)!,
    done: isNotNull(tasks.doneAt),
  };
  const rows = await ctx.db
    .select({
      task: tasks,
      participantName: participants.preferredName,
      overdue: sql<boolean>`coalesce(${tasks.doneAt} is null and ${tasks.dueOn} < ${today}, false)`,
    })
    .from(tasks)
    .leftJoin(participants, and(eq(participants.id, tasks.participantId), visibleParticipants(ctx.actor)))
    .leftJoin(programs, eq(programs.id, participants.programId))
    .where(
      and(
        eq(tasks.ownerId, ctx.actor.userId),
        eq(tasks.organizationId, ctx.actor.organizationId),
        opts.id ? eq(tasks.id, opts.id) : undefined,
        opts.view ? viewCondition[opts.view] : undefined,
      ),
    )
    .orderBy(
      ...(opts.view === 'done'
        ? [desc(tasks.doneAt)]
        : [sql`${tasks.dueOn} asc nulls last`, asc(tasks.createdAt)]),
      asc(tasks.id),
    )
    .limit(opts.view === 'done' ? 50 : 200);
  return rows.map(({ task: t, participantName, overdue }) => ({
    id: t.id,
    title: t.title,
    dueOn: t.dueOn,
    overdue: Boolean(overdue),
    doneAt: t.doneAt?.toISOString() ?? null,
    source: t.source,
    sourceId: t.sourceId,
    participant: t.participantId && participantName !== null ? { id: t.participantId, preferredName: participantName } : null,
    createdAt: t.createdAt.toISOString(),
  }));
}
