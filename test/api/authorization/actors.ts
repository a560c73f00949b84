/**
 * The columns of the authorization matrix: every kind of caller, described by their relationship to
 * "the participant" (Alex, program A, assigned to peer worker A) of a fresh world from makeWorld.
 */
export const actors = [
  'anonymous',
  'self', // the participant themself
  'sameProgramParticipant', // another participant of program A
  'assignedPeer', // the peer worker assigned to the participant
  'unassignedPeer', // a peer worker of program A, assigned to someone else
  'otherProgramPeer', // a peer worker of program B
  'supervisor', // supervisor of program A
  'otherSupervisor', // supervisor of program B
  'clinicianWithConsent', // clinician of program A, the participant has consented to share with them
  'clinicianWithoutConsent', // clinician of program A, no consent
  'moderator', // community moderator of program A
  'orgAdmin', // admin of the participant's organization
  'otherOrgAdmin', // admin of another organization
  'tokenRead', // integration token with read scope
  'tokenWrite', // integration token with write scope
] as const;
export type ActorName = (typeof actors)[number];

/**
 * THE SWITCHES. Consents and integration tokens were built in parallel with this matrix
 * (src/server/modules/consents, src/server/modules/integrations). While a switch is off, its actors
 * are stand-ins: "clinicianWithConsent" is a second clinician without a consent (checked against
 * the clinicianWithoutConsent expectations), and both token actors call with no credentials at all
 * (checked against the anonymous expectations).
 * - CONSENTS_WIRED: world.ts has the participant sign a consent (every category, until revoked)
 *   for the clinicianWithConsent actor.
 * - INTEGRATION_TOKENS_WIRED: world.ts has the org admin issue a read and a write token (and Alex
 *   consent to share with the read one), and the token actors send them as Bearer tokens.
 */
export const CONSENTS_WIRED = true;
export const INTEGRATION_TOKENS_WIRED = true;

/** Whose expectations a column is checked against while its switch is off. */
export function standInFor(actor: ActorName): ActorName {
  if (!CONSENTS_WIRED && actor === 'clinicianWithConsent') return 'clinicianWithoutConsent';
  if (!INTEGRATION_TOKENS_WIRED && (actor === 'tokenRead' || actor === 'tokenWrite')) return 'anonymous';
  return actor;
}
