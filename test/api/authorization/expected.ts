import type { ActorName } from './actors.js';

/*
 * THE AUTHORIZATION MATRIX: who may call what. Reviewed data, not code paths.
 * ==========================================================================
 *
 * test/api/authorization/matrix.test.ts reads /api/openapi.json, calls every "METHOD /path" there as
 * every actor in actors.ts (each actor in a fresh world of its own, see world.ts), and compares each
 * outcome with the row below. It FAILS on: a route with no row here, an allow this table does not
 * expect (a leak), a denial it does not expect, a 500, and a request the route rejects as invalid
 * (a 400 validation.failed: the recipe in world.ts is wrong, the cell proved nothing).
 *
 * What "allowed" means. The request got past the access rules: any 2xx/3xx, or a 4xx that only a
 * caller who passed the policy can reach (409 conflict, 400 with a domain code such as
 * assessment.answer_invalid or auth.token_invalid, 410, 422). "Denied" means 401, 403 (any code:
 * auth.forbidden, auth.csrf_failed, goal.participant_decides, ...) or 404 (the policy answers "not
 * found" so nobody learns that a record exists). Every write is sent with a VALID body (built from
 * the route's schema, with real ids from world.ts): Fastify validates the body BEFORE the access
 * hook (src/server/platform/http.ts, preHandler), so an invalid body would answer 400 to everyone,
 * anonymous included, and hide the access decision; the test therefore treats validation.failed as
 * an error of the test, never as an allow.
 *
 * HOW TO ADD A ROW (for a new route)
 *   1. Add one line to `expected` below, in the section of your module:
 *        'POST /api/participants/{id}/widgets': row('widgets: self + care team write', ['self', 'assignedPeer', 'supervisor']),
 *      - the key is exactly "METHOD /path" as in /api/openapi.json (path parameters in braces);
 *      - the first argument is a short rule name a reviewer understands (the WHY, not the code);
 *      - the second lists the actors ALLOWED; everyone else must be denied. Use the groups below
 *        (...ANYONE, ...SIGNED_IN, ...PEERS) or actor names from actors.ts. Name the target
 *        participant's relationship: 'self', 'assignedPeer', 'supervisor', 'clinicianWithConsent',
 *        'orgAdmin' -- the "other*" / "unassigned" / "sameProgram" actors are the ones that must NOT
 *        see the participant's data.
 *      - the actors are always relative to "the participant" Alex (program A, assigned to peer A).
 *      - 'clinicianWithConsent' holds a signed consent from Alex for every consent category (read
 *        only); 'tokenRead' / 'tokenWrite' are integration tokens. While a switch in actors.ts is
 *        off, those columns are checked against clinicianWithoutConsent / anonymous instead.
 *   2. If the route has path parameters other than the common ones, or a body whose required fields
 *      need real ids or particular values, teach test/api/authorization/world.ts (PARAMS by the
 *      segment before the parameter, BODIES by route key). Bodies default to the smallest value the
 *      JSON schema accepts, which is often enough.
 *   3. Run: npx vitest run -c vitest.config.ts test/api/authorization/matrix.test.ts
 *      The failure list prints "METHOD /path actor: expected allow|deny, got <status> <code>".
 *   Do NOT widen a row to make a failure go away without asking whether the allow is a leak.
 */

export interface Row {
  /** Why: a short rule name, reviewed with the row. */
  rule: string;
  allow: readonly ActorName[];
}

export const row = (rule: string, allow: readonly ActorName[]): Row => ({ rule, allow });

// Groups, to keep rows short.
export const NOBODY: ActorName[] = [];
export const PARTICIPANTS: ActorName[] = ['self', 'sameProgramParticipant'];
export const PEERS: ActorName[] = ['assignedPeer', 'unassignedPeer', 'otherProgramPeer'];
export const SUPERVISORS: ActorName[] = ['supervisor', 'otherSupervisor'];
export const CLINICIANS: ActorName[] = ['clinicianWithConsent', 'clinicianWithoutConsent'];
export const ADMINS: ActorName[] = ['orgAdmin', 'otherOrgAdmin'];
/** Everyone with a staff role in some organization. */
export const STAFF: ActorName[] = [...PEERS, ...SUPERVISORS, ...CLINICIANS, 'moderator', ...ADMINS];
/** Everyone signed in with a session (integration tokens are not sessions). */
export const SIGNED_IN: ActorName[] = [...PARTICIPANTS, ...STAFF];
/** Everyone, credentials or not. */
export const ANYONE: ActorName[] = ['anonymous', ...SIGNED_IN, 'tokenRead', 'tokenWrite'];

/** Everyone with a role in the participant's organization (the other organization's admin is not). */
export const ORGANIZATION: ActorName[] = SIGNED_IN.filter((a) => a !== 'otherOrgAdmin');
/** Everyone who belongs to program A (or, as its admin, the whole organization). */
export const PROGRAM_A: ActorName[] = [...PARTICIPANTS, 'assignedPeer', 'unassignedPeer', 'supervisor', ...CLINICIANS, 'moderator', 'orgAdmin'];

export const expected: Record<string, Row> = {
  // admin
  'POST /api/admin/invitations': row('org admin of this organization', ['orgAdmin']),
  'GET /api/admin/programs': row('org admins (their own organization)', [...ADMINS]),
  'POST /api/admin/programs': row('org admins (their own organization)', [...ADMINS]),
  'PATCH /api/admin/programs/{id}': row('org admin of this organization', ['orgAdmin']),
  'GET /api/admin/programs/{id}/invite-code': row('org admin of this organization', ['orgAdmin']),
  'PUT /api/admin/programs/{id}/invite-code': row('org admin of this organization', ['orgAdmin']),
  'GET /api/admin/users': row('org admins (their own organization)', [...ADMINS]),
  'PUT /api/admin/users/{id}/role': row('org admin of this organization', ['orgAdmin']),
  'POST /api/admin/participants/{id}/erase': row('erasure on a verified request: org admin of this organization', ['orgAdmin']),

  // alerts
  'GET /api/alerts': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'POST /api/alerts/{id}/acknowledge': row('alerts: assigned peer and supervisor', ['assignedPeer', 'supervisor']),
  'POST /api/alerts/{id}/resolve': row('alerts: assigned peer and supervisor', ['assignedPeer', 'supervisor']),

  // appointments
  'GET /api/appointments': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'PATCH /api/appointments/{id}': row('appointments: the assigned peer schedules', ['assignedPeer']),

  // auth
  'GET /api/auth/invitations/{token}': row('public', [...ANYONE]),
  'POST /api/auth/invitations/accept': row('public (answers 400 auth.token_invalid to a wrong token)', [...ANYONE]),
  'POST /api/auth/password-reset': row('public', [...ANYONE]),
  'POST /api/auth/password-reset/complete': row('public (answers 400 auth.token_invalid to a wrong token)', [...ANYONE]),
  'GET /api/auth/session': row('public', [...ANYONE]),
  'POST /api/auth/sign-in': row('public', [...ANYONE]),
  'POST /api/auth/sign-out': row('anyone with a session', [...SIGNED_IN]),
  'POST /api/auth/sign-up': row('public', [...ANYONE]),
  'GET /api/auth/sign-up/{code}': row('public', [...ANYONE]),

  // calendar-feeds
  'GET /api/calendar-feeds': row('own appointment calendar links: participants and peer workers', [...PARTICIPANTS, ...PEERS]),
  'POST /api/calendar-feeds': row('own appointment calendar links: participants and peer workers', [...PARTICIPANTS, ...PEERS]),
  'DELETE /api/calendar-feeds/{id}': row('own calendar link of peer A: peer A alone', ['assignedPeer']),

  // calendar
  'GET /api/calendar/{file}': row('public', [...ANYONE]),

  // caseload
  'GET /api/caseload': row('own caseload: peer workers and supervisors', [...PEERS, ...SUPERVISORS]),

  // community (the online peer community; every actor has joined it under a community name in their
  // own world; the fixture space is program A's, so program B and the other organization must not see it)
  'GET /api/community/me': row('community: own profile, anyone signed in', [...SIGNED_IN]),
  'POST /api/community/me': row('community: anyone signed in joins (their own organization)', [...SIGNED_IN]),
  'PATCH /api/community/me': row('community: own profile, anyone signed in', [...SIGNED_IN]),
  'POST /api/community/me/leave': row('community: own profile, anyone signed in', [...SIGNED_IN]),
  'GET /api/community/me/moderation': row('community: what moderators did about me, anyone signed in', [...SIGNED_IN]),
  'POST /api/community/me/moderation/{actionId}/appeal': row('appeal: only the person the action was about', ['self']),
  'GET /api/community/me/blocks': row('community: own block list, anyone signed in', [...SIGNED_IN]),
  'GET /api/community/members': row('find a member by community name: anyone of this organization (community names are what members see anyway)', [...ORGANIZATION]),
  'PUT /api/community/members/{memberId}/block': row('block: any member of this organization', [...ORGANIZATION]),
  'DELETE /api/community/members/{memberId}/block': row('unblock: only ever changes the caller\'s own list (no lookup of the member)', [...SIGNED_IN]),
  'GET /api/community/spaces': row('community: spaces I can see, anyone signed in', [...SIGNED_IN]),
  'POST /api/community/spaces': row('spaces: the moderators and admins (their own organization)', ['moderator', ...ADMINS]),
  'GET /api/community/spaces/{spaceId}': row('program space: people of program A and the org admin', [...PROGRAM_A]),
  'PATCH /api/community/spaces/{spaceId}': row('change a program A space: its program\'s moderator and the org admin', ['moderator', 'orgAdmin']),
  'GET /api/community/spaces/{spaceId}/people': row('people of a program A space: its program\'s moderator and the org admin', ['moderator', 'orgAdmin']),
  'GET /api/community/spaces/{spaceId}/posts': row('program space: people of program A and the org admin', [...PROGRAM_A]),
  'POST /api/community/spaces/{spaceId}/posts': row('program space: people of program A and the org admin', [...PROGRAM_A]),
  'GET /api/community/search': row('search in the program space: people of program A and the org admin', [...PROGRAM_A]),
  'GET /api/community/posts/{postId}': row('post in the program space: people of program A and the org admin', [...PROGRAM_A]),
  'POST /api/community/posts/{postId}/replies': row('post in the program space: people of program A and the org admin', [...PROGRAM_A]),
  'POST /api/community/posts/{postId}/reactions': row('post in the program space: people of program A and the org admin', [...PROGRAM_A]),
  'PUT /api/community/posts/{postId}/follow': row('post in the program space: people of program A and the org admin', [...PROGRAM_A]),
  'POST /api/community/reports': row('report a post: those who can see it (program space)', [...PROGRAM_A]),
  'GET /api/community/moderation/queue': row('moderation queue: moderators and admins (their own organization\'s)', ['moderator', ...ADMINS]),
  'POST /api/community/moderation/queue/{itemId}': row('moderation: the organization\'s moderators and admin', ['moderator', 'orgAdmin']),
  'GET /api/community/transparency': row('transparency figures (counts only): anyone signed in, for their own organization', [...SIGNED_IN]),
  'GET /api/community/rules': row('safety rules: moderators and admins (their own organization)', ['moderator', ...ADMINS]),
  'PUT /api/community/rules': row('safety rules: org admins (their own organization)', [...ADMINS]),
  'GET /api/community/stories': row('published stories: anyone signed in (their own organization)', [...SIGNED_IN]),
  'POST /api/community/stories': row('share a story (reviewed first): anyone signed in (their own organization)', [...SIGNED_IN]),
  'GET /api/community/rooms': row('rooms I can see: anyone signed in', [...SIGNED_IN]),
  'POST /api/community/rooms': row('rooms are hosted by peer workers (and supervisors), their own organization', [...PEERS, ...SUPERVISORS]),
  'GET /api/community/rooms/{roomId}': row('room in the program space: people of program A and the org admin', [...PROGRAM_A]),
  'POST /api/community/rooms/{roomId}/join': row('room in the program space: people of program A and the org admin', [...PROGRAM_A]),
  'POST /api/community/rooms/{roomId}/leave': row('room in the program space: people of program A and the org admin', [...PROGRAM_A]),
  'POST /api/community/rooms/{roomId}/messages': row('room in the program space: people of program A and the org admin (409 until joined)', [...PROGRAM_A]),
  'POST /api/community/rooms/{roomId}/control': row('room controls: its host (peer A) alone', ['assignedPeer']),
  'GET /api/community/rooms/{roomId}/transcript': row('room in the program space: people of program A and the org admin (empty unless they were in it)', [...PROGRAM_A]),

  // coping
  'GET /api/coping/strategies': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),

  // group-calendars
  'GET /api/group-calendars/{file}': row('public', [...ANYONE]),

  // groups
  'GET /api/groups': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'POST /api/groups': row('start a group in program A: its peer workers and supervisor', ['assignedPeer', 'unassignedPeer', 'supervisor']),
  'GET /api/groups/{id}': row('program groups: its participants, its peer workers, its supervisor', [...PARTICIPANTS, 'assignedPeer', 'unassignedPeer', 'supervisor']),
  'PATCH /api/groups/{id}': row('group facilitator (peer A) and program supervisor', ['assignedPeer', 'supervisor']),
  'POST /api/groups/{id}/calendar-link': row('program groups: whoever sees the group makes their own link', [...PARTICIPANTS, 'assignedPeer', 'unassignedPeer', 'supervisor']),
  'POST /api/groups/{id}/calendar-link/revoke': row('program groups: whoever sees the group revokes their own link', [...PARTICIPANTS, 'assignedPeer', 'unassignedPeer', 'supervisor']),
  'GET /api/groups/{id}/calendar.ics': row('program groups: its participants, its peer workers, its supervisor', [...PARTICIPANTS, 'assignedPeer', 'unassignedPeer', 'supervisor']),
  'POST /api/groups/{id}/enrolments': row('enrol Robin: Robin themself, the facilitator (peer A), the supervisor', ['sameProgramParticipant', 'assignedPeer', 'supervisor']),
  'POST /api/groups/{id}/enrolments/{participantId}/withdraw': row('withdraw Alex: Alex, the facilitator/assigned peer, supervisor', ['self', 'assignedPeer', 'supervisor']),
  'GET /api/groups/{id}/sessions': row('program groups: its participants, its peer workers, its supervisor', [...PARTICIPANTS, 'assignedPeer', 'unassignedPeer', 'supervisor']),
  'PATCH /api/groups/{id}/sessions/{date}': row('group facilitator (peer A) and program supervisor', ['assignedPeer', 'supervisor']),
  'GET /api/groups/{id}/sessions/{date}/attendance': row('group facilitator (peer A) and program supervisor', ['assignedPeer', 'supervisor']),
  'PUT /api/groups/{id}/sessions/{date}/attendance': row('group facilitator (peer A) and program supervisor', ['assignedPeer', 'supervisor']),
  'PUT /api/groups/{id}/sessions/{date}/rsvp': row('an enrolled participant answers for themself', ['self']),
  'POST /api/groups/{id}/sessions/{date}/walk-ins': row('group facilitator (peer A) and program supervisor', ['assignedPeer', 'supervisor']),
  'GET /api/groups/{id}/walk-in-search': row('group facilitator (peer A) and program supervisor', ['assignedPeer', 'supervisor']),

  // hsds
  'GET /api/hsds/{org}': row('public HSDS directory', [...ANYONE]),
  'GET /api/hsds/{org}/organizations': row('public HSDS directory', [...ANYONE]),
  'GET /api/hsds/{org}/organizations/{id}': row('public HSDS directory', [...ANYONE]),
  'GET /api/hsds/{org}/service_at_locations': row('public HSDS directory', [...ANYONE]),
  'GET /api/hsds/{org}/service_at_locations/{id}': row('public HSDS directory', [...ANYONE]),
  'GET /api/hsds/{org}/services': row('public HSDS directory', [...ANYONE]),
  'GET /api/hsds/{org}/services/{id}': row('public HSDS directory', [...ANYONE]),
  'GET /api/hsds/{org}/taxonomies': row('public HSDS directory', [...ANYONE]),
  'GET /api/hsds/{org}/taxonomies/{id}': row('public HSDS directory', [...ANYONE]),
  'GET /api/hsds/{org}/taxonomy_terms': row('public HSDS directory', [...ANYONE]),
  'GET /api/hsds/{org}/taxonomy_terms/{id}': row('public HSDS directory', [...ANYONE]),

  // instruments
  'GET /api/instruments': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),

  // me
  'PATCH /api/me': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),

  // meetings
  'GET /api/meetings': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'GET /api/meetings/{id}': row('meeting directory: anyone signed in to this organization', [...PARTICIPANTS, ...PEERS, ...SUPERVISORS, ...CLINICIANS, 'moderator', 'orgAdmin']),
  'POST /api/meetings/{id}/attendance': row('participants log their own meeting attendance', [...PARTICIPANTS]),
  'PUT /api/meetings/{id}/saved': row('meeting directory: anyone signed in to this organization', [...PARTICIPANTS, ...PEERS, ...SUPERVISORS, ...CLINICIANS, 'moderator', 'orgAdmin']),
  'POST /api/meetings/import': row('org admins (their own organization)', [...ADMINS]),

  // notes
  'PATCH /api/notes/{id}': row('contact notes: the author (assigned peer)', ['assignedPeer']),
  'GET /api/notes/{id}/versions': row('contact-note versions are text: assigned peer and supervisor only (a consent shares summaries, never text)', ['assignedPeer', 'supervisor']),

  // notifications
  'GET /api/notifications': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'POST /api/notifications/{id}/read': row('own notification of Alex: the participant alone', ['self']),
  'POST /api/notifications/read-all': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),

  // participants
  'GET /api/participants': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'POST /api/participants': row('enrol someone in program A: its peer workers, its supervisor, org admin', ['assignedPeer', 'unassignedPeer', 'supervisor', 'orgAdmin']),
  'GET /api/participants/{id}/export': row('everything held about a person: themself, or the org admin answering a request', ['self', 'orgAdmin']),
  'GET /api/participants/{id}': row('record: self, assigned peer, supervisor, org admin + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'orgAdmin', 'clinicianWithConsent']),

  // participants/alerts
  'GET /api/participants/{id}/alerts': row('alerts: assigned peer and supervisor', ['assignedPeer', 'supervisor']),

  // participants/appointments
  'GET /api/participants/{id}/appointments': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),
  'POST /api/participants/{id}/appointments': row('appointments: the assigned peer schedules', ['assignedPeer']),

  // participants/assessments
  'GET /api/participants/{id}/assessments': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),
  'POST /api/participants/{id}/assessments': row('measures: self, or the assigned peer with them', ['self', 'assignedPeer']),
  'GET /api/participants/{id}/assessments/{responseId}': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),

  // participants/attendance
  'GET /api/participants/{id}/attendance': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),

  // participants/audit-trail
  'GET /api/participants/{id}/audit-trail': row('audit trail: org admin (policy: audit_trail)', ['orgAdmin']),

  // participants/check-in-reminder
  'GET /api/participants/{id}/check-in-reminder': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),
  'PUT /api/participants/{id}/check-in-reminder': row('the participant alone', ['self']),

  // participants/check-ins
  'GET /api/participants/{id}/check-ins': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),
  'POST /api/participants/{id}/check-ins': row('the participant alone', ['self']),
  'GET /api/participants/{id}/check-ins/trend': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),

  // participants/coping-plan
  'GET /api/participants/{id}/coping-plan': row('care team: self, assigned peer, supervisor', ['self', 'assignedPeer', 'supervisor']),
  'PUT /api/participants/{id}/coping-plan': row('the participant alone', ['self']),

  // participants/cravings
  'GET /api/participants/{id}/cravings': row('care team: self, assigned peer, supervisor', ['self', 'assignedPeer', 'supervisor']),
  'POST /api/participants/{id}/cravings': row('the participant alone', ['self']),
  'PATCH /api/participants/{id}/cravings/{cravingId}': row('the participant alone', ['self']),

  // participants/consents (42 CFR Part 2): kept with the participant, their peer worker and supervisor; only the participant
  // (or a legal representative recorded on the record, who has no actor here: see test/api/consents.test.ts) signs and revokes
  'GET /api/participants/{id}/consents': row('consents: self, assigned peer, supervisor', ['self', 'assignedPeer', 'supervisor']),
  'POST /api/participants/{id}/consents': row('consents are prepared by the participant, or their peer worker with them', ['self', 'assignedPeer']),
  'GET /api/participants/{id}/consents/{consentId}': row('consents: self, assigned peer, supervisor', ['self', 'assignedPeer', 'supervisor']),
  'POST /api/participants/{id}/consents/{consentId}/sign': row('only the participant signs (409 once signed)', ['self']),
  'POST /api/participants/{id}/consents/{consentId}/revoke': row('only the participant revokes', ['self']),
  'GET /api/participants/{id}/legal-representative': row('legal representative: those who keep the consents, and the org admin', ['self', 'assignedPeer', 'supervisor', 'orgAdmin']),
  'PUT /api/participants/{id}/legal-representative': row('a supervisor or org admin records the legal representative (never the peer worker who prepares consents)', ['supervisor', 'orgAdmin']),
  'POST /api/participants/{id}/legal-representative/end': row('a supervisor or org admin ends the legal representative', ['supervisor', 'orgAdmin']),
  'GET /api/participants/{id}/consent-recipients': row('consents are prepared by the participant, or their peer worker with them', ['self', 'assignedPeer']),
  'GET /api/participants/{id}/disclosures': row('accounting of disclosures: the participant alone', ['self']),
  'GET /api/participants/{id}/disclosures.csv': row('accounting of disclosures: the participant alone', ['self']),
  'GET /api/participants/{id}/clinician-view': row('consented summary: the clinician an active consent names', ['clinicianWithConsent']),
  'POST /api/participants/{id}/care-messages': row('care coordination: the clinician an active consent names', ['clinicianWithConsent']),
  'GET /api/participants/{id}/consents/{consentId}/fhir': row('FHIR export under a consent: those who keep it (the consent here names a partner system, not the clinician)', ['self', 'assignedPeer', 'supervisor']),
  'POST /api/participants/{id}/fhir/referrals': row('FHIR referral import: the assigned peer worker records referrals', ['assignedPeer']),

  // integrations: partner systems, created and revoked by an org admin; token routes per organization
  'POST /api/integration-clients': row('org admins (their own organization)', [...ADMINS]),
  'GET /api/integration-clients': row('org admins (their own organization)', [...ADMINS]),
  'POST /api/integration-clients/{id}/revoke': row('org admin of this organization', ['orgAdmin']),
  'GET /api/organizations/{organizationId}/fhir/consents/{consentId}': row('partner system named on the consent (read scope; write includes read but is not named)', ['tokenRead']),
  'POST /api/organizations/{organizationId}/fhir/participants/{participantId}/referrals': row('partner system with write scope', ['tokenWrite']),

  // participants/goals
  'GET /api/participants/{id}/goals': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),
  'POST /api/participants/{id}/goals': row('goals: self and assigned peer propose', ['self', 'assignedPeer']),
  'PATCH /api/participants/{id}/goals/{goalId}': row('goals: the participant decides', ['self']),
  'POST /api/participants/{id}/goals/{goalId}/steps': row('goals: the participant decides', ['self']),
  'PATCH /api/participants/{id}/goals/{goalId}/steps/{stepId}': row('goal steps: self; the assigned peer may tick them', ['self', 'assignedPeer']),

  // participants/journal
  'GET /api/participants/{id}/journal': row('journal: self; the assigned peer reads shared entries', ['self', 'assignedPeer']),
  'POST /api/participants/{id}/journal': row('the participant alone', ['self']),
  'GET /api/participants/{id}/journal/{entryId}': row('journal: self; the assigned peer reads shared entries', ['self', 'assignedPeer']),
  'PATCH /api/participants/{id}/journal/{entryId}': row('the participant alone', ['self']),

  // participants/match-preferences
  'GET /api/participants/{id}/match-preferences': row('record: self, assigned peer, supervisor, org admin', ['self', 'assignedPeer', 'supervisor', 'orgAdmin']),
  'PUT /api/participants/{id}/match-preferences': row('match preferences: self, supervisor, org admin (peer reads)', ['self', 'supervisor', 'orgAdmin']),

  // participants/matches
  'GET /api/participants/{id}/matches': row('matching suggestions: supervisor, org admin', ['supervisor', 'orgAdmin']),

  // participants/milestones
  'GET /api/participants/{id}/milestones': row('care team: self, assigned peer, supervisor', ['self', 'assignedPeer', 'supervisor']),
  'POST /api/participants/{id}/milestones/celebrate': row('the participant alone', ['self']),
  'POST /api/participants/{id}/milestones/custom': row('the participant alone', ['self']),

  // participants/notes
  'GET /api/participants/{id}/notes': row('contact notes: assigned peer and supervisor read + clinician with consent reads', ['assignedPeer', 'supervisor', 'clinicianWithConsent']),
  'POST /api/participants/{id}/notes': row('contact notes: the assigned peer writes', ['assignedPeer']),

  // participants/peer-assignments
  'GET /api/participants/{id}/peer-assignments': row('record: self, assigned peer, supervisor, org admin', ['self', 'assignedPeer', 'supervisor', 'orgAdmin']),

  // participants/peer-worker
  'PUT /api/participants/{id}/peer-worker': row('reassign: supervisor, org admin', ['supervisor', 'orgAdmin']),

  // participants/profile
  'GET /api/participants/{id}/profile': row('record: self, assigned peer, supervisor, org admin + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'orgAdmin', 'clinicianWithConsent']),
  'PATCH /api/participants/{id}/profile': row('record: self, assigned peer, supervisor, org admin', ['self', 'assignedPeer', 'supervisor', 'orgAdmin']),

  // participants/recovery-starts
  'POST /api/participants/{id}/recovery-starts': row('the participant alone', ['self']),

  // participants/referrals
  'GET /api/participants/{id}/referrals': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),
  'POST /api/participants/{id}/referrals': row('referrals: the assigned peer refers', ['assignedPeer']),
  'GET /api/participants/{id}/referrals/{referralId}': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),
  'PATCH /api/participants/{id}/referrals/{referralId}': row('referrals: the assigned peer refers', ['assignedPeer']),
  'POST /api/participants/{id}/referrals/{referralId}/status': row('referrals: the assigned peer refers', ['assignedPeer']),
  'POST /api/participants/{id}/referrals/{referralId}/visit': row('referrals: the participant reports their visit', ['self']),

  // participants/safety-plan
  'GET /api/participants/{id}/safety-plan': row('care team: self, assigned peer, supervisor + clinician with consent reads', ['self', 'assignedPeer', 'supervisor', 'clinicianWithConsent']),
  'PUT /api/participants/{id}/safety-plan': row('safety plan: self and assigned peer', ['self', 'assignedPeer']),

  // participants/status
  'PUT /api/participants/{id}/status': row('discharge or reactivate: assigned peer, supervisor, org admin', ['assignedPeer', 'supervisor', 'orgAdmin']),

  // participants/thread
  'GET /api/participants/{id}/thread': row('care team: self, assigned peer, supervisor (may join)', ['self', 'assignedPeer', 'supervisor']),

  // peer-workers
  'GET /api/peer-workers': row('matching: supervisors and org admins, each of their own', [...SUPERVISORS, ...ADMINS]),
  'GET /api/peer-workers/{id}/profile': row('profile of peer A: peer A, a colleague of program A, their participant, supervisor, org admin', ['self', 'assignedPeer', 'unassignedPeer', 'supervisor', 'orgAdmin']),
  'PUT /api/peer-workers/{id}/profile': row('own profile of peer A: peer A alone', ['assignedPeer']),

  // programs
  'GET /api/programs/{id}/flag-rules': row('program settings: its supervisor, org admin', ['supervisor', 'orgAdmin']),
  'PUT /api/programs/{id}/flag-rules': row('program settings: its supervisor, org admin', ['supervisor', 'orgAdmin']),

  // referrals
  'GET /api/referrals': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'GET /api/referrals/outcomes': row('reports: supervisors and org admins, each of their own', [...SUPERVISORS, ...ADMINS]),

  // reports
  'GET /api/reports/outcomes': row('reports: supervisors (own program), admin of this organization', [...SUPERVISORS, 'orgAdmin']),
  'GET /api/reports/outcomes/export': row('reports: supervisors (own program), admin of this organization', [...SUPERVISORS, 'orgAdmin']),
  'GET /api/reports/outcomes/extract': row('org admin of this organization', ['orgAdmin']),
  'GET /api/reports/programs': row('reports: supervisors and org admins, each of their own', [...SUPERVISORS, ...ADMINS]),

  // resources
  'GET /api/resources/export': row('directory export: directory editors, each of their own organization', [...PEERS, ...SUPERVISORS, ...ADMINS]),
  'POST /api/resources/import': row('org admins (their own organization)', [...ADMINS]),
  'GET /api/resources/imports': row('org admins (their own organization)', [...ADMINS]),
  'GET /api/resources/places': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'POST /api/resources/places': row('saved places: supervisors and admins, each in their own organization', [...SUPERVISORS, ...ADMINS]),
  'GET /api/resources/search': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'POST /api/resources/services': row('directory editors, each in their own organization', [...PEERS, ...SUPERVISORS, ...ADMINS]),
  'GET /api/resources/services/{id}': row('resource directory: anyone signed in to this organization', [...PARTICIPANTS, ...PEERS, ...SUPERVISORS, ...CLINICIANS, 'moderator', 'orgAdmin']),
  'PUT /api/resources/services/{id}': row('directory editors of this organization (peers, supervisors, admin)', [...PEERS, ...SUPERVISORS, 'orgAdmin']),
  'POST /api/resources/services/{id}/tips': row('directory editors of this organization (peers, supervisors, admin)', [...PEERS, ...SUPERVISORS, 'orgAdmin']),
  'POST /api/resources/services/{id}/verify': row('directory editors of this organization (peers, supervisors, admin)', [...PEERS, ...SUPERVISORS, 'orgAdmin']),

  // tasks
  'GET /api/tasks': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'POST /api/tasks': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'PATCH /api/tasks/{id}': row('own task of peer A: peer A alone', ['assignedPeer']),

  // threads
  'GET /api/threads': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),
  'POST /api/threads/{id}/join': row('care team may join the conversation (members already are)', ['self', 'assignedPeer', 'supervisor']),
  'POST /api/threads/{id}/leave': row('conversation members (the supervisor after joining; 409 for self and peer)', ['self', 'assignedPeer', 'supervisor']),
  'GET /api/threads/{id}/messages': row('conversation members: self and assigned peer (supervisor only after joining)', ['self', 'assignedPeer']),
  'POST /api/threads/{id}/messages': row('conversation members: self and assigned peer', ['self', 'assignedPeer']),
  'POST /api/threads/{id}/read': row('conversation members: self and assigned peer', ['self', 'assignedPeer']),
  'GET /api/threads/unread': row('signed in: their own, or a list filtered by the policy', [...SIGNED_IN]),

  // feeds
  'GET /feeds/{orgSlug}/meetings.json': row('public', [...ANYONE]),

  // healthz
  'GET /healthz': row('public', [...ANYONE]),

  // hsds
  'GET /hsds/{org}': row('public HSDS directory', [...ANYONE]),
  'GET /hsds/{org}/organizations': row('public HSDS directory', [...ANYONE]),
  'GET /hsds/{org}/organizations/{id}': row('public HSDS directory', [...ANYONE]),
  'GET /hsds/{org}/service_at_locations': row('public HSDS directory', [...ANYONE]),
  'GET /hsds/{org}/service_at_locations/{id}': row('public HSDS directory', [...ANYONE]),
  'GET /hsds/{org}/services': row('public HSDS directory', [...ANYONE]),
  'GET /hsds/{org}/services/{id}': row('public HSDS directory', [...ANYONE]),
  'GET /hsds/{org}/taxonomies': row('public HSDS directory', [...ANYONE]),
  'GET /hsds/{org}/taxonomies/{id}': row('public HSDS directory', [...ANYONE]),
  'GET /hsds/{org}/taxonomy_terms': row('public HSDS directory', [...ANYONE]),
  'GET /hsds/{org}/taxonomy_terms/{id}': row('public HSDS directory', [...ANYONE]),
  // workforce (supervision, wellbeing, training, co-sign, billing)
  'GET /api/programs/{id}/workforce-settings': row("program's co-sign/billing settings: its supervisor and the org admin", ['supervisor', 'orgAdmin']),
  'PUT /api/programs/{id}/workforce-settings': row("program's co-sign/billing settings: its supervisor and the org admin", ['supervisor', 'orgAdmin']),
  'GET /api/programs/{id}/billing.csv': row("billing export: the program's supervisor and the org admin", ['supervisor', 'orgAdmin']),
  'GET /api/cosign-queue': row('supervisors (notes of their own programs)', [...SUPERVISORS]),
  'POST /api/notes/{id}/cosign': row("co-sign: a supervisor of the note's program", ['supervisor']),
  'GET /api/notes/{id}/cosigns': row("a note's co-sign history: whoever may read the note (as its versions)", ['assignedPeer', 'supervisor', 'clinicianWithConsent']),
  'GET /api/me/returned-notes': row('staff: their own notes', [...STAFF]),
  'GET /api/team': row('supervisors (their own programs)', [...SUPERVISORS]),
  'GET /api/team/incidents': row('supervisors (their own programs)', [...SUPERVISORS]),
  'GET /api/team/{id}/wellbeing': row("a team member's shared self-checks: their program's supervisor", ['supervisor']),
  'GET /api/team/{id}/training': row("a team member's training: their program's supervisor", ['supervisor']),
  'GET /api/supervision': row('supervisors (their own programs)', [...SUPERVISORS]),
  'POST /api/supervision': row("supervision: the program's supervisor", ['supervisor']),
  'PATCH /api/supervision/{id}': row("supervision: the program's supervisor", ['supervisor']),
  'PATCH /api/supervision-actions/{id}': row('agreed action: its worker and the supervisor', ['assignedPeer', 'supervisor']),
  'GET /api/me/supervision': row('staff: their own record', [...STAFF]),
  'GET /api/wellbeing/instrument': row('staff', [...STAFF]),
  'GET /api/me/wellbeing': row('staff: their own self-checks', [...STAFF]),
  'POST /api/me/wellbeing': row('staff: their own self-check', [...STAFF]),
  'PATCH /api/me/wellbeing/{id}': row('the worker who took it', ['assignedPeer']),
  'POST /api/me/incidents': row('peer workers', [...PEERS]),
  'GET /api/me/incidents': row('staff: their own', [...STAFF]),
  'POST /api/team/{id}/incidents': row("critical incident for a team member: their program's supervisor", ['supervisor']),
  'PATCH /api/incidents/{id}': row("critical incident debrief: the program's supervisor", ['supervisor']),
  'GET /api/me/training': row('staff: their own', [...STAFF]),
  'POST /api/me/training': row('staff: their own', [...STAFF]),
  'POST /api/me/certifications': row('staff: their own', [...STAFF]),
  'PUT /api/me/onboarding': row("peer workers of the checklist's program", ['assignedPeer', 'unassignedPeer']),
};
