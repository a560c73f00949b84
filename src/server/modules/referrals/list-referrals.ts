import { and, eq, inArray, ne, notInArray, type SQL } from 'drizzle-orm';
import type { ReferralList } from '../../../shared/schemas/referrals.js';
import { participants, referrals } from '../../db/schema/index.js';
import { listDisclosure, relationshipsTo, requireParticipantAccess, visibleParticipants } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { loadReferrals } from './referral-rows.js';
import { canDo, refers, seesDrafts } from './referral-rules.js';

const FINISHED = ['completed', 'closed_unmet'] as const;

/** One participant's referrals, newest first. The participant sees theirs once sent; the read is audited. */
export async function listParticipantReferrals(ctx: AuthedContext, participantId: string): Promise<ReferralList> {
  const { relationships } = await requireParticipantAccess(ctx, { participantId, category: 'referrals', access: 'read', action: 'referral.read', resourceType: 'referral' });
  const where = and(
    eq(referrals.participantId, participantId),
    eq(referrals.organizationId, ctx.actor.organizationId),
    seesDrafts(relationships) ? undefined : ne(referrals.status, 'draft'),
  )!;
  return { referrals: await loadReferrals(ctx, where, () => relationships), can: { create: refers(relationships) } };
}

/**
 * Referrals across everyone the actor may see (a peer worker's caseload, a supervisor's programs;
 * a participant's own), open or finished. Each participant shown leaves a read in the trail.
 */
export async function listVisibleReferrals(ctx: AuthedContext, status: 'open' | 'finished' | 'all'): Promise<ReferralList> {
  const visible = ctx.db.select({ id: participants.id }).from(participants).where(visibleParticipants(ctx.actor, 'referrals'));
  const filters: SQL[] = [eq(referrals.organizationId, ctx.actor.organizationId), inArray(referrals.participantId, visible)];
  if (status === 'open') filters.push(notInArray(referrals.status, [...FINISHED]));
  if (status === 'finished') filters.push(inArray(referrals.status, [...FINISHED]));
  const rows = await loadReferrals(ctx, and(...filters)!, () => []);
  const rels = await relationshipsTo(ctx, [...new Set(rows.map((r) => r.participantId))]);
  const shown = rows.filter((r) => r.status !== 'draft' || seesDrafts(rels.get(r.participantId) ?? []));
  // The rules are the same as for one participant, with each participant's real relationships.
  for (const r of shown) r.can = canDo(rels.get(r.participantId) ?? [], r.status);
  const ids = [...new Set(shown.map((r) => r.participantId))];
  await recordAudit(
    ctx,
    ...ids.map((participantId) => {
      // A clinician's sight of them under a consent is a disclosure, recorded with that consent.
      const { details } = listDisclosure(rels.get(participantId), 'referrals');
      return { action: 'referral.read' as const, participantId, resourceType: 'referral', details: { list: status, ...details } };
    }),
  );
  return { referrals: shown, can: { create: false } };
}
