import { BENCH_PASSWORD } from '../../src/server/bench/sizes.js';

/** A signed-in synthetic account: its session cookie and CSRF token (and the participant it is, if one). */
export interface Session {
  cookie: string;
  csrf: string;
  participantId?: string;
}

export interface Request {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Signs in as a synthetic account (sign-ins are limited to 20 a minute from one address). */
export async function signIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: BENCH_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('peerpath_session='))!.split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** The headers of a cookie-authenticated request (CSRF included, for writes). */
export const as = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
