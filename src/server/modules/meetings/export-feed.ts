import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { MeetingGuideRecord } from '../../../shared/meetings/feed.js';
import type { Db } from '../../db/client.js';
import { meetingFeedVersions, meetings, organizations } from '../../db/schema/index.js';

export interface ExportedFeed {
  /** The JSON text, as UTF-8 bytes ready to send. */
  body: Buffer;
  etag: string;
}

/**
 * The organization's directory as a Meeting Guide feed: every listing as it was imported (one day
 * each, slugs as strings, time zone filled in), ordered by slug, so the same directory always gives
 * the same bytes and the same ETag.
 */
export async function buildMeetingFeed(db: Db, organizationId: string): Promise<ExportedFeed> {
  const rows = await db.select({ record: meetings.record }).from(meetings).where(eq(meetings.organizationId, organizationId)).orderBy(asc(meetings.slug));
  const feed: MeetingGuideRecord[] = rows.map((r) => r.record);
  const body = Buffer.from(JSON.stringify(feed), 'utf8');
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/** Bodies kept at once (one per organization, the most recently asked for). */
const MAX_CACHED = 32;
type Cached = { version: number; feed: Promise<ExportedFeed> };
/** Per database (tests open several in one process), per organization id. */
const caches = new WeakMap<Db, Map<string, Cached>>();

/**
 * The feed for an organization slug, built once per version of its directory. Each request costs
 * one small query: the organization and its feed version, which triggers on `meetings` raise in
 * the writer's transaction (any write path, any server instance). The body is read after the
 * version, so it is never older than the version it is kept under; a cached body whose version
 * is at least the one just read is current. Null when no organization has that slug.
 */
export async function exportMeetingFeed(db: Db, organizationSlug: string): Promise<ExportedFeed | null> {
  const [org] = await db
    .select({ id: organizations.id, version: sql<number>`coalesce(${meetingFeedVersions.version}, 0)`.mapWith(Number) })
    .from(organizations)
    .leftJoin(meetingFeedVersions, eq(meetingFeedVersions.organizationId, organizations.id))
    .where(eq(organizations.slug, organizationSlug));
  if (!org) return null;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(org.id);
  if (hit && hit.version >= org.version) {
    cache.delete(org.id);
    cache.set(org.id, hit);
    return hit.feed;
  }
  const entry: Cached = { version: org.version, feed: buildMeetingFeed(db, org.id) };
  cache.delete(org.id);
  cache.set(org.id, entry);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  // A failed build is not kept: the next request tries again.
  entry.feed.catch(() => cache.get(org.id) === entry && cache.delete(org.id));
  return entry.feed;
}
