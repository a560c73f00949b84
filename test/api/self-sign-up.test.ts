import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, memberships, notifications, participants, users } from '../../src/server/db/schema/index.js';
import { asSession, createTestApp, sessionCookie, signIn, type TestApp } from '../helpers/app.js';
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

const profileOf = (id: string) => `/api/participants/${id}/profile`;

describe('self-sign-up with a program invite code', () => {
  const codeUrl = (programId: string) => `/api/admin/programs/${programId}/invite-code`;
  let code = '';
  let address = 1;
  // Each attempt from its own address, except where the rate limit is the point.
  const signUp = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload, remoteAddress: `10.200.${Math.floor(address / 250)}.${address++ % 250}` });
  const newcomer = (overrides: Record<string, unknown> = {}) => ({
    inviteCode: code,
    email: `newcomer-${crypto.randomUUID().slice(0, 8)}@test.example`,
    password: 'a river runs through it',
    preferredName: 'River Newcomer',
    ...overrides,
  });
  const accountsWith = async (email: string) => (await t.database.db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()))).length;

  it('is off until an org admin turns it on; only an org admin of the organization may', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    expect((await admin.get(codeUrl(world.programA.id))).json()).toMatchObject({ inviteCode: null, joinUrl: null });
    const peer = await signIn(t.app, world.users.peerA.email);
    expect((await peer.put(codeUrl(world.programA.id), { enabled: true })).statusCode).toBe(403);
    const otherAdmin = await signIn(t.app, elsewhere.users.orgAdmin.email);
    expect((await otherAdmin.put(codeUrl(world.programA.id), { enabled: true })).statusCode).toBe(404);
    const res = await admin.put(codeUrl(world.programA.id), { enabled: true });
    expect(res.statusCode).toBe(200);
    code = res.json().inviteCode;
    expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(res.json().joinUrl).toBe(`http://peerpath.test/join?code=${code}`);
  });

  it('tells where a working code leads, and nothing about one that does not work', async () => {
    const ok = await t.app.inject({ method: 'GET', url: `/api/auth/sign-up/${code.toLowerCase()}`, remoteAddress: '10.201.0.1' });
    expect(ok.json()).toEqual({ programName: world.programA.name, organizationName: world.org.name });
    const bad = await t.app.inject({ method: 'GET', url: '/api/auth/sign-up/ZZZZZ-ZZZZZ', remoteAddress: '10.201.0.1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('signup.code_invalid');
  });

  it('refuses a wrong code with one generic answer, creating nothing', async () => {
    const body = newcomer({ inviteCode: 'WRONG-CODE1' });
    const res = await signUp(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'signup.code_invalid', fields: [{ path: 'body.inviteCode' }] });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await accountsWith(body.email)).toBe(0);
  });

  it.each([
    [{ email: 'not-an-email' }, 'body.email'],
    [{ password: 'short' }, 'body.password'],
    [{ preferredName: '' }, 'body.preferredName'],
    [{ inviteCode: '' }, 'body.inviteCode'],
  ])('refuses %j with a 400 naming %s', async (override, field) => {
    const body = newcomer(override);
    const res = await signUp(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it('refuses an easily guessed password, creating nothing', async () => {
    const body = newcomer({ password: 'aaaaaaaaaaaa' });
    const res = await signUp(body);
    expect(res.json().error.code).toBe('auth.password_weak');
    expect(await accountsWith(body.email)).toBe(0);
  });

  it('creates the account, the participant membership and the record, and signs them in', async () => {
    const email = `River.${crypto.randomUUID().slice(0, 8)}@Test.Example`;
    const res = await signUp(newcomer({ inviteCode: code.replace('-', ' ').toLowerCase(), email, locale: 'es' }));
    expect(res.statusCode).toBe(200);
    const session = res.json();
    expect(session.user).toMatchObject({ email: email.toLowerCase(), displayName: 'River Newcomer', locale: 'es', memberships: [{ role: 'participant', programId: world.programA.id }] });
    expect(session.user.participantId).toEqual(expect.any(String));
    const me = asSession(t.app, sessionCookie(res), session.csrfToken);
    const profile = await me.get(profileOf(session.user.participantId));
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ programId: world.programA.id, preferredName: 'River Newcomer', preferredLanguage: 'es', hasLogin: true, peerWorker: null });
    // The CSRF token of the new session works for writes at once.
    expect((await me.patch(profileOf(session.user.participantId), { pronouns: 'they/them' })).statusCode).toBe(200);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'participant.self_sign_up'), eq(auditEvents.participantId, session.user.participantId)));
    expect(event).toMatchObject({ outcome: 'allowed', organizationId: world.org.id });
    // Nobody who joins alone waits unnoticed: the program's supervisors are told, and nobody else.
    const told = await t.database.db.select().from(notifications).where(eq(notifications.link, `/participants/${session.user.participantId}`));
    expect(told.map((n) => n.userId)).toEqual([world.users.supervisorA.id]);
    expect(told[0]).toMatchObject({ kind: 'participant_joined', title: "River Newcomer joined with the program's invite code" });
  });

  it('answers an email that already has an account generically, creates nothing, and mails the owner', async () => {
    t.mailer.sent.length = 0;
    const existing = world.users.peerB.email;
    const res = await signUp(newcomer({ email: existing.toUpperCase() }));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ checkEmail: true });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await accountsWith(existing)).toBe(1);
    expect(await t.database.db.select().from(participants).where(eq(participants.userId, world.users.peerB.id))).toHaveLength(0);
    const roles = await t.database.db.select().from(memberships).where(eq(memberships.userId, world.users.peerB.id));
    expect(roles.map((m) => m.role)).toEqual(['peer_worker']);
    expect(t.mailer.sent).toHaveLength(1);
    expect(t.mailer.sent[0]).toMatchObject({ to: existing });
    expect(t.mailer.sent[0]!.text).toContain('/forgot-password');
  });

  it('a regenerated code replaces the old one, and a code turned off stops working', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const fresh = (await admin.put(codeUrl(world.programA.id), { enabled: true })).json().inviteCode as string;
    expect(fresh).not.toBe(code);
    expect((await signUp(newcomer({ inviteCode: code }))).json().error.code).toBe('signup.code_invalid');
    const off = await admin.put(codeUrl(world.programA.id), { enabled: false });
    expect(off.json()).toMatchObject({ inviteCode: null, joinUrl: null });
    const body = newcomer({ inviteCode: fresh });
    const res = await signUp(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('signup.code_invalid');
    expect(await accountsWith(body.email)).toBe(0);
  });

  it('is rate-limited per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: {}, remoteAddress: '10.202.0.9' })).statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
