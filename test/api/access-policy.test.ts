import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, peerAssignments } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let elsewhere: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  elsewhere = await makeWorld(t.database.db);
});
afterAll(() => t.close());

type Who = keyof World['users'];

/** Who may read the participant (Alex: program A, assigned to peerA, with a login). */
const readMatrix: Array<[Who, boolean]> = [
  ['participantUser', true],
  ['otherParticipantUser', false],
  ['peerA', true],
  ['peerA2', false],
  ['peerB', false],
  ['supervisorA', true],
  ['supervisorB', false],
  ['clinicianA', false],
  ['moderatorA', false],
  ['orgAdmin', true],
];

describe('one access policy for participant records', () => {
  it.each(readMatrix)('%s may read the participant: %s', async (who, allowed) => {
    const s = await signIn(t.app, world.users[who].email);
    const res = await s.get(`/api/participants/${world.participant.id}`);
    expect(res.statusCode).toBe(allowed ? 200 : 404);
    if (allowed) expect(res.json().id).toBe(world.participant.id);
    else expect(res.json().error.code).toBe('participant.not_found');
  });

  it.each(readMatrix)('%s sees the participant in lists only when allowed (%s)', async (who, allowed) => {
    const s = await signIn(t.app, world.users[who].email);
    const ids = (await s.get('/api/participants')).json().participants.map((p: { id: string }) => p.id);
    expect(ids.includes(world.participant.id)).toBe(allowed);
  });

  it('never lists anyone from another organization, even to its org admin', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const ids: string[] = (await admin.get('/api/participants')).json().participants.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([world.participant.id, world.otherParticipant.id, world.noLoginParticipant.id]));
    expect(ids).not.toContain(elsewhere.participant.id);
    expect(ids).not.toContain(elsewhere.noLoginParticipant.id);
  });

  it('answers a peer worker of another organization with a 404 and records the denial in the trail', async () => {
    const intruder = await signIn(t.app, elsewhere.users.peerA.email);
    const res = await intruder.get(`/api/participants/${world.participant.id}`);
    expect(res.statusCode).toBe(404);
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, world.participant.id), eq(auditEvents.actorUserId, elsewhere.users.peerA.id)));
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ action: 'participant.read', outcome: 'denied', organizationId: elsewhere.org.id });
    // The participant's own org admin sees the attempt, without learning who in the other organization made it.
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const trail = (await admin.get(`/api/participants/${world.participant.id}/audit-trail`)).json();
    const shown = trail.events.find((e: { outcome: string; action: string }) => e.outcome === 'denied' && e.action === 'participant.read');
    expect(shown.actor).toEqual({ kind: 'outside', id: null, displayName: 'Someone outside your organization', role: null });
  });

  it('gives the same 404 for a participant that does not exist at all', async () => {
    const s = await signIn(t.app, world.users.orgAdmin.email);
    const res = await s.get('/api/participants/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('participant.not_found');
  });

  it('audits every allowed read with the actor, the participant and the client address', async () => {
    const s = await signIn(t.app, world.users.peerA.email);
    await s.request({ method: 'GET', url: `/api/participants/${world.participant.id}`, remoteAddress: '10.20.30.40' });
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, world.participant.id), eq(auditEvents.actorUserId, world.users.peerA.id), eq(auditEvents.ip, '10.20.30.40')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'participant.read', outcome: 'allowed', actorRole: 'peer_worker', resourceType: 'profile' });
  });

  it('tells the UI what the actor may do with the record', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    expect((await peer.get(`/api/participants/${world.participant.id}`)).json()).toMatchObject({
      relationship: 'assigned_peer',
      can: { edit: true, viewAudit: false },
    });
    expect((await admin.get(`/api/participants/${world.participant.id}`)).json()).toMatchObject({
      relationship: 'org_admin',
      can: { edit: true, viewAudit: true },
    });
  });

  it('lets only the org admin read the audit trail of a participant', async () => {
    for (const who of ['peerA', 'supervisorA', 'participantUser'] as const) {
      const s = await signIn(t.app, world.users[who].email);
      expect((await s.get(`/api/participants/${world.participant.id}/audit-trail`)).statusCode).toBe(403);
    }
    const otherAdmin = await signIn(t.app, elsewhere.users.orgAdmin.email);
    expect((await otherAdmin.get(`/api/participants/${world.participant.id}/audit-trail`)).statusCode).toBe(404);
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const res = await admin.get(`/api/participants/${world.participant.id}/audit-trail?limit=2`);
    expect(res.statusCode).toBe(200);
    expect(res.json().events).toHaveLength(2);
    expect(res.json().nextBefore).toEqual(expect.any(Number));
  });

  it('requires sign-in for participant data', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/participants/${world.participant.id}` });
    expect(res.statusCode).toBe(401);
  });
});

describe('enrolment and assignment', () => {
  it('a peer worker enrols someone without a login and walks alongside them', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    const res = await peer.post('/api/participants', { programId: world.programA.id, preferredName: 'Jamie New', pronouns: 'they/them' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ preferredName: 'Jamie New', hasLogin: false, peerWorker: { id: world.users.peerA.id }, relationship: 'assigned_peer' });
  });

  it('refuses enrolment into a program the peer worker does not work in, or of another organization', async () => {
    const peer = await signIn(t.app, world.users.peerA.email);
    expect((await peer.post('/api/participants', { programId: world.programB.id, preferredName: 'Nope' })).statusCode).toBe(403);
    expect((await peer.post('/api/participants', { programId: elsewhere.programA.id, preferredName: 'Nope' })).statusCode).toBe(404);
  });

  it('a supervisor reassigns with a reason; the earlier assignment stays in the history', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const res = await supervisor.put(`/api/participants/${world.otherParticipant.id}/peer-worker`, {
      peerWorkerId: world.users.peerA.id,
      reason: 'Robin asked for a peer with shared experience of parenting',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().peerWorker.id).toBe(world.users.peerA.id);
    const history = await t.database.db.select().from(peerAssignments).where(eq(peerAssignments.participantId, world.otherParticipant.id));
    expect(history).toHaveLength(2);
    expect(history.filter((h) => h.endedAt === null).map((h) => h.peerWorkerId)).toEqual([world.users.peerA.id]);
    // The peer worker no longer assigned loses access at once.
    const former = await signIn(t.app, world.users.peerA2.email);
    expect((await former.get(`/api/participants/${world.otherParticipant.id}`)).statusCode).toBe(404);
  });

  it('refuses a reassignment to someone who is not a peer worker of the program, changing nothing', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorB.email);
    const res = await supervisor.put(`/api/participants/${world.noLoginParticipant.id}/peer-worker`, {
      peerWorkerId: world.users.peerA.id,
      reason: 'wrong program',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.fields[0].path).toBe('body.peerWorkerId');
    const check = (await supervisor.get(`/api/participants/${world.noLoginParticipant.id}`)).json();
    expect(check.peerWorker.id).toBe(world.users.peerB.id);
  });
});
