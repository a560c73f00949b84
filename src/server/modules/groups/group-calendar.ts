import { and, eq, isNull } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { peerGroupCalendarLinks, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { loadActor } from '../../platform/auth/sessions.js';
import { digestOf, newSecret } from '../../platform/auth/tokens.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { loadGroup, type GroupInContext } from './group-access.js';
import { addScheduleEvents, groupEvents } from './schedule-events.js';

/** A group's sessions as an iCalendar file: one weekly (or daily) series with its exceptions. */
export async function groupCalendarFile(ctx: Pick<RequestContext, 'db' | 'config'>, g: Pick<GroupInContext, 'group' | 'timeZone'>): Promise<string> {
  const calendar = ical({
    name: g.group.topic,
    prodId: { company: 'Peerpath', product: 'Groups' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  addScheduleEvents(calendar, await groupEvents(ctx, g));
  return calendar.toString();
}

const linkUrl = (ctx: RequestContext, token: string) => `${ctx.config.publicUrl.replace(/\/$/, '')}/api/group-calendars/${token}.ics`;

/**
 * A private subscription URL for one group, for calendar apps (which cannot sign in). It replaces
 * the person's earlier link for the group; only the SHA-256 of its secret is stored.
 */
export async function createGroupCalendarLink(ctx: AuthedContext, groupId: string): Promise<{ url: string; createdAt: string }> {
  await loadGroup(ctx, groupId);
  const { token, digest } = newSecret(32);
  const row = await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(peerGroupCalendarLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(peerGroupCalendarLinks.groupId, groupId), eq(peerGroupCalendarLinks.userId, ctx.actor.userId), isNull(peerGroupCalendarLinks.revokedAt)));
    const [link] = await tx.db.insert(peerGroupCalendarLinks).values({ id: digest, groupId, userId: ctx.actor.userId, organizationId: ctx.actor.organizationId }).returning();
    await recordAudit(tx, { action: 'calendar_feed.create', resourceType: 'group_calendar', resourceId: groupId });
    return link!;
  });
  return { url: linkUrl(ctx, token), createdAt: row.createdAt.toISOString() };
}

export async function revokeGroupCalendarLinks(ctx: AuthedContext, groupId: string): Promise<void> {
  await loadGroup(ctx, groupId);
  await inTransaction(ctx, async (tx) => {
    const revoked = await tx.db
      .update(peerGroupCalendarLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(peerGroupCalendarLinks.groupId, groupId), eq(peerGroupCalendarLinks.userId, ctx.actor.userId), isNull(peerGroupCalendarLinks.revokedAt)))
      .returning({ id: peerGroupCalendarLinks.id });
    if (revoked.length) await recordAudit(tx, { action: 'calendar_feed.revoke', resourceType: 'group_calendar', resourceId: groupId });
  });
}

/**
 * The file behind a subscription URL, as its owner may see the group today: a revoked link, a
 * disabled account, or someone who has since left the program all get a 404.
 */
export async function readGroupCalendarLink(ctx: RequestContext, token: string): Promise<string> {
  const [link] = await ctx.db
    .select({ link: peerGroupCalendarLinks })
    .from(peerGroupCalendarLinks)
    .innerJoin(users, eq(users.id, peerGroupCalendarLinks.userId))
    .where(and(eq(peerGroupCalendarLinks.id, digestOf(token)), isNull(peerGroupCalendarLinks.revokedAt), isNull(users.disabledAt)));
  const actor = link ? await loadActor(ctx.db, link.link.userId, 'calendar-link') : null;
  if (!link || !actor) throw notFound('group.not_found', 'That calendar');
  const owner: AuthedContext = { ...ctx, actor };
  const g = await loadGroup(owner, link.link.groupId);
  await recordAudit(owner, { action: 'calendar_feed.read', resourceType: 'group_calendar', resourceId: g.group.id });
  return groupCalendarFile(ctx, g);
}
