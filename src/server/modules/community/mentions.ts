import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { localeSchema } from '../../../shared/schemas/tenancy.js';
import type { NotificationKind } from '../../../shared/schemas/notifications.js';
import { communityBlocks, communityMembers, communityMentions, communityPosts, communitySpaceMembers, communitySpaces, memberships, notifications, users } from '../../db/schema/index.js';
import { afterCommit, type RequestContext } from '../../platform/context.js';
import { userChannel } from '../../platform/realtime.js';
import { peerWorkerFlag } from './members.js';

const MAX_MENTIONS = 10;
const NAME_CHAR = /[\p{L}\p{N}]/u;

/** Whether a block (either way) stands between the member and the writer: then no mention links them. */
const blockedWith = (writerId: string) =>
  sql`exists (select 1 from ${communityBlocks} where ${communityBlocks.kind} = 'block' and ((${communityBlocks.memberId} = ${writerId} and ${communityBlocks.otherId} = ${communityMembers.id}) or (${communityBlocks.otherId} = ${writerId} and ${communityBlocks.memberId} = ${communityMembers.id})))`;

/** Whether the member's user can read posts of the space (and, for "peer workers only", is peer staff). */
function canRead(space: typeof communitySpaces.$inferSelect, peerWorkersOnly: boolean) {
  const role = (roles: string[]) =>
    sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${communityMembers.userId} and ${memberships.role} in ${roles}${space.audience === 'program' && roles[0] !== 'org_admin' ? sql` and ${memberships.programId} = ${space.programId}` : sql``})`;
  const admin = role(['org_admin']);
  const audience =
    space.audience === 'organization'
      ? sql`true`
      : space.audience === 'program'
        ? role(['participant', 'peer_worker', 'supervisor', 'clinician', 'moderator'])
        : sql`(exists (select 1 from ${communitySpaceMembers} where ${communitySpaceMembers.spaceId} = ${space.id} and ${communitySpaceMembers.userId} = ${communityMembers.userId}) or exists (select 1 from ${memberships} where ${memberships.userId} = ${communityMembers.userId} and ${memberships.role} = 'moderator'))`;
  const staff = peerWorkersOnly ? sql` and ${peerWorkerFlag(communityMembers.userId)}` : sql``;
  return sql`((${admin} or ${audience})${staff})`;
}

/**
 * The members a text names with @community-name: the longest community name right after each "@",
 * ending at a word boundary. Not the writer, not anyone a block separates from the writer, and
 * only people who could read the post (so a mention never points at something they cannot open).
 */
export async function findMentions(tx: RequestContext, writer: { id: string; organizationId: string }, spaceId: string, peerWorkersOnly: boolean, body: string): Promise<string[]> {
  const starts = [...body.matchAll(/(^|[^\p{L}\p{N}@])@(?=[\p{L}\p{N}])/gu)].map((m) => m.index + m[1]!.length + 1).slice(0, MAX_MENTIONS);
  if (starts.length === 0) return [];
  const [space] = await tx.db.select().from(communitySpaces).where(eq(communitySpaces.id, spaceId));
  if (!space) return [];
  const found = new Set<string>();
  for (const at of starts) {
    const after = body.slice(at, at + 41);
    const candidates = await tx.db
      .select({ id: communityMembers.id, name: communityMembers.communityName })
      .from(communityMembers)
      .where(
        and(
          eq(communityMembers.organizationId, writer.organizationId),
          ne(communityMembers.id, writer.id),
          isNull(communityMembers.leftAt),
          sql`lower(${communityMembers.communityName}) = left(lower(${after}), length(${communityMembers.communityName}))`,
          sql`not ${blockedWith(writer.id)}`,
          canRead(space, peerWorkersOnly),
        ),
      )
      .orderBy(sql`length(${communityMembers.communityName}) desc`, communityMembers.id);
    const hit = candidates.find((c) => !NAME_CHAR.test(after.charAt(c.name.length)));
    if (hit) found.add(hit.id);
  }
  return [...found];
}

export async function saveMentions(tx: RequestContext, postId: string, organizationId: string, memberIds: string[]): Promise<void> {
  if (memberIds.length === 0) return;
  await tx.db.insert(communityMentions).values(memberIds.map((memberId) => ({ postId, memberId, organizationId }))).onConflictDoNothing();
}

const mentionMessage = {
  en: (name: string) => ({ title: `${name} mentioned you in the community`, body: null }),
  es: (name: string) => ({ title: `${name} te mencionó en la comunidad`, body: null }),
};

/**
 * Once a post is published: an in-app notification to each member it mentions (once), by the
 * writer's community name, never the words. A block made since the post was written still holds.
 */
export async function notifyMentions(tx: RequestContext, postId: string): Promise<void> {
  const [post] = await tx.db
    .select({ post: communityPosts, authorName: communityMembers.communityName })
    .from(communityPosts)
    .innerJoin(communityMembers, eq(communityMembers.id, communityPosts.authorId))
    .where(eq(communityPosts.id, postId));
  if (!post || post.post.status !== 'published') return;
  const people = await tx.db
    .select({ memberId: communityMembers.id, userId: communityMembers.userId, locale: users.locale })
    .from(communityMentions)
    .innerJoin(communityMembers, eq(communityMembers.id, communityMentions.memberId))
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(and(eq(communityMentions.postId, postId), isNull(communityMentions.notifiedAt), isNull(communityMembers.leftAt), sql`not ${blockedWith(post.post.authorId)}`));
  if (people.length === 0) return;
  const name = post.post.anonymised ? '—' : post.authorName;
  const threadId = post.post.threadId ?? post.post.id;
  await tx.db.insert(notifications).values(
    people.map((p) => ({
      organizationId: post.post.organizationId,
      userId: p.userId,
      kind: 'community_mention' satisfies NotificationKind,
      ...mentionMessage[localeSchema.catch('en').parse(p.locale)](name),
      link: `/community/threads/${threadId}`,
    })),
  );
  await tx.db
    .update(communityMentions)
    .set({ notifiedAt: new Date() })
    .where(and(eq(communityMentions.postId, postId), inArray(communityMentions.memberId, people.map((p) => p.memberId))));
  await afterCommit(tx, async () => {
    await Promise.all(people.map((p) => tx.realtime.publish(userChannel(p.userId), { type: 'notification.created', kind: 'community_mention' })));
  });
}
