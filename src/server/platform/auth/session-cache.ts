import type { Actor } from '../context.js';

/**
 * Signed-in sessions held in memory, so that a request need not ask the database who is signing it
 * (one statement fewer on every signed-in request).
 *
 * An entry is served only while all of these hold:
 * - the database's change notices reach this instance (`live`): triggers send a user's id at commit
 *   whenever their session, account, memberships or participant record change (migration 0014),
 *   and each instance forgets that user's sessions. When the listener is lost, the cache empties
 *   and stays off until it listens again;
 * - the session's own idle and absolute deadlines have not passed;
 * - it was read from the database less than a minute ago, a bound on any notice that never came.
 *
 * A lookup that began before a notice is not stored after it (the generation counter), so an
 * answer read before a change cannot outlive the change. On one instance, sign-out and the ending
 * of a user's sessions also forget at once (`forgetSessionEverywhere`, `forgetUserEverywhere`),
 * without waiting for the notice.
 */
export interface CachedSession {
  userId: string;
  actor: Omit<Actor, 'sessionId'>;
  csrfToken: string;
  lastSeenAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

interface Entry extends CachedSession {
  storedAt: number;
}

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 50_000;
const caches = new Set<SessionCache>();

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private live = false;

  constructor() {
    caches.add(this);
  }

  /** The session's entry, or undefined when it must be read from the database. */
  get(sessionId: string, now: number): CachedSession | undefined {
    if (!this.live) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (now >= entry.idleExpiresAt || now >= entry.absoluteExpiresAt || now - entry.storedAt >= MAX_AGE_MS) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  /** Taken before a lookup and handed to `put`, so a lookup overtaken by a change is not kept. */
  mark(): number {
    return this.generation;
  }

  put(sessionId: string, session: CachedSession, mark: number, now: number): void {
    if (!this.live || mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sessionId, { ...session, storedAt: now });
  }

  /** A session touched in the database: its later idle deadline, kept. */
  touched(sessionId: string, lastSeenAt: number, idleExpiresAt: number): void {
    const entry = this.entries.get(sessionId);
    if (entry) Object.assign(entry, { lastSeenAt, idleExpiresAt });
  }

  forgetUser(userId: string): void {
    this.generation += 1;
    for (const [id, entry] of this.entries) if (entry.userId === userId) this.entries.delete(id);
  }

  forgetSession(sessionId: string): void {
    this.generation += 1;
    this.entries.delete(sessionId);
  }

  /** Whether change notices reach this instance; either way, everything held so far is dropped. */
  setLive(live: boolean): void {
    this.generation += 1;
    this.entries.clear();
    this.live = live;
  }

  close(): void {
    this.setLive(false);
    caches.delete(this);
  }
}

/** Every cache in this process forgets the user's sessions (over-forgetting is harmless). */
export function forgetUserEverywhere(userId: string): void {
  for (const cache of caches) cache.forgetUser(userId);
}

export function forgetSessionEverywhere(sessionId: string): void {
  for (const cache of caches) cache.forgetSession(sessionId);
}
