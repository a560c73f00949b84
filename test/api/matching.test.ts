import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, matchPreferences, participants, peerAssignments, peerWorkerProfiles } from '../../src/server/db/schema/index.js';
import type { AvailabilitySlot } from '../../src/server/db/schema/workspace.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeOrganization, makeParticipant, makeProgram, makeUser, makeWorld, type TestUser, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let supervisor: Session;
let peer: Session;
let me: Session;
/** Peer workers of program A beside peerA and peerA2. */
let spanishPeer: TestUser;
let fullPeer: TestUser;
/** In another organization, with everything a participant here could want. */
let otherOrgPeer: TestUser;
/** Enrolled in program A, waiting for a peer worker. */
let sol: { id: string };

const db = () => t.database.db;
const profileUrl = (userId: string) => `/api/peer-workers/${userId}/profile`;
const prefsUrl = (participantId: string) => `/api/participants/${participantId}/match-preferences`;
const matchesUrl = (participantId: string) => `/api/participants/${participantId}/matches`;

async function setProfile(user: TestUser, organizationId: string, values: Partial<typeof peerWorkerProfiles.$inferInsert>) {
  await db()
    .insert(peerWorkerProfiles)
    .values({ userId: user.id, organizationId, ...values })
    .onConflictDoUpdate({ target: peerWorkerProfiles.userId, set: values });
}

const auditRows = (action: string, actorUserId: string) =>
  db().select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.actorUserId, actorUserId)));

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(db());
  const orgId = world.org.id;
  spanishPeer = await makeUser(db(), orgId, 'peer_worker', world.programA.id, 'peer-es');
  fullPeer = await makeUser(db(), orgId, 'peer_worker', world.programA.id, 'peer-full');
  const otherOrg = await makeOrganization(db(), 'Another Recovery Org');
  const otherProgram = await makeProgram(db(), otherOrg.id, 'community');
  otherOrgPeer = await makeUser(db(), otherOrg.id, 'peer_worker', otherProgram.id, 'peer-elsewhere');

  // Tuesday evenings, stored as the table keeps them (day 2 = Tuesday).
  const tuesdayEvening: AvailabilitySlot[] = [{ day: 2, from: '17:00', to: '21:00' }];
  await setProfile(world.users.peerA, orgId, { languages: ['en', 'es'], livedExperience: ['parent', 'alcohol'], gender: 'man', settings: ['community'], capacity: 10, availability: tuesdayEvening });
  await setProfile(world.users.peerA2, orgId, { languages: ['en'], livedExperience: ['parent', 'alcohol', 'opioids'], gender: 'woman', settings: ['community'], capacity: 10 });
  await setProfile(spanishPeer, orgId, { languages: ['es'], livedExperience: ['opioids'], gender: 'woman', settings: [], capacity: 10 });
  await setProfile(fullPeer, orgId, { languages: ['es', 'en'], livedExperience: ['parent', 'alcohol', 'opioids'], gender: 'woman', settings: ['community'], capacity: 1 });
  await setProfile(otherOrgPeer, otherOrg.id, { languages: ['es', 'en'], livedExperience: ['parent', 'alcohol', 'opioids'], gender: 'woman', settings: ['community'], capacity: 30 });
  // fullPeer's one place is taken.
  await makeParticipant(db(), { organizationId: orgId, programId: world.programA.id, peerWorkerId: fullPeer.id, name: 'Kim Example' });
  // And someone waiting in the other organization, so a mix-up would show.
  await makeParticipant(db(), { organizationId: otherOrg.id, programId: otherProgram.id, name: 'Noa Elsewhere' });

  const [row] = await db()
    .insert(participants)
    .values({ organizationId: orgId, programId: world.programA.id, preferredName: 'Sol Example', preferredLanguage: 'es', substances: ['opioids'] })
    .returning({ id: participants.id });
  sol = row!;

  supervisor = await signIn(t.app, world.users.supervisorA.email);
  peer = await signIn(t.app, world.users.peerA.email);
  me = await signIn(t.app, world.users.participantUser.email);
});
afterAll(() => t.close());

describe('a peer worker’s profile for matching', () => {
  it('lets the peer worker fill in their own, and audits the change without its content', async () => {
    const res = await peer.put(profileUrl(world.users.peerA.id), {
      livedExperience: ['parent', 'alcohol', 'twelve_step'],
      languages: ['en', 'es'],
      availability: [
        { day: 'tue', from: '17:00', to: '21:00' },
        { day: 'sat', from: '10:00', to: '12:00' },
      ],
      bio: 'Sober since 2015, dad of two.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: world.users.peerA.id,
      livedExperience: ['parent', 'alcohol', 'twelve_step'],
      bio: 'Sober since 2015, dad of two.',
      details: {
        availability: [
          { day: 'tue', from: '17:00', to: '21:00' },
          { day: 'sat', from: '10:00', to: '12:00' },
        ],
        capacity: 10,
        caseload: 1,
        openPlaces: 9,
        gender: 'man',
      },
      can: { edit: ['livedExperience', 'languages', 'gender', 'settings', 'availability', 'capacity', 'bio'] },
    });
    // Stored with Sunday = 0, as the table keeps it.
    const [stored] = await db().select().from(peerWorkerProfiles).where(eq(peerWorkerProfiles.userId, world.users.peerA.id));
    expect(stored!.availability).toEqual([
      { day: 2, from: '17:00', to: '21:00' },
      { day: 6, from: '10:00', to: '12:00' },
    ]);
    const [event] = await auditRows('peer_profile.update', world.users.peerA.id);
    expect(event).toMatchObject({ outcome: 'allowed', resourceId: world.users.peerA.id });
    expect(event!.details).toEqual({ changed: ['livedExperience', 'availability', 'bio'] });
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await db().select().from(peerWorkerProfiles).where(eq(peerWorkerProfiles.userId, world.users.peerA.id));
    const bad: Array<[unknown, string]> = [
      [{ capacity: -1 }, 'body.capacity'],
      [{ capacity: 2.5 }, 'body.capacity'],
      [{ livedExperience: ['parent', 'wizardry'] }, 'body.livedExperience.1'],
      [{ livedExperience: ['parent', 'parent'] }, 'body.livedExperience'],
      [{ languages: [] }, 'body.languages'],
      [{ availability: [{ day: 'tue', from: '18:00', to: '17:00' }] }, 'body.availability.0.to'],
      [{ availability: [{ day: 'funday', from: '08:00', to: '09:00' }] }, 'body.availability.0.day'],
      [{ availability: [{ day: 'mon', from: '09:00', to: '12:00' }, { day: 'mon', from: '11:00', to: '13:00' }] }, 'body.availability'],
      [{ settings: ['moon_base'] }, 'body.settings.0'],
      [{}, 'body'],
    ];
    for (const [body, path] of bad) {
      const res = await peer.put(profileUrl(world.users.peerA.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect(await db().select().from(peerWorkerProfiles).where(eq(peerWorkerProfiles.userId, world.users.peerA.id))).toEqual(before);
  });

  it('lets their supervisor set capacity and settings, but not what the peer worker shares about their life', async () => {
    const res = await supervisor.put(profileUrl(world.users.peerA.id), { capacity: 12, settings: ['community', 'sober_living'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ details: { capacity: 12 }, settings: ['community', 'sober_living'], can: { edit: ['capacity', 'settings'] } });

    const before = await db().select().from(peerWorkerProfiles).where(eq(peerWorkerProfiles.userId, world.users.peerA.id));
    const refused = await supervisor.put(profileUrl(world.users.peerA.id), { capacity: 14, livedExperience: ['opioids'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'peer_profile.peer_decides', fields: [{ path: 'body.livedExperience' }] });
    // Nothing of it is written, not even the capacity that was allowed.
    expect(await db().select().from(peerWorkerProfiles).where(eq(peerWorkerProfiles.userId, world.users.peerA.id))).toEqual(before);
    const denied = (await auditRows('peer_profile.update', world.users.supervisorA.id)).filter((e) => e.outcome === 'denied');
    expect(denied).toHaveLength(1);
    expect(denied[0]!.details).toEqual({ fields: ['livedExperience'] });

    const admin = await signIn(t.app, world.users.orgAdmin.email);
    expect((await admin.put(profileUrl(world.users.peerB.id), { capacity: 8 })).json().details.capacity).toBe(8);
  });

  it('shows colleagues and the participant they walk with only what matching shows', async () => {
    const colleague = await signIn(t.app, world.users.peerA2.email);
    const seen = await colleague.get(profileUrl(world.users.peerA.id));
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ livedExperience: ['parent', 'alcohol', 'twelve_step'], bio: 'Sober since 2015, dad of two.', details: null, can: { edit: [] } });
    expect((await colleague.put(profileUrl(world.users.peerA.id), { capacity: 1 })).statusCode).toBe(403);

    const mine = await me.get(profileUrl(world.users.peerA.id));
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ displayName: expect.any(String), livedExperience: ['parent', 'alcohol', 'twelve_step'], details: null });
    const [read] = await auditRows('peer_profile.read', world.users.participantUser.id);
    expect(read).toMatchObject({ outcome: 'allowed', participantId: world.participant.id, resourceId: world.users.peerA.id });
  });

  it('answers 404 to anyone else, other organizations included, and audits the attempt', async () => {
    const cases: Array<[string, string]> = [
      [world.users.participantUser.email, world.users.peerA2.id], // not their peer worker
      [world.users.supervisorB.email, world.users.peerA.id], // another program
      [world.users.peerB.email, world.users.peerA.id],
      [world.users.clinicianA.email, world.users.peerA.id],
      [world.users.supervisorA.email, otherOrgPeer.id], // another organization
      [world.users.supervisorA.email, world.users.clinicianA.id], // not a peer worker
    ];
    for (const [email, target] of cases) {
      const session = await signIn(t.app, email);
      const res = await session.get(profileUrl(target));
      expect(res.statusCode, `${email} → ${target}`).toBe(404);
      expect(res.json().error.code).toBe('user.not_found');
      const writes = await session.put(profileUrl(target), { capacity: 3 });
      expect(writes.statusCode).toBe(404);
    }
    const denials = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'peer_profile.read'), eq(auditEvents.outcome, 'denied'), eq(auditEvents.actorUserId, world.users.supervisorB.id)));
    expect(denials).toHaveLength(1);
    expect(denials[0]!.resourceId).toBe(world.users.peerA.id);
    const [elsewhere] = await db().select().from(peerWorkerProfiles).where(eq(peerWorkerProfiles.userId, otherOrgPeer.id));
    expect(elsewhere!.capacity).toBe(30);
  });

  it('lists the peer workers of a program with caseload and places left, for its supervisor', async () => {
    const res = await supervisor.get(`/api/peer-workers?programId=${world.programA.id}`);
    expect(res.statusCode).toBe(200);
    const list = res.json().peerWorkers as Array<{ id: string; details: { capacity: number; caseload: number; openPlaces: number } }>;
    const byId = new Map(list.map((p) => [p.id, p]));
    expect([...byId.keys()].sort()).toEqual([world.users.peerA.id, world.users.peerA2.id, spanishPeer.id, fullPeer.id].sort());
    expect(byId.get(world.users.peerA.id)!.details).toMatchObject({ capacity: 12, caseload: 1, openPlaces: 11 });
    expect(byId.get(fullPeer.id)!.details).toMatchObject({ capacity: 1, caseload: 1, openPlaces: 0 });
    const reads = (await auditRows('peer_profile.read', world.users.supervisorA.id)).filter((e) => e.outcome === 'allowed');
    expect(reads.map((e) => e.resourceId).sort()).toEqual([...byId.keys()].sort());

    expect((await supervisor.get(`/api/peer-workers?programId=${world.programB.id}`)).statusCode).toBe(403);
    expect((await peer.get('/api/peer-workers')).statusCode).toBe(403);
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const all = (await admin.get('/api/peer-workers')).json().peerWorkers.map((p: { id: string }) => p.id);
    expect(all).toContain(world.users.peerB.id);
    expect(all).not.toContain(otherOrgPeer.id);
  });
});

describe('what a participant looks for', () => {
  it('lets the participant set their own; their peer worker reads them but cannot change them', async () => {
    const res = await me.put(prefsUrl(world.participant.id), { wantedExperience: ['parent'], preferredTimes: [{ day: 'tue', from: '18:00', to: '20:00' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ requiredLanguage: null, preferredGender: null, wantedExperience: ['parent'], can: { edit: true } });
    const [event] = await auditRows('match.preferences_update', world.users.participantUser.id);
    expect(event).toMatchObject({ participantId: world.participant.id, details: { changed: ['wantedExperience', 'preferredTimes'] } });

    const read = await peer.get(prefsUrl(world.participant.id));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ wantedExperience: ['parent'], preferredTimes: [{ day: 'tue', from: '18:00', to: '20:00' }], can: { edit: false } });
    expect((await peer.put(prefsUrl(world.participant.id), { wantedExperience: [] })).statusCode).toBe(404);
    // Only what is sent changes.
    expect((await me.put(prefsUrl(world.participant.id), { preferredGender: 'woman' })).json()).toMatchObject({ preferredGender: 'woman', wantedExperience: ['parent'] });
  });

  it('refuses bad preferences with a 400 and writes nothing; hides them from people outside', async () => {
    const before = await db().select().from(matchPreferences).where(eq(matchPreferences.participantId, world.participant.id));
    for (const body of [{ wantedExperience: ['flying'] }, { preferredGender: 'prefer_not_to_say' }, { requiredLanguage: 'not a language' }, { preferredTimes: [{ day: 'mon', from: '9am', to: '10am' }] }]) {
      const res = await me.put(prefsUrl(world.participant.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await db().select().from(matchPreferences).where(eq(matchPreferences.participantId, world.participant.id))).toEqual(before);
    for (const email of [world.users.otherParticipantUser.email, world.users.peerB.email, world.users.supervisorB.email]) {
      expect((await (await signIn(t.app, email)).get(prefsUrl(world.participant.id))).statusCode).toBe(404);
    }
  });
});

describe('suggested peer workers', () => {
  it('ranks peer workers of the program with reasons in plain words, and lists the ruled-out ones apart with why', async () => {
    await supervisor.put(prefsUrl(sol.id), { requiredLanguage: 'es', wantedExperience: ['parent'] });
    const res = await supervisor.get(matchesUrl(sol.id));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.hasPreferences).toBe(true);
    // peerA: asked-for experience, her language, her setting; spanishPeer: shares opioids and her language.
    expect(body.suggestions.map((s: { peerWorker: { id: string } }) => s.peerWorker.id)).toEqual([world.users.peerA.id, spanishPeer.id]);
    const [best, second] = body.suggestions;
    expect(best.score).toBeGreaterThan(second.score);
    expect(best.reasons.map((r: { kind: string }) => r.kind)).toEqual(['wanted_experience', 'language', 'setting', 'room']);
    expect(best.reasons[0].text).toEqual({ en: 'Has the lived experience you asked for: parenting in recovery', es: 'Tiene la experiencia vivida que pediste: la crianza en recuperación' });
    expect(best.score).toBe(best.reasons.reduce((sum: number, r: { points: number }) => sum + r.points, 0));
    expect(second.reasons.map((r: { text: { en: string } }) => r.text.en)).toContain('Shares lived experience with opioids');
    for (const match of [...body.suggestions, ...body.blocked]) {
      for (const { text } of [...match.reasons, ...match.blockedBy]) {
        // Words, not codes.
        expect(text.en).toMatch(/^[A-Z][a-z]/);
        expect(text.es).toMatch(/^[A-Z][a-zá-ú]/);
        expect(`${text.en} ${text.es}`).not.toMatch(/_|\bnull\b|undefined/);
      }
    }

    const blocked = Object.fromEntries(body.blocked.map((b: { peerWorker: { id: string }; blockedBy: Array<{ kind: string }> }) => [b.peerWorker.id, b.blockedBy.map((x) => x.kind)]));
    expect(blocked).toEqual({ [world.users.peerA2.id]: ['required_language'], [fullPeer.id]: ['no_room'] });
    const noRoom = body.blocked.find((b: { peerWorker: { id: string } }) => b.peerWorker.id === fullPeer.id);
    expect(noRoom.blockedBy[0].text.en).toBe('Has no room for new participants right now');
    const noSpanish = body.blocked.find((b: { peerWorker: { id: string } }) => b.peerWorker.id === world.users.peerA2.id);
    expect(noSpanish.blockedBy[0].text.en).toBe("Doesn't speak Spanish, the language you need");

    // Another organization's peer worker never appears, nor another program's.
    const everyone = [...body.suggestions, ...body.blocked].map((m: { peerWorker: { id: string } }) => m.peerWorker.id);
    expect(everyone).not.toContain(otherOrgPeer.id);
    expect(everyone).not.toContain(world.users.peerB.id);

    const [read] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'match.read'), eq(auditEvents.participantId, sol.id), eq(auditEvents.resourceType, 'match_suggestions')));
    expect(read).toMatchObject({ outcome: 'allowed', actorUserId: world.users.supervisorA.id, details: { suggested: 2, blocked: 2 } });
  });

  it('rules out peer workers of another gender when the participant asks for one', async () => {
    await supervisor.put(prefsUrl(sol.id), { preferredGender: 'woman' });
    const body = (await supervisor.get(matchesUrl(sol.id))).json();
    expect(body.suggestions.map((s: { peerWorker: { id: string } }) => s.peerWorker.id)).toEqual([spanishPeer.id]);
    const peerA = body.blocked.find((b: { peerWorker: { id: string } }) => b.peerWorker.id === world.users.peerA.id);
    expect(peerA.blockedBy).toEqual([{ kind: 'gender_preference', text: { en: 'You asked for a peer worker who is a woman', es: 'Pediste que tu acompañante sea mujer' } }]);
    await supervisor.put(prefsUrl(sol.id), { preferredGender: null });
  });

  it('is for those who assign peer workers: anyone else gets 404, and the attempt is audited', async () => {
    // peerA walks with world.participant, and still may not see suggestions for them.
    for (const [email, participantId] of [
      [world.users.peerA.email, world.participant.id],
      [world.users.peerA.email, sol.id],
      [world.users.participantUser.email, world.participant.id],
      [world.users.supervisorB.email, sol.id],
      [world.users.clinicianA.email, sol.id],
    ] as const) {
      const res = await (await signIn(t.app, email)).get(matchesUrl(participantId));
      expect(res.statusCode, email).toBe(404);
      expect(res.json().error.code).toBe('participant.not_found');
    }
    const denied = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'match.read'), eq(auditEvents.outcome, 'denied'), eq(auditEvents.actorUserId, world.users.peerA.id)));
    expect(denied.map((d) => d.participantId).sort()).toEqual([world.participant.id, sol.id].sort());
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    expect((await admin.get(matchesUrl(sol.id))).statusCode).toBe(200);
  });
});

describe('assigning from the suggestions', () => {
  it('assigns with a reason, reassigns, and keeps the whole history', async () => {
    const assignUrl = `/api/participants/${sol.id}/peer-worker`;
    const noReason = await supervisor.put(assignUrl, { peerWorkerId: spanishPeer.id });
    expect(noReason.statusCode).toBe(400);
    expect(await db().select().from(peerAssignments).where(eq(peerAssignments.participantId, sol.id))).toHaveLength(0);

    expect((await supervisor.put(assignUrl, { peerWorkerId: spanishPeer.id, reason: 'Speaks Spanish and shares her experience with opioids' })).statusCode).toBe(200);
    expect((await supervisor.put(assignUrl, { peerWorkerId: world.users.peerA.id, reason: 'Sol asked for a parent in recovery' })).statusCode).toBe(200);

    const history = await supervisor.get(`/api/participants/${sol.id}/peer-assignments`);
    expect(history.statusCode).toBe(200);
    const rows = history.json().assignments;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ peerWorker: { id: world.users.peerA.id }, reason: 'Sol asked for a parent in recovery', endedAt: null, assignedBy: { id: world.users.supervisorA.id } });
    expect(rows[1]).toMatchObject({ peerWorker: { id: spanishPeer.id }, reason: 'Speaks Spanish and shares her experience with opioids', endedAt: expect.any(String) });
    const active = await db().select().from(peerAssignments).where(and(eq(peerAssignments.participantId, sol.id), isNull(peerAssignments.endedAt)));
    expect(active).toHaveLength(1);

    // The current peer worker is marked, and weighed as if Sol were not yet on the caseload.
    const body = (await supervisor.get(matchesUrl(sol.id))).json();
    const current = body.suggestions.find((s: { current: boolean }) => s.current);
    expect(current.peerWorker.id).toBe(world.users.peerA.id);
    expect(current).toMatchObject({ caseload: 2 });
  });

  it('shows the history to the participant and their peer worker, and to nobody outside', async () => {
    expect((await me.get(`/api/participants/${world.participant.id}/peer-assignments`)).json().assignments).toHaveLength(1);
    expect((await peer.get(`/api/participants/${world.participant.id}/peer-assignments`)).statusCode).toBe(200);
    expect((await (await signIn(t.app, world.users.peerB.email)).get(`/api/participants/${world.participant.id}/peer-assignments`)).statusCode).toBe(404);
  });
});
