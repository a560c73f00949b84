import { afterEach, describe, expect, it } from 'vitest';
import { forgetUserEverywhere, SessionCache, type CachedSession } from '../../src/server/platform/auth/session-cache.js';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const session = (userId: string, over: Partial<CachedSession> = {}): CachedSession => ({
  userId,
  actor: { userId, organizationId: 'org', displayName: 'Sam', memberships: [], participantId: null },
  csrfToken: 'csrf',
  lastSeenAt: NOW,
  idleExpiresAt: NOW + 30 * 60_000,
  absoluteExpiresAt: NOW + 12 * 3_600_000,
  ...over,
});

const made: SessionCache[] = [];
function liveCache(): SessionCache {
  const cache = new SessionCache();
  cache.setLive(true);
  made.push(cache);
  return cache;
}
afterEach(() => made.splice(0).forEach((c) => c.close()));

describe('session cache', () => {
  it('holds nothing while change notices cannot arrive, and drops everything when that changes', () => {
    const off = new SessionCache();
    made.push(off);
    off.put('s1', session('u1'), off.mark(), NOW);
    expect(off.get('s1', NOW)).toBeUndefined();

    const cache = liveCache();
    cache.put('s1', session('u1'), cache.mark(), NOW);
    expect(cache.get('s1', NOW)?.userId).toBe('u1');
    cache.setLive(false);
    cache.setLive(true);
    expect(cache.get('s1', NOW)).toBeUndefined();
  });

  it('does not keep a lookup that a change overtook', () => {
    const cache = liveCache();
    const mark = cache.mark();
    cache.forgetUser('someone else entirely');
    cache.put('s1', session('u1'), mark, NOW);
    expect(cache.get('s1', NOW)).toBeUndefined();
  });

  it('forgets every session of a changed user and no one else’s', () => {
    const cache = liveCache();
    for (const [id, user] of [['a1', 'a'], ['a2', 'a'], ['b1', 'b']] as const) cache.put(id, session(user), cache.mark(), NOW);
    forgetUserEverywhere('a');
    expect([cache.get('a1', NOW), cache.get('a2', NOW), cache.get('b1', NOW)?.userId]).toEqual([undefined, undefined, 'b']);
  });

  it('never serves a session past its idle or absolute deadline, nor a copy older than a minute', () => {
    const cache = liveCache();
    cache.put('idle', session('u', { idleExpiresAt: NOW + 1_000 }), cache.mark(), NOW);
    cache.put('absolute', session('u', { absoluteExpiresAt: NOW + 1_000 }), cache.mark(), NOW);
    cache.put('old', session('v'), cache.mark(), NOW);
    expect(cache.get('idle', NOW + 1_000)).toBeUndefined();
    expect(cache.get('absolute', NOW + 1_000)).toBeUndefined();
    expect(cache.get('old', NOW + 59_999)?.userId).toBe('v');
    expect(cache.get('old', NOW + 60_000)).toBeUndefined();
  });
});
