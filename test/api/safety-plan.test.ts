import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, safetyPlans } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeParticipant, makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let elsewhere: World;
let me: Session;
let peer: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  elsewhere = await makeWorld(t.database.db);
  me = await signIn(t.app, world.users.participantUser.email);
  peer = await signIn(t.app, world.users.peerA.email);
});
afterAll(() => t.close());

const planUrl = () => `/api/participants/${world.participant.id}/safety-plan`;

const plan = {
  warningSigns: ['Not sleeping for two nights', 'Skipping my meeting'],
  internalCoping: ['Walk the river path', 'Cold water on my face'],
  distractions: [{ name: 'The library on 5th' }, { name: 'Cousin Maya', phone: '555-0142' }],
  helpContacts: [{ name: 'Sister Tess', phone: '+1 (555) 010-0199', note: 'evenings' }],
  professionals: [{ name: 'Dr. Okafor, clinic', phone: '555-0100' }],
  environmentSafety: ['Medications kept at Tess’s house'],
  reasonsForLiving: ['My daughter', 'Seeing the river in spring'],
};

describe('the safety plan (Stanley–Brown), written together with the peer worker', () => {
  it('starts empty for the participant, with the crisis line of their program', async () => {
    const res = await me.get(planUrl());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      participantId: world.participant.id,
      warningSigns: [],
      professionals: [],
      updatedAt: null,
      updatedBy: null,
      crisisLine: '988',
      can: { edit: true },
    });
  });

  it('is saved by the participant, then by their peer worker, each shown as the last to change it', async () => {
    const first = await me.put(planUrl(), { ...plan, baseUpdatedAt: null });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ ...plan, updatedBy: { id: world.users.participantUser.id, displayName: 'participant person' } });

    const seen = (await peer.get(planUrl())).json();
    expect(seen).toMatchObject({ ...plan, can: { edit: true } });
    const second = await peer.put(planUrl(), { ...plan, warningSigns: [...plan.warningSigns, 'Calling old friends who still use'], baseUpdatedAt: seen.updatedAt });
    expect(second.statusCode).toBe(200);
    expect(second.json().updatedBy).toEqual({ id: world.users.peerA.id, displayName: 'peer-a person' });
    expect(second.json().warningSigns).toHaveLength(3);
    expect(new Date(second.json().updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(seen.updatedAt).getTime());
    expect((await me.get(planUrl())).json().updatedBy.id).toBe(world.users.peerA.id);
  });

  it('refuses a save started from an older version (409), leaving the newer words in place', async () => {
    const current = (await me.get(planUrl())).json();
    const stale = await me.put(planUrl(), { ...plan, warningSigns: ['overwrites everything'], baseUpdatedAt: '2020-01-01T00:00:00.000Z' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('safety_plan.changed');
    expect((await me.get(planUrl())).json()).toEqual(current);
  });

  it('lets the supervisor of the program read it but not change it', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const res = await supervisor.get(planUrl());
    expect(res.statusCode).toBe(200);
    expect(res.json().can.edit).toBe(false);
    expect((await supervisor.put(planUrl(), plan)).statusCode).toBe(404);
  });

  it.each([['peerB'], ['peerA2'], ['supervisorB'], ['otherParticipantUser'], ['orgAdmin'], ['clinicianA']] as const)(
    'answers %s with "not found", for reading and for saving',
    async (who) => {
      const s = await signIn(t.app, world.users[who].email);
      const read = await s.get(planUrl());
      const write = await s.put(planUrl(), plan);
      for (const res of [read, write]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('participant.not_found');
        expect(res.body).not.toContain('river');
      }
    },
  );

  it('answers a peer worker of another organization with "not found"', async () => {
    const s = await signIn(t.app, elsewhere.users.peerA.email);
    expect((await s.get(planUrl())).statusCode).toBe(404);
  });

  it.each([
    ['a phone number that is not one', { helpContacts: [{ name: 'Tess', phone: 'call me maybe' }] }, 'body.helpContacts.0.phone'],
    ['a contact without a name', { professionals: [{ name: ' ', phone: '988' }] }, 'body.professionals.0.name'],
    ['an empty line', { reasonsForLiving: [''] }, 'body.reasonsForLiving.0'],
    ['a missing step', { warningSigns: undefined }, 'body.warningSigns'],
    ['too many lines', { internalCoping: Array.from({ length: 21 }, (_, i) => `idea ${i}`) }, 'body.internalCoping'],
  ])('answers %s with a 400 naming the field, and writes nothing', async (_what, change, field) => {
    const before = await t.database.db.select().from(safetyPlans).where(eq(safetyPlans.participantId, world.participant.id));
    const res = await me.put(planUrl(), { ...plan, ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    const after = await t.database.db.select().from(safetyPlans).where(eq(safetyPlans.participantId, world.participant.id));
    expect(after).toEqual(before);
  });

  it('audits reads and saves with the steps changed, never their words', async () => {
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, world.participant.id), eq(auditEvents.resourceType, 'safety_plan')));
    const saves = events.filter((e) => e.action === 'safety_plan.update' && e.outcome === 'allowed');
    expect(saves.map((e) => e.details)).toEqual([
      { changed: ['warningSigns', 'internalCoping', 'distractions', 'helpContacts', 'professionals', 'environmentSafety', 'reasonsForLiving'] },
      { changed: ['warningSigns'] },
    ]);
    expect(events.some((e) => e.action === 'safety_plan.read')).toBe(true);
    expect(events.some((e) => e.action === 'safety_plan.update' && e.outcome === 'denied')).toBe(true);
    const trail = JSON.stringify(events);
    for (const words of ['river', 'Tess', '555-0142', '010-0199']) expect(trail).not.toContain(words);
  });
});

describe("each program's crisis line", () => {
  it('is set by an org admin and shows in the session and safety plan of that program’s participants only', async () => {
    const bParticipantUser = await makeUser(t.database.db, world.org.id, 'participant', world.programB.id, 'participant-b');
    const bParticipant = await makeParticipant(t.database.db, {
      organizationId: world.org.id,
      programId: world.programB.id,
      userId: bParticipantUser.id,
      peerWorkerId: world.users.peerB.id,
    });
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const set = await admin.patch(`/api/admin/programs/${world.programA.id}`, { crisisLine: '+1 (555) 010-0988', name: 'Riverside community' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ id: world.programA.id, crisisLine: '+1 (555) 010-0988', name: 'Riverside community' });

    expect((await me.get('/api/auth/session')).json().crisisLine).toBe('+1 (555) 010-0988');
    expect((await me.get(planUrl())).json().crisisLine).toBe('+1 (555) 010-0988');
    const bSession = await signIn(t.app, bParticipantUser.email);
    expect((await bSession.get('/api/auth/session')).json().crisisLine).toBe('988');
    expect((await bSession.get(`/api/participants/${bParticipant.id}/safety-plan`)).json().crisisLine).toBe('988');
    // Staff see the default line for themselves: it is the participant's program that decides.
    expect((await peer.get('/api/auth/session')).json().crisisLine).toBe('988');

    const reset = await admin.patch(`/api/admin/programs/${world.programA.id}`, { crisisLine: null });
    expect(reset.json().crisisLine).toBe('988');
    expect((await me.get('/api/auth/session')).json().crisisLine).toBe('988');

    const audited = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'program.update'), eq(auditEvents.resourceId, world.programA.id))).orderBy(auditEvents.id);
    expect(audited.map((e) => e.details)).toEqual([
      { changed: ['name', 'crisisLine'], crisisLine: '+1 (555) 010-0988' },
      { changed: ['crisisLine'], crisisLine: null },
    ]);
  });

  it('can be changed by an org admin of this organization alone, and only to a number', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const bad = await admin.patch(`/api/admin/programs/${world.programA.id}`, { crisisLine: 'ask at the desk' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.crisisLine');
    expect((await admin.patch(`/api/admin/programs/${world.programA.id}`, {})).statusCode).toBe(400);

    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    expect((await supervisor.patch(`/api/admin/programs/${world.programA.id}`, { crisisLine: '555-0100' })).statusCode).toBe(403);
    const otherAdmin = await signIn(t.app, elsewhere.users.orgAdmin.email);
    const foreign = await otherAdmin.patch(`/api/admin/programs/${world.programA.id}`, { crisisLine: '555-0100' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('program.not_found');
    expect((await me.get('/api/auth/session')).json().crisisLine).toBe('988');
  });
});
