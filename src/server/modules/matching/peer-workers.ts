import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { memberships, peerAssignments, peerWorkerProfiles, users } from '../../db/schema/index.js';
import { openPlaces, type PeerWorkerForMatching } from '../../../shared/matching/index.js';
import { livedExperiences, participantSettings } from '../../../shared/schemas/journey.js';
import type { PeerWorkerProfile, PeerWorkerShared } from '../../../shared/schemas/matching.js';
import { toWeeklyTimes } from './availability.js';

type ProfileRow = typeof peerWorkerProfiles.$inferSelect;

/** A peer worker as matching sees them: their programs, their profile (or its defaults), their caseload now. */
export interface PeerWorker {
  id: string;
  displayName: string;
  disabled: boolean;
  programIds: string[];
  profile: ProfileRow | null;
  caseload: number;
}

// The table's defaults, for a peer worker who has not saved a profile yet.
const DEFAULT_LANGUAGES = ['en'];
const DEFAULT_CAPACITY = 25;

/**
 * Peer workers of one organization (a peer_worker membership), narrowed to some programs or some
 * ids. Caseload counts every current assignment, in any program: capacity is the person's.
 */
export async function loadPeerWorkers(
  db: Db,
  where: { organizationId: string; programIds?: readonly string[]; ids?: readonly string[]; includeDisabled?: boolean },
): Promise<PeerWorker[]> {
  if (where.programIds?.length === 0 || where.ids?.length === 0) return [];
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, disabledAt: users.disabledAt, programId: memberships.programId, profile: peerWorkerProfiles })
    .from(memberships)
    .innerJoin(users, and(eq(users.id, memberships.userId), eq(users.organizationId, memberships.organizationId)))
    .leftJoin(peerWorkerProfiles, eq(peerWorkerProfiles.userId, users.id))
    .where(
      and(
        eq(memberships.organizationId, where.organizationId),
        eq(memberships.role, 'peer_worker'),
        where.programIds ? inArray(memberships.programId, [...where.programIds]) : undefined,
        where.ids ? inArray(users.id, [...where.ids]) : undefined,
        where.includeDisabled ? undefined : isNull(users.disabledAt),
      ),
    )
    .orderBy(users.displayName, users.id);
  const byId = new Map<string, PeerWorker>();
  for (const row of rows) {
    let worker = byId.get(row.id);
    if (!worker) {
      worker = { id: row.id, displayName: row.displayName, disabled: row.disabledAt !== null, programIds: [], profile: row.profile, caseload: 0 };
      byId.set(row.id, worker);
    }
    if (row.programId) worker.programIds.push(row.programId);
  }
  if (byId.size === 0) return [];
  const loads = await db
    .select({ peerWorkerId: peerAssignments.peerWorkerId, n: count() })
    .from(peerAssignments)
    .where(and(eq(peerAssignments.organizationId, where.organizationId), inArray(peerAssignments.peerWorkerId, [...byId.keys()]), isNull(peerAssignments.endedAt)))
    .groupBy(peerAssignments.peerWorkerId);
  for (const load of loads) byId.get(load.peerWorkerId)!.caseload = Number(load.n);
  return [...byId.values()];
}

const known = <T extends string>(vocabulary: readonly T[], codes: readonly string[]): T[] =>
  codes.filter((c): c is T => (vocabulary as readonly string[]).includes(c));

export function capacityOf(worker: PeerWorker): number {
  return worker.profile?.capacity ?? DEFAULT_CAPACITY;
}

/** What matching shows to colleagues and to the participant: only what the peer worker chose to share. */
export function sharedView(worker: PeerWorker): PeerWorkerShared {
  const p = worker.profile;
  return {
    id: worker.id,
    displayName: worker.displayName,
    livedExperience: known(livedExperiences, p?.livedExperience ?? []),
    languages: p?.languages ?? DEFAULT_LANGUAGES,
    settings: known(participantSettings, p?.settings ?? []),
    bio: p?.bio ?? null,
  };
}

export function detailsView(worker: PeerWorker): NonNullable<PeerWorkerProfile['details']> {
  const capacity = capacityOf(worker);
  return {
    gender: worker.profile?.gender ?? null,
    availability: toWeeklyTimes(worker.profile?.availability),
    capacity,
    caseload: worker.caseload,
    openPlaces: openPlaces({ capacity, caseload: worker.caseload }),
  };
}

/** The scorer's view. `caseload` may be lowered by the caller (the participant's own peer worker). */
export function forMatching(worker: PeerWorker, caseload = worker.caseload): PeerWorkerForMatching {
  const shared = sharedView(worker);
  const gender = worker.profile?.gender;
  return {
    id: worker.id,
    languages: shared.languages,
    ...(gender ? { gender } : {}),
    livedExperience: shared.livedExperience,
    settings: shared.settings,
    capacity: capacityOf(worker),
    caseload,
    availability: toWeeklyTimes(worker.profile?.availability),
  };
}
