import { inArray } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import { users } from '../../src/server/db/schema/index.js';
import type { Session } from './app.js';
import type { World } from './factories.js';

export interface SeenBody {
  url: string;
  body: unknown;
}

/** A session that records every JSON body the community API answers, for the privacy walk. */
export function recorded(s: Session, seen: SeenBody[]): Session {
  const wrap =
    (fn: (url: string, payload?: unknown) => ReturnType<Session['get']>) =>
    async (url: string, payload?: unknown) => {
      const res = await fn(url, payload);
      if (url.startsWith('/api/community') && res.headers['content-type']?.toString().includes('json')) seen.push({ url, body: res.json() });
      return res;
    };
  return { ...s, get: wrap(s.get), post: wrap(s.post), put: wrap(s.put), patch: wrap(s.patch) };
}

/**
 * Walks every recorded body: no legal name, email, phone number, or user or participant record id
 * anywhere (what people wrote is screened by the safety rules, not here).
 */
export async function privacyProblems(db: Db, w: World, seen: SeenBody[]): Promise<string[]> {
  const people = await db.select().from(users).where(inArray(users.organizationId, [w.org.id])).orderBy(users.id);
  const forbidden = [...people.flatMap((u) => [u.id, u.email, u.displayName]), w.participant.id, w.otherParticipant.id, w.participant.preferredName, w.otherParticipant.preferredName];
  const phone = /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/;
  const email = /[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]{2,}/i;
  const problems: string[] = [];
  const walk = (value: unknown, path: string, url: string) => {
    if (typeof value === 'string') {
      for (const f of forbidden) if (f && value.includes(f)) problems.push(`${url} ${path}: contains ${f}`);
      if (!/\.body$|\.title$|\.details$/.test(path)) {
        if (phone.test(value)) problems.push(`${url} ${path}: phone-like ${value}`);
        if (email.test(value)) problems.push(`${url} ${path}: email-like ${value}`);
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, url));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, url);
  };
  for (const { url, body } of seen) walk(body, '$', url);
  return problems;
}
