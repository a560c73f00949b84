import type { PeerWorkerProfile } from '../../../shared/schemas/matching.js';
import { recordAudit, type AuditAction } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { peerProfileView, type PeerProfileView } from './peer-profile-access.js';
import { detailsView, loadPeerWorkers, sharedView, type PeerWorker } from './peer-workers.js';

export function toPeerProfile(worker: PeerWorker, view: Pick<PeerProfileView, 'level' | 'edit'>): PeerWorkerProfile {
  return {
    ...sharedView(worker),
    details: view.level === 'full' ? detailsView(worker) : null,
    updatedAt: worker.profile?.updatedAt.toISOString() ?? null,
    can: { edit: view.edit },
  };
}

/**
 * The peer worker and what the actor may see of them. Someone outside their reach, or an id that is
 * not a peer worker of this organization, gets the same 404, and the attempt is in the trail.
 */
export async function requirePeerProfileView(
  ctx: AuthedContext,
  peerWorkerId: string,
  action: Extract<AuditAction, 'peer_profile.read' | 'peer_profile.update'>,
): Promise<{ worker: PeerWorker; view: PeerProfileView }> {
  const [worker] = await loadPeerWorkers(ctx.db, { organizationId: ctx.actor.organizationId, ids: [peerWorkerId], includeDisabled: true });
  const view = worker ? await peerProfileView(ctx, worker) : null;
  if (!worker || !view) {
    await recordAudit(ctx, { action, outcome: 'denied', resourceType: 'peer_worker_profile', resourceId: peerWorkerId });
    throw new AppError('user.not_found', 'That peer worker was not found.');
  }
  return { worker, view };
}

export async function getPeerProfile(ctx: AuthedContext, peerWorkerId: string): Promise<PeerWorkerProfile> {
  const { worker, view } = await requirePeerProfileView(ctx, peerWorkerId, 'peer_profile.read');
  await recordAudit(ctx, {
    action: 'peer_profile.read',
    participantId: view.participantId ?? null,
    resourceType: 'peer_worker_profile',
    resourceId: worker.id,
    details: { view: view.level },
  });
  return toPeerProfile(worker, view);
}
