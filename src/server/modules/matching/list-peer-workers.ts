import type { PeerWorkerProfile } from '../../../shared/schemas/matching.js';
import { recordAudit } from '../../platform/audit.js';
import { isOrgAdmin, programsWithRole, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireProgram } from '../organizations/programs.js';
import { toPeerProfile } from './get-peer-profile.js';
import { peerProfileView } from './peer-profile-access.js';
import { loadPeerWorkers } from './peer-workers.js';

/**
 * Peer workers of the programs the actor supervises (an org admin: of every program, or of one),
 * with their profile, how many people they walk with now and how many places are left. Each one
 * listed is a read of their profile, in the trail.
 */
export async function listPeerWorkers(ctx: AuthedContext, filter: { programId?: string }): Promise<PeerWorkerProfile[]> {
  const admin = isOrgAdmin(ctx.actor);
  const supervised = programsWithRole(ctx.actor, 'supervisor');
  let programIds: string[] | undefined = admin ? undefined : supervised;
  if (filter.programId) {
    await requireProgram(ctx, filter.programId);
    if (!admin && !supervised.includes(filter.programId)) throw new AppError('auth.forbidden', 'You do not supervise that program.');
    programIds = [filter.programId];
  }
  const workers = await loadPeerWorkers(ctx.db, { organizationId: ctx.actor.organizationId, ...(programIds && { programIds }) });
  const profiles: PeerWorkerProfile[] = [];
  for (const worker of workers) {
    const view = await peerProfileView(ctx, worker);
    if (view?.level === 'full') profiles.push(toPeerProfile(worker, view));
  }
  await recordAudit(
    ctx,
    ...profiles.map((p) => ({ action: 'peer_profile.read' as const, resourceType: 'peer_worker_profile', resourceId: p.id, details: { view: 'full', list: true } })),
  );
  return profiles;
}
