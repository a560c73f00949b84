import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { MessagePage, MessagePageQuery } from '../../../shared/schemas/messaging.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { messages } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireThread } from './thread-access.js';
import { messagesQuery, toMessage } from './thread-view.js';

const badCursor = () =>
  new AppError('validation.failed', 'That page of the conversation could not be found; load the conversation again.', [
    { path: 'querystring.before', message: 'is not a cursor of this conversation' },
  ]);

/**
 * A page of the conversation, newest page first. The cursor is the oldest message of the page
 * before, so pages stay put while new messages arrive: (created_at, id) orders every message
 * exactly, ties included. Reading a page is one audit event, however many messages it holds.
 */
export async function listMessages(ctx: AuthedContext, threadId: string, query: MessagePageQuery): Promise<MessagePage> {
  const thread = await requireThread(ctx, threadId, { access: 'read', action: 'message.read' });
  let olderThan: SQL | undefined;
  if (query.before !== undefined) {
    if (!uuidSchema.safeParse(query.before).success) throw badCursor();
    const [anchor] = await ctx.db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.id, query.before), eq(messages.threadId, thread.id)));
    if (!anchor) throw badCursor();
    // Compared in the database, at its full precision, against the anchor row itself.
    olderThan = sql`(${messages.createdAt}, ${messages.id}) < (select m.created_at, m.id from messages m where m.id = ${query.before})`;
  }
  const rows = await messagesQuery(ctx.db)
    .where(and(eq(messages.threadId, thread.id), olderThan))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(query.limit + 1);
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit).reverse();
  await recordAudit(ctx, {
    action: 'message.read',
    participantId: thread.participantId,
    resourceType: 'message_thread',
    resourceId: thread.id,
    details: { messages: page.length, ...(query.before ? { older: true } : {}) },
  });
  return { messages: page.map(toMessage), before: more ? page[0]!.id : null };
}
