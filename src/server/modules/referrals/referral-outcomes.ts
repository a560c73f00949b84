import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { resourceCategories } from '../../../shared/resources/categories.js';
import type { ReferralOutcomes } from '../../../shared/schemas/referrals.js';
import { participants, referrals } from '../../db/schema/index.js';
import { visibleParticipants } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';

/**
 * Needs met per category, for the outcome reports: referrals made in the period (sent, not
 * drafts), how many ended with the need met (completed), unmet (closed, with the reasons), or are
 * still open. Counts only, over the participants the actor may see.
 */
export async function referralOutcomes(ctx: AuthedContext, q: { from?: string; to?: string; programId?: string }): Promise<ReferralOutcomes> {
  const visible = ctx.db
    .select({ id: participants.id })
    .from(participants)
    .where(and(visibleParticipants(ctx.actor, 'referrals'), q.programId ? eq(participants.programId, q.programId) : undefined));
  const where: SQL[] = [eq(referrals.organizationId, ctx.actor.organizationId), inArray(referrals.participantId, visible), sql`${referrals.status} <> 'draft'`];
  if (q.from) where.push(gte(referrals.createdAt, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) where.push(lt(referrals.createdAt, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
  const rows = await ctx.db
    .select({ category: referrals.category, status: referrals.status, reason: referrals.unmetReason, n: sql<number>`count(*)::int` })
    .from(referrals)
    .where(and(...where))
    .groupBy(referrals.category, referrals.status, referrals.unmetReason);
  const categories = resourceCategories
    .map((category) => {
      const mine = rows.filter((r) => r.category === category);
      const sum = (pick: (r: (typeof rows)[number]) => boolean) => mine.filter(pick).reduce((n, r) => n + Number(r.n), 0);
      const unmetReasons: Record<string, number> = {};
      for (const r of mine.filter((x) => x.status === 'closed_unmet')) unmetReasons[r.reason ?? 'other'] = (unmetReasons[r.reason ?? 'other'] ?? 0) + Number(r.n);
      return {
        category,
        referred: sum(() => true),
        met: sum((r) => r.status === 'completed'),
        unmet: sum((r) => r.status === 'closed_unmet'),
        open: sum((r) => r.status !== 'completed' && r.status !== 'closed_unmet'),
        unmetReasons,
      };
    })
    .filter((c) => c.referred > 0);
  return { from: q.from ?? null, to: q.to ?? null, categories };
}
