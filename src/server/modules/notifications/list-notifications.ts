import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Notification } from '../../../shared/schemas/notifications.js';
import { notifications } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

const LIMIT = 50;

// A person's own notifications only, within their organization.
const mine = (ctx: AuthedContext) =>
  and(eq(notifications.userId, ctx.actor.userId), eq(notifications.organizationId, ctx.actor.organizationId));

function toNotification(row: typeof notifications.$inferSelect): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The newest of my notifications, and how many are unread in all. */
export async function listMyNotifications(ctx: AuthedContext): Promise<{ notifications: Notification[]; unreadCount: number }> {
  const [rows, [unread]] = await Promise.all([
    ctx.db.select().from(notifications).where(mine(ctx)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(LIMIT),
    ctx.db.select({ n: count() }).from(notifications).where(and(mine(ctx), isNull(notifications.readAt))),
  ]);
  return { notifications: rows.map(toNotification), unreadCount: Number(unread?.n ?? 0) };
}

/** Marks one of my notifications read (again is fine); anyone else's is "not found". */
export async function markNotificationRead(ctx: AuthedContext, id: string): Promise<Notification> {
  const [existing] = await ctx.db.select().from(notifications).where(and(mine(ctx), eq(notifications.id, id))).limit(1);
  if (!existing) throw new AppError('notification.not_found', 'That notification was not found.');
  if (existing.readAt) return toNotification(existing);
  const [row] = await ctx.db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id)).returning();
  return toNotification(row!);
}

export async function markAllNotificationsRead(ctx: AuthedContext): Promise<{ marked: number }> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(ctx), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
