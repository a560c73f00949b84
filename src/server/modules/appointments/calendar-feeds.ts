import { and, count, desc, eq, gte, isNull } from 'drizzle-orm';
import type { CalendarFeedList, NewCalendarFeed } from '../../../shared/schemas/appointments.js';
import { localeSchema } from '../../../shared/schemas/tenancy.js';
import { appointments, calendarFeeds, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { digestOf, newSecret } from '../../platform/auth/tokens.js';
import { loadActor } from '../../platform/auth/sessions.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { ownAppointments, selectAppointments } from './appointment-rows.js';
import { calendarFile } from './calendar-file.js';
import { scheduleEventsFor } from '../groups/schedule-events.js';

/** Enough for a phone, a laptop and a shared family calendar; more is likely a leak waiting to happen. */
export const MAX_ACTIVE_FEEDS = 5;
const FEED_PAST_DAYS = 30;
// Groups and saved meetings recur; a year ahead is what calendar apps show anyway.
const FEED_FUTURE_DAYS = 365;

const feedUrl = (ctx: RequestContext, token: string) => `${ctx.config.publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`;

/** A new subscription URL, shown this once: only the SHA-256 digest of its secret is stored (as the id). */
export async function createCalendarFeed(ctx: AuthedContext): Promise<NewCalendarFeed> {
  const { token, digest } = newSecret(32);
  const row = await inTransaction(ctx, async (tx) => {
    // Serialises concurrent requests of one person, so the limit holds.
    await tx.db.select({ id: users.id }).from(users).where(eq(users.id, ctx.actor.userId)).for('update');
    const [active] = await tx.db
      .select({ n: count() })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, ctx.actor.userId), isNull(calendarFeeds.revokedAt)));
    if ((active?.n ?? 0) >= MAX_ACTIVE_FEEDS) {
      throw new AppError('calendar_feed.limit_reached', `You already have ${MAX_ACTIVE_FEEDS} calendar links. Revoke one you no longer use first.`);
    }
    const [feed] = await tx.db.insert(calendarFeeds).values({ id: digest, userId: ctx.actor.userId, organizationId: ctx.actor.organizationId }).returning();
    await recordAudit(tx, { action: 'calendar_feed.create', resourceType: 'calendar_feed', resourceId: digest });
    return feed!;
  });
  const url = feedUrl(ctx, token);
  return { id: row.id, createdAt: row.createdAt.toISOString(), url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
}

export async function listCalendarFeeds(ctx: AuthedContext): Promise<CalendarFeedList> {
  const rows = await ctx.db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, ctx.actor.userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt));
  return { feeds: rows.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString() })) };
}

/** Its owner revokes a link: from then on it answers 404. Revoking twice is the same as once. */
export async function revokeCalendarFeed(ctx: AuthedContext, feedId: string): Promise<void> {
  const [feed] = await ctx.db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.id, feedId), eq(calendarFeeds.userId, ctx.actor.userId)));
  if (!feed) {
    await recordAudit(ctx, { action: 'calendar_feed.revoke', outcome: 'denied', resourceType: 'calendar_feed', resourceId: feedId });
    throw notFound('calendar_feed.not_found', 'That calendar link');
  }
  if (feed.revokedAt) return;
  await inTransaction(ctx, async (tx) => {
    const revoked = await tx.db
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.id, feedId), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    if (revoked.length > 0) await recordAudit(tx, { action: 'calendar_feed.revoke', resourceType: 'calendar_feed', resourceId: feedId });
  });
}

/**
 * The calendar behind a secret URL: the owner's own appointments from a month back on, as the
 * access policy lets them see today. Unknown, revoked and disabled-account links are all a 404.
 * Each read is audited under the owner, once per participant whose sessions it carried.
 */
export async function readCalendarFeed(ctx: RequestContext, token: string, now = new Date()): Promise<string> {
  const feedId = digestOf(token);
  const [feed] = await ctx.db
    .select({ feed: calendarFeeds, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.id, feedId), isNull(calendarFeeds.revokedAt), isNull(users.disabledAt)));
  const actor = feed ? await loadActor(ctx.db, feed.feed.userId, `calendar-feed:${feedId.slice(0, 12)}`) : null;
  if (!feed || !actor) throw notFound('calendar_feed.not_found', 'That calendar');
  const rows = await selectAppointments(ctx.db, and(ownAppointments(actor), gte(appointments.startsAt, new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000))));
  const audit = { ...ctx, actor };
  const participantIds = [...new Set(rows.map((r) => r.appointment.participantId))];
  const event = { action: 'calendar_feed.read' as const, resourceType: 'calendar_feed', resourceId: feedId };
  if (participantIds.length === 0) await recordAudit(audit, event);
  else await recordAudit(audit, ...participantIds.map((participantId) => ({ ...event, participantId, details: { events: rows.filter((r) => r.appointment.participantId === participantId).length } })));
  const from = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const schedule = await scheduleEventsFor(ctx, actor.userId, { from, to: new Date(now.getTime() + FEED_FUTURE_DAYS * 86_400_000) });
  return calendarFile({ userId: actor.userId, locale: localeSchema.catch('en').parse(feed.locale) }, rows, schedule);
}
