import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Goal } from '../../../shared/schemas/goals.js';
import { goals, goalSteps, participants, users } from '../../db/schema/index.js';
import type { Relationship } from '../../platform/access.js';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { goalPermissions } from './goal-rules.js';

const goalColumns = {
  id: goals.id,
  participantId: goals.participantId,
  domain: goals.domain,
  title: goals.title,
  why: goals.why,
  targetDate: goals.targetDate,
  status: goals.status,
  createdBy: goals.createdBy,
  creatorName: users.displayName,
  participantUserId: participants.userId,
  createdAt: goals.createdAt,
  updatedAt: goals.updatedAt,
  completedAt: goals.completedAt,
};

/**
 * The participant's goals with their steps, in two queries. Callers have asked the access policy
 * about the participant already; every query here is also bound to that participant, so a goal id
 * from someone else's record finds nothing.
 */
export async function loadGoals(ctx: RequestContext, participantId: string, rels: Relationship[], goalId?: string): Promise<Goal[]> {
  const rows = await ctx.db
    .select(goalColumns)
    .from(goals)
    .innerJoin(participants, eq(participants.id, goals.participantId))
    .leftJoin(users, eq(users.id, goals.createdBy))
    .where(and(eq(goals.participantId, participantId), goalId ? eq(goals.id, goalId) : undefined))
    .orderBy(desc(goals.createdAt), desc(goals.id));
  if (rows.length === 0) return [];
  const steps = await ctx.db
    .select()
    .from(goalSteps)
    .where(inArray(goalSteps.goalId, rows.map((r) => r.id)))
    .orderBy(asc(goalSteps.position), asc(goalSteps.createdAt));
  return rows.map((row) => {
    const own = steps.filter((s) => s.goalId === row.id);
    return {
      id: row.id,
      participantId: row.participantId,
      domain: row.domain,
      title: row.title,
      why: row.why,
      targetDate: row.targetDate,
      status: row.status,
      // Co-created goals keep the name of the peer worker who suggested them.
      suggestedBy: row.createdBy && row.createdBy !== row.participantUserId ? { id: row.createdBy, displayName: row.creatorName ?? '' } : null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
      steps: own.map((s) => ({
        id: s.id,
        title: s.title,
        dueDate: s.dueDate,
        position: s.position,
        completedAt: s.completedAt?.toISOString() ?? null,
      })),
      progress: { done: own.filter((s) => s.completedAt !== null).length, total: own.length },
      can: goalPermissions(rels, row.status),
    };
  });
}

export async function loadGoal(ctx: RequestContext, participantId: string, goalId: string, rels: Relationship[]): Promise<Goal> {
  const [goal] = await loadGoals(ctx, participantId, rels, goalId);
  if (!goal) throw notFound('goal.not_found', 'That goal');
  return goal;
}

/** The goal row, locked for the rest of the transaction, when it belongs to this participant. */
export async function lockGoal(tx: RequestContext, participantId: string, goalId: string) {
  const [row] = await tx.db
    .select()
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.participantId, participantId)))
    .for('update');
  if (!row) throw notFound('goal.not_found', 'That goal');
  return row;
}
