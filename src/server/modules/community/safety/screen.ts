import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { CrisisMatch } from '../../../../shared/crisis/index.js';
import type { SafetyRules } from '../../../../shared/schemas/community.js';
import { communityPosts, communityQueueItems, participants, peerAssignments, programs } from '../../../db/schema/index.js';
import type { AuthedContext, RequestContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { raiseAlert } from '../../alerts/raise.js';
import { crisisQuote } from '../../messaging/crisis-reason.js';
import { accountAgeDays, type MemberRow } from '../members.js';
import { tellModerators } from '../moderators.js';
import { currentRules } from '../rule-set.js';
import { checkText, holdingRules } from './check-text.js';

export interface Screening {
  ruleVersion: number;
  rules: SafetyRules;
  /** Rule keys that hold the text for review; empty when it may be published. */
  held: string[];
  crisis: CrisisMatch[];
}

/**
 * The checks every post, reply, story and room message passes before anyone else sees it. New
 * accounts post slower: past the hourly limit the writer is asked to wait (429).
 */
export async function screenText(ctx: AuthedContext, writer: MemberRow, text: string, targetMemberId: string | null): Promise<Screening> {
  const { version, rules } = await currentRules(ctx.db, writer.organizationId);
  const writerAge = await accountAgeDays(ctx.db, writer.id);
  const limit = writerAge < rules.newAccountDays ? rules.postsPerHourNew : rules.postsPerHour;
  const [recent] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(communityPosts)
    .where(and(eq(communityPosts.authorId, writer.id), gt(communityPosts.createdAt, new Date(Date.now() - 3_600_000))));
  if ((recent?.n ?? 0) >= limit) throw new AppError('rate.limited', 'You have posted a lot in the last hour. Please wait a little before posting again.');
  const target = targetMemberId && targetMemberId !== writer.id ? { accountAgeDays: await accountAgeDays(ctx.db, targetMemberId) } : null;
  const check = checkText(text, rules);
  return { ruleVersion: version, rules, held: holdingRules(check, rules, { accountAgeDays: writerAge }, target), crisis: check.crisis };
}

/** The most urgent rule first: dealing and brokering, then contact, then links. */
export function urgencyOf(rules: string[]): number {
  if (rules.some((r) => r.startsWith('dealing') || r.startsWith('brokering'))) return 1;
  if (rules.some((r) => r.startsWith('contact'))) return 2;
  return 3;
}

export interface QueueSource {
  organizationId: string;
  spaceId: string | null;
  postId?: string;
  storyId?: string;
  memberId: string;
}

/** A held text goes to the moderators' queue, and their open screens hear of it. */
export async function queueHeld(tx: RequestContext, source: QueueSource, rules: string[]): Promise<void> {
  const [item] = await tx.db
    .insert(communityQueueItems)
    .values({ organizationId: source.organizationId, kind: 'held', urgency: urgencyOf(rules), postId: source.postId ?? null, storyId: source.storyId ?? null, memberId: source.memberId, rules })
    .returning({ id: communityQueueItems.id });
  await tellModerators(tx, source.organizationId, source.spaceId, { type: 'community.queue', queueItemId: item!.id, kind: 'held' });
}

export interface CrisisSupport {
  crisisLine: string;
  safetyPlan: boolean;
  peerWorkerTold: boolean;
}

/**
 * Crisis language: the words are published (or held, if another rule says so) and never lost. The
 * writer's peer worker gets an urgent alert, the community's moderators see it at once on their
 * screens and first in their queue, and the writer is shown kindness and where to get help now.
 */
export async function answerCrisis(tx: AuthedContext, source: QueueSource & { text: string; matches: CrisisMatch[] }): Promise<CrisisSupport> {
  const participantId = tx.actor.participantId;
  let peerWorkerTold = false;
  let crisisLine = tx.config.CRISIS_LINE;
  if (participantId) {
    const [p] = await tx.db
      .select({ crisisLine: programs.crisisLine })
      .from(participants)
      .innerJoin(programs, eq(programs.id, participants.programId))
      .where(eq(participants.id, participantId));
    crisisLine = p?.crisisLine ?? crisisLine;
    const peers = await tx.db
      .select({ id: peerAssignments.id })
      .from(peerAssignments)
      .where(and(eq(peerAssignments.participantId, participantId), isNull(peerAssignments.endedAt)));
    peerWorkerTold = peers.length > 0;
    await raiseAlert(tx, {
      participantId,
      kind: 'crisis_language',
      severity: 'urgent',
      reason: `A community ${source.storyId ? 'story' : 'post'} used crisis language: "${crisisQuote(source.text, source.matches[0]!)}". Please reach out now and go through their safety plan together.`,
      sourceType: source.storyId ? 'community_story' : 'community_post',
      sourceId: source.storyId ?? source.postId,
    });
  }
  const [item] = await tx.db
    .insert(communityQueueItems)
    .values({ organizationId: source.organizationId, kind: 'crisis', urgency: 0, postId: source.postId ?? null, storyId: source.storyId ?? null, memberId: source.memberId, rules: ['crisis.language'] })
    .returning({ id: communityQueueItems.id });
  await tellModerators(tx, source.organizationId, source.spaceId, {
    type: 'community.crisis',
    queueItemId: item!.id,
    postId: source.postId ?? null,
    storyId: source.storyId ?? null,
    spaceId: source.spaceId,
  });
  return { crisisLine, safetyPlan: Boolean(participantId), peerWorkerTold };
}
