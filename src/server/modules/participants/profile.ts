import { and, eq, isNull } from 'drizzle-orm';
import { demographicsSchema, type Demographics, type ParticipantProfile } from '../../../shared/schemas/profile.js';
import { participants, peerAssignments, programs, users } from '../../db/schema/index.js';
import { anyAllows, requireParticipantAccess, type Relationship } from '../../platform/access.js';
import type { AuthedContext, RequestContext } from '../../platform/context.js';

/** The record with its program and current peer worker; no access check (callers ask the policy first). */
export async function loadProfileRow(ctx: RequestContext, participantId: string) {
  const [row] = await ctx.db
    .select({
      participant: participants,
      programName: programs.name,
      timeZone: programs.timeZone,
      peerWorkerId: peerAssignments.peerWorkerId,
      peerWorkerName: users.displayName,
    })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .leftJoin(peerAssignments, and(eq(peerAssignments.participantId, participants.id), isNull(peerAssignments.endedAt)))
    .leftJoin(users, eq(users.id, peerAssignments.peerWorkerId))
    .where(eq(participants.id, participantId))
    .limit(1);
  return row!;
}

type ProfileRow = Awaited<ReturnType<typeof loadProfileRow>>;

/**
 * Demographics and whether days are counted are the participant's own to tell and to choose; staff
 * never see or change them, with one exception: someone without a login (often in prison) cannot
 * use the app, so staff who may edit the record write down what the person tells them.
 * A narrowing inside the 'profile' category, like private check-ins inside 'checkins'.
 */
export function decidesPersonal(rels: readonly Relationship[], hasLogin: boolean): boolean {
  if (rels.includes('self')) return true;
  return !hasLogin && anyAllows(rels, 'profile', 'write');
}

/** Discharge and return to active are staff decisions: a profile writer other than the participant themself. */
export function mayChangeStatus(rels: readonly Relationship[]): boolean {
  return anyAllows(
    rels.filter((r) => r !== 'self'),
    'profile',
    'write',
  );
}

/** Stored answers field by field: a value the vocabulary no longer has is left out, not the whole set. */
function readDemographics(stored: Record<string, unknown>): Demographics {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(demographicsSchema.shape)) {
    const parsed = field.safeParse(stored[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as Demographics;
}

export function toProfile(row: ProfileRow, rels: readonly Relationship[]): ParticipantProfile {
  const p = row.participant;
  const hasLogin = p.userId !== null;
  const personal = decidesPersonal(rels, hasLogin);
  return {
    id: p.id,
    programId: p.programId,
    programName: row.programName,
    timeZone: row.timeZone,
    preferredName: p.preferredName,
    pronouns: p.pronouns,
    preferredLanguage: p.preferredLanguage,
    pathways: p.pathways,
    substances: p.substances,
    setting: p.setting,
    demographics: personal ? readDemographics(p.demographics as Record<string, unknown>) : null,
    countsDays: p.countsDays,
    status: p.status,
    dischargedAt: p.dischargedAt?.toISOString() ?? null,
    dischargeReason: p.dischargeReason,
    continuedSupport: p.continuedSupport,
    enrolledAt: p.enrolledAt.toISOString(),
    hasLogin,
    peerWorker: row.peerWorkerId ? { id: row.peerWorkerId, displayName: row.peerWorkerName ?? '' } : null,
    can: {
      edit: anyAllows(rels, 'profile', 'write'),
      editPersonal: personal,
      changeStatus: mayChangeStatus(rels),
      // A reminder reaches a login; a record without one has nobody to remind.
      reminder: { read: anyAllows(rels, 'checkins', 'read'), write: hasLogin && anyAllows(rels, 'checkins', 'write') },
    },
  };
}

/** The full record. The read is audited by the policy. */
export async function getParticipantProfile(ctx: AuthedContext, participantId: string): Promise<ParticipantProfile> {
  const granted = await requireParticipantAccess(ctx, {
    participantId,
    category: 'profile',
    access: 'read',
    action: 'participant.read',
    resourceType: 'participant_profile',
  });
  return toProfile(await loadProfileRow(ctx, participantId), granted.relationships);
}
