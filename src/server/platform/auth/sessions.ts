import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { authTokens, memberships, participants, sessions, users } from '../../db/schema/index.js';
import type { Membership } from '../../../shared/schemas/tenancy.js';
import type { Actor } from '../context.js';
import { forgetSessionEverywhere, forgetUserEverywhere, type CachedSession, type SessionCache } from './session-cache.js';
import { digestOf, newSecret } from './tokens.js';

export const SESSION_COOKIE = 'peerpath_session';
// Touch the idle deadline at most once a minute, not on every request.
const TOUCH_AFTER_MS = 60_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  absoluteExpiresAt: Date;
}

export async function createSession(
  db: Db,
  config: Config,
  userId: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const { token, digest } = newSecret();
  const csrfToken = newSecret(24).token;
  const now = Date.now();
  const absoluteExpiresAt = new Date(now + config.SESSION_ABSOLUTE_HOURS * 3_600_000);
  await db.insert(sessions).values({
    id: digest,
    userId,
    csrfToken,
    idleExpiresAt: new Date(now + config.SESSION_IDLE_MINUTES * 60_000),
    absoluteExpiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, absoluteExpiresAt };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/**
 * The actor's fields in the same query as the row that names the user: memberships and the
 * participant record come as subqueries, so resolving a session is one round trip. (The outer
 * table is named in full: Drizzle leaves a lone table's columns unqualified, and p.id would win.)
 */
const actorFields = {
  userId: users.id,
  organizationId: users.organizationId,
  displayName: users.displayName,
  memberships: sql<Membership[]>`coalesce((select json_agg(json_build_object('role', m.role, 'programId', m.program_id))
    from ${memberships} m where m.user_id = ${users}.id), '[]'::json)`,
  participantId: sql<string | null>`(select p.id from ${participants} p where p.user_id = ${users}.id limit 1)`,
};

/**
 * The query behind every signed-in request, built once per database and prepared on the server
 * (parsed and planned once per connection) rather than rebuilt and re-parsed on each request.
 */
const sessionLookup = preparedStatement('peerpath_session_lookup', (db, name) =>
  db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      idleExpiresAt: sessions.idleExpiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      csrfToken: sessions.csrfToken,
      ...actorFields,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.idleExpiresAt, sql.placeholder('now')),
        gt(sessions.absoluteExpiresAt, sql.placeholder('now')),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .prepare(name),
);

/**
 * The session behind a cookie token, or null when it is unknown, expired or its user disabled.
 * With a cache (the request hook's), a session read in the last minute is answered from memory.
 */
export async function resolveSession(db: Db, config: Config, token: string, cache?: SessionCache): Promise<ResolvedSession | null> {
  const id = digestOf(token);
  const now = Date.now();
  const found = cache?.get(id, now) ?? (await lookUp(db, id, now, cache));
  if (!found) return null;
  if (now - found.lastSeenAt > TOUCH_AFTER_MS) {
    const idleExpiresAt = now + config.SESSION_IDLE_MINUTES * 60_000;
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now), idleExpiresAt: new Date(idleExpiresAt) })
      .where(eq(sessions.id, id));
    cache?.touched(id, now, idleExpiresAt);
  }
  return { actor: { ...found.actor, sessionId: id }, csrfToken: found.csrfToken };
}

async function lookUp(db: Db, id: string, now: number, cache: SessionCache | undefined): Promise<CachedSession | null> {
  const mark = cache?.mark() ?? 0;
  const [row] = await sessionLookup(db).execute({ id, now: new Date(now) });
  if (!row) return null;
  const { lastSeenAt, idleExpiresAt, absoluteExpiresAt, csrfToken, ...actor } = row;
  const found: CachedSession = {
    userId: actor.userId,
    actor,
    csrfToken,
    lastSeenAt: lastSeenAt.getTime(),
    idleExpiresAt: idleExpiresAt.getTime(),
    absoluteExpiresAt: absoluteExpiresAt.getTime(),
  };
  cache?.put(id, found, mark, now);
  return found;
}

export async function loadActor(db: Db, userId: string, sessionId: string): Promise<Actor | null> {
  const [row] = await db.select(actorFields).from(users).where(eq(users.id, userId)).limit(1);
  return row ? { ...row, sessionId } : null;
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
  forgetSessionEverywhere(sessionId);
}

export async function destroyUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  forgetUserEverywhere(userId);
}

/** The clean-up job: expired sessions, and mailed links used or expired more than a day ago. */
export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<{ sessions: number; tokens: number }> {
  const gone = await db
    .delete(sessions)
    .where(or(lt(sessions.idleExpiresAt, now), lt(sessions.absoluteExpiresAt, now)))
    .returning({ id: sessions.id });
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const tokens = await db
    .delete(authTokens)
    .where(or(lt(authTokens.expiresAt, dayAgo), and(sql`${authTokens.usedAt} is not null`, lt(authTokens.usedAt, dayAgo))))
    .returning({ id: authTokens.id });
  return { sessions: gone.length, tokens: tokens.length };
}
