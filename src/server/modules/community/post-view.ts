import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Post } from '../../../shared/schemas/community.js';
import type { ReactionKind } from '../../../shared/community/vocabulary.js';
import type { Db } from '../../db/client.js';
import { communityBlocks, communityMembers, communityMentions, communityPosts, communityReactions } from '../../db/schema/index.js';

type Mention = Post['mentions'][number];
import { peerWorkerFlag } from './members.js';

export interface Viewer {
  memberId: string | null;
  peerStaff: boolean;
}

/** Members hidden from the viewer: those they blocked or muted, and those who blocked them. */
export function hiddenAuthors(memberId: string | null): SQL | undefined {
  if (!memberId) return undefined;
  return sql`${communityPosts.authorId} not in (select ${communityBlocks.otherId} from ${communityBlocks} where ${communityBlocks.memberId} = ${memberId}
    union select ${communityBlocks.memberId} from ${communityBlocks} where ${communityBlocks.otherId} = ${memberId} and ${communityBlocks.kind} = 'block')`;
}

/**
 * What a viewer may read: published posts, and their own whatever their state (a writer sees that
 * their post is held or why it was removed); "for peer workers only" posts only for peer staff;
 * nothing by someone hidden by a block. Moderators of the space also see held and removed posts:
 * a removed post is gone for members but kept for the moderators' record.
 */
export function readablePosts(viewer: Viewer, moderator: boolean): SQL {
  const mine = viewer.memberId ? eq(communityPosts.authorId, viewer.memberId) : undefined;
  return and(
    moderator ? undefined : or(eq(communityPosts.status, 'published'), mine),
    viewer.peerStaff || moderator ? undefined : or(eq(communityPosts.peerWorkersOnly, false), mine),
    hiddenAuthors(viewer.memberId),
  )!;
}

export const postColumns = (viewerMemberId: string | null) => ({
  post: communityPosts,
  authorName: communityMembers.communityName,
  authorPeerWorker: peerWorkerFlag(communityMembers.userId),
  myReactions: viewerMemberId
    ? sql<ReactionKind[]>`coalesce((select array_agg(${communityReactions.kind}::text order by ${communityReactions.kind}) from ${communityReactions} where ${communityReactions.postId} = ${communityPosts.id} and ${communityReactions.memberId} = ${viewerMemberId}), '{}')`
    : sql<ReactionKind[]>`'{}'::text[]`,
  // Mentions are shown only while no block separates the writer and the person named.
  mentions: sql<Mention[] | string>`coalesce((select json_agg(json_build_object('id', m.id, 'communityName', m.community_name) order by m.community_name)
    from ${communityMentions} cm join ${communityMembers} m on m.id = cm.member_id
    where cm.post_id = ${communityPosts.id} and m.left_at is null and not exists (select 1 from ${communityBlocks} b where b.kind = 'block'
      and ((b.member_id = ${communityPosts.authorId} and b.other_id = m.id) or (b.other_id = ${communityPosts.authorId} and b.member_id = m.id)))), '[]'::json)`,
  replyCount: sql<number>`(select count(*) from community_posts r where r.thread_id = ${communityPosts.id} and r.id <> ${communityPosts.id} and r.status = 'published')`.mapWith(Number),
});

export function selectPosts(db: Db, viewerMemberId: string | null) {
  return db.select(postColumns(viewerMemberId)).from(communityPosts).innerJoin(communityMembers, eq(communityMembers.id, communityPosts.authorId));
}

type PostRow = Awaited<ReturnType<ReturnType<typeof selectPosts>['where']>>[number];

export function toPost(row: PostRow, viewer: Viewer, moderator: boolean): Post {
  const p = row.post;
  const mine = viewer.memberId === p.authorId;
  const seesWhy = mine || moderator;
  return {
    id: p.id,
    spaceId: p.spaceId,
    threadId: p.threadId ?? p.id,
    author: p.anonymised ? null : { id: p.authorId, communityName: row.authorName, peerWorker: Boolean(row.authorPeerWorker) },
    mine,
    title: p.title,
    body: p.body,
    mentions: typeof row.mentions === 'string' ? (JSON.parse(row.mentions) as Mention[]) : row.mentions,
    peerWorkersOnly: p.peerWorkersOnly,
    status: p.status,
    heldFor: seesWhy ? p.heldFor : [],
    removalReason: seesWhy ? p.removalReason : null,
    myReactions: Array.isArray(row.myReactions) ? row.myReactions : parseArray(row.myReactions),
    replyCount: row.replyCount,
    createdAt: p.createdAt.toISOString(),
    editedAt: p.editedAt?.toISOString() ?? null,
  };
}

/** node-postgres and PGlite may hand a text[] back as its literal. */
function parseArray(value: unknown): ReactionKind[] {
  if (typeof value !== 'string') return [];
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) as ReactionKind[];
}

export async function loadPostsByIds(db: Db, ids: string[], viewer: Viewer, moderator: boolean): Promise<Post[]> {
  if (ids.length === 0) return [];
  const rows = await selectPosts(db, viewer.memberId).where(inArray(communityPosts.id, ids));
  const byId = new Map(rows.map((r) => [r.post.id, toPost(r, viewer, moderator)]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
