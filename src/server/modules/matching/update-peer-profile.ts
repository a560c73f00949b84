import { peerProfileFields, type PeerWorkerProfile, type UpdatePeerProfile } from '../../../shared/schemas/matching.js';
import { peerWorkerProfiles } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { toStoredSlots } from './availability.js';
import { requirePeerProfileView, toPeerProfile } from './get-peer-profile.js';
import { loadPeerWorkers } from './peer-workers.js';

/**
 * Changes the fields sent. The peer worker changes anything; their supervisor or an org admin only
 * capacity and settings. A request naming a field the actor may not change changes nothing at all.
 */
export async function updatePeerProfile(ctx: AuthedContext, peerWorkerId: string, input: UpdatePeerProfile): Promise<PeerWorkerProfile> {
  const { worker, view } = await requirePeerProfileView(ctx, peerWorkerId, 'peer_profile.update');
  const sent = peerProfileFields.filter((f) => input[f] !== undefined);
  const refused = sent.filter((f) => !view.edit.includes(f));
  if (refused.length > 0) {
    await recordAudit(ctx, { action: 'peer_profile.update', outcome: 'denied', resourceType: 'peer_worker_profile', resourceId: worker.id, details: { fields: refused } });
    if (view.edit.length === 0) throw new AppError('auth.forbidden', 'Only the peer worker and their supervisor can change this profile.');
    throw new AppError(
      'peer_profile.peer_decides',
      'What a peer worker shares about their own life is theirs to choose. You can change capacity and settings.',
      refused.map((f) => ({ path: `body.${f}`, message: 'is the peer worker’s own choice' })),
    );
  }

  const set = {
    ...(input.livedExperience !== undefined && { livedExperience: input.livedExperience }),
    ...(input.languages !== undefined && { languages: input.languages }),
    ...(input.gender !== undefined && { gender: input.gender }),
    ...(input.settings !== undefined && { settings: input.settings }),
    ...(input.availability !== undefined && { availability: toStoredSlots(input.availability) }),
    ...(input.capacity !== undefined && { capacity: input.capacity }),
    ...(input.bio !== undefined && { bio: input.bio || null }),
    updatedAt: new Date(),
  };
  const before = worker.profile;
  // Which fields changed, never their content: the trail tells that a profile changed, not what a person shared.
  const changed = sent.filter((f) => before === null || JSON.stringify(before[f]) !== JSON.stringify((set as Record<string, unknown>)[f]));

  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(peerWorkerProfiles)
      .values({ userId: worker.id, organizationId: ctx.actor.organizationId, ...set })
      .onConflictDoUpdate({ target: peerWorkerProfiles.userId, set });
    await recordAudit(tx, { action: 'peer_profile.update', resourceType: 'peer_worker_profile', resourceId: worker.id, details: { changed } });
  });
  const [updated] = await loadPeerWorkers(ctx.db, { organizationId: ctx.actor.organizationId, ids: [worker.id], includeDisabled: true });
  return toPeerProfile(updated!, view);
}
