import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { createMemoryMailer } from '../../src/server/platform/mail.js';
import { openTestDatabase } from './database.js';
import { TEST_PASSWORD } from './factories.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  mailer: ReturnType<typeof createMemoryMailer>;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Parameters<typeof testConfig>[0] = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const mailer = createMemoryMailer();
  const app = await buildApp({ config: testConfig({ PUBLIC_URL: 'http://peerpath.test', ...overrides }), database, mailer });
  await app.ready();
  return {
    app,
    database,
    mailer,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in user as the browser would be: the session cookie, and the CSRF token on writes. */
export interface Session {
  cookie: string;
  csrfToken: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : [raw];
  const found = all.find((c): c is string => typeof c === 'string' && c.startsWith('peerpath_session='));
  if (!found) throw new Error('no session cookie set');
  return found.split(';')[0]!;
}

export function asSession(app: FastifyInstance, cookie: string, csrfToken: string): Session {
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
  return {
    cookie,
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as any }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as any }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as any }),
  };
}

let nextAddress = 1;

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Session> {
  // Each test sign-in comes from its own address, so the per-address limit never trips by accident.
  const remoteAddress = `10.${nextAddress >> 16 & 255}.${nextAddress >> 8 & 255}.${nextAddress++ & 255}`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  return asSession(app, sessionCookie(res), res.json().csrfToken);
}
