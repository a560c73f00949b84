import { and, eq, isNull } from 'drizzle-orm';
import { openPlaces, scoreMatch } from '../../../shared/matching/index.js';
import type { MatchList, PeerWorkerMatch } from '../../../shared/schemas/matching.js';
import { peerAssignments } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { loadMatchingParticipants } from './matching-participants.js';
import { capacityOf, forMatching, loadPeerWorkers, sharedView } from './peer-workers.js';

/** Best score first; then the one with more room (it spreads the work); then by name, so the order is stable. */
export function byRank(a: PeerWorkerMatch, b: PeerWorkerMatch): number {
  return b.score - a.score || b.openPlaces - a.openPlaces || a.peerWorker.displayName.localeCompare(b.peerWorker.displayName) || a.peerWorker.id.localeCompare(b.peerWorker.id);
}

/**
 * Peer workers of the participant's program (in the same organization, by construction of the
 * query) ranked for this participant, each with the reasons in plain words; those a hard constraint
 * rules out are listed apart with why. Only those who assign peer workers may ask.
 */
export async function suggestMatches(ctx: AuthedContext, participantId: string): Promise<MatchList> {
  await requireParticipantAccess(ctx, { participantId, category: 'assignment', access: 'write', action: 'match.read', resourceType: 'match_suggestions' });
  const organizationId = ctx.actor.organizationId;
  const [participant] = await loadMatchingParticipants(ctx.db, { organizationId, ids: [participantId] });
  const [current] = await ctx.db
    .select({ peerWorkerId: peerAssignments.peerWorkerId })
    .from(peerAssignments)
    .where(and(eq(peerAssignments.participantId, participantId), isNull(peerAssignments.endedAt)))
    .limit(1);
  const workers = await loadPeerWorkers(ctx.db, { organizationId, programIds: [participant!.programId] });

  const matches = workers.map((worker) => {
    const isCurrent = worker.id === current?.peerWorkerId;
    // Their own peer worker is weighed as if the participant were not on the caseload yet: the
    // question is who fits, and "no room" must not be the answer because of the person asking.
    const result = scoreMatch(participant!, forMatching(worker, isCurrent ? Math.max(0, worker.caseload - 1) : worker.caseload));
    const capacity = capacityOf(worker);
    const match: PeerWorkerMatch = {
      peerWorker: sharedView(worker),
      score: result.score,
      reasons: result.reasons,
      blockedBy: result.blockedBy,
      capacity,
      caseload: worker.caseload,
      openPlaces: openPlaces({ capacity, caseload: worker.caseload }),
      current: isCurrent,
    };
    return { match, eligible: result.eligible };
  });
  const suggestions = matches.filter((m) => m.eligible).map((m) => m.match).sort(byRank);
  const blocked = matches.filter((m) => !m.eligible).map((m) => m.match).sort(byRank);
  await recordAudit(ctx, {
    action: 'match.read',
    participantId,
    resourceType: 'match_suggestions',
    resourceId: participantId,
    details: { suggested: suggestions.length, blocked: blocked.length },
  });
  return { participantId, hasPreferences: participant!.hasPreferences, suggestions, blocked };
}
