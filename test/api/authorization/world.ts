import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { notifications } from '../../../src/server/db/schema/index.js';
import { makeOrganization, makeUser, makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories.js';
import { addAlert } from '../../helpers/caseload.js';
import { signIn, type Session, type TestApp } from '../../helpers/app.js';
import { CONSENTS_WIRED, INTEGRATION_TOKENS_WIRED, type ActorName } from './actors.js';
import type { Operation } from '../../helpers/openapi.js';

/**
 * One fresh world per actor: makeWorld (a new organization, so worlds never see each other) plus one
 * record of every kind the routes take ids of, made the way users make them (through the API).
 * An actor's writes only ever change their own world.
 */

export interface Fixtures {
  world: World;
  otherOrgAdminEmail: string;
  clinicianWithConsentEmail: string;
  ids: Record<string, string>;
  /** Integration tokens (Bearer) of the organization, when INTEGRATION_TOKENS_WIRED. */
  tokens: { read: string | null; write: string | null };
}

const ok = (res: LightMyRequestResponse, what: string) => {
  if (res.statusCode >= 300) throw new Error(`matrix fixture "${what}" failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
};

/** The first Tuesday at least a few days away (group sessions, appointments). */
function nextTuesday(): string {
  const d = new Date(Date.now() + 3 * 86_400_000);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function buildFixtures(t: TestApp): Promise<Fixtures> {
  const db = t.database.db;
  const world = await makeWorld(db);
  const otherOrg = await makeOrganization(db, 'Another Org');
  const otherOrgAdmin = await makeUser(db, otherOrg.id, 'org_admin', null, 'other-admin');
  const clinician2 = await makeUser(db, world.org.id, 'clinician', world.programA.id, 'clinician-consent');
  const u = world.users;
  const [self, peer, admin] = await Promise.all([signIn(t.app, u.participantUser.email), signIn(t.app, u.peerA.email), signIn(t.app, u.orgAdmin.email)]);
  const pid = world.participant.id;
  const P = `/api/participants/${pid}`;
  const ids: Record<string, string> = { organization: world.org.id, participant: pid, program: world.programA.id, peerWorker: u.peerA.id, orgSlug: world.org.slug, staffUser: u.peerA2.id };

  // The participant's own records.
  ids.entry = ok(await self.post(`${P}/journal`, { text: 'A steady day.', shareWithPeer: true }), 'journal').id;
  const goal = ok(await self.post(`${P}/goals`, { domain: 'health', title: 'Walk every morning' }), 'goal');
  ids.goal = goal.id;
  ids.step = ok(await self.post(`${P}/goals/${goal.id}/steps`, { title: 'Buy shoes' }), 'goal step').steps.at(-1).id;
  ok(await self.post(`${P}/recovery-starts`, { startDate: '2025-01-01' }), 'recovery start');
  ids.milestone = ok(await self.get(`${P}/milestones`), 'milestones').celebrate?.key;
  ids.craving = ok(await self.post(`${P}/cravings`, { intensityBefore: 5 }), 'craving').id;
  ok(await self.post(`${P}/check-ins`, { mood: 3, craving: 2, usedSinceLast: 'no' }), 'check-in');
  ids.response = ok(await self.post(`${P}/assessments`, { instrumentId: 'phq2', answers: { 1: 0, 2: 1 }, mode: 'self' }), 'assessment').id;

  // The organization's: a meeting, a sign-up code, an invitation.
  ok(await admin.post('/api/meetings/import', { feed: [{ slug: 'noon', name: 'Noon Group', day: 2, time: '12:00', types: ['O'], formatted_address: '1 Main St, Tulsa, OK 74103, USA', latitude: 36.15, longitude: -95.99 }] }), 'meetings');
  ids.meeting = ok(await self.get('/api/meetings?inactive=true&limit=5'), 'meetings list').meetings[0].id;
  ids.code = ok(await admin.put(`/api/admin/programs/${world.programA.id}/invite-code`, { enabled: true }), 'invite code').inviteCode;
  t.mailer.sent.length = 0;
  ok(await admin.post('/api/admin/invitations', { email: `invited-${randomUUID().slice(0, 8)}@test.example`, displayName: 'Morgan Invited', role: 'peer_worker', programId: world.programA.id }), 'invitation');
  ids.token = /accept-invitation\?token=([\w-]+)/.exec(t.mailer.sent.at(-1)!.text)![1]!;

  // The peer worker's work with the participant.
  ids.sessionDate = nextTuesday();
  const group = ok(
    await peer.post('/api/groups', {
      programId: world.programA.id,
      topic: 'Relapse prevention',
      mode: 'in_person',
      place: 'Room 2',
      schedule: { frequency: 'weekly', weekdays: ['TU'], startTime: '18:00', durationMinutes: 90, startsOn: ids.sessionDate },
    }),
    'group',
  );
  ids.group = group.id;
  ok(await peer.post(`/api/groups/${group.id}/enrolments`, { participantId: pid }), 'enrolment');
  ids.groupFile = /group-calendars\/([^/?]+)$/.exec(ok(await peer.post(`/api/groups/${group.id}/calendar-link`), 'group calendar').url)![1]!;
  const service = ok(
    await peer.post('/api/resources/services', { name: 'Harbor House Shelter', categories: ['housing'], latitude: 41.88, longitude: -87.63 }),
    'service',
  );
  ids.service = service.id;
  // The public HSDS view of the directory: one id of each kind it lists.
  for (const kind of ['organizations', 'service_at_locations', 'taxonomies', 'taxonomy_terms']) {
    const page = ok(await t.app.inject({ method: 'GET', url: `/hsds/${world.org.slug}/${kind}` }), `hsds ${kind}`);
    const id = page.contents?.[0]?.id;
    if (id) ids[`hsds:${kind}`] = String(id);
  }
  ids.referral = ok(await peer.post(`${P}/referrals`, { serviceId: service.id, category: 'housing', need: 'A bed this week', followUpOn: ids.sessionDate }), 'referral').id;
  // Sent, so the participant sees it and may report their visit.
  ok(await peer.post(`${P}/referrals/${ids.referral}/status`, { to: 'sent', consentGiven: true }), 'referral sent');
  ids.note = ok(await peer.post(`${P}/notes`, { contactType: 'phone', durationMinutes: 15, summary: 'Talked about the week.' }), 'note').id;
  // Workforce: program A's settings, a supervision session with an action, an incident, a ProQOL self-check.
  const supervisorA = await signIn(t.app, u.supervisorA.email);
  ok(await supervisorA.put(`/api/programs/${world.programA.id}/workforce-settings`, WORKFORCE_SETTINGS), 'workforce settings');
  const supervision = ok(
    await supervisorA.post('/api/supervision', { programId: world.programA.id, kind: 'individual', workerIds: [u.peerA.id], scheduledAt: `${ids.sessionDate}T15:00:00.000Z`, actions: [{ text: 'Set an auto reply' }] }),
    'supervision',
  );
  ids.supervisionSession = supervision.id;
  ids.supervisionAction = supervision.actions[0].id;
  ids.incident = ok(await peer.post('/api/me/incidents', { kind: 'crisis', occurredAt: new Date().toISOString() }), 'incident').id;
  ids.wellbeingCheck = ok(await peer.post('/api/me/wellbeing', { answers: PROQOL_ANSWERS }), 'wellbeing').id;
  ids.appointment = ok(await peer.post(`${P}/appointments`, { startsAt: `${ids.sessionDate}T15:00:00.000Z`, mode: 'phone' }), 'appointment').id;
  const feed = ok(await peer.post('/api/calendar-feeds'), 'calendar feed');
  ids.feed = feed.id;
  ids.feedFile = /\/calendar\/([^/?]+)$/.exec(feed.url)![1]!;
  ids.thread = ok(await peer.get(`${P}/thread`), 'thread').id;
  ids.message = ok(await peer.post(`/api/threads/${ids.thread}/messages`, { body: 'Hello Alex', clientId: randomUUID() }), 'message').message.id;
  ids.task = ok(await peer.post('/api/tasks', { title: 'Call Alex' }), 'task').id;
  ids.alert = (await addAlert(db, world.participant, { kind: 'craving_high', severity: 'high' })).id;
  const [n] = await db
    .insert(notifications)
    .values({ organizationId: world.org.id, userId: u.participantUser.id, kind: 'test', title: 'A notification' })
    .returning();
  ids.notification = n!.id;

  // The online community: everyone of the world (and the other organization's admin, in theirs)
  // joins under a community name; a program A space with Alex's thread and a reply; a story; a live
  // room hosted by peer A in that space; a report in the moderators' queue, and a warning to Alex
  // (about his post) that he may appeal.
  const everyone: [string, string][] = [
    [u.participantUser.email, 'Morning Light'], [u.otherParticipantUser.email, 'River Stone'], [u.peerA.email, 'Peer Sam'], [u.peerA2.email, 'Peer Kim'],
    [u.peerB.email, 'Peer Lee'], [u.supervisorA.email, 'Guide Ana'], [u.supervisorB.email, 'Guide Bo'], [u.clinicianA.email, 'Doc Ray'], [clinician2.email, 'Doc Fay'],
    [u.moderatorA.email, 'Mod Jo'], [u.orgAdmin.email, 'Admin Pat'], [otherOrgAdmin.email, 'Admin Zed'],
  ];
  const members: Record<string, string> = {};
  for (const [email, name] of everyone) {
    const s = email === u.participantUser.email ? self : email === u.peerA.email ? peer : email === u.orgAdmin.email ? admin : await signIn(t.app, email);
    members[email] = ok(await s.post('/api/community/me', { communityName: name }), `community join ${name}`).member.id;
  }
  const jordanUser = await makeUser(db, world.org.id, 'peer_worker', world.programA.id, 'community-jordan');
  const jordan = await signIn(t.app, jordanUser.email);
  ids.member = ok(await jordan.post('/api/community/me', { communityName: 'Jordan Blue' }), 'community join Jordan').member.id;
  const moderator = await signIn(t.app, u.moderatorA.email);
  const robin = await signIn(t.app, u.otherParticipantUser.email);
  ids.space = ok(await admin.post('/api/community/spaces', { audience: 'program', programId: world.programA.id, name: 'Program A circle', description: 'For program A', rules: 'Be kind.' }), 'community space').id;
  ids.post = ok(await self.post(`/api/community/spaces/${ids.space}/posts`, { title: 'Day 12', body: 'Twelve days today. Mornings are the hardest.', acceptGuidelines: true }), 'community post').post.id;
  ok(await robin.post(`/api/community/posts/${ids.post}/replies`, { body: 'Me too. Coffee and a walk help me.', acceptGuidelines: true }), 'community reply');
  ok(await self.post('/api/community/stories', { title: 'One year', body: 'A year ago I could not imagine this morning.', acceptGuidelines: true }), 'community story');
  ids.room = ok(await peer.post('/api/community/rooms', { topic: 'Evening check-in', rules: 'What is said here stays here.', spaceId: ids.space, keepTranscript: true }), 'community room').id;
  ok(await robin.post('/api/community/reports', { postId: ids.post, reason: 'other', details: 'First report' }), 'community report 1');
  const warned = ok(await moderator.get('/api/community/moderation/queue'), 'community queue').items.find((i: { post: { id: string } | null }) => i.post?.id === ids.post);
  ok(await moderator.post(`/api/community/moderation/queue/${warned.id}`, { action: 'warn', reason: 'Please keep it kind.' }), 'community warning');
  ids.action = ok(await self.get('/api/community/me/moderation'), 'community my moderation').actions[0].id;
  ok(await robin.post('/api/community/reports', { postId: ids.post, reason: 'spam', details: 'Second report' }), 'community report 2');
  ids.queueItem = ok(await moderator.get('/api/community/moderation/queue'), 'community queue 2').items.find((i: { post: { id: string } | null }) => i.post?.id === ids.post).id;
  ids.communityRules = JSON.stringify(ok(await admin.get('/api/community/rules'), 'community rules').rules);
  void members;

  // The participant consents to share every category with the second clinician, until revoked.
  if (CONSENTS_WIRED) {
    const consent = ok(
      await self.post(`${P}/consents`, {
        recipient: { kind: 'clinician', userId: clinician2.id },
        purpose: 'treatment',
        categories: ['checkin_trends', 'assessment_scores', 'goals', 'safety_plan', 'contact_note_summaries', 'referrals', 'attendance'],
        expiry: { kind: 'revocation' },
      }),
      'consent',
    );
    ok(await self.post(`${P}/consents/${consent.id}/sign`, { typedName: 'Alex Example', agreed: true, client: 'matrix' }), 'consent signed');
    ids.consent = consent.id;
  }

  // A partner system's tokens; the participant consents to share with the read one (FHIR export).
  const tokens: Fixtures['tokens'] = { read: null, write: null };
  if (INTEGRATION_TOKENS_WIRED) {
    const read = ok(await admin.post('/api/integration-clients', { name: 'Partner clinic (read)', scope: 'read' }), 'read token');
    const write = ok(await admin.post('/api/integration-clients', { name: 'Partner clinic (write)', scope: 'write' }), 'write token');
    tokens.read = read.token;
    tokens.write = write.token;
    const shared = ok(
      await self.post(`${P}/consents`, {
        recipient: { kind: 'outside_provider', name: 'Partner clinic', integrationClientId: read.id },
        purpose: 'treatment',
        categories: ['checkin_trends', 'assessment_scores'],
        expiry: { kind: 'revocation' },
      }),
      'partner consent',
    );
    ok(await self.post(`${P}/consents/${shared.id}/sign`, { typedName: 'Alex Example', agreed: true, client: 'matrix' }), 'partner consent signed');
    ids.consent = shared.id;
    ids.integrationClient = write.id;
  }

  return { world, otherOrgAdminEmail: otherOrgAdmin.email, clinicianWithConsentEmail: clinician2.email, ids, tokens };
}

/** The email an actor signs in with; null for those who call without a session. */
export function emailOf(actor: ActorName, f: Fixtures): string | null {
  const u = f.world.users;
  const map: Record<ActorName, string | null> = {
    anonymous: null,
    self: u.participantUser.email,
    sameProgramParticipant: u.otherParticipantUser.email,
    assignedPeer: u.peerA.email,
    unassignedPeer: u.peerA2.email,
    otherProgramPeer: u.peerB.email,
    supervisor: u.supervisorA.email,
    otherSupervisor: u.supervisorB.email,
    clinicianWithConsent: f.clinicianWithConsentEmail,
    clinicianWithoutConsent: u.clinicianA.email,
    moderator: u.moderatorA.email,
    orgAdmin: u.orgAdmin.email,
    otherOrgAdmin: f.otherOrgAdminEmail,
    tokenRead: null,
    tokenWrite: null,
  };
  return map[actor];
}

/**
 * Path parameters: by name, or for {id} by the path segment before it. A new module whose routes
 * take a new kind of id adds it here (and makes the record in buildFixtures).
 */
const ID_BY_SEGMENT: Record<string, string> = {
  participants: 'participant',
  groups: 'group',
  notes: 'note',
  appointments: 'appointment',
  threads: 'thread',
  alerts: 'alert',
  tasks: 'task',
  meetings: 'meeting',
  notifications: 'notification',
  programs: 'program',
  'calendar-feeds': 'feed',
  'integration-clients': 'integrationClient',
  'peer-workers': 'peerWorker',
  services: 'service',
  team: 'peerWorker',
  supervision: 'supervisionSession',
  'supervision-actions': 'supervisionAction',
  incidents: 'incident',
  wellbeing: 'wellbeingCheck',
  users: 'staffUser',
};
const ID_BY_NAME: Record<string, string> = {
  responseId: 'response',
  entryId: 'entry',
  goalId: 'goal',
  stepId: 'step',
  cravingId: 'craving',
  referralId: 'referral',
  participantId: 'participant',
  consentId: 'consent',
  organizationId: 'organization',
  date: 'sessionDate',
  token: 'token',
  code: 'code',
  org: 'orgSlug',
  orgSlug: 'orgSlug',
  spaceId: 'space',
  postId: 'post',
  memberId: 'member',
  actionId: 'action',
  itemId: 'queueItem',
  roomId: 'room',
};

export function pathParams(path: string, f: Fixtures): Record<string, string> {
  const out: Record<string, string> = {};
  const segments = path.split('/');
  segments.forEach((seg, i) => {
    const m = /^\{(\w+)\}$/.exec(seg);
    if (!m) return;
    const name = m[1]!;
    let key = name === 'id' ? ID_BY_SEGMENT[segments[i - 1]!] : ID_BY_NAME[name];
    if (name === 'id' && (segments[1] === 'hsds' || segments[2] === 'hsds') && segments[i - 1] !== 'services') key = `hsds:${segments[i - 1]}`;
    if (name === 'file') key = segments[i - 1] === 'group-calendars' ? 'groupFile' : 'feedFile';
    const value = key ? f.ids[key] : undefined;
    if (value) out[name] = value;
  });
  return out;
}

type BodyFn = (f: Fixtures, actor: ActorName) => unknown;
const WORKFORCE_SETTINGS = { cosignRule: 'none', serviceCode: 'H0038', unitRule: 'cms_8_minute', onboardingChecklist: ['Read the ethics code'] };
const PROQOL_ANSWERS = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [String(i + 1), 3]));
const unique = () => randomUUID().slice(0, 8);

/**
 * Bodies that the schema's smallest valid value does not cover (real ids, values a domain rule
 * needs). Everything else is sampled from the route's JSON schema.
 */
export const BODIES: Record<string, BodyFn> = {
  'POST /api/auth/sign-in': (f) => ({ email: f.world.users.otherParticipantUser.email, password: TEST_PASSWORD }),
  'POST /api/auth/password-reset': (f) => ({ email: f.world.users.participantUser.email }),
  'POST /api/auth/password-reset/complete': () => ({ token: 'not-a-real-token-0000000000', password: 'a long enough new passphrase' }),
  'POST /api/auth/invitations/accept': () => ({ token: 'not-a-real-token-0000000000', password: 'a long enough new passphrase' }),
  'POST /api/auth/sign-up': (f) => ({ inviteCode: f.ids.code, email: `signup-${unique()}@test.example`, password: 'a long enough new passphrase', preferredName: 'Sam New' }),
  'POST /api/admin/programs': () => ({ slug: `prog-${unique()}`, name: 'New program', setting: 'community', timeZone: 'America/Chicago' }),
  'POST /api/admin/invitations': (f) => ({ email: `inv-${unique()}@test.example`, displayName: 'New Person', role: 'peer_worker', programId: f.world.programA.id }),
  'POST /api/participants': (f) => ({ programId: f.world.programA.id, preferredName: 'New Person' }),
  'PUT /api/participants/{id}/peer-worker': (f) => ({ peerWorkerId: f.world.users.peerA2.id, reason: 'Handover for the matrix test' }),
  // The participant completes a measure themself; staff complete it with them ("peer").
  'POST /api/participants/{id}/assessments': (_f, actor) => ({ instrumentId: 'phq2', answers: { 1: 0, 2: 1 }, mode: actor === 'self' ? 'self' : 'peer' }),
  'POST /api/participants/{id}/milestones/celebrate': (f) => ({ key: f.ids.milestone }),
  'PUT /api/admin/programs/{id}/invite-code': () => ({ enabled: true }),
  'POST /api/participants/{id}/goals': () => ({ domain: 'health', title: 'Sleep better' }),
  'POST /api/participants/{id}/recovery-starts': () => ({ startDate: '2025-01-01' }), // the fixture's date: milestone keys stay
  'POST /api/participants/{id}/milestones/custom': () => ({ label: 'First job', date: '2026-02-01' }),
  'POST /api/meetings/import': () => ({ feed: [{ slug: `m-${unique()}`, name: 'Evening Group', day: 3, time: '19:00', types: ['O'], formatted_address: '2 Main St, Tulsa, OK 74103, USA', latitude: 36.15, longitude: -95.99 }] }),
  'POST /api/groups': (f) => ({
    programId: f.world.programA.id,
    topic: 'Another group',
    mode: 'in_person',
      place: 'Room 2',
    schedule: { frequency: 'weekly', weekdays: ['TU'], startTime: '18:00', durationMinutes: 90, startsOn: f.ids.sessionDate },
  }),
  'PUT /api/groups/{id}/sessions/{date}/attendance': (f) => ({ marks: [{ participantId: f.world.participant.id, status: 'present' }] }),
  'POST /api/groups/{id}/sessions/{date}/walk-ins': (f) => ({ participantId: f.world.participant.id }),
  'POST /api/groups/{id}/enrolments': (f) => ({ participantId: f.world.otherParticipant.id }),
  'POST /api/participants/{id}/appointments': (f) => ({ startsAt: `${f.ids.sessionDate}T16:00:00.000Z`, mode: 'phone' }),
  'POST /api/threads/{id}/messages': () => ({ body: 'Checking in', clientId: randomUUID() }),
  'POST /api/threads/{id}/read': (f) => ({ upTo: f.ids.message }),
  'PATCH /api/participants/{id}/journal/{entryId}': () => ({ sharedWithPeer: true }),
  'PATCH /api/participants/{id}/goals/{goalId}': () => ({ title: 'Walk most mornings' }),
  'PATCH /api/participants/{id}/goals/{goalId}/steps/{stepId}': () => ({ done: true }),
  'PATCH /api/participants/{id}/cravings/{cravingId}': () => ({ intensityAfter: 2 }),
  'PATCH /api/groups/{id}': () => ({ topic: 'Relapse prevention skills' }),
  'PATCH /api/groups/{id}/sessions/{date}': () => ({ notes: 'Bring a notebook' }),
  'PATCH /api/notes/{id}': () => ({ summary: 'Talked about the week and the job search.' }),
  'PATCH /api/appointments/{id}': () => ({ durationMinutes: 30 }),
  'PUT /api/peer-workers/{id}/profile': () => ({ languages: ['en'] }),
  'PUT /api/participants/{id}/match-preferences': () => ({ wantedExperience: ['alcohol'] }),
  'PATCH /api/tasks/{id}': () => ({ title: 'Call Alex today' }),
  'PATCH /api/participants/{id}/referrals/{referralId}': () => ({ need: 'A bed this month' }),
  'PATCH /api/admin/programs/{id}': () => ({ name: 'Community program' }),
  'POST /api/resources/services': () => ({ name: 'Food Pantry', categories: ['food'], latitude: 41.88, longitude: -87.63 }),
  'PUT /api/resources/services/{id}': () => ({ name: 'Harbor House Shelter', categories: ['housing'], latitude: 41.88, longitude: -87.63 }),
  'POST /api/resources/places': () => ({ name: 'Riverside', latitude: 41.88, longitude: -87.63 }),
  'POST /api/resources/import': () => ({ files: [{ name: 'organizations.csv', text: 'id,name\n' }], dryRun: true }),
  'POST /api/participants/{id}/referrals': (f) => ({ serviceId: f.ids.service, category: 'housing', need: 'Food this week', followUpOn: f.ids.sessionDate }),
  'POST /api/participants/{id}/referrals/{referralId}/status': () => ({ to: 'accepted' }),
  'POST /api/participants/{id}/referrals/{referralId}/visit': () => ({ went: true, helped: 'yes' }),
  'POST /api/alerts/{id}/resolve': () => ({ note: 'Talked it through.' }),
  'PUT /api/programs/{id}/workforce-settings': () => WORKFORCE_SETTINGS,
  'POST /api/notes/{id}/cosign': () => ({ decision: 'approve' }),
  'POST /api/supervision': (f) => ({ programId: f.world.programA.id, kind: 'individual', workerIds: [f.world.users.peerA.id], scheduledAt: `${f.ids.sessionDate}T15:00:00.000Z` }),
  'PATCH /api/supervision/{id}': () => ({ skills: 'Reflective listening' }),
  'PATCH /api/supervision-actions/{id}': () => ({ done: true }),
  'POST /api/me/wellbeing': () => ({ answers: PROQOL_ANSWERS }),
  'PATCH /api/me/wellbeing/{id}': () => ({ shared: true }),
  'POST /api/me/incidents': () => ({ kind: 'crisis', occurredAt: new Date().toISOString() }),
  'POST /api/team/{id}/incidents': () => ({ kind: 'crisis', occurredAt: new Date().toISOString() }),
  'PATCH /api/incidents/{id}': () => ({ timeOff: 'Friday off' }),
  'POST /api/me/training': () => ({ course: 'Naloxone refresher', hours: 2, domain: 'naloxone_overdose', completedOn: '2026-01-15' }),
  'POST /api/me/certifications': () => ({ name: 'CPRS', issuer: 'State board', issuedOn: '2025-01-01', expiresOn: '2027-01-01' }),
  'PUT /api/me/onboarding': (f) => ({ programId: f.world.programA.id, item: 'Read the ethics code', done: true }),
  'POST /api/participants/{id}/consents': (f) => ({ recipient: { kind: 'clinician', userId: f.world.users.clinicianA.id }, purpose: 'treatment', categories: ['goals'], expiry: { kind: 'revocation' } }),
  'POST /api/participants/{id}/consents/{consentId}/sign': () => ({ typedName: 'Alex Example', agreed: true }),
  'POST /api/participants/{id}/care-messages': () => ({ body: 'Can we talk about the plan?' }),
  'PUT /api/admin/users/{id}/role': (f) => ({ role: 'peer_worker', programId: f.world.programA.id }),
  'POST /api/admin/participants/{id}/erase': (f) => ({ confirmName: f.world.participant.preferredName, requestReference: 'Signed request 2026-11-20, ticket 114' }),
  'POST /api/integration-clients': () => ({ name: 'Partner system', scope: 'read' }),
  'POST /api/participants/{id}/fhir/referrals': () => fhirReferral(),
  // community
  'POST /api/community/me': () => ({ communityName: 'Steady Oak' }),
  'PATCH /api/community/me': () => ({ onboarded: true }),
  'POST /api/community/me/leave': () => ({ posts: 'anonymise' }),
  'POST /api/community/me/moderation/{actionId}/appeal': () => ({ body: 'I meant it kindly; please look again.' }),
  'POST /api/community/spaces': () => ({ audience: 'organization', name: 'Everyone', description: 'All of us', rules: 'Be kind.' }),
  'POST /api/community/spaces/{spaceId}/posts': () => ({ title: 'Week two', body: 'A calm day today, grateful for this group.', acceptGuidelines: true }),
  'POST /api/community/posts/{postId}/replies': () => ({ body: 'Sending strength your way.', acceptGuidelines: true }),
  'POST /api/community/posts/{postId}/reactions': () => ({ kind: 'sending_strength', on: true }),
  'PUT /api/community/posts/{postId}/follow': () => ({ following: true }),
  'PATCH /api/community/spaces/{spaceId}': (f) => ({ audience: 'program', programId: f.ids.program, name: 'Program A circle', description: 'For program A, changed', rules: 'Be kind.' }),
  'PUT /api/community/members/{memberId}/block': () => ({ kind: 'mute' }),
  'POST /api/community/reports': (f) => ({ postId: f.ids.post, reason: 'other', details: 'Please take a look.' }),
  'POST /api/community/moderation/queue/{itemId}': () => ({ action: 'dismiss', reason: 'Nothing against the guidelines.' }),
  'PUT /api/community/rules': (f) => JSON.parse(f.ids.communityRules!),
  'POST /api/community/stories': () => ({ title: 'Small wins', body: 'I cooked dinner for my kids tonight.', acceptGuidelines: true }),
  'POST /api/community/rooms': () => ({ topic: 'Morning coffee', rules: 'Be kind; what is said here stays here.' }),
  'POST /api/community/rooms/{roomId}/messages': () => ({ body: 'Good evening, everyone.' }),
  // The host ends the room: after every other room request (LAST).
  'POST /api/community/rooms/{roomId}/control': () => ({ action: 'end' }),
  'POST /api/organizations/{organizationId}/fhir/participants/{participantId}/referrals': () => fhirReferral(),
};

/** A partner's referral as FHIR: one ServiceRequest (a new id each time) in a Bundle. */
const fhirReferral = () => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{ resource: { resourceType: 'ServiceRequest', id: `sr-${unique()}`, status: 'active', intent: 'order', code: { text: 'Food this week' }, subject: { reference: 'Patient/matrix' } } }],
});

/** Query strings for routes with required parameters. */
export const QUERIES: Record<string, (f: Fixtures) => Record<string, string>> = {
  'GET /api/groups/{id}/walk-in-search': () => ({ q: 'Robin' }),
  'GET /api/reports/outcomes': () => ({ from: '2026-01-01', to: '2026-06-30' }),
  'GET /api/programs/{id}/billing.csv': () => ({ month: '2026-03' }),
  'GET /api/reports/outcomes/export': () => ({ from: '2026-01-01', to: '2026-06-30', table: 'measures' }),
  'GET /api/reports/outcomes/extract': () => ({ from: '2026-01-01', to: '2026-06-30' }),
  'GET /api/community/search': (f) => ({ q: 'mornings', spaceId: f.ids.space! }),
  'GET /api/community/members': () => ({ name: 'jordan blue' }),
};

export type Caller = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

/** How an actor calls: with their session, with a token, or with nothing. */
export function callerFor(t: TestApp, session: Session | null, bearer: string | null): Caller {
  let n = 0;
  const address = `10.99.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  return (opts) => {
    n++;
    const headers = { ...(opts.headers ?? {}), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) };
    if (session) return session.request({ ...opts, headers, remoteAddress: address });
    return t.app.inject({ ...opts, headers, remoteAddress: address });
  };
}

/**
 * Order inside one actor's world: reads first, then writes, and last the writes that take away
 * what later requests need (leaving a thread, revoking, discharging, signing out).
 */
const LAST = [
  /(?<!\/community\/me)\/leave$/,
  /\/revoke$/,
  /\/withdraw$/,
  /^DELETE /,
  /\/referrals\/\{referralId\}\/status$/,
  /^PATCH \/api\/admin\/programs/,
  /^PATCH \/api\/me$/,
  /^PUT \/api\/participants\/\{id\}\/peer-worker$/,
  /^PUT \/api\/participants\/\{id\}\/status$/,
  // The room's host ends it; then the caller leaves the community (taking their profile away).
  /^POST \/api\/community\/rooms\/\{roomId\}\/control$/,
  /^POST \/api\/community\/me\/leave$/,
  // Erasing the participant takes everything else away: the very last write.
  /\/erase$/,
];
export function rank(op: Operation): number {
  if (op.key === 'POST /api/auth/sign-out') return 99;
  // Signing in (or up) again rotates the caller's session: after everything else.
  if (op.path.startsWith('/api/auth/') && op.method !== 'GET') return 90;
  const last = LAST.findIndex((re) => re.test(op.key));
  if (last >= 0) return 10 + last;
  return op.method === 'GET' ? 0 : 1;
}

