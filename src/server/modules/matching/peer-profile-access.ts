import { and, eq, isNull } from 'drizzle-orm';
import { peerAssignments } from '../../db/schema/index.js';
import { isOrgAdmin, programsWithRole, type AuthedContext } from '../../platform/context.js';
import { managedPeerProfileFields, peerProfileFields, type PeerProfileField } from '../../../shared/schemas/matching.js';
import type { PeerWorker } from './peer-workers.js';

/** How much of a peer worker's profile the actor sees, and which fields they may change. */
export interface PeerProfileView {
  level: 'full' | 'shared';
  edit: PeerProfileField[];
  /** Set when the reader is the participant the peer worker walks alongside (for the audit trail). */
  participantId?: string;
}

/**
 * The peer worker edits their own profile. A supervisor of a program they work in, or an org admin,
 * sees it all and sets capacity and settings (how the work is shared out), never what the peer
 * worker chose to tell about their life. Colleagues in a program they share, and the participant
 * they walk alongside now, see only what matching shows. Anyone else: nothing (the caller answers 404).
 */
export async function peerProfileView(ctx: AuthedContext, worker: PeerWorker): Promise<PeerProfileView | null> {
  const { actor } = ctx;
  if (actor.userId === worker.id) return { level: 'full', edit: [...peerProfileFields] };
  const shares = (programIds: string[]) => programIds.some((id) => worker.programIds.includes(id));
  if (isOrgAdmin(actor) || shares(programsWithRole(actor, 'supervisor'))) return { level: 'full', edit: [...managedPeerProfileFields] };
  if (shares(programsWithRole(actor, 'peer_worker'))) return { level: 'shared', edit: [] };
  if (actor.participantId) {
    const [walksWith] = await ctx.db
      .select({ id: peerAssignments.id })
      .from(peerAssignments)
      .where(
        and(
          eq(peerAssignments.participantId, actor.participantId),
          eq(peerAssignments.peerWorkerId, worker.id),
          eq(peerAssignments.organizationId, actor.organizationId),
          isNull(peerAssignments.endedAt),
        ),
      )
      .limit(1);
    if (walksWith) return { level: 'shared', edit: [], participantId: actor.participantId };
  }
  return null;
}
