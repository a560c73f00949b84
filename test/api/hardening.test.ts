import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { createMemoryMailer } from '../../src/server/platform/mail.js';
import { checkPasswordStrength, isCommonPassword } from '../../src/server/modules/auth/password-policy.js';
import { MAX_FAILED_SIGN_INS } from '../../src/server/modules/auth/sign-in.js';
import { SIGN_IN_PER_MINUTE } from '../../src/server/modules/auth/routes.js';
import { redactUrlForLog } from '../../src/server/platform/http.js';
import { asSession, createTestApp, sessionCookie, signIn, type TestApp } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/database.js';
import { makeUser, makeWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';
import { reportFigure } from '../helpers/figures.js';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
});
afterAll(() => t.close());

const rows = async (query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

let address = 1;
/** A fresh client address per test, so one test's sign-in count never trips another's limit. */
const nextAddress = () => `172.16.${address >> 8}.${address++ & 255}`;

describe('security headers', () => {
  it('sends a CSP without inline scripts that forbids framing, plus nosniff and a referrer policy, and no HSTS over plain HTTP', async () => {
    for (const url of ['/', '/api/auth/session', '/api/no-such-route', '/healthz']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
      expect(scriptSrc, url).toBeDefined();
      expect(scriptSrc, url).not.toContain("'unsafe-inline'");
      expect(scriptSrc, url).not.toContain("'unsafe-eval'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('adds HSTS and secure cookies when the public address is HTTPS', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig({ PUBLIC_URL: 'https://peerpath.example' }), database, mailer: createMemoryMailer() });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/auth/session' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      const w = await makeWorld(database.db);
      const signedIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: w.users.peerA.email, password: TEST_PASSWORD },
        remoteAddress: nextAddress(),
      });
      expect(signedIn.statusCode).toBe(200);
      expect(String(signedIn.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);
});

describe('sessions', () => {
  it('starts a new session at sign-in: the token held before no longer works', async () => {
    const first = await signIn(t.app, world.users.peerA.email);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: first.cookie },
      payload: { email: world.users.peerA.email, password: TEST_PASSWORD },
      remoteAddress: nextAddress(),
    });
    expect(again.statusCode).toBe(200);
    const second = sessionCookie(again);
    expect(second).not.toBe(first.cookie);
    const old = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: first.cookie } });
    expect(old.json().user).toBeNull();
    const current = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: second } });
    expect(current.json().user.email).toBe(world.users.peerA.email);
  });

  it('ends the server session at sign-out: the old cookie, replayed, is nobody', async () => {
    const s = await signIn(t.app, world.users.peerA2.email);
    const before = await rows(sql`select count(*)::int as n from sessions where user_id = ${world.users.peerA2.id}`);
    expect(before[0]!.n).toBeGreaterThan(0);
    const out = await s.post('/api/auth/sign-out');
    expect(out.statusCode).toBe(200);
    const replay = await s.get(`/api/participants/${world.participant.id}`);
    expect(replay.statusCode).toBe(401);
    const who = await s.get('/api/auth/session');
    expect(who.json().user).toBeNull();
    const after = await rows(sql`select count(*)::int as n from sessions where user_id = ${world.users.peerA2.id}`);
    expect(after[0]!.n).toBe(0);
  });

  it('ends every session of a person whose role changes: they sign in again under the new role', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const worker = await makeUser(t.database.db, world.org.id, 'peer_worker', world.programA.id, 'promoted');
    const s = await signIn(t.app, worker.email);
    const res = await admin.put(`/api/admin/users/${worker.id}/role`, { role: 'supervisor', programId: world.programA.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().memberships).toEqual([{ role: 'supervisor', programId: world.programA.id }]);
    expect((await s.get('/api/auth/session')).json().user).toBeNull();
    const fresh = await signIn(t.app, worker.email);
    expect(fresh.cookie).not.toBe(s.cookie);
    expect((await fresh.get('/api/auth/session')).json().user.memberships).toEqual([{ role: 'supervisor', programId: world.programA.id }]);
    // Not for anyone but an org admin; bad input changes nothing.
    const peer = await signIn(t.app, world.users.peerA.email);
    expect((await peer.put(`/api/admin/users/${worker.id}/role`, { role: 'org_admin' })).statusCode).toBe(403);
    expect((await admin.put(`/api/admin/users/${worker.id}/role`, { role: 'wizard' })).statusCode).toBe(400);
    expect((await admin.put(`/api/admin/users/${randomUUID()}/role`, { role: 'org_admin' })).statusCode).toBe(404);
  });
});

describe('CSRF', () => {
  it('refuses every cookie-authenticated write in the OpenAPI document without the session token, or with a wrong one', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const writes: Array<{ method: string; url: string; signedIn: boolean }> = [];
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { security?: unknown[] }>)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        const url = template.replace(/\{[^}]+\}/g, () => randomUUID());
        writes.push({ method: method.toUpperCase(), url, signedIn: (op.security ?? []).length > 0 });
      }
    }
    expect(writes.length).toBeGreaterThan(40);
    const auditBefore = await rows(sql`select count(*)::int as n from audit_events where actor_user_id = ${world.users.orgAdmin.id}`);
    let checked = 0;
    let publicRoutes = 0;
    for (const w of writes) {
      // Public writes (sign-in, reset, sign-up) carry no session, so there is nothing to forge.
      if (!w.signedIn) continue;
      for (const headers of [{ cookie: admin.cookie }, { cookie: admin.cookie, 'x-csrf-token': 'forged-token-value' }]) {
        const res = await t.app.inject({ method: w.method as 'POST', url: w.url, payload: {}, headers });
        expect({ route: `${w.method} ${w.url}`, status: res.statusCode, code: res.json().error?.code }).toEqual({
          route: `${w.method} ${w.url}`,
          status: 403,
          code: 'auth.csrf_failed',
        });
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    const auditAfter = await rows(sql`select count(*)::int as n from audit_events where actor_user_id = ${world.users.orgAdmin.id}`);
    // Forged writes leave no trace: nothing was written, not even an audit event.
    expect(Number(auditAfter[0]!.n)).toBe(Number(auditBefore[0]!.n));
    for (const w of writes.filter((x) => !x.signedIn)) {
      // Others (partner systems) authenticate with a Bearer token: a session cookie alone gets nothing done.
      if (!w.url.startsWith('/api/auth/')) {
        const res = await t.app.inject({ method: w.method as 'POST', url: w.url, payload: {}, headers: { cookie: admin.cookie } });
        expect(res.statusCode, `${w.method} ${w.url} with a cookie and no token`).toBeGreaterThanOrEqual(400);
      }
      publicRoutes++;
    }
    expect(publicRoutes).toBeLessThan(15);
    reportFigure(`CSRF: ${checked} cookie-authenticated write routes refused without and with a forged token; ${publicRoutes} public write routes`);
  }, 120_000);
});

describe('brute force', () => {
  it('pauses an account after repeated failures, with the same answer as for an unknown email', async () => {
    const victim = await makeUser(t.database.db, world.org.id, 'peer_worker', world.programA.id, 'victim');
    const attempt = (email: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: nextAddress() });
    const strip = (body: string) => ({ ...JSON.parse(body).error, requestId: undefined });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) expect((await attempt(victim.email, `wrong guess number ${i}`)).statusCode).toBe(401);
    // Even the right password is refused now, from any address, and the answer reveals nothing.
    const locked = await attempt(victim.email, TEST_PASSWORD);
    const unknown = await attempt('nobody-here@example.org', TEST_PASSWORD);
    const wrong = await attempt(world.users.supervisorA.email, 'not the password at all');
    expect(locked.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(strip(locked.body)).toEqual(strip(unknown.body));
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    // The reset form answers alike for known and unknown emails too.
    const resetKnown = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: victim.email }, remoteAddress: nextAddress() });
    const resetUnknown = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'nobody-here@example.org' }, remoteAddress: nextAddress() });
    expect(resetKnown.statusCode).toBe(resetUnknown.statusCode);
    expect(resetKnown.body).toBe(resetUnknown.body);
  });

  it('limits sign-in attempts per client address, whichever accounts they name', async () => {
    const ip = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_PER_MINUTE; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: `spray-${i}@example.org`, password: 'spray spray spray' },
        remoteAddress: ip,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, SIGN_IN_PER_MINUTE).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not affected.
    const other = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: world.users.peerB.email, password: TEST_PASSWORD }, remoteAddress: nextAddress() });
    expect(other.statusCode).toBe(200);
  });
});

describe('password strength', () => {
  it('refuses passwords from the common-password list, also with digits or symbols around them', () => {
    for (const p of ['password', 'Password123!', 'iloveyou2', 'qwertyuiop', 'football1', 'aaaaaaaaaaaa']) {
      expect(() => checkPasswordStrength(p), p).toThrow(/too easy to guess/);
    }
    for (const p of ['correct horse battery staple', 'riverbend-demo-2026', 'lantern orchard 47 pebbles']) {
      expect(() => checkPasswordStrength(p), p).not.toThrow();
    }
    expect(isCommonPassword('sunshine')).toBe(true);
  });

  it('refuses a common password when an invitation is accepted, and takes a strong one', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const email = `invitee-${randomUUID().slice(0, 8)}@example.org`;
    const invited = await admin.post('/api/admin/invitations', { email, displayName: 'Invited Person', role: 'peer_worker', programId: world.programA.id });
    expect(invited.statusCode).toBeLessThan(300);
    const mail = t.mailer.sent.find((m) => m.to === email)!;
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: 'baseball123' }, remoteAddress: nextAddress() });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('auth.password_weak');
    const strong = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: 'tidal copper lantern 9' }, remoteAddress: nextAddress() });
    expect(strong.statusCode).toBe(200);
  });
});

describe('request limits and error bodies', () => {
  it('refuses bodies over 1 MB on ordinary routes and over 25 MB on the import routes, with a 413', async () => {
    const s = await signIn(t.app, world.users.participantUser.email);
    const big = await s.request({
      method: 'POST',
      url: `/api/participants/${world.participant.id}/journal`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(1_100_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('request.too_large');
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const upload = await admin.request({
      method: 'POST',
      url: '/api/meetings/import',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ feed: [{ name: 'x'.repeat(26 * 1024 * 1024) }] }),
    });
    expect(upload.statusCode).toBe(413);
  });

  it('never shows a stack trace, SQL or a file path in an error body', async () => {
    const database = await openTestDatabase();
    const app: FastifyInstance = await buildApp({ config: testConfig(), database, mailer: createMemoryMailer() });
    // A handler that fails the way a database bug would.
    app.get('/api/test/fails', { config: { access: 'public' } }, async () => {
      const err = new Error('Failed query: select "password_hash" from "users" where "email" = $1\nparams: someone@example.org');
      throw err;
    });
    await app.ready();
    try {
      const answers = [
        await app.inject({ method: 'GET', url: '/api/test/fails' }),
        await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"email": ' }),
        await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'text/plain' }, payload: 'x' }),
        await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: "' or 1=1 --", password: 1 } }),
        await app.inject({ method: 'GET', url: `/api/participants/${"'; drop table users; --"}` }),
        await app.inject({ method: 'DELETE', url: '/api/nothing/here' }),
      ];
      expect(answers[0]!.statusCode).toBe(500);
      for (const res of answers) {
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        const body = res.body;
        expect(body, body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/src\/|\.ts:\d+|Failed query|select .* from|password_hash|stack/i);
        expect(res.json().error.code).toMatch(/^[a-z_.]+$/);
      }
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);
});

describe('logs', () => {
  it('never contain the password, the session token, the CSRF token, journal text or a secret link token', async () => {
    const lines: string[] = [];
    const database = await openTestDatabase();
    const mailer = createMemoryMailer();
    const app = await buildApp({
      config: testConfig({ LOG_LEVEL: 'trace', PUBLIC_URL: 'http://peerpath.test' }),
      database,
      mailer,
      logStream: { write: (line: string) => void lines.push(line) },
    });
    await app.ready();
    try {
      const w = await makeWorld(database.db);
      const PASSWORD = 'Quiet-Harbor-Password-7731';
      const JOURNAL = 'Secret journal line about the blue door on Kestrel Street';
      // An invitation, accepted with a known password: the invitation token travels in a URL.
      const admin = await signInOn(app, w.users.orgAdmin.email);
      const email = `log-${randomUUID().slice(0, 8)}@example.org`;
      expect((await admin.post('/api/admin/invitations', { email, displayName: 'Log Person', role: 'participant', programId: w.programA.id })).statusCode).toBeLessThan(300);
      const inviteToken = /token=([A-Za-z0-9_-]+)/.exec(mailer.sent.at(-1)!.text)![1]!;
      expect((await app.inject({ method: 'GET', url: `/api/auth/invitations/${inviteToken}` })).statusCode).toBe(200);
      const accepted = await app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token: inviteToken, password: PASSWORD } });
      expect(accepted.statusCode).toBe(200);
      // Sign in again with the password (and once with a wrong one), write to the journal, read it back.
      await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: `${PASSWORD}-wrong` } });
      const signedIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: PASSWORD } });
      expect(signedIn.statusCode).toBe(200);
      const cookie = sessionCookie(signedIn);
      const sessionToken = cookie.split('=')[1]!;
      const csrf = signedIn.json().csrfToken as string;
      const me = asSession(app, cookie, csrf);
      const participantId = signedIn.json().user.participantId as string;
      expect((await me.post(`/api/participants/${participantId}/journal`, { text: JOURNAL, shareWithPeer: false })).statusCode).toBe(201);
      expect((await me.get(`/api/participants/${participantId}/journal`)).body).toContain('blue door');
      // A bad write with the password in it, and a reset request.
      await me.post(`/api/participants/${participantId}/journal`, { text: JOURNAL, shareWithPeer: PASSWORD });
      await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
      const resetToken = /token=([A-Za-z0-9_-]+)/.exec(mailer.sent.at(-1)!.text)![1]!;
      await me.post('/api/auth/sign-out');

      expect(lines.length).toBeGreaterThan(20);
      const secrets = { PASSWORD, sessionToken, csrf, JOURNAL, journalWords: 'Kestrel', inviteToken, resetToken };
      for (const [name, secret] of Object.entries(secrets)) {
        const leaks = lines.filter((l) => l.includes(secret));
        expect(leaks, `${name} appears in the log`).toEqual([]);
      }
      reportFigure(`Logs: ${lines.length} lines scanned for ${Object.keys(secrets).length} secrets; none found`);
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);

  it('masks secret path segments and query values', () => {
    expect(redactUrlForLog('/api/auth/invitations/abcdefghijklmnopqrstuv')).toBe('/api/auth/invitations/[redacted]');
    expect(redactUrlForLog('/api/auth/invitations/accept')).toBe('/api/auth/invitations/accept');
    expect(redactUrlForLog('/api/calendar/tok123.ics?x=1&token=abc')).toBe('/api/calendar/[redacted]?x=1&token=[redacted]');
    expect(redactUrlForLog('/api/participants/1')).toBe('/api/participants/1');
  });
});

async function signInOn(app: FastifyInstance, email: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return asSession(app, sessionCookie(res), res.json().csrfToken);
}
