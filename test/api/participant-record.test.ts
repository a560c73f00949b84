import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, participants, peerAssignments, users } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type TestApp } from '../helpers/app.js';
import { makeParticipant, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let elsewhere: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  elsewhere = await makeWorld(t.database.db);
});
afterAll(() => t.close());

const profileOf = (id: string) => `/api/participants/${id}/profile`;
const recordRow = async (id: string) => (await t.database.db.select().from(participants).where(eq(participants.id, id)))[0]!;

describe('the full participant record', () => {
  it.each([
    ['participantUser', 200],
    ['peerA', 200],
    ['supervisorA', 200],
    ['orgAdmin', 200],
    ['otherParticipantUser', 404],
    ['peerA2', 404],
    ['peerB', 404],
    ['supervisorB', 404],
    ['clinicianA', 404],
  ] as const)('%s reading the record gets %i', async (who, status) => {
    const s = await signIn(t.app, world.users[who].email);
    const res = await s.get(profileOf(world.participant.id));
    expect(res.statusCode).toBe(status);
    if (status === 404) expect(res.json().error.code).toBe('participant.not_found');
  });

  it('is never readable from another organization, and the attempt is in the trail', async () => {
    const intruder = await signIn(t.app, elsewhere.users.orgAdmin.email);
    expect((await intruder.get(profileOf(world.participant.id))).statusCode).toBe(404);
    const [denied] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, world.participant.id), eq(auditEvents.actorUserId, elsewhere.users.orgAdmin.id)));
    expect(denied).toMatchObject({ action: 'participant.read', outcome: 'denied', resourceType: 'participant_profile' });
  });

  it('lets the participant fill in their own record, and the trail names the fields but not the answers', async () => {
    const me = await signIn(t.app, world.users.participantUser.email);
    const res = await me.patch(profileOf(world.participant.id), {
      pronouns: 'he/him',
      preferredLanguage: 'es',
      pathways: ['smart_recovery', 'mat_opioid'],
      substances: ['opioids', 'alcohol'],
      setting: 'recently_released',
      demographics: { ageRange: '25_34', raceEthnicity: ['hispanic_latino', 'white'], veteran: 'prefer_not_to_say', justiceInvolved: 'past' },
      countsDays: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      pronouns: 'he/him',
      preferredLanguage: 'es',
      pathways: ['smart_recovery', 'mat_opioid'],
      setting: 'recently_released',
      demographics: { ageRange: '25_34', raceEthnicity: ['hispanic_latino', 'white'], veteran: 'prefer_not_to_say', justiceInvolved: 'past' },
      can: { edit: true, editPersonal: true, changeStatus: false, reminder: { read: true, write: true } },
    });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, world.participant.id), eq(auditEvents.action, 'participant.update'), eq(auditEvents.actorUserId, world.users.participantUser.id)));
    expect(event!.details).toEqual({ fields: expect.arrayContaining(['demographics', 'pathways', 'pronouns']) });
    expect(JSON.stringify(event!.details)).not.toContain('hispanic_latino');
  });

  it('keeps demographics from staff: the peer worker sees the record without them and cannot write them', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const seen = (await peer.get(profileOf(world.participant.id))).json();
    expect(seen).toMatchObject({ pathways: ['smart_recovery', 'mat_opioid'], demographics: null, can: { edit: true, editPersonal: false, changeStatus: true } });
    const before = await recordRow(world.participant.id);
    for (const body of [{ preferredName: 'Not Written', demographics: { ageRange: '65_over' } }, { countsDays: false }]) {
      const res = await peer.patch(profileOf(world.participant.id), body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(Object.keys(body).filter((k) => k !== 'preferredName').map((k) => `body.${k}`));
    }
    const after = await recordRow(world.participant.id);
    expect(after).toEqual(before);
  });

  it('lets staff record demographics for someone without a login, who cannot do it themselves', async () => {
    const peer = await signIn(t.app, world.users.peerB.email);
    const res = await peer.patch(profileOf(world.noLoginParticipant.id), { demographics: { genderIdentity: 'woman', veteran: 'no' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hasLogin: false, demographics: { genderIdentity: 'woman', veteran: 'no' }, can: { editPersonal: true, reminder: { write: false } } });
  });

  it('lets the peer worker change the record fields the grants allow, and the account follows the preferred name', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const res = await peer.patch(profileOf(world.participant.id), { preferredName: 'Alex M.', pronouns: '' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ preferredName: 'Alex M.', pronouns: null });
    const [account] = await t.database.db.select().from(users).where(eq(users.id, world.users.participantUser.id));
    expect(account!.displayName).toBe('Alex M.');
  });

  it.each([
    [{ pathways: ['cold_turkey'] }, 'body.pathways'],
    [{ substances: ['alcohol', 'alcohol'] }, 'body.substances'],
    [{ preferredLanguage: 'Klingon please' }, 'body.preferredLanguage'],
    [{ preferredName: '   ' }, 'body.preferredName'],
    [{ setting: 'moon' }, 'body.setting'],
    [{ demographics: { ageRange: '30' } }, 'body.demographics.ageRange'],
    [{ demographics: { raceEthnicity: ['asian', 'prefer_not_to_say'] } }, 'body.demographics.raceEthnicity'],
    [{ countsDays: 'yes' }, 'body.countsDays'],
  ])('refuses %j with a 400 naming %s, writing nothing', async (body, field) => {
    const me = await signIn(t.app, world.users.participantUser.email);
    const before = await recordRow(world.participant.id);
    const res = await me.patch(profileOf(world.participant.id), { preferredName: 'Half Written', ...body });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.fields.some((f: { path: string }) => f.path.startsWith(field))).toBe(true);
    expect(await recordRow(world.participant.id)).toEqual(before);
  });

  it('refuses changes from a participant to someone else’s record', async () => {
    const other = await signIn(t.app, world.users.otherParticipantUser.email);
    const before = await recordRow(world.participant.id);
    expect((await other.patch(profileOf(world.participant.id), { pronouns: 'x' })).statusCode).toBe(404);
    expect(await recordRow(world.participant.id)).toEqual(before);
  });
});

describe('discharge and continued post-treatment support', () => {
  let person: { id: string };
  beforeAll(async () => {
    person = await makeParticipant(t.database.db, { organizationId: world.org.id, programId: world.programA.id, peerWorkerId: world.users.peerA.id, name: 'Sky Transition' });
  });
  const statusOf = (id: string) => `/api/participants/${id}/status`;
  const onCaseload = async (who: 'peerA' | 'supervisorA') => {
    const s = await signIn(t.app, world.users[who].email);
    const list = (await s.get('/api/participants')).json().participants as Array<{ id: string; status: string }>;
    return list.find((p) => p.id === person.id);
  };

  it('is a staff decision: the participant cannot discharge themself', async () => {
    const me = await signIn(t.app, world.users.participantUser.email);
    expect((await me.put(statusOf(world.participant.id), { status: 'discharged', reason: 'done', continuedSupport: false })).statusCode).toBe(403);
    expect((await recordRow(world.participant.id)).status).toBe('active');
  });

  it('refuses a discharge without a reason, changing nothing', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const res = await peer.put(statusOf(person.id), { status: 'discharged', continuedSupport: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.reason');
    expect((await recordRow(person.id)).status).toBe('active');
  });

  it('refuses staff of another program', async () => {
    const peer = await signIn(t.app, world.users.peerB.email);
    expect((await peer.put(statusOf(person.id), { status: 'discharged', reason: 'x y', continuedSupport: false })).statusCode).toBe(404);
  });

  it('with continued support, the participant stays on the peer worker’s caseload', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const res = await peer.put(statusOf(person.id), { status: 'discharged', reason: 'Completed residential treatment', continuedSupport: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'discharged', continuedSupport: true, stillVisible: true, dischargeReason: 'Completed residential treatment' });
    expect(await onCaseload('peerA')).toMatchObject({ status: 'discharged' });
    const profile = (await peer.get(profileOf(person.id))).json();
    expect(profile).toMatchObject({ status: 'discharged', continuedSupport: true, peerWorker: { id: world.users.peerA.id } });
  });

  it('when support ends, the assignment ends (kept as history), the discharge date stays, the supervisor still sees them', async () => {
    const firstDate = (await recordRow(person.id)).dischargedAt;
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const res = await supervisor.put(statusOf(person.id), { status: 'discharged', reason: 'Moved out of state', continuedSupport: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ continuedSupport: false, stillVisible: true });
    expect((await recordRow(person.id)).dischargedAt).toEqual(firstDate);
    expect(await onCaseload('peerA')).toBeUndefined();
    expect(await onCaseload('supervisorA')).toMatchObject({ status: 'discharged' });
    const history = await t.database.db.select().from(peerAssignments).where(eq(peerAssignments.participantId, person.id));
    expect(history).toHaveLength(1);
    expect(history[0]!.endedAt).not.toBeNull();
    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, person.id), eq(auditEvents.outcome, 'allowed')));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['participant.discharge', 'participant.assign']));
  });

  it('a peer worker ending their own support is told the record has left their caseload', async () => {
    const another = await makeParticipant(t.database.db, { organizationId: world.org.id, programId: world.programA.id, peerWorkerId: world.users.peerA2.id });
    const peer = await signIn(t.app, world.users.peerA2.email);
    const res = await peer.put(statusOf(another.id), { status: 'discharged', reason: 'Chose to stop', continuedSupport: false });
    expect(res.json()).toMatchObject({ status: 'discharged', stillVisible: false });
    expect((await peer.get(profileOf(another.id))).statusCode).toBe(404);
  });

  it('returns to active', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const res = await supervisor.put(statusOf(person.id), { status: 'active' });
    expect(res.json()).toMatchObject({ status: 'active', dischargedAt: null, dischargeReason: null, continuedSupport: false });
  });
});
