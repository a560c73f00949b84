import type { SessionUser } from '../shared/schemas/auth.js';
import type { ParticipantSummary } from '../shared/schemas/participants.js';
import type { OrgUser, Program, Role } from '../shared/schemas/tenancy.js';
import { roles } from '../shared/schemas/tenancy.js';

/** The roles a user holds, in the order their home sections appear. */
export function rolesOf(user: Pick<SessionUser, 'memberships'>): Role[] {
  const held = new Set(user.memberships.map((m) => m.role));
  return roles.filter((r) => held.has(r));
}

/** A membership without a program (an org admin's) covers every program. */
export function holdsRoleIn(user: Pick<SessionUser, 'memberships'>, role: Role, programId: string): boolean {
  return user.memberships.some((m) => m.role === role && (m.programId === null || m.programId === programId));
}

/** Programs where the user holds any of these roles. */
export function programsWhere(user: SessionUser, anyOf: readonly Role[]): Program[] {
  return user.programs.filter((p) => anyOf.some((role) => holdsRoleIn(user, role, p.id)));
}

export function programTimeZone(user: SessionUser, programId: string): string | undefined {
  return user.programs.find((p) => p.id === programId)?.timeZone;
}

export interface PersonChoice {
  id: string;
  displayName: string;
}

/** Peer workers of a program, from the organization's people (an org admin can list them). */
export function peerWorkersOf(users: readonly OrgUser[], programId: string): PersonChoice[] {
  return users
    .filter((u) => u.status !== 'disabled' && holdsRoleIn(u, 'peer_worker', programId))
    .map(({ id, displayName }) => ({ id, displayName }));
}

/**
 * Peer workers of a program as far as a participants list shows them. A supervisor cannot list the
 * organization's people, so the choices are those already walking alongside someone there.
 */
export function peerWorkersSeen(participants: readonly ParticipantSummary[], programId: string): PersonChoice[] {
  const seen = new Map<string, PersonChoice>();
  for (const p of participants) if (p.programId === programId && p.peerWorker) seen.set(p.peerWorker.id, p.peerWorker);
  return [...seen.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
