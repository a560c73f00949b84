import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../src/server/db/schema/index.js';
import { digestOf } from '../../src/server/platform/auth/tokens.js';
import { MAX_FAILED_SIGN_INS } from '../../src/server/modules/auth/sign-in.js';
import { SIGN_IN_PER_MINUTE } from '../../src/server/modules/auth/routes.js';
import { asSession, createTestApp, sessionCookie, signIn, type TestApp } from '../helpers/app.js';
import { makeOrganization, makeProgram, makeUser, makeWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
});
afterAll(() => t.close());

const signInRaw = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

async function freshUser() {
  const org = await makeOrganization(t.database.db);
  const program = await makeProgram(t.database.db, org.id);
  return makeUser(t.database.db, org.id, 'peer_worker', program.id);
}

describe('sign-in and sessions', () => {
  it('signs in, sets an httpOnly SameSite cookie and tells the user who they are', async () => {
    const res = await signInRaw(world.users.peerA.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/peerpath_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = res.json();
    expect(body.user.email).toBe(world.users.peerA.email);
    expect(body.user.memberships).toEqual([{ role: 'peer_worker', programId: world.programA.id }]);
    expect(body.csrfToken).toEqual(expect.any(String));
  });

  it('matches email without regard to case', async () => {
    const res = await signInRaw(world.users.peerA.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('gives the same answer for an unknown email and a wrong password (no account enumeration)', async () => {
    const unknown = await signInRaw('nobody-here@test.example', TEST_PASSWORD);
    const wrong = await signInRaw(world.users.peerA2.email, 'not the password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('auth.sign_in_failed');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it(`locks the account for a while after ${MAX_FAILED_SIGN_INS} failures, even against the right password, with the same message`, async () => {
    const user = await freshUser();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) expect((await signInRaw(user.email, 'wrong password!')).statusCode).toBe(401);
    const locked = await signInRaw(user.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.message).toBe((await signInRaw('nobody@test.example', 'x')).json().error.message);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it('limits sign-in attempts per client address', async () => {
    const user = await freshUser();
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_PER_MINUTE + 2; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: 'nope nope' }, remoteAddress: '10.77.0.1' });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });

  it('signing out ends the session on the server: the old cookie no longer works', async () => {
    const s = await signIn(t.app, world.users.peerA.email);
    expect((await s.get('/api/participants')).statusCode).toBe(200);
    expect((await s.post('/api/auth/sign-out')).statusCode).toBe(200);
    const after = await s.get('/api/participants');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.required');
  });

  it('starts a new session at each sign-in and ends the one the browser had', async () => {
    const first = await signIn(t.app, world.users.peerA.email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: first.cookie },
      payload: { email: world.users.peerA.email, password: TEST_PASSWORD },
    });
    const second = sessionCookie(res);
    expect(second).not.toBe(first.cookie);
    expect((await first.get('/api/participants')).statusCode).toBe(401);
    expect((await asSession(t.app, second, res.json().csrfToken).get('/api/participants')).statusCode).toBe(200);
  });

  it('expires a session after the idle time and after the absolute time', async () => {
    const idle = await signIn(t.app, world.users.peerA.email);
    const absolute = await signIn(t.app, world.users.peerA.email);
    const idOf = (cookie: string) => digestOf(cookie.split('=')[1]!);
    await t.database.db.update(sessions).set({ idleExpiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, idOf(idle.cookie)));
    await t.database.db
      .update(sessions)
      .set({ absoluteExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.id, idOf(absolute.cookie)));
    expect((await idle.get('/api/participants')).statusCode).toBe(401);
    expect((await absolute.get('/api/participants')).statusCode).toBe(401);
  });

  it('stores only a digest of the session token', async () => {
    const s = await signIn(t.app, world.users.peerA.email);
    const token = s.cookie.split('=')[1]!;
    const rows = await t.database.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, token));
    expect(rows).toHaveLength(0);
    expect(await t.database.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, digestOf(token)))).toHaveLength(1);
  });
});

describe('CSRF protection on cookie-authenticated writes', () => {
  it('refuses a write without the token, or with a wrong one, and changes nothing', async () => {
    const s = await signIn(t.app, world.users.peerA.email);
    const body = { programId: world.programA.id, preferredName: 'Csrf Probe' };
    const missing = await t.app.inject({ method: 'POST', url: '/api/participants', headers: { cookie: s.cookie }, payload: body });
    const wrong = await s.request({ method: 'POST', url: '/api/participants', headers: { 'x-csrf-token': 'x'.repeat(32) }, payload: body });
    expect(missing.statusCode).toBe(403);
    expect(wrong.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('auth.csrf_failed');
    const list = (await s.get('/api/participants')).json();
    expect(list.participants.map((p: { preferredName: string }) => p.preferredName)).not.toContain('Csrf Probe');
    expect((await s.post('/api/participants', body)).statusCode).toBe(201);
  });
});

describe('password reset by email link', () => {
  it('mails a single-use link; the new password works, the old one and old sessions do not', async () => {
    const user = await freshUser();
    const old = await signIn(t.app, user.email);
    t.mailer.sent.length = 0;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
    expect(res.statusCode).toBe(200);
    expect(t.mailer.sent).toHaveLength(1);
    const mail = t.mailer.sent[0]!;
    expect(mail.to).toBe(user.email);
    const token = /reset-password\?token=([\w-]+)/.exec(mail.text)![1]!;
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('body.password');
    const done = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password: 'a brand new passphrase' } });
    expect(done.statusCode).toBe(200);
    expect((await old.get('/api/participants')).statusCode).toBe(401);
    expect((await signInRaw(user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signInRaw(user.email, 'a brand new passphrase')).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password: 'yet another passphrase' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('auth.token_invalid');
  });

  it('answers an unknown email exactly like a known one and sends nothing', async () => {
    t.mailer.sent.length = 0;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'nobody-at-all@test.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(t.mailer.sent).toHaveLength(0);
  });
});

describe('invitations', () => {
  it('lets an org admin invite a peer worker, who sets a password from the link and lands signed in', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    t.mailer.sent.length = 0;
    const email = `invited-${Date.now()}@test.example`;
    const res = await admin.post('/api/admin/invitations', { email, displayName: 'Morgan Invited', role: 'peer_worker', programId: world.programA.id });
    expect(res.statusCode).toBe(201);
    const token = /accept-invitation\?token=([\w-]+)/.exec(t.mailer.sent[0]!.text)![1]!;
    const info = await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${token}` });
    expect(info.json()).toMatchObject({ email, displayName: 'Morgan Invited', organizationName: world.org.name });
    const accepted = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: 'morgan chooses this one' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.memberships).toEqual([{ role: 'peer_worker', programId: world.programA.id }]);
    const session = asSession(t.app, sessionCookie(accepted), accepted.json().csrfToken);
    expect((await session.get('/api/participants')).statusCode).toBe(200);
    const reuse = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: 'morgan chooses this one' } });
    expect(reuse.statusCode).toBe(400);
  });

  it('inviting a participant enrols them in the program', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const email = `new-participant-${Date.now()}@test.example`;
    const res = await admin.post('/api/admin/invitations', { email, displayName: 'Sky Newcomer', role: 'participant', programId: world.programA.id });
    expect(res.statusCode).toBe(201);
    const list = (await admin.get(`/api/participants?programId=${world.programA.id}`)).json();
    expect(list.participants.find((p: { preferredName: string }) => p.preferredName === 'Sky Newcomer')).toMatchObject({ hasLogin: true });
  });

  it('refuses invitations from anyone but an org admin', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const res = await supervisor.post('/api/admin/invitations', {
      email: 'sneaky@test.example',
      displayName: 'Sneaky',
      role: 'org_admin',
    });
    expect(res.statusCode).toBe(403);
  });

  it('rejects a bad invitation with a 400 and writes nothing', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const before = (await admin.get('/api/admin/users')).json().users.length;
    const res = await admin.post('/api/admin/invitations', { email: 'someone@test.example', displayName: 'No Program', role: 'peer_worker' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.programId');
    const taken = await admin.post('/api/admin/invitations', { email: world.users.peerA.email, displayName: 'Dup', role: 'peer_worker', programId: world.programA.id });
    expect(taken.statusCode).toBe(409);
    expect((await admin.get('/api/admin/users')).json().users.length).toBe(before);
  });
});
