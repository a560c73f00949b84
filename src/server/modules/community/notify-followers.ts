import { and, eq, ne, sql } from 'drizzle-orm';
import { localeSchema } from '../../../shared/schemas/tenancy.js';
import type { NotificationKind } from '../../../shared/schemas/notifications.js';
import { communityBlocks, communityFollows, communityMembers, notifications, users } from '../../db/schema/index.js';
import { afterCommit, type RequestContext } from '../../platform/context.js';
import { userChannel } from '../../platform/realtime.js';

const replyMessage = {
  en: (name: string) => ({ title: `${name} replied in a thread you follow`, body: null }),
  es: (name: string) => ({ title: `${name} respondió en un hilo que sigues`, body: null }),
};

/**
 * An in-app notification to everyone who follows the thread, except the writer and anyone a block
 * separates from them. Says who replied by community name, never what they wrote.
 */
export async function notifyFollowers(tx: RequestContext, reply: { organizationId: string; threadId: string; authorId: string; authorName: string; anonymous: boolean }) {
  const hidden = sql`(select ${communityBlocks.otherId} from ${communityBlocks} where ${communityBlocks.memberId} = ${communityMembers.id} and ${communityBlocks.otherId} = ${reply.authorId}
    union select ${communityBlocks.memberId} from ${communityBlocks} where ${communityBlocks.memberId} = ${reply.authorId} and ${communityBlocks.otherId} = ${communityMembers.id} and ${communityBlocks.kind} = 'block')`;
  const followers = await tx.db
    .select({ userId: communityMembers.userId, locale: users.locale })
    .from(communityFollows)
    .innerJoin(communityMembers, eq(communityMembers.id, communityFollows.memberId))
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(and(eq(communityFollows.threadId, reply.threadId), ne(communityFollows.memberId, reply.authorId), sql`${communityMembers.leftAt} is null`, sql`not exists ${hidden}`));
  if (followers.length === 0) return;
  const name = reply.anonymous ? '—' : reply.authorName;
  await tx.db.insert(notifications).values(
    followers.map((f) => ({
      organizationId: reply.organizationId,
      userId: f.userId,
      kind: 'community_reply' satisfies NotificationKind,
      ...replyMessage[localeSchema.catch('en').parse(f.locale)](name),
      link: `/community/threads/${reply.threadId}`,
    })),
  );
  await afterCommit(tx, async () => {
    await Promise.all(followers.map((f) => tx.realtime.publish(userChannel(f.userId), { type: 'notification.created', kind: 'community_reply' })));
  });
}

